// Latency of the `runs` GraphQL query (the dashboard's list) with a large runs table, on SQLite
// and on PostgreSQL (a throwaway cluster from scripts/postgres-cluster.mjs, when installed).
// Rows are bulk-inserted through the DataSource (not startRun), then the query is timed over
// HTTP through the real server, as the browser asks it.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataSource } from 'typeorm';
import { RunEntity, type RunStatus } from '../../src/db/entities/Run.js';
import { RunRepository } from '../../src/runs/repository.js';
import { gqlAt, ROOT, signUp, startServer, tempDir, type TestServer } from '../../test/helpers.js';
import { percentile, type Row } from './report.js';

const TARGET = 'p95 < 50 ms first page';
const PAGE_SIZE = 20; // useRunsFeed(20, …) on the dashboard
const WARM_UP = 20;

/** The dashboard's own document (client/src), so the benchmark asks exactly what the browser asks. */
function dashboardDocument(): { plain: string; filtered: string } {
  const read = (file: string) => fs.readFileSync(path.join(ROOT, 'client', 'src', file), 'utf8');
  // Only the runs list operation of the page's document (it also holds the queue panel's).
  const runsList = /^query DashboardRuns[\s\S]*?\n}\n/m.exec(read('pages/DashboardPage.graphql'))?.[0];
  if (!runsList) throw new Error('DashboardPage.graphql has no DashboardRuns query: update runsQuery.ts');
  const plain = `${runsList}\n${read('components/runs/RunsTable.graphql')}`;
  // The same selection with the list's filter argument (the dashboard has no filter yet).
  const filtered = plain
    .replace('$after: String)', '$after: String, $filter: RunFilter)')
    .replace('after: $after)', 'after: $after, filter: $filter)');
  if (!filtered.includes('filter: $filter') || !filtered.includes('$filter: RunFilter'))
    throw new Error('DashboardPage.graphql changed shape: update runsQuery.ts');
  return { plain, filtered };
}

interface RunsPage {
  runs: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string } }[];
  };
}

// ---------------------------------------------------------------------------------------------
// Synthetic data: deterministic, with a realistic (skewed) spread.

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BENCHMARKS = [
  'mmlu', 'gpqa_diamond', 'humaneval', 'gsm8k', 'math500', 'simpleqa', 'hle', 'mgsm', 'drop',
  'mmlu_pro', 'musr', 'hellaswag', 'arc_challenge', 'winogrande', 'boolq', 'truthfulqa',
  'aime_2024', 'aime_2025', 'livecodebench', 'mbpp', 'bigcodebench', 'healthbench', 'browsecomp',
  'jsonschemabench', 'scicode', 'supergpqa', 'openbookqa', 'piqa', 'siqa', 'commonsense_qa',
  'graphwalks', 'mrcr', 'rootly_gmcq', 'tau_bench', 'offline_demo', 'clockbench', 'hmmt_feb_2025',
  'math_hard', 'ifeval', 'xstest',
]; // prettier-ignore
const MODELS = [
  'openai/gpt-4o', 'openai/gpt-4o-mini', 'openai/gpt-4.1', 'openai/o3-mini', 'openai/gpt-5',
  'anthropic/claude-sonnet-4-20250514', 'anthropic/claude-opus-4-1', 'anthropic/claude-3-5-haiku-latest',
  'google/gemini-2.5-pro', 'google/gemini-2.5-flash', 'groq/llama-3.3-70b-versatile',
  'groq/openai/gpt-oss-120b', 'mistral/mistral-large-latest', 'together/deepseek-ai/DeepSeek-V3',
  'openrouter/qwen/qwen3-235b-a22b', 'xai/grok-4', 'cerebras/llama3.1-8b', 'fireworks/kimi-k2',
  'ollama/llama3.2', 'offline/demo',
]; // prettier-ignore

/** Zipf-like pick: index 0 the most frequent. */
function skewed<T>(items: T[], r: number): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * r * r))]!;
}

const COLUMNS = [
  'id', 'benchmark', 'model', 'status', 'config', 'command', 'createdAt', 'startedAt', 'finishedAt',
  'exitCode', 'error', 'pid', 'progressCompleted', 'progressTotal', 'primaryMetricName',
  'primaryMetricValue', 'primaryMetricStderr', 'sampleCount', 'ownerId',
] as const; // prettier-ignore

