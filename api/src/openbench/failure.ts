import type { InspectLogHeader } from './inspectLog.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
const BOX = /[\u2500-\u257f]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * The clearest explanation of a failed run: the inspect log's own error first; then bench's
 * `❌` line (exceptions at set-up, e.g. a missing API key); then the text inside a usage-error
 * box (exit code 2: unknown benchmark, bad option), then the last lines of stderr.
 */
export function describeFailure(input: {
  exitCode: number | null;
  signal: string | null;
  stderrTail: string[];
  header: InspectLogHeader | null;
}): string {
  const { header, exitCode, signal } = input;
  if (header?.error?.message) return header.error.message.trim();
  const lines = input.stderrTail.map((l) => stripAnsi(l).replace(BOX, '').trim()).filter(Boolean);
  // bench prints `❌ <message>`, sometimes explanation lines, then a hint about --debug.
  const marked = lines.findIndex((l) => l.startsWith('❌'));
  if (marked >= 0) {
    const rest = lines.slice(marked + 1);
    const end = rest.findIndex((l) => /^For full stack trace/.test(l) || l.startsWith('❌'));
    return [lines[marked]!.replace(/^❌\s*/, ''), ...rest.slice(0, end < 0 ? 3 : end)].join('\n');
  }
  const usage = lines.findIndex((l) => /^Error\b/.test(l));
  if (usage >= 0) {
    const body = lines.slice(usage + 1, usage + 4).join(' ');
    // The unknown-benchmark message lists every key: keep its first sentence only.
    return body.length > 400 ? `${body.slice(0, 400)}…` : body || lines[usage]!;
  }
  if (header && header.status !== 'success') return `The evaluation ended with status "${header.status}".`;
  const tail = lines.slice(-3).join('\n');
  if (signal) return `bench was stopped by ${signal}${tail ? `: ${tail}` : ''}`;
  if (exitCode !== 0) return `bench exited with code ${exitCode}${tail ? `: ${tail}` : ''}`;
  return tail || 'bench wrote no inspect log.';
}
