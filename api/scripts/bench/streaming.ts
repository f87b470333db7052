import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, tempDir } from '../../test/helpers.js';
import { spawnServer, type ServerProcess } from '../../test/serverProcess.js';
import { subscribeRunEvents, wsClient } from '../../test/wsClient.js';
import { percentile, rssMb, type Row } from './report.js';

const FAKE_BENCH = path.join(ROOT, 'api', 'test', 'fixtures', 'fake-bench.mjs');
const START = `mutation($input: StartRunInput!) { startRun(input: $input) { ... on MutationStartRunSuccess { data { id } } } }`;

async function startFake(server: ServerProcess, args: Record<string, string | number>): Promise<string> {
  const data = await server.gql<{ startRun: { data: { id: string } } }>(START, {
    input: {
      benchmark: 'offline_demo',
      model: 'mockllm/scripted',
      modelArgs: Object.entries(args).map(([key, value]) => ({ key, value: String(value) })),
    },
  });
  return data.startRun.data.id;
}

/** Lines/s and write→subscriber latency for `subscribers` clients following one chatty run. */
async function throughput(server: ServerProcess, lines: number, subscribers: number): Promise<Row> {
  const id = await startFake(server, { lines, batch: 500, interval_ms: 0, stamp: 1, hold_ms: 1500 });
  const latencies: number[] = [];
  let delivered = 0;
  let first = 0;
  let last = 0;
  const clients = Array.from({ length: subscribers }, () => wsClient(server.url, server.cookie));
  const runs = clients.map(
    (client, index) =>
      subscribeRunEvents(client, id, { stdout: 0, stderr: 0 }, (event) => {
        const now = performance.timeOrigin + performance.now();
        for (const line of event.lines) {
          const stamp = / t=([\d.]+)$/.exec(line.text);
          if (!stamp) continue;
          first ||= now;
          last = now;
          delivered++;
          // Latency from one subscriber is enough; sampling keeps the array small.
          if (index === 0 && line.line % 10 === 0) latencies.push(now - Number(stamp[1]));
        }
      }).done,
  );
  await Promise.all(runs);
  await Promise.all(clients.map((c) => c.dispose()));
  const seconds = (last - first) / 1000;
  return {
    scenario: `${lines.toLocaleString('en')} lines → ${subscribers} subscriber${subscribers > 1 ? 's' : ''}`,
    'lines/s delivered (all subscribers)': Math.round(delivered / seconds).toLocaleString('en'),
    'lines/s per subscriber': Math.round(delivered / subscribers / seconds).toLocaleString('en'),
    'p50 latency ms': percentile(latencies, 50).toFixed(1),
    'p95 latency ms': percentile(latencies, 95).toFixed(1),
    target: '≥ 100,000 lines/s to one subscriber, p95 < 250 ms',
  };
}

/** Server RSS while a child writes `gigabytes` of output, followed by one subscriber. */
async function bigOutput(server: ServerProcess, gigabytes: number): Promise<Row> {
  const width = 1000;
  const lines = Math.round((gigabytes * 1024 ** 3) / (width + 1));
  const before = rssMb(server.child.pid!);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid!))), 100);
  const started = Date.now();
  const id = await startFake(server, { lines, batch: 2000, interval_ms: 0, width });
  const client = wsClient(server.url, server.cookie);
  let received = 0;
  await subscribeRunEvents(client, id, { stdout: 0, stderr: 0 }, (e) => (received += e.lines.length)).done;
  await client.dispose();
  clearInterval(sampler);
  return {
    scenario: `child writes ${gigabytes} GB (${lines.toLocaleString('en')} lines of ~1 KB), 1 subscriber`,
    'server RSS before MB': before.toFixed(0),
    'server RSS peak MB': peak.toFixed(0),
    'RSS growth MB': (peak - before).toFixed(0),
    'lines delivered': received.toLocaleString('en'),
    seconds: ((Date.now() - started) / 1000).toFixed(1),
    target: 'growth < 150 MB',
  };
}

export async function streamingBenchmarks(options: { gigabytes: number }): Promise<Row[]> {
  const server = await spawnServer({
    DATA_DIR: tempDir('obw-bench-'),
    OPENBENCH_BIN: FAKE_BENCH,
    OPENBENCH_PYTHON: path.join(ROOT, '.venv', 'bin', 'python'),
    MAX_LOG_BYTES: String(4 * 1024 ** 3),
  });
  try {
    // The catalog loads in the background; the first run waits for it.
    await sleep(100);
    const rows = [await throughput(server, 200_000, 1), await throughput(server, 100_000, 20)];
    rows.push(await bigOutput(server, options.gigabytes));
    return rows;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}
