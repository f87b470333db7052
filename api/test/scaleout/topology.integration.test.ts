import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { processGroupMembers } from '../../src/runs/orphans.js';
import { databaseFor, signUp, tempDir, waitFor } from '../helpers.js';
import { spawnServer, spawnWorker, type ServerProcess, type WorkerProcess } from '../serverProcess.js';
import { subscribeRunEvents, wsClient, type EventLine } from '../wsClient.js';

// The scale-out topology without containers: two API processes and two queue workers sharing
// one PostgreSQL database, one Redis and one DATA_DIR — what docker/compose.yaml's `scale`
// profile starts. scripts/test.mjs provides the servers (TEST_DATABASE_URL, TEST_REDIS_URL).
const REDIS_URL = process.env.TEST_REDIS_URL;
const LOCK_SECONDS = 4;
// A dead worker's lock expires after LOCK_SECONDS; live workers look for expired locks every
// LOCK_SECONDS / 4 and requeue a job seen stalled twice (src/queue/runWorker.ts).
const DETECTION_MS = LOCK_SECONDS * 1500 + 5000;

const START = `mutation($input: StartRunInput!) { startRun(input: $input) { __typename ... on MutationStartRunSuccess { data { id } } } }`;
const CANCEL = `mutation($id: ID!) { cancelRun(id: $id) { __typename ... on MutationCancelRunSuccess { data { status error } } } }`;
const RUN = `query($id: ID!) { run(id: $id) { status worker resumeCount sampleCount error primaryMetric { value } } }`;

interface RunView {
  status: string;
  worker: string | null;
  resumeCount: number;
  sampleCount: number | null;
  error: string | null;
  primaryMetric: { value: number } | null;
}

