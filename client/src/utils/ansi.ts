/**
 * ANSI escape handling for the log viewer. bench runs with `--display plain`, but Python
 * libraries and warnings still colour their output; raw escapes ("\x1b[33m") must never reach
 * the screen. SGR colour codes become styled segments, every other escape is dropped.
 */

export interface AnsiSegment {
  text: string;
  /** CSS class names for the colours and weight, e.g. "ansi-fg-3 ansi-bold"; '' when plain. */
  classes: string;
}

// CSI sequences (ESC [ … final byte), OSC sequences (ESC ] … BEL or ESC \), and lone two-byte
// escapes. Only CSI "m" (SGR) carries styling; the rest is cursor movement and titles.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?/g;

interface Style {
  fg: string | null;
  bg: string | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

const PLAIN: Style = { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false };

/** True when the text holds an escape character (most lines do not; they skip all parsing). */
export function hasAnsi(text: string): boolean {
  return text.includes('\x1b');
}

/** The text without any escape sequences (for filtering and copying). */
export function stripAnsi(text: string): string {
  return hasAnsi(text) ? text.replace(ESCAPE, '') : text;
}

/** Splits a line into styled segments. Colours use the 16 standard slots and 256/true colour. */
export function parseAnsi(text: string): AnsiSegment[] {
  if (!hasAnsi(text)) return [{ text, classes: '' }];
  const segments: AnsiSegment[] = [];
  let style: Style = { ...PLAIN };
  let last = 0;
  for (const match of text.matchAll(ESCAPE)) {
    const index = match.index ?? 0;
    if (index > last) segments.push(segment(text.slice(last, index), style));
    last = index + match[0].length;
    if (match[2] === 'm') style = applySgr(style, match[1] ?? '');
  }
  if (last < text.length) segments.push(segment(text.slice(last), style));
  return segments.length > 0 ? segments : [{ text: '', classes: '' }];
}

function segment(text: string, style: Style): AnsiSegment {
  const classes: string[] = [];
  if (style.fg) classes.push(`ansi-fg-${style.fg}`);
  if (style.bg) classes.push(`ansi-bg-${style.bg}`);
  if (style.bold) classes.push('ansi-bold');
  if (style.dim) classes.push('ansi-dim');
  if (style.italic) classes.push('ansi-italic');
  if (style.underline) classes.push('ansi-underline');
  return { text, classes: classes.join(' ') };
}

/**
 * Applies one SGR parameter list. 256-colour and true-colour requests are mapped to the nearest
 * of the 16 palette slots: the viewer's palette is tuned for contrast on its dark background,
 * and arbitrary RGB values from a library would not be.
 */
function applySgr(current: Style, params: string): Style {
  const style = { ...current };
  const codes = params === '' ? [0] : params.split(';').map((p) => Number(p) || 0);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) Object.assign(style, PLAIN);
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 3) style.italic = true;
    else if (code === 4) style.underline = true;
    else if (code === 22) style.bold = style.dim = false;
    else if (code === 23) style.italic = false;
    else if (code === 24) style.underline = false;
    else if (code >= 30 && code <= 37) style.fg = String(code - 30);
    else if (code >= 90 && code <= 97) style.fg = String(code - 90 + 8);
    else if (code === 39) style.fg = null;
    else if (code >= 40 && code <= 47) style.bg = String(code - 40);
    else if (code >= 100 && code <= 107) style.bg = String(code - 100 + 8);
    else if (code === 49) style.bg = null;
    else if (code === 38 || code === 48) {
      const [slot, used] = extendedColour(codes, i + 1);
      if (code === 38) style.fg = slot;
      else style.bg = slot;
      i += used;
    }
  }
  return style;
}

/** Reads "5;n" or "2;r;g;b" after 38/48; returns the palette slot and how many codes it used. */
function extendedColour(codes: number[], at: number): [string | null, number] {
  if (codes[at] === 5) {
    const n = codes[at + 1] ?? 0;
    if (n < 16) return [String(n), 2];
    if (n >= 232) return [n < 244 ? '8' : '7', 2]; // the grey ramp
    const cube = n - 16;
    return [nearest(Math.floor(cube / 36) * 51, (Math.floor(cube / 6) % 6) * 51, (cube % 6) * 51), 2];
  }
  if (codes[at] === 2) {
    return [nearest(codes[at + 1] ?? 0, codes[at + 2] ?? 0, codes[at + 3] ?? 0), 4];
  }
  return [null, 0];
}

function nearest(r: number, g: number, b: number): string {
  const bright = Math.max(r, g, b) > 170;
  const bit = (v: number) => (v > 85 ? 1 : 0);
  const slot = bit(r) + bit(g) * 2 + bit(b) * 4;
  return String(bright ? slot + 8 : slot);
}
