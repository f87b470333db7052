import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (client/e2e/../..). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const READY = /OpenBench Web is running at (http:\/\/\S+)/;

export interface ServerOptions {
  /** Extra environment for the server (e.g. MAX_CONCURRENT_RUNS), over the test's own. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Starts the real API server (which also serves client/dist) on a free port with a fresh data
 * directory, exactly as `npm start` would, and resolves with its URL once it says it listens.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  if (!fs.existsSync(path.join(ROOT, 'client/dist/index.html'))) {
    throw new Error(
      'client/dist is missing: run `npm run build -w client` first (npm run test:e2e -w client does).',
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-e2e-'));
  // Jest's NODE_OPTIONS (--experimental-vm-modules) is for jest only, not for the server.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
  };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not start within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const onData = (): void => {
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The server exited (code ${code}, signal ${signal}) before it was ready. Output:\n${output}`,
        ),
      );
    });
  });

  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
