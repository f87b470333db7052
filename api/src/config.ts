import os from 'node:os';
import path from 'node:path';

/** Every environment variable the server reads, parsed and validated once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  /** Project root: relative paths in the environment are resolved against it. */
  rootDir: string;
  dataDir: string;
  runsDir: string;
  databaseUrl: string;
  openbenchBin: string;
  pythonBin: string;
  evalsDir: string;
  clientDir: string;
  maxConcurrentRuns: number;
  catalogTtlMs: number;
  cancelGraceMs: number;
  /** Per stored stream (stdout.log, stderr.log); past it a marker line and the rest is dropped. */
  logCapBytes: number;
  logTailDefaultLines: number;
  allowedOrigins: string[];
  production: boolean;
  signupOpen: boolean;
  /** Base64 master key from MASTER_KEY; else the key file (created on first start). */
  masterKey: string | undefined;
  masterKeyFile: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** 'auto': Secure when the request came over https (or X-Forwarded-Proto says so behind TRUST_PROXY). */
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  introspection: boolean;
  /** Set: runs go through a BullMQ queue on this Redis and execute in `npm run worker` processes. */
  redisUrl: string | null;
  /** Names this process in runs it executes ("which worker runs what"). */
  workerName: string;
  /** Runs one worker process executes at once. */
  workerConcurrency: number;
  /** A job whose worker stops renewing its lock for this long is taken as dead. */
  workerLockMs: number;
}

export class ConfigError extends Error {}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!values.includes(raw as T))
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, rootDir = ROOT): AppConfig {
  const resolve = (p: string) => path.resolve(rootDir, p);
  const dataDir = resolve(env.DATA_DIR || 'data');
  const openbenchBin = resolve(env.OPENBENCH_BIN || '.venv/bin/bench');
  const databaseUrl = env.DATABASE_URL || `sqlite:${path.join(dataDir, 'openbench-web.sqlite')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${databaseUrl}"`);
  }
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(`REDIS_URL must start with redis:// or rediss://, got "${redisUrl}"`);
  }
  const maxConcurrentRuns = int(env, 'MAX_CONCURRENT_RUNS', 2, 1, 64);
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    rootDir,
    dataDir,
    runsDir: path.join(dataDir, 'runs'),
    databaseUrl,
    openbenchBin,
    // The catalog script must run on the interpreter that provides `bench`, so by default it
    // is the `python` next to it in the same virtual environment.
    pythonBin: resolve(env.OPENBENCH_PYTHON || path.join(path.dirname(openbenchBin), 'python')),
    evalsDir: resolve(env.EVALS_DIR || 'data/evals'),
    clientDir: resolve(env.CLIENT_DIR || 'client/dist'),
    maxConcurrentRuns,
    catalogTtlMs: int(env, 'CATALOG_TTL_SECONDS', 600, 1, 86_400) * 1000,
    cancelGraceMs: int(env, 'CANCEL_GRACE_SECONDS', 10, 0, 600) * 1000,
    logCapBytes: int(env, 'MAX_LOG_BYTES', 200 * 1024 * 1024, 1024, 2 ** 50),
    logTailDefaultLines: 200,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    production: env.NODE_ENV === 'production',
    signupOpen: oneOf(env, 'SIGNUP', ['open', 'closed'], 'open') === 'open',
    masterKey: env.MASTER_KEY || undefined,
    masterKeyFile: resolve(env.MASTER_KEY_FILE || path.join(dataDir, 'master.key')),
    sessionIdleMs: int(env, 'SESSION_IDLE_HOURS', 72, 1, 24 * 365) * 3_600_000,
    sessionAbsoluteMs: int(env, 'SESSION_MAX_DAYS', 30, 1, 365) * 86_400_000,
    cookieSecure: { auto: 'auto' as const, true: true, false: false }[
      oneOf(env, 'COOKIE_SECURE', ['auto', 'true', 'false'], 'auto')
    ],
    trustProxy: oneOf(env, 'TRUST_PROXY', ['true', 'false'], 'false') === 'true',
    introspection:
      oneOf(env, 'INTROSPECTION', ['on', 'off'], env.NODE_ENV === 'production' ? 'off' : 'on') === 'on',
    redisUrl,
    workerName: env.WORKER_NAME || `${os.hostname()}:${process.pid}`,
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', maxConcurrentRuns, 1, 64),
    workerLockMs: int(env, 'WORKER_LOCK_SECONDS', 30, 2, 3600) * 1000,
  };
}
