import fs from 'node:fs';
import { describeFailure } from '../openbench/failure.js';
import { readInspectLogHeader, type InspectLogHeader } from '../openbench/inspectLog.js';
import { childEnvironment, startBenchProcess, type BenchProcess } from '../openbench/process.js';
import { parseProgressLine, type ProgressUpdate } from '../openbench/progress.js';
import { buildSummary, type Summary } from '../openbench/summary.js';
import type { RunDirectory } from './artifacts.js';
import { countStoredLines, RunLogWriter, type LogLine } from './logStore.js';
import { tailLines } from './logTail.js';
import { RUN_ID_VARIABLE } from './orphans.js';

export interface ExecutionHooks {
  onSpawn(process: BenchProcess): void | Promise<void>;
  onProgress(progress: ProgressUpdate): void;
  onLines(lines: LogLine[]): void;
}

export interface ExecutionOutcome {
  exitCode: number | null;
  signal: string | null;
  header: InspectLogHeader | null;
  summary: Summary;
  /** Null when the run succeeded: exit code 0 and an inspect log with status "success". */
  error: string | null;
}

export interface BenchCommand {
  bin: string;
  /** `bench eval …` for a fresh run, `bench eval-retry …` to resume one. */
  args: string[];
  /** Provider keys for this run only. */
  env: Record<string, string>;
  /** Resuming: output goes on after the lines of the earlier attempt. */
  append: boolean;
}

/**
 * Runs one `bench` command for a run and collects its artifacts: output files while it runs,
 * then the inspect log copied to openbench.log.json and summary.json. Never throws for a
 * failed evaluation — that is an outcome; it throws only when the run directory itself is
 * unusable.
 */
export async function executeRun(
  dir: RunDirectory,
  command: BenchCommand,
  hooks: ExecutionHooks,
  options: { logCapBytes: number; redact: (text: string) => string },
): Promise<ExecutionOutcome> {
  const files = { stdout: dir.file('stdout.log'), stderr: dir.file('stderr.log') };
  const stored = command.append
    ? { stdout: await countStoredLines(files.stdout), stderr: await countStoredLines(files.stderr) }
    : null;
  const output = new RunLogWriter(
    files,
    options.logCapBytes,
    (lines) => {
      hooks.onLines(lines);
      for (const line of lines) {
        const progress = line.stream === 'stdout' ? parseProgressLine(line.text) : null;
        if (progress) hooks.onProgress(progress);
      }
    },
    options.redact,
    stored,
  );
  const child = startBenchProcess({
    bin: command.bin,
    args: command.args,
    cwd: dir.dir,
    // The run id in the environment marks every process of the run, grandchildren included,
    // so a later process can tell the run's orphans from strangers (orphans.ts).
    env: childEnvironment(process.env, { ...command.env, [RUN_ID_VARIABLE]: dir.runId }),
    output,
  });
  await hooks.onSpawn(child);
  const exit = await child.exited;

  const logFile = await dir.findInspectLog();
  let header: InspectLogHeader | null = null;
  let readError: string | undefined;
  if (logFile) {
    // A hard link costs nothing even for a log of gigabytes; a copy where links are impossible.
    await fs.promises.rm(dir.file('openbench.log.json'), { force: true });
    await fs.promises
      .link(logFile, dir.file('openbench.log.json'))
      .catch(() => fs.promises.copyFile(logFile, dir.file('openbench.log.json')));
    header = await readInspectLogHeader(dir.file('openbench.log.json')).catch((error: Error) => {
      readError = `The inspect log could not be read: ${error.message}`;
      return null;
    });
  }
  const summary = buildSummary(header, readError);
  await dir.writeJson('summary.json', summary);

  const succeeded = exit.exitCode === 0 && header?.status === 'success';
  const error = succeeded
    ? null
    : (exit.spawnError ??
      describeFailure({
        exitCode: exit.exitCode,
        signal: exit.signal,
        header,
        stderrTail: await tailLines(dir.file('stderr.log'), 40),
      }));
  return { exitCode: exit.exitCode, signal: exit.signal, header, summary, error };
}
