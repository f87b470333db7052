import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processGroupMembers } from '../src/runs/orphans.js';
import { ROOT, startServer, waitFor, type TestServer } from './helpers.js';
import { subscribeRunEvents, wsClient, type EventLine, type RunEventData } from './wsClient.js';

const FAKE_BENCH = path.join(import.meta.dirname, 'fixtures', 'fake-bench.mjs');

type Started = { startRun: { data: { id: string } } };
const START = `mutation($input: StartRunInput!) { startRun(input: $input) { ... on MutationStartRunSuccess { data { id } } ... on ValidationError { field message } } }`;
const CANCEL = `mutation($id: ID!) { cancelRun(id: $id) { __typename ... on MutationCancelRunSuccess { data { id status error } } ... on RunStateError { status message } ... on NotFoundError { message } } }`;

async function startFake(server: TestServer, modelArgs: Record<string, string | number>): Promise<string> {
  const { startRun } = await server.gql<Started>(START, {
    input: {
      benchmark: 'offline_demo',
      model: 'mockllm/scripted',
      modelArgs: Object.entries(modelArgs).map(([key, value]) => ({ key, value: String(value) })),
    },
  });
  return startRun.data.id;
}

async function status(server: TestServer, id: string): Promise<string> {
  return (
    await server.gql<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, { id })
  ).run.status;
}

/** Asserts the stdout "line i" lines are exactly 0..n-1, once each, in order. */
function expectEveryLineOnce(lines: EventLine[], n: number): void {
  const numbered = lines.filter((l) => l.stream === 'STDOUT').map((l) => l.line);
  expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
  expect(new Set(numbered).size).toBe(numbered.length);
  const texts = lines.filter((l) => l.stream === 'STDOUT' && l.text.startsWith('line ')).map((l) => l.text);
  expect(texts).toEqual(Array.from({ length: n }, (_, i) => `line ${i}`));
}

describe('live runs with a scripted bench', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      OPENBENCH_BIN: FAKE_BENCH,
      OPENBENCH_PYTHON: path.join(ROOT, '.venv', 'bin', 'python'),
      CANCEL_GRACE_SECONDS: '1',
      MAX_CONCURRENT_RUNS: '1',
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('delivers every line exactly once, in order, across a disconnect and a reconnect from the offset', async () => {
    const n = 30_000;
    const id = await startFake(server, { lines: n, batch: 200, interval_ms: 5, stderr_every: 1000 });
    const received: EventLine[] = [];
    const first = wsClient(server.url, server.cookie);
    const a = subscribeRunEvents(first, id, { stdout: 0, stderr: 0 }, (e) => received.push(...e.lines));
    await waitFor(async () => received.length > 2000, { what: 'the first lines' });
    a.unsubscribe();
    await first.dispose();
    expect(await status(server, id)).toBe('RUNNING');

    const next = (stream: 'STDOUT' | 'STDERR') =>
      Math.max(-1, ...received.filter((l) => l.stream === stream).map((l) => l.line)) + 1;
    const events: RunEventData[] = [];
    const second = wsClient(server.url, server.cookie);
    await subscribeRunEvents(second, id, { stdout: next('STDOUT'), stderr: next('STDERR') }, (e) => {
      events.push(e);
      received.push(...e.lines);
    }).done;
    await second.dispose();

    expectEveryLineOnce(received, n);
    const errs = received.filter((l) => l.stream === 'STDERR').map((l) => l.text);
    expect(errs).toEqual(Array.from({ length: n / 1000 }, (_, i) => `err ${i}`));
    expect(events[0]?.kind).toBe('STATUS');
    expect(events.at(-1)).toMatchObject({ kind: 'STATUS', run: { status: 'COMPLETED' } });
    expect(events.some((e) => e.kind === 'PROGRESS' && e.progress!.completed! > 0)).toBe(true);
  });

  it('replays a finished run from any offset and ends', async () => {
    const id = await startFake(server, { lines: 50, batch: 50 });
    await waitFor(async () => (await status(server, id)) === 'COMPLETED', { what: 'completion' });
    const lines: EventLine[] = [];
    const client = wsClient(server.url, server.cookie);
    await subscribeRunEvents(client, id, { stdout: 40, stderr: 0 }, (e) => lines.push(...e.lines)).done;
    await client.dispose();
    expect(lines[0]).toMatchObject({ stream: 'STDOUT', line: 40 });
    expect(lines.every((l) => l.line >= 40)).toBe(true);
  });

  it('cancels a run whose child started a grandchild: no process of the group survives grace + 2 s', async () => {
    const id = await startFake(server, { lines: 5, grandchild: 1, ignore_term: 1 });
    const pid = await waitFor(
      async () => {
        const row = await server.app.dataSource
          .getRepository<{ pid: number | null }>('Run')
          .findOneBy({ id } as never);
        return row?.pid && processGroupMembers(row.pid).length >= 2 ? (row.pid as number) : null;
      },
      { what: 'the process group' },
    );
    const canceledAt = Date.now();
    const { cancelRun } = await server.gql<{
      cancelRun: { __typename: string; data: { status: string; error: string } };
    }>(CANCEL, { id });
    expect(cancelRun).toMatchObject({
      __typename: 'MutationCancelRunSuccess',
      data: { status: 'CANCELED', error: 'Canceled by the user' },
    });
    // The deadline is grace (1 s) + 2 s from the cancel request.
    await waitFor(async () => processGroupMembers(pid).length === 0, {
      timeoutMs: Math.max(0, canceledAt + 3000 - Date.now()),
      intervalMs: 20,
      what: 'the process group to be gone',
    });

    // Canceling again is a typed error, not a crash.
    const again = await server.gql<{ cancelRun: { __typename: string; status: string } }>(CANCEL, { id });
    expect(again.cancelRun).toMatchObject({ __typename: 'RunStateError', status: 'CANCELED' });
    const missing = await server.gql<{ cancelRun: { __typename: string } }>(CANCEL, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.cancelRun.__typename).toBe('NotFoundError');
  });

  it('cancels a queued run by taking it off the queue', async () => {
    const blocker = await startFake(server, { lines: 1, hold_ms: 60_000 });
    const queued = await startFake(server, { lines: 1 });
    await waitFor(async () => (await status(server, blocker)) === 'RUNNING', { what: 'the blocker to run' });
    expect(await status(server, queued)).toBe('QUEUED');
    const { cancelRun } = await server.gql<{ cancelRun: { data: { status: string } } }>(CANCEL, {
      id: queued,
    });
    expect(cancelRun.data.status).toBe('CANCELED');
    await server.gql(CANCEL, { id: blocker });
    await sleep(200);
    expect(await status(server, queued)).toBe('CANCELED');
  });
});
