import { tempDir, waitFor } from '../../test/helpers.js';
import {
  spawnServer,
  spawnWorker,
  type ServerProcess,
  type WorkerProcess,
} from '../../test/serverProcess.js';
// @ts-expect-error: a plain .mjs module without types, shared with the test runner.
import { startRedis } from '../../../scripts/redis-server.mjs';
import type { Row } from './report.js';

const SHORT_RUN = { benchmark: 'offline_demo', model: 'offline/demo', limit: 2 };
const START = `mutation($input: StartRunInput!) { startRun(input: $input) { ... on MutationStartRunSuccess { data { id } } } }`;

/** Queues `runs` short offline runs at once and waits until none is QUEUED or RUNNING. */
async function drain(server: ServerProcess, runs: number): Promise<{ seconds: number; failed: number }> {
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await server.gql(START, { input: SHORT_RUN });
  await waitFor(
    async () => {
      const { runQueue } = await server.gql<{ runQueue: { queued: number; running: number } }>(
        `{ runQueue { queued running } }`,
      );
      return runQueue.queued === 0 && runQueue.running === 0;
    },
    { intervalMs: 250, timeoutMs: 60 * 60_000, what: 'the queue to drain' },
  );
  const seconds = (performance.now() - t0) / 1000;
  const { runs: page } = await server.gql<{ runs: { nodes: { status: string }[] } }>(
    `query($n: Int!) { runs(first: $n) { nodes { status } } }`,
    { n: runs },
  );
  return { seconds, failed: page.nodes.filter((r) => r.status !== 'COMPLETED').length };
}

function row(scenario: string, runs: number, result: { seconds: number; failed: number }): Row {
  return {
    scenario,
    runs,
    'wall time (s)': result.seconds.toFixed(1),
    'runs per minute': ((runs / result.seconds) * 60).toFixed(1),
    'not COMPLETED': result.failed,
  };
}

/**
 * Throughput of the run queue: `runs` short offline runs (2 samples each; most of a run is
 * bench's own start-up) through the in-process scheduler with two slots, then through Redis
 * with two worker processes of one slot each — the same parallelism, so the figures compare
 * the queue's cost, not the machine's cores.
 */
export async function queueBenchmark(runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  const local = await spawnServer({ DATA_DIR: tempDir('obw-bench-queue-'), MAX_CONCURRENT_RUNS: '2' });
  try {
    rows.push(row('in-process scheduler, 2 slots', runs, await drain(local, runs)));
  } finally {
    local.child.kill('SIGTERM');
    await local.exited;
  }

  const redis = (startRedis as (port: number) => { url: string; stop(): void } | null)(56390);
  if (!redis) return [...rows, { scenario: 'Redis queue: skipped, redis-server is not installed' }];
  const dataDir = tempDir('obw-bench-queue-');
  // SQLite is shared by the three processes here (WAL); production would use PostgreSQL.
  const env = { DATA_DIR: dataDir, REDIS_URL: redis.url, WORKER_CONCURRENCY: '1' };
  const workers: WorkerProcess[] = [];
  let api: ServerProcess | null = null;
  try {
    api = await spawnServer(env);
    for (const name of ['bench-worker-1', 'bench-worker-2'])
      workers.push(await spawnWorker({ ...env, WORKER_NAME: name }));
    rows.push(row('Redis queue, 2 workers × 1 slot', runs, await drain(api, runs)));
  } finally {
    for (const proc of [...workers, api]) {
      if (!proc) continue;
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
    redis.stop();
  }
  return rows;
}
