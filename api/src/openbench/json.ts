/**
 * Inspect writes Python's bare `NaN`, `Infinity` and `-Infinity` tokens, which JSON.parse
 * rejects. They are rewritten (outside strings only) to sentinel strings and revived as numbers.
 */
const SENTINEL = '\u0000num:';

export function parseInspectJson(text: string): unknown {
  const quoted = quoteNonFinite(text);
  // A reviver makes JSON.parse several times slower: use it only when there is something to revive.
  if (quoted === text) return JSON.parse(text);
  return JSON.parse(quoted, (_key, value: unknown) => {
    if (typeof value === 'string' && value.startsWith(SENTINEL)) return Number(value.slice(SENTINEL.length));
    return value;
  });
}

function quoteNonFinite(text: string): string {
  if (!/NaN|Infinity/.test(text)) return text;
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    const match = /^(-?Infinity|NaN)/.exec(text.slice(i, i + 9));
    if (match) {
      out += text.slice(last, i) + JSON.stringify(SENTINEL + match[1]);
      i += match[1]!.length - 1;
      last = i + 1;
    }
  }
  return out + text.slice(last);
}
