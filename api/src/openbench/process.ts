import fs from 'node:fs';
import { execa } from 'execa';

/** Server variables a run may see. Everything else (secrets, DATABASE_URL, …) stays out. */
const ENV_ALLOWLIST = [
  'PATH',
  'HOME',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'TMPDIR',
  'SSL_CERT_FILE',
  'REQUESTS_CA_BUNDLE',
];

/**
 * The explicit environment of a bench child: the allowlist, settings that make its output
 * parseable (unbuffered, wide, no colours), and the provider key variables of that run only.
 */
export function childEnvironment(
  serverEnv: NodeJS.ProcessEnv,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ENV_ALLOWLIST) {
    const value = serverEnv[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
    COLUMNS: '200',
    NO_COLOR: '1',
    TERM: 'dumb',
    // Inspect and openbench otherwise look for a .env file upward from the working directory.
    INSPECT_DISABLE_DOTENV: '1',
  });
  return { ...env, ...extra };
}

export type OutputStream = 'stdout' | 'stderr';

/** Where a child's output goes: awaited per chunk, so a slow sink slows the child (backpressure). */
export interface OutputSink {
  write(stream: OutputStream, chunk: string): Promise<void> | void;
  end(): Promise<void>;
}

export interface BenchProcessOptions {
  bin: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  output: OutputSink;
}

export interface ProcessExit {
  exitCode: number | null;
  signal: string | null;
  /** Set when the process could not be started at all (e.g. the binary is missing). */
  spawnError: string | null;
}

export interface BenchProcess {
  pid: number | undefined;
  exited: Promise<ProcessExit>;
  /** Signals the child's whole process group (bench starts workers of its own). */
  signalGroup(signal: NodeJS.Signals): boolean;
}

/**
 * Starts `bench` in its own process group; its output goes to the sink chunk by chunk (decoded
 * as UTF-8 across chunk boundaries), never buffered whole.
 */
export function startBenchProcess(options: BenchProcessOptions): BenchProcess {
  const [file, args] = dieWithParent(options.bin, options.args);
  const child = execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    buffer: false,
    reject: false,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    cleanup: false,
  });
  const pumps = [pump(child.stdout, 'stdout', options.output), pump(child.stderr, 'stderr', options.output)];
  const exited = (async (): Promise<ProcessExit> => {
    const result = await child;
    await Promise.all(pumps);
    await options.output.end();
    const spawnError =
      result.failed && result.exitCode === undefined && !result.signal
        ? (result.message ?? 'bench could not start')
        : null;
    return { exitCode: result.exitCode ?? null, signal: result.signal ?? null, spawnError };
  })();
  return {
    pid: child.pid,
    exited,
    signalGroup(signal) {
      return signalProcessGroup(child.pid, signal);
    },
  };
}

const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p)) ?? null;

/**
 * On Linux, bench is started through util-linux's `setpriv --pdeathsig KILL`, which sets the
 * parent-death signal and then execs bench (same pid): when the process that started it dies
 * (a crashed server, a SIGKILLed queue worker), bench is killed at once instead of running on
 * unsupervised — its partial log stays as it was, for a resume. A binary that is not there or
 * not executable is started directly, so the spawn error names it.
 */
function dieWithParent(bin: string, args: string[]): [string, string[]] {
  if (!SETPRIV) return [bin, args];
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    return [bin, args];
  }
  return [SETPRIV, ['--pdeathsig', 'KILL', '--', bin, ...args]];
}

export function signalProcessGroup(pid: number | undefined | null, signal: NodeJS.Signals | 0): boolean {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function pump(
  source: NodeJS.ReadableStream | null,
  stream: OutputStream,
  sink: OutputSink,
): Promise<void> {
  if (!source) return;
  source.setEncoding('utf8');
  for await (const chunk of source as AsyncIterable<string>) await sink.write(stream, chunk);
}
