import { stripAnsi } from './ansi';

/** The marker the server writes when it stopped storing a stream's output (api logStore.ts). */
export const TRUNCATION_MARKER = '[openbench-web] output truncated:';

/**
 * The lines of one output stream held by the browser, with their server line numbers.
 *
 * Deliberately not reactive: a busy run appends thousands of lines a second, and Vue tracking
 * every push would cost more than rendering them. Readers watch a version counter that the
 * owner bumps on its flush timer instead.
 *
 * Memory is bounded: past `maxLines` the oldest lines are dropped in chunks (one splice per
 * chunk rather than one shift per line) and counted in `dropped`.
 */
export class LogLineBuffer {
  /** Line texts as received (ANSI escapes included; the view renders or strips them). */
  readonly texts: string[] = [];
  /** The server's line number (0-based) of each entry of `texts`. */
  readonly numbers: number[] = [];
  /** Lines discarded from the front to stay under the cap. */
  dropped = 0;
  /** The next line number expected from the server: the resume offset for this stream. */
  nextLine = 0;

  constructor(readonly maxLines = 200_000) {}

  get length(): number {
    return this.texts.length;
  }

  /**
   * Appends lines numbered from `firstLine`. Lines already held (a replay after a reconnect
   * overlapping what arrived before) are skipped, so nothing shows twice.
   */
  append(firstLine: number, lines: string[]): number {
    const skip = Math.max(0, this.nextLine - firstLine);
    if (skip >= lines.length) return 0;
    for (let i = skip; i < lines.length; i++) {
      this.texts.push(lines[i]!);
      this.numbers.push(firstLine + i);
    }
    this.nextLine = firstLine + lines.length;
    this.trim();
    return lines.length - skip;
  }

  /** Entry index → the global sequence number it had when appended (stable across drops). */
  seqOf(index: number): number {
    return this.dropped + index;
  }

  indexOfSeq(seq: number): number {
    return seq - this.dropped;
  }

  clear(): void {
    this.texts.length = 0;
    this.numbers.length = 0;
    this.dropped = 0;
    this.nextLine = 0;
  }

  private trim(): void {
    const excess = this.texts.length - this.maxLines;
    if (excess <= 0) return;
    // Drop a tenth more than needed so the next appends do not splice again right away.
    const count = Math.min(this.texts.length, excess + Math.ceil(this.maxLines / 10));
    this.texts.splice(0, count);
    this.numbers.splice(0, count);
    this.dropped += count;
  }
}

/** True for the line the server writes where it stopped storing output. */
export function isTruncationMarker(text: string): boolean {
  return text.startsWith(TRUNCATION_MARKER);
}

/**
 * What a terminal would show for the line: text before a carriage return is overwritten by the
 * text after it (progress bars redraw themselves that way).
 */
export function visibleText(text: string): string {
  const line = text.endsWith('\r') ? text.slice(0, -1) : text;
  const cr = line.lastIndexOf('\r');
  return cr === -1 ? line : line.slice(cr + 1);
}

/** The searchable form of a line: no escapes, no overwritten text, lower case. */
export function searchableText(text: string): string {
  return stripAnsi(visibleText(text)).toLowerCase();
}
