const MASK = '[REDACTED]';

/**
 * A function that masks every given secret in a text. Secrets shorter than 6 characters are
 * masked too: a key is never too short to protect. Output is redacted line by line after lines
 * are reassembled, so a secret split across two writes of the child is still caught.
 */
export function redactor(secrets: string[]): (text: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const value of values) if (out.includes(value)) out = out.split(value).join(MASK);
    return out;
  };
}
