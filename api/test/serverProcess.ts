import { spawn, type ChildProcess } from 'node:child_process';
import { databaseFor, gqlAt, logIn, ROOT, signUp } from './helpers.js';

export interface ServerProcess {
  url: string;
  /** Session cookie of the test admin (signed up on first start, logged in afterwards). */
  cookie: string;
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
}

interface NodeProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | string | null>;
  /** The first match of `ready` in stdout. */
  ready: RegExpExecArray;
}

/** Starts one of the API's entry points with tsx and waits for its readiness line. */
async function spawnEntry(entry: string, env: Record<string, string>, ready: RegExp): Promise<NodeProcess> {
  // With TEST_DATABASE_URL, a data dir's processes share a PostgreSQL database of its own.
  const database = env.DATA_DIR && !env.DATABASE_URL ? await databaseFor(env.DATA_DIR) : {};
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    void exited.then(() => reject(new Error(`${entry} exited:\n${output}`)));
  });
  return { child, output: () => output, exited, ready: match };
}

/** The real server as its own process (`node --import tsx api/src/main.ts`), on a free port. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const { child, output, exited, ready } = await spawnEntry(
    'api/src/main.ts',
    { PORT: '0', HOST: '127.0.0.1', ...env },
    /running at (http:\/\/[^\s]+)/,
  );
  const url = ready[1]!;
  const cookie = await signUp(url, 'admin').catch(() => logIn(url, 'admin'));
  return { url, cookie, gql: (q, v) => gqlAt(url, q, v, cookie), child, output, exited };
}

export type WorkerProcess = Omit<NodeProcess, 'ready'>;

/** A queue worker as its own process (`node --import tsx api/src/worker.ts`), once it takes jobs. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const { child, output, exited } = await spawnEntry('api/src/worker.ts', env, /is taking runs/);
  return { child, output, exited };
}