interface Owners {
  admin: string;
  others: string[];
}

/** One row's values in COLUMNS order; `i` counts from the oldest run. */
function syntheticRun(i: number, count: number, createdMs: number, owners: Owners, rnd: () => number) {
  const id = randomUUID();
  const benchmark = skewed(BENCHMARKS, rnd());
  const model = skewed(MODELS, rnd());
  const fromNewest = count - 1 - i;
  let status: RunStatus;
  if (fromNewest < 2) status = 'QUEUED';
  else if (fromNewest < 4) status = 'RUNNING';
  else {
    const r = rnd();
    status = r < 0.82 ? 'COMPLETED' : r < 0.92 ? 'FAILED' : r < 0.97 ? 'CANCELED' : 'INTERRUPTED';
  }
  const o = rnd();
  const ownerId =
    o < 0.85 ? owners.admin : o < 0.98 ? owners.others[Math.floor(rnd() * owners.others.length)]! : null;
  const limit = rnd() < 0.6 ? [10, 50, 100, 500][Math.floor(rnd() * 4)]! : null;
  const total = limit ?? 100 + Math.floor(rnd() * 1900);
  const config = {
    schema_version: 1,
    benchmark,
    target: benchmark,
    alpha: false,
    model,
    limit,
    temperature: rnd() < 0.5 ? 0 : null,
    top_p: null,
    max_tokens: rnd() < 0.3 ? 4096 : null,
    timeout: null,
    epochs: rnd() < 0.1 ? 3 : null,
    max_connections: 10,
    seed: rnd() < 0.2 ? 42 : null,
    reasoning_effort: rnd() < 0.2 ? 'medium' : null,
    task_args: rnd() < 0.1 ? { subset: 'default' } : {},
    model_args: {},
    openbench_version: '0.5.3',
  };
  const command =
    `/srv/openbench-web/.venv/bin/bench eval ${benchmark} --model ${model}` +
    (limit ? ` --limit ${limit}` : '') +
    ` --max-connections 10 --log-format eval --log-dir /srv/openbench-web/data/runs/${id}/logs`;
  const created = new Date(createdMs).toISOString();
  const started = status === 'QUEUED' ? null : createdMs + 200 + Math.floor(rnd() * 3000);
  const duration = 5_000 + Math.floor(rnd() * 1_800_000);
  const finished = started === null || status === 'RUNNING' ? null : started + duration;
  const completed =
    status === 'COMPLETED'
      ? total
      : status === 'QUEUED'
        ? null
        : Math.floor(rnd() * total * (status === 'FAILED' ? 0.3 : 1));
  const metric = status === 'COMPLETED' ? 0.2 + rnd() * 0.75 : null;
  return [
    id,
    benchmark,
    model,
    status,
    JSON.stringify(config),
    command,
    created,
    started === null ? null : new Date(started).toISOString(),
    finished === null ? null : new Date(finished).toISOString(),
    finished === null ? null : status === 'COMPLETED' ? 0 : status === 'FAILED' ? 1 : 130,
    status === 'FAILED' ? 'bench exited with code 1: RateLimitError: 429 Too Many Requests' : null,
    status === 'RUNNING' ? 10_000 + i : null,
    completed,
    status === 'QUEUED' ? null : total,
    metric === null ? null : 'accuracy',
    metric,
    metric === null ? null : 0.005 + rnd() * 0.03,
    status === 'COMPLETED' ? total : null,
    ownerId,
  ];
}

