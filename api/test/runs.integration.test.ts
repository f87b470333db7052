import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACT_NAMES } from '../src/runs/artifacts.js';
import { startServer, tempDir, waitFor, type TestServer } from './helpers.js';

const RUN_FIELDS = `id benchmark model status command config exitCode error createdAt startedAt finishedAt
  progress { completed total fraction }
  primaryMetric { name value stderr }
  artifacts { name size url }`;

const START = `mutation Start($input: StartRunInput!) {
  startRun(input: $input) {
    __typename
    ... on MutationStartRunSuccess { data { ${RUN_FIELDS} } }
    ... on ValidationError { field message }
    ... on CatalogUnavailableError { message fix }
    ... on ProviderKeyMissingError { message provider variable }
  }
}`;

interface RunData {
  id: string;
  status: string;
  command: string;
  config: Record<string, unknown>;
  exitCode: number | null;
  error: string | null;
  progress: { completed: number | null; total: number | null; fraction: number | null };
  primaryMetric: { name: string; value: number; stderr: number | null } | null;
  artifacts: { name: string; size: number; url: string }[];
}

type StartResult = { __typename: string; data?: RunData; field?: string; message?: string };

async function start(server: TestServer, input: Record<string, unknown>): Promise<StartResult> {
  return (await server.gql<{ startRun: StartResult }>(START, { input })).startRun;
}

async function getRun(server: TestServer, id: string): Promise<RunData> {
  return (await server.gql<{ run: RunData }>(`query($id: ID!) { run(id: $id) { ${RUN_FIELDS} } }`, { id }))
    .run;
}

function waitTerminal(server: TestServer, id: string, timeoutMs = 120_000): Promise<RunData> {
  return waitFor(
    async () => {
      const run = await getRun(server, id);
      return ['COMPLETED', 'FAILED', 'CANCELED', 'INTERRUPTED'].includes(run.status) ? run : null;
    },
    { timeoutMs, what: `run ${id} to finish` },
  );
}

