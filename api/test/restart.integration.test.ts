import fs from 'node:fs';
import path from 'node:path';
import { processGroupMembers } from '../src/runs/orphans.js';
import { openTestDatabase, ROOT, tempDir, waitFor } from './helpers.js';
import { spawnServer, type ServerProcess } from './serverProcess.js';

const FAKE_BENCH = path.join(import.meta.dirname, 'fixtures', 'fake-bench.mjs');
const START = `mutation($input: StartRunInput!) { startRun(input: $input) { ... on MutationStartRunSuccess { data { id } } } }`;
const RUN = `query($id: ID!) { run(id: $id) { status error } }`;

function env(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    OPENBENCH_BIN: FAKE_BENCH,
    OPENBENCH_PYTHON: path.join(ROOT, '.venv', 'bin', 'python'),
    MAX_CONCURRENT_RUNS: '1',
    CANCEL_GRACE_SECONDS: '1',
  };
}

async function start(server: ServerProcess, modelArgs: Record<string, string>): Promise<string> {
  const data = await server.gql<{ startRun: { data: { id: string } } }>(START, {
    input: {
      benchmark: 'offline_demo',
      model: 'mockllm/scripted',
      modelArgs: Object.entries(modelArgs).map(([key, value]) => ({ key, value })),
    },
  });
  return data.startRun.data.id;
}

async function runStatus(
  server: ServerProcess,
  id: string,
): Promise<{ status: string; error: string | null }> {
  return (await server.gql<{ run: { status: string; error: string | null } }>(RUN, { id })).run;
}

function groupOf(dataDir: string, id: string): number {
  const { pid } = JSON.parse(fs.readFileSync(path.join(dataDir, 'runs', id, 'meta.json'), 'utf8')) as {
    pid?: number;
  };
  return pid ?? 0;
}

describe('server restarts', () => {
  it('after SIGKILL: the running run becomes INTERRUPTED, its orphans die, queued runs resume', async () => {
    const dataDir = tempDir();
    const first = await spawnServer(env(dataDir));
    const running = await start(first, { lines: '3', grandchild: '1' });
    const queued = await start(first, { lines: '3' });
    await waitFor(async () => (await runStatus(first, running)).status === 'RUNNING', {
      what: 'RUNNING',
    });
    const pgid = await waitFor(
      async () => {
        const db = await openTestDatabase(dataDir);
        try {
          const row = await db
            .getRepository<{ pid: number | null }>('Run')
            .findOneBy({ id: running } as never);
          return row?.pid && processGroupMembers(row.pid).length >= 2 ? row.pid : null;
        } finally {
          await db.destroy();
        }
      },
      { what: 'the run’s process group' },
    );

    first.child.kill('SIGKILL');
    await first.exited;
    // The server is gone; its run's processes are orphans now.
    expect(processGroupMembers(pgid).length).toBeGreaterThan(0);

    const second = await spawnServer(env(dataDir));
    try {
      expect(await runStatus(second, running)).toEqual({
        status: 'INTERRUPTED',
        error: 'The server stopped while this run was running',
      });
      await waitFor(async () => processGroupMembers(pgid).length === 0, {
        timeoutMs: 3000,
        what: 'orphans to die',
      });
      await waitFor(async () => (await runStatus(second, queued)).status === 'COMPLETED', {
        what: 'the queued run',
      });
      const meta = JSON.parse(fs.readFileSync(path.join(dataDir, 'runs', running, 'meta.json'), 'utf8'));
      expect(meta.status).toBe('INTERRUPTED');
      expect(groupOf(dataDir, running)).toBe(0);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('on SIGTERM: running runs are canceled explicitly, never left RUNNING', async () => {
    const dataDir = tempDir();
    const server = await spawnServer(env(dataDir));
    const id = await start(server, { lines: '3', grandchild: '1', ignore_term: '1' });
    await waitFor(async () => (await runStatus(server, id)).status === 'RUNNING', { what: 'RUNNING' });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const meta = JSON.parse(fs.readFileSync(path.join(dataDir, 'runs', id, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ status: 'CANCELED', error: 'Canceled because the server shut down' });

    const again = await spawnServer(env(dataDir));
    try {
      expect((await runStatus(again, id)).status).toBe('CANCELED');
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});
