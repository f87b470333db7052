import type { RunConfig } from './runConfig.js';

/**
 * Turns a run configuration into the argv of `bench eval`. The result is an array handed to
 * the process directly (never through a shell); `formatCommand` renders it for command.txt.
 */
export function buildEvalArgs(config: RunConfig, logDir: string): string[] {
  const args = ['eval', config.target, '--model', config.model];
  // Structured, machine-readable output: a JSON inspect log in the run's own directory and
  // plain progress lines on stdout (the rich display draws a TUI that cannot be parsed).
  args.push('--log-dir', logDir, '--log-format', 'json', '--display', 'plain');
  const numeric: [keyof RunConfig, string][] = [
    ['limit', '--limit'],
    ['temperature', '--temperature'],
    ['top_p', '--top-p'],
    ['max_tokens', '--max-tokens'],
    ['timeout', '--timeout'],
    ['epochs', '--epochs'],
    ['max_connections', '--max-connections'],
    ['seed', '--seed'],
  ];
  for (const [key, flag] of numeric) {
    const value = config[key];
    if (typeof value === 'number') args.push(flag, String(value));
  }
  if (config.alpha) args.push('--alpha');
  if (config.reasoning_effort) args.push('--reasoning-effort', config.reasoning_effort);
  for (const [key, value] of Object.entries(config.task_args)) args.push('-T', `${key}=${value}`);
  for (const [key, value] of Object.entries(config.model_args)) args.push('-M', `${key}=${value}`);
  return args;
}

const SAFE_WORD = /^[A-Za-z0-9_/.,:=@%+-]+$/;

/** POSIX-shell quoting: the output pasted into sh/bash/zsh yields exactly `word`. */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function formatCommand(bin: string, args: readonly string[]): string {
  return [bin, ...args].map(shellQuote).join(' ');
}

/**
 * The resume of a run whose process died: scripts/openbench_retry.py runs inspect's
 * eval_retry (what `bench eval-retry` runs) on the partial log, so only the missing samples
 * run, writing a JSON log beside it. Model, arguments and limits come from the log itself.
 */
export function buildRetryArgs(
  scriptPath: string,
  partialLog: string,
  logDir: string,
  evalsDir: string,
): string[] {
  return [scriptPath, partialLog, '--log-dir', logDir, '--evals-dir', evalsDir];
}
