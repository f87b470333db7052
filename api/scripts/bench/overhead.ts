import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, waitFor } from '../../test/helpers.js';
import { spawnServer } from '../../test/serverProcess.js';
import type { Row } from './report.js';

const ARGS = {
  benchmark: 'offline_demo',
  model: 'offline/demo',
  limit: 36,
  modelArgs: [{ key: 'delay', value: '0.2' }],
};

/**
 * Wall time of the same `bench eval` run directly and through the server (from startRun to
 * COMPLETED as seen by a client polling every 100 ms), alternating to spread machine noise.
 */
export async function overheadBenchmark(repeats: number): Promise<Row[]> {
  const server = await spawnServer({ DATA_DIR: tempDir('obw-bench-'), MAX_CONCURRENT_RUNS: '1' });
  const direct: number[] = [];
  const wrapped: number[] = [];
  try {
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const start = await server.gql<{ startRun: { data: { id: string; command: string } } }>(
        `mutation($input: StartRunInput!) { startRun(input: $input) { ... on MutationStartRunSuccess { data { id command } } } }`,
        { input: ARGS },
      );
      const { id, command } = start.startRun.data;
      await waitFor(
        async () =>
          (
            await server.gql<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, {
              id,
            })
          ).run.status === 'COMPLETED',
        { intervalMs: 100, timeoutMs: 300_000, what: 'the run' },
      );
      wrapped.push(performance.now() - t0);

      const dir = tempDir('obw-direct-');
      const t1 = performance.now();
      const result = spawnSync(
        'sh',
        ['-c', command.replace(/--log-dir \S+/, `--log-dir ${path.join(dir, 'logs')}`)],
        {
          cwd: dir,
          stdio: 'ignore',
          env: { PATH: process.env.PATH, HOME: process.env.HOME, PYTHONUNBUFFERED: '1', COLUMNS: '200' },
        },
      );
      direct.push(performance.now() - t1);
      if (result.status !== 0) throw new Error('the direct bench run failed');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  return [
    {
      scenario: `offline_demo, 36 samples, delay 0.2 s, ${repeats} alternating repeats`,
      'direct bench median s': (median(direct) / 1000).toFixed(2),
      'through the server median s': (median(wrapped) / 1000).toFixed(2),
      'wall time ratio': (median(wrapped) / median(direct)).toFixed(3),
      target: '≤ 1.05',
    },
  ];
}