describe('runs with the real bench', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('runs the shipped offline eval to COMPLETED with every artifact of the contract', async () => {
    const started = await start(server, {
      benchmark: 'offline_demo',
      model: 'offline/demo',
      limit: 12,
      seed: 7,
    });
    expect(started.__typename).toBe('MutationStartRunSuccess');
    const id = started.data!.id;
    expect(started.data!.status).toBe('QUEUED');

    const run = await waitTerminal(server, id);
    expect(run.error).toBeNull();
    expect(run.status).toBe('COMPLETED');
    expect(run.exitCode).toBe(0);
    expect(run.progress).toMatchObject({ completed: 12, total: 12, fraction: 1 });
    expect(run.primaryMetric?.name).toBe('accuracy');
    expect(run.primaryMetric?.value).toBeGreaterThan(0);
    expect(run.primaryMetric?.value).toBeLessThan(1);
    expect(run.primaryMetric?.stderr).toBeGreaterThan(0);
    expect(run.artifacts.map((a) => a.name).sort()).toEqual([...ARTIFACT_NAMES].sort());

    const dir = path.join(server.dataDir, 'runs', id);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      schema_version: 1,
      benchmark: 'offline_demo',
      model: 'offline/demo',
      limit: 12,
      seed: 7,
    });
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ status: 'COMPLETED', exit_code: 0, error: null });
    expect(meta.finished_at >= meta.started_at).toBe(true);
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ schema_version: 1, primary_metric: { name: 'accuracy' } });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'env_keys_used.json'), 'utf8'))).toEqual([]);
    const log = JSON.parse(
      fs.readFileSync(path.join(dir, 'openbench.log.json'), 'utf8').replace(/\bNaN\b/g, 'null'),
    );
    expect(log.status).toBe('success');
    expect(fs.readFileSync(path.join(dir, 'stdout.log'), 'utf8')).toMatch(/Samples:|offline_demo/);

    // The artifact download serves contract names only.
    const download = await server.fetch(`${run.artifacts.find((a) => a.name === 'command.txt')!.url}`);
    expect(download.status).toBe(200);
    expect((await download.text()).trim()).toBe(run.command);
    for (const bad of ['..%2Fconfig.json', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'logs', 'summary.json.tmp']) {
      expect((await server.fetch(`/api/runs/${id}/artifacts/${bad}`)).status).toBe(404);
    }

    // command.txt reproduces the run when pasted into a shell (here: from another directory).
    const command = fs.readFileSync(path.join(dir, 'command.txt'), 'utf8');
    const rerun = spawnSync('sh', ['-c', command], { cwd: tempDir(), encoding: 'utf8', timeout: 120_000 });
    expect(rerun.status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'logs')).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('rejects bad input with a typed error naming the field and creates nothing', async () => {
    const before = fs.existsSync(path.join(server.dataDir, 'runs'))
      ? fs.readdirSync(path.join(server.dataDir, 'runs')).length
      : 0;
    const cases: [Record<string, unknown>, string][] = [
      [{ benchmark: 'no_such_benchmark', model: 'offline/demo' }, 'benchmark'],
      [{ benchmark: '../../etc', model: 'offline/demo' }, 'benchmark'],
      [{ benchmark: 'offline_demo', model: 'no-slash' }, 'model'],
      [{ benchmark: 'offline_demo', model: 'offline/demo', limit: -1 }, 'limit'],
      [{ benchmark: 'offline_demo', model: 'offline/demo', temperature: 9 }, 'temperature'],
      [
        { benchmark: 'offline_demo', model: 'offline/demo', taskArgs: [{ key: 'a b', value: '1' }] },
        'taskArgs.a b',
      ],
    ];
    for (const [input, field] of cases) {
      const result = await start(server, input);
      expect(result).toMatchObject({ __typename: 'ValidationError', field });
    }
    const after = fs.readdirSync(path.join(server.dataDir, 'runs')).length;
    expect(after).toBe(before);
  });

  it('refuses a run whose provider key is missing, and ends FAILED with bench’s message for an unknown provider', async () => {
    // #6: startRun checks the key first, so a missing key never reaches bench.
    const missingKey = await start(server, {
      benchmark: 'offline_demo',
      model: 'openai/gpt-4o-mini',
      limit: 2,
    });
    expect(missingKey).toMatchObject({ __typename: 'ProviderKeyMissingError' });
    expect(missingKey.message).toMatch(/OPENAI_API_KEY/);

    // With a key stored, an unknown provider gets as far as bench, which rejects it.
    await server.gql(
      `mutation { setProviderKey(provider: "nosuchprovider", value: "ns-0123456789") { __typename } }`,
    );
    const unknown = await start(server, {
      benchmark: 'offline_demo',
      model: 'nosuchprovider/model',
      limit: 2,
    });
    const a = await waitTerminal(server, unknown.data!.id);
    expect(a.status).toBe('FAILED');
    expect(a.error).toMatch(/Model API nosuchprovider of model 'nosuchprovider\/model' not recognized/);
    const meta = JSON.parse(fs.readFileSync(path.join(server.dataDir, 'runs', a.id, 'meta.json'), 'utf8'));
    expect(meta.status).toBe('FAILED');
    const summary = JSON.parse(
      fs.readFileSync(path.join(server.dataDir, 'runs', a.id, 'summary.json'), 'utf8'),
    );
    expect(summary).toMatchObject({ primary_metric: null, metrics: [], breakdowns: [] });
    expect(summary.notes.length).toBeGreaterThan(0);
    expect(
      JSON.parse(fs.readFileSync(path.join(server.dataDir, 'runs', a.id, 'env_keys_used.json'), 'utf8')),
    ).toEqual(['NOSUCHPROVIDER_API_KEY']);
  });

  it('pages runs newest first and keeps them across a restart', async () => {
    const query = `query($after: String) { runs(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id status createdAt } } }`;
    type Page = {
      runs: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { id: string; createdAt: string }[];
      };
    };
    const first = await server.gql<Page>(query);
    expect(first.runs.totalCount).toBe(2);
    expect(first.runs.pageInfo.hasNextPage).toBe(true);
    const second = await server.gql<Page>(query, { after: first.runs.pageInfo.endCursor });
    expect(second.runs.pageInfo.hasNextPage).toBe(false);
    const all = [...first.runs.nodes, ...second.runs.nodes];
    expect(all).toHaveLength(2);
    expect(new Set(all.map((r) => r.id)).size).toBe(2);
    expect([...all].sort((x, y) => y.createdAt.localeCompare(x.createdAt))).toEqual(all);

    await server.stop();
    server = await startServer({}, server.dataDir);
    const again = await server.gql<Page>(
      `query { runs(first: 10) { totalCount nodes { id status createdAt } } }`,
    );
    expect(again.runs.totalCount).toBe(2);
    expect(again.runs.nodes.map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it('searches runs by benchmark or model text and by id prefix, case-insensitively and literally', async () => {
    type Node = { id: string; benchmark: string; model: string };
    const search = async (text: string) =>
      (
        await server.gql<{ runs: { totalCount: number; nodes: Node[] } }>(
          `query($f: RunFilter) { runs(first: 50, filter: $f) { totalCount nodes { id benchmark model } } }`,
          { f: { search: text } },
        )
      ).runs;
    const all = (await search('')).nodes;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const expected = (text: string) =>
      all
        .filter(
          (r) =>
            `${r.benchmark}\n${r.model}`.toLowerCase().includes(text.toLowerCase()) ||
            r.id.startsWith(text.toLowerCase()),
        )
        .map((r) => r.id);
    const someModel = all[0]!.model;
    for (const text of [
      someModel.toUpperCase(),
      someModel.slice(2, 6),
      'FFLINE_D',
      all[1]!.id.slice(0, 8),
      '_',
      '%',
      'no such run',
    ]) {
      const found = await search(text);
      expect({ text, ids: found.nodes.map((r) => r.id) }).toEqual({ text, ids: expected(text) });
      expect(found.totalCount).toBe(expected(text).length);
    }
    // '%' is a literal character, not a wildcard that would match every run.
    expect(expected('%')).toEqual([]);
  });

  it('serves health and a 404 for unknown API paths', async () => {
    expect(await (await server.fetch(`/api/health`)).json()).toEqual({ status: 'ok' });
    expect((await server.fetch(`/api/nope`)).status).toBe(404);
  });
});