describe('two API replicas and two queue workers on PostgreSQL and Redis', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let db: pg.Client;
  let apiA: ServerProcess;
  let apiB: ServerProcess;
  const workers = new Map<string, WorkerProcess>();

  beforeAll(async () => {
    if (!REDIS_URL || !process.env.TEST_DATABASE_URL) {
      throw new Error('TEST_REDIS_URL and TEST_DATABASE_URL must be set: run this suite through `npm test`');
    }
    const redis = new Redis(REDIS_URL);
    await redis.flushall();
    await redis.quit();
    dataDir = tempDir('obw-scale-');
    const { DATABASE_URL } = await databaseFor(dataDir);
    env = {
      DATA_DIR: dataDir,
      DATABASE_URL: DATABASE_URL!,
      REDIS_URL,
      MASTER_KEY: randomBytes(32).toString('base64'),
      CANCEL_GRACE_SECONDS: '2',
      WORKER_LOCK_SECONDS: String(LOCK_SECONDS),
      WORKER_CONCURRENCY: '1',
    };
    // One at a time: the first API process migrates the empty database.
    apiA = await spawnServer(env);
    apiB = await spawnServer(env);
    for (const name of ['worker-1', 'worker-2'])
      workers.set(name, await spawnWorker({ ...env, WORKER_NAME: name }));
    db = new pg.Client(DATABASE_URL);
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    if (process.env.DEBUG_SCALEOUT) for (const [name, w] of workers) console.log(name, w.output());
    for (const proc of [...workers.values(), apiA, apiB]) {
      if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) continue;
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
    await db?.end();
  }, 60_000);

  async function start(input: Record<string, unknown>): Promise<string> {
    const { startRun } = await apiA.gql<{ startRun: { __typename: string; data: { id: string } } }>(START, {
      input: { benchmark: 'offline_demo', ...input },
    });
    expect(startRun.__typename).toBe('MutationStartRunSuccess');
    return startRun.data.id;
  }
  const view = async (id: string) => (await apiB.gql<{ run: RunView }>(RUN, { id })).run;
  const row = async (id: string) =>
    (await db.query<{ pid: number | null }>(`SELECT pid FROM runs WHERE id = $1`, [id])).rows[0]!;
  const storedLines = (id: string) =>
    fs
      .readFileSync(path.join(dataDir, 'runs', id, 'stdout.log'), 'utf8')
      .split('\n')
      .slice(0, -1);

  /** Every stdout line the subscriber got, checked against the file: all of them, in order, once. */
  function expectExactly(received: EventLine[], id: string): void {
    const stdout = received.filter((l) => l.stream === 'STDOUT');
    expect(stdout.map((l) => l.line)).toEqual(stdout.map((_, i) => i));
    expect(stdout.map((l) => l.text)).toEqual(storedLines(id));
  }

  it('runs a run started through API A on a worker and streams it to a subscriber on API B with no gap', async () => {
    const id = await start({
      model: 'offline/demo',
      maxConnections: 2,
      modelArgs: [{ key: 'delay', value: '0.1' }],
    });
    const received: EventLine[] = [];
    const client = wsClient(apiB.url, apiB.cookie);
    await subscribeRunEvents(client, id, { stdout: 0, stderr: 0 }, (e) => received.push(...e.lines)).done;
    await client.dispose();

    const run = await view(id);
    expect(run).toMatchObject({ status: 'COMPLETED', sampleCount: 36, resumeCount: 0 });
    expect(run.primaryMetric!.value).toBeCloseTo(24 / 36, 5);
    expect(['worker-1', 'worker-2']).toContain(run.worker);
    expect(received.filter((l) => l.stream === 'STDOUT').length).toBeGreaterThan(5);
    expectExactly(received, id);

    const { runQueue } = await apiB.gql<{
      runQueue: { mode: string; workers: { name: string; online: boolean }[] };
    }>(`{ runQueue { mode queued running workers { name online runningRuns } } }`);
    expect(runQueue.mode).toBe('REDIS');
    expect(runQueue.workers.filter((w) => w.online).map((w) => w.name)).toEqual(['worker-1', 'worker-2']);
  });

  it('counts login attempts across both replicas: guesses spread over them are limited all the same', async () => {
    await signUp(apiA.url, 'carol');
    const attempt = async (api: ServerProcess, password: string) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation($p: String!) { logIn(username: "carol", password: $p) { __typename } }`,
          variables: { p: password },
        }),
      });
      return ((await response.json()) as { data: { logIn: { __typename: string } } }).data.logIn.__typename;
    };
    const guesses = [];
    for (const api of [apiA, apiB, apiA, apiB, apiA]) guesses.push(await attempt(api, 'wrong password'));
    expect(guesses).toEqual(Array(5).fill('AuthError'));
    // Five wrong guesses in all: the sixth is refused on either replica, the right password too.
    expect(await attempt(apiB, 'correct horse battery')).toBe('RateLimitedError');
    expect(await attempt(apiA, 'correct horse battery')).toBe('RateLimitedError');
  });

  it('cancels through API B a run executing on a worker: its process group is gone', async () => {
    const id = await start({
      model: 'offline/demo',
      maxConnections: 1,
      modelArgs: [{ key: 'delay', value: '1' }],
    });
    const pid = await waitFor(async () => (await row(id)).pid, {
      what: 'the run to start',
      timeoutMs: 60_000,
    });
    const { cancelRun } = await apiB.gql<{
      cancelRun: { __typename: string; data: { status: string; error: string } };
    }>(CANCEL, { id });
    expect(cancelRun).toMatchObject({
      __typename: 'MutationCancelRunSuccess',
      data: { status: 'CANCELED', error: 'Canceled by the user' },
    });
    expect(processGroupMembers(pid)).toEqual([]);
  });

  /** Starts a slow run and SIGKILLs the worker executing it once `ready` says so. */
  async function killWorkerDuring(
    id: string,
    ready: () => Promise<boolean>,
  ): Promise<{ killed: string; at: number }> {
    const worker = await waitFor(async () => (await view(id)).worker, {
      what: 'a worker to take the run',
      timeoutMs: 60_000,
    });
    await waitFor(ready, { what: 'the moment to kill', timeoutMs: 60_000, intervalMs: 50 });
    const proc = workers.get(worker)!;
    proc.child.kill('SIGKILL');
    await proc.exited;
    workers.delete(worker);
    return { killed: worker, at: Date.now() };
  }

  it('resumes once with eval-retry a run whose worker was SIGKILLed mid-run, on the other worker', async () => {
    const id = await start({
      model: 'offline/demo',
      maxConnections: 2,
      modelArgs: [{ key: 'delay', value: '0.5' }],
    });
    const received: EventLine[] = [];
    let completed = 0;
    const client = wsClient(apiB.url, apiB.cookie);
    const stream = subscribeRunEvents(client, id, { stdout: 0, stderr: 0 }, (e) => {
      received.push(...e.lines);
      completed = Math.max(completed, e.progress?.completed ?? 0);
    });
    // Past the first flush of the log (every 10 samples), so there is something to resume from.
    const { killed, at } = await killWorkerDuring(id, () => Promise.resolve(completed >= 14));

    const resumed = await waitFor(
      async () => {
        const run = await view(id);
        return run.resumeCount === 1 && run.worker !== killed ? run : null;
      },
      { what: 'the run to be resumed elsewhere', timeoutMs: DETECTION_MS },
    );
    expect(Date.now() - at).toBeLessThan(DETECTION_MS);
    expect(['RUNNING', 'COMPLETED']).toContain(resumed.status);

    await stream.done;
    await client.dispose();
    const run = await view(id);
    expect(run).toMatchObject({ status: 'COMPLETED', sampleCount: 36, resumeCount: 1, error: null });
    expect(run.primaryMetric!.value).toBeCloseTo(24 / 36, 5);
    // One stream of lines across both attempts, numbered on from where the first one stopped.
    expectExactly(received, id);
    expect(fs.readFileSync(path.join(dataDir, 'runs', id, 'command.txt'), 'utf8')).toContain(
      '# resumed after its worker stopped:',
    );

    workers.set('worker-3', await spawnWorker({ ...env, WORKER_NAME: 'worker-3' }));
  }, 120_000);

  it('ends INTERRUPTED, not RUNNING, a run whose worker was SIGKILLed before bench wrote a log', async () => {
    const id = await start({ model: 'offline/demo', modelArgs: [{ key: 'delay', value: '0.5' }] });
    const { at } = await killWorkerDuring(id, async () => (await row(id)).pid !== null);
    const run = await waitFor(
      async () => {
        const current = await view(id);
        return current.status === 'RUNNING' ? null : current;
      },
      { what: 'the run to leave RUNNING', timeoutMs: DETECTION_MS },
    );
    expect(Date.now() - at).toBeLessThan(DETECTION_MS);
    expect(run).toMatchObject({ status: 'INTERRUPTED', resumeCount: 0 });
    expect(run.error).toMatch(
      /worker running it stopped, and it cannot be resumed: (bench had not written a log yet|its log holds no finished sample yet)/,
    );
  }, 120_000);
});