/** Inserts `count` runs, createdAt spread over the last year; returns the wall time in ms. */
async function insertRuns(dataSource: DataSource, count: number, owners: Owners): Promise<number> {
  const postgres = dataSource.options.type === 'postgres';
  const rnd = prng(20251130);
  const rowsPerStatement = 500; // 19 × 500 parameters: under SQLite's 32,766 and PostgreSQL's 65,535
  const rowsPerTransaction = 10_000;
  const span = 365 * 86_400_000;
  const startMs = Date.now() - span;
  // Sorted creation times with random gaps (and the odd same-millisecond tie, broken by id).
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(startMs + Math.floor(rnd() * span));
  times.sort((a, b) => a - b);
  const columnList = COLUMNS.map((c) => `"${c}"`).join(', ');
  const t0 = performance.now();
  for (let base = 0; base < count; base += rowsPerTransaction) {
    await dataSource.transaction(async (manager) => {
      for (let start = base; start < Math.min(count, base + rowsPerTransaction); start += rowsPerStatement) {
        const params: unknown[] = [];
        const tuples: string[] = [];
        for (let i = start; i < Math.min(count, start + rowsPerStatement); i++) {
          const values = syntheticRun(i, count, times[i]!, owners, rnd);
          const placeholders = values.map((_, k) => (postgres ? `$${params.length + k + 1}` : '?'));
          params.push(...values);
          tuples.push(`(${placeholders.join(', ')})`);
        }
        await manager.query(`INSERT INTO "runs" (${columnList}) VALUES ${tuples.join(', ')}`, params);
      }
    });
  }
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------------------------
// Measurement.

async function timeRequests(
  server: TestServer,
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
  requests: number,
): Promise<{ times: number[]; last: RunsPage }> {
  const times: number[] = [];
  let last: RunsPage | null = null;
  for (let i = 0; i < WARM_UP + requests; i++) {
    const t0 = performance.now();
    last = await gqlAt<RunsPage>(server.url, query, variables, cookie);
    if (i >= WARM_UP) times.push(performance.now() - t0);
  }
  return { times, last: last! };
}

async function timeInProcess(fn: () => Promise<unknown>, repeats: number): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

const ms = (v: number) => v.toFixed(1);

interface Scenario {
  name: string;
  cookie: string;
  who: string;
  query: string;
  variables: Record<string, unknown>;
  /** The same list, as RunRepository.page() receives it (for the in-process breakdown). */
  filter: Parameters<RunRepository['page']>[2];
  after: string | null;
}

async function benchmarkBackend(
  label: string,
  env: Record<string, string>,
  runCount: number,
  requests: number,
): Promise<Row[]> {
  const dataDir = tempDir('obw-bench-runs-');
  const server = await startServer(env, dataDir);
  try {
    // The first user (startServer's "admin") is an admin and sees every run; two plain users own
    // a share each and see only theirs.
    const aliceCookie = await signUp(server.url, 'alice');
    await signUp(server.url, 'bob');
    const users = (await server.app.dataSource.query(`SELECT "id", "username" FROM "users"`)) as {
      id: string;
      username: string;
    }[];
    const idOf = (name: string) => users.find((u) => u.username === name)!.id;
    const owners: Owners = { admin: idOf('admin'), others: [idOf('alice'), idOf('bob')] };

    const dataSource = server.app.dataSource;
    const postgres = dataSource.options.type === 'postgres';
    // Autovacuum would otherwise start at some point during the measurement and change the plans
    // half-way; it is done explicitly below instead.
    if (postgres) await dataSource.query(`ALTER TABLE "runs" SET (autovacuum_enabled = false)`);
    const insertMs = await insertRuns(dataSource, runCount, owners);
    // PostgreSQL's autoanalyze would have run soon after a load this size. (The app never runs
    // ANALYZE on SQLite, so neither does this.)
    if (postgres) await dataSource.query(`ANALYZE "runs"`);

    const { plain, filtered } = dashboardDocument();
    const first = await server.gql<RunsPage>(plain, { first: PAGE_SIZE });
    if (first.runs.totalCount !== runCount || first.runs.edges.length !== PAGE_SIZE)
      throw new Error(
        `unexpected first page: ${first.runs.totalCount} runs, ${first.runs.edges.length} edges`,
      );
    const admin = { cookie: server.cookie, who: 'admin' };
    const midBenchmark = BENCHMARKS[6]!;
    const rareModel = MODELS[15]!;
    const firstPage: Scenario = {
      name: 'first page (DashboardRuns, first: 20): every run',
      ...admin,
      query: plain,
      variables: { first: PAGE_SIZE },
      filter: {},
      after: null,
    };
    const scenarios: Scenario[] = [
      firstPage,
      {
        name: 'next page (after: endCursor of the first page)',
        ...admin,
        query: plain,
        variables: { first: PAGE_SIZE, after: first.runs.pageInfo.endCursor },
        filter: {},
        after: first.runs.pageInfo.endCursor,
      },
      {
        name: 'first page, filter { status: FAILED }',
        ...admin,
        query: filtered,
        variables: { first: PAGE_SIZE, filter: { status: 'FAILED' } },
        filter: { status: 'FAILED' },
        after: null,
      },
      {
        name: `first page, filter { benchmark: "${midBenchmark}" }`,
        ...admin,
        query: filtered,
        variables: { first: PAGE_SIZE, filter: { benchmark: midBenchmark } },
        filter: { benchmark: midBenchmark },
        after: null,
      },
      {
        name: `first page, filter { model: "${rareModel}" }`,
        ...admin,
        query: filtered,
        variables: { first: PAGE_SIZE, filter: { model: rareModel } },
        filter: { model: rareModel },
        after: null,
      },
      {
        name: 'first page: own runs only (ownerId filter)',
        cookie: aliceCookie,
        who: 'plain user',
        query: plain,
        variables: { first: PAGE_SIZE },
        filter: { ownerId: owners.others[0] },
        after: null,
      },
    ];

    const repository = new RunRepository(dataSource);
    const countOnly = dataSource.getRepository(RunEntity);
    const measure = async (s: Scenario, note = ''): Promise<Row> => {
      const { times, last } = await timeRequests(server, s.cookie, s.query, s.variables, requests);
      // Where the time goes, in-process (no HTTP, no GraphQL): RunRepository.page() as the
      // resolver calls it, and the count(*) it runs on every page, alone.
      const pageMs = await timeInProcess(() => repository.page(PAGE_SIZE, s.after, s.filter), 30);
      const countMs = await timeInProcess(() => {
        const q = countOnly.createQueryBuilder('run');
        for (const [key, value] of Object.entries(s.filter ?? {}))
          if (value) q.andWhere(`run.${key} = :${key}`, { [key]: value });
        return q.getCount();
      }, 30);
      const p95 = percentile(times, 95);
      return {
        scenario: `${label}, ${runCount.toLocaleString('en')} runs — ${s.name}, as ${s.who}${note}`,
        'matching runs (totalCount)': last.runs.totalCount.toLocaleString('en'),
        [`p50 ms (${requests} HTTP requests)`]: ms(percentile(times, 50)),
        'p95 ms': ms(p95),
        'max ms': ms(Math.max(...times)),
        'page() in-process p50 ms': ms(pageMs),
        '  of which count(*) p50 ms': ms(countMs),
        target: s === firstPage ? TARGET : 'p95 < 50 ms (as the first page)',
        met: p95 < 50 ? 'yes' : 'NO',
      };
    };

    const rows: Row[] = [];
    if (postgres) {
      // Right after the load the visibility map is unset, so count(*) cannot be an index-only
      // scan; autovacuum's VACUUM (triggered by inserts too since PostgreSQL 13) sets it later.
      rows.push(await measure(firstPage, ', after the load, before VACUUM'));
      await dataSource.query(`VACUUM ANALYZE "runs"`);
    }
    for (const s of scenarios) rows.push(await measure(s, postgres ? ', after VACUUM ANALYZE' : ''));
    const [head, ...tail] = rows;
    // Keys keep their first position: scenario, then the insert time, then the figures.
    return [
      { scenario: head!.scenario!, 'insert time s (bulk INSERTs)': (insertMs / 1000).toFixed(1), ...head },
      ...tail,
    ];
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Cluster {
  url: string;
  stop(): void;
}

/** `runs` query latency with `runCount` runs, on SQLite and (when installed) PostgreSQL. */
export async function runsQueryBenchmark(runCount = 100_000, requests = 200): Promise<Row[]> {
  const rows = await benchmarkBackend('SQLite', {}, runCount, requests);

  // A .mjs without type declarations: imported by URL so TypeScript does not look for them.
  const clusterModule = pathToFileURL(path.join(ROOT, 'scripts', 'postgres-cluster.mjs')).href;
  const { startPostgres } = (await import(clusterModule)) as { startPostgres(port?: number): Cluster | null };
  const cluster = startPostgres(await freePort());
  if (!cluster) {
    console.log(
      '\nNote: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): runs-query skipped it.',
    );
    rows.push({ scenario: 'PostgreSQL', skipped: 'not installed' });
    return rows;
  }
  try {
    const { default: pg } = await import('pg');
    const client = new pg.Client(cluster.url);
    await client.connect();
    await client.query('CREATE DATABASE obw_bench_runs');
    await client.end();
    const url = cluster.url.replace(/\/[^/]*$/, '/obw_bench_runs');
    rows.push(...(await benchmarkBackend('PostgreSQL', { DATABASE_URL: url }, runCount, requests)));
  } finally {
    cluster.stop();
  }
  return rows;
}
