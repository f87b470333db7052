import { parseCsv } from '../src/exports/csv.js';
import { startServer, waitFor, type TestServer } from './helpers.js';

const COMPARISON = `query($ids: [ID!]!) { comparison(runIds: $ids) {
  __typename
  ... on QueryComparisonSuccess { data {
    runs { id model }
    primaryMetric { name values { value stderr } best }
    metrics { name values { value } best }
    breakdowns { name items { key values { value stderr } } }
    warnings { code message runIds }
    method
    pairs { baseRun { id } otherRun { id } sharedSamples mcnemarPValue
      counts { bothRight bothWrong fixed broken }
      difference { estimate low high level }
      discordant(first: 5) { totalCount hasNextPage nodes { id epoch baseCorrect otherCorrect baseAnswer otherAnswer target } } }
    export(format: CSV)
  } }
  ... on ValidationError { field message }
  ... on NotFoundError { message }
} }`;

type Pair = {
  sharedSamples: number;
  mcnemarPValue: number;
  counts: { bothRight: number; bothWrong: number; fixed: number; broken: number };
  difference: { estimate: number; low: number; high: number };
  discordant: {
    totalCount: number;
    nodes: {
      id: string;
      baseCorrect: boolean;
      otherCorrect: boolean;
      baseAnswer: string;
      otherAnswer: string;
      target: string;
    }[];
  };
};
type Result = {
  comparison: {
    __typename: string;
    message?: string;
    field?: string;
    data?: {
      runs: { id: string; model: string }[];
      primaryMetric: { name: string; values: { value: number; stderr: number }[]; best: number };
      metrics: { name: string; values: { value: number | null }[] }[];
      breakdowns: { name: string; items: { key: string; values: { value: number | null }[] }[] }[];
      warnings: { code: string; message: string; runIds: string[] }[];
      method: string;
      pairs: Pair[];
      export: string;
    };
  };
};

async function run(server: TestServer, input: Record<string, unknown>): Promise<string> {
  const { startRun } = await server.gql<{ startRun: { data: { id: string } } }>(
    `mutation($input: StartRunInput!) { startRun(input: $input) { ... on MutationStartRunSuccess { data { id } } } }`,
    { input },
  );
  return startRun.data.id;
}

describe('comparing real offline runs', () => {
  let server: TestServer;
  let demo: string;
  let good: string;
  let failed: string;

  beforeAll(async () => {
    server = await startServer();
    demo = await run(server, { benchmark: 'offline_demo', model: 'offline/demo' });
    good = await run(server, { benchmark: 'offline_demo', model: 'offline/demo-good' });
    await server.gql(
      `mutation { setProviderKey(provider: "nosuchprovider", value: "ns-0123456789") { __typename } }`,
    );
    failed = await run(server, { benchmark: 'mmlu', model: 'nosuchprovider/x', limit: 5 });
    for (const id of [demo, good, failed]) {
      await waitFor(
        async () =>
          !['QUEUED', 'RUNNING'].includes(
            (
              await server.gql<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, {
                id,
              })
            ).run.status,
          ),
        { timeoutMs: 180_000, what: `run ${id}` },
      );
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('aligns metrics and breakdowns and computes paired statistics checked by hand', async () => {
    const { comparison } = await server.gql<Result>(COMPARISON, { ids: [demo, good] });
    const data = comparison.data!;
    expect(data.runs.map((r) => r.model)).toEqual(['offline/demo', 'offline/demo-good']);
    expect(data.primaryMetric.name).toBe('accuracy');
    expect(data.primaryMetric.values.map((v) => v.value)).toEqual([24 / 36, 32 / 36]);
    expect(data.primaryMetric.best).toBe(1);
    expect(data.breakdowns[0]!.items.map((i) => i.key)).toEqual(['arithmetic', 'geography', 'spelling']);
    expect(data.warnings).toEqual([]);
    expect(data.method).toMatch(/McNemar/);

    // demo-good answers right everything demo does, plus 8 more: 24 both right, 4 both wrong.
    const [pair] = data.pairs;
    expect(pair!.sharedSamples).toBe(36);
    expect(pair!.counts).toEqual({ bothRight: 24, bothWrong: 4, fixed: 8, broken: 0 });
    expect(pair!.difference.estimate).toBeCloseTo(8 / 36, 12);
    expect(pair!.difference.low).toBeGreaterThan(0);
    expect(pair!.difference.high).toBeLessThanOrEqual(8 / 36 + 1e-12 + 0.2);
    // Exact McNemar: 2 · P(X ≤ 0 | n = 8, p = ½) = 2 / 256.
    expect(pair!.mcnemarPValue).toBeCloseTo(2 / 256, 12);
    expect(pair!.discordant.totalCount).toBe(8);
    const first = pair!.discordant.nodes[0]!;
    expect(first).toMatchObject({ baseCorrect: false, otherCorrect: true });
    expect(first.otherAnswer).toBe(first.target);
    expect(first.baseAnswer).not.toBe(first.target);

    // The CSV export parses back to the same numbers.
    const rows = parseCsv(data.export);
    const header = rows[0]!;
    const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    const accuracy = records
      .filter((r) => r.kind === 'metric' && r.name === 'accuracy')
      .map((r) => Number(r.value));
    expect(accuracy).toEqual([24 / 36, 32 / 36]);
    const pairRow = records.find((r) => r.kind === 'pair')!;
    expect(Number(pairRow.p_value)).toBe(pair!.mcnemarPValue);
    expect(Number(pairRow.ci_low)).toBe(pair!.difference.low);
    expect(Number(pairRow.fixed)).toBe(8);
  });

  it('warns about different benchmarks and unfinished runs and still renders what aligns', async () => {
    const { comparison } = await server.gql<Result>(COMPARISON, { ids: [demo, failed] });
    const codes = comparison.data!.warnings.map((w) => w.code);
    expect(codes).toContain('DIFFERENT_BENCHMARKS');
    expect(codes).toContain('NOT_COMPLETED');
    expect(codes).toContain('NO_SHARED_SAMPLES');
    expect(comparison.data!.metrics.find((m) => m.name === 'accuracy')!.values.map((v) => v.value)).toEqual([
      24 / 36,
      null,
    ]);
    expect(comparison.data!.pairs).toEqual([]);
  });

  it('rejects too few runs and unknown runs with typed errors', async () => {
    expect((await server.gql<Result>(COMPARISON, { ids: [demo] })).comparison).toMatchObject({
      __typename: 'ValidationError',
      field: 'runIds',
    });
    expect(
      (await server.gql<Result>(COMPARISON, { ids: [demo, '00000000-0000-4000-8000-000000000000'] }))
        .comparison.__typename,
    ).toBe('NotFoundError');
  });

  it('ranks models on a leaderboard with CIs and sample counts', async () => {
    const { leaderboard } = await server.gql<{
      leaderboard: {
        label: string;
        entries: {
          rank: number;
          model: string;
          value: number;
          ciLow: number;
          ciHigh: number;
          samples: number;
        }[];
      }[];
    }>(
      `{ leaderboard(benchmark: "offline_demo") { label entries { rank model value ciLow ciHigh samples } } }`,
    );
    expect(leaderboard).toHaveLength(1);
    expect(leaderboard[0]!.entries.map((e) => [e.rank, e.model, e.samples])).toEqual([
      [1, 'offline/demo-good', 36],
      [2, 'offline/demo', 36],
    ]);
    expect(leaderboard[0]!.entries[0]!.ciLow).toBeLessThan(32 / 36);
  });

  it('exports runs, samples and comparisons over HTTP as CSV and JSON', async () => {
    const runsCsv = parseCsv(await (await server.fetch(`/api/export/runs.csv`)).text());
    expect(runsCsv[0]!.slice(0, 3)).toEqual(['id', 'benchmark', 'model']);
    expect(
      runsCsv
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([demo, good, failed].sort());
    const samples = (await (await server.fetch(`/api/runs/${good}/samples.json`)).json()) as {
      id: string;
      correct: boolean;
    }[];
    expect(samples).toHaveLength(36);
    expect(samples.filter((s) => s.correct)).toHaveLength(32);
    const wrong = parseCsv(await (await server.fetch(`/api/runs/${good}/samples.csv?correct=false`)).text());
    expect(wrong).toHaveLength(1 + 4);
    const geography = parseCsv(
      await (
        await server.fetch(`/api/runs/${good}/samples.csv?correct=false&meta=category:geography`)
      ).text(),
    );
    expect(geography).toHaveLength(1 + 2);
    expect((await server.fetch(`/api/runs/${good}/samples.csv?meta=bad%20key:x`)).status).toBe(400);
    const compare = await server.fetch(`/api/compare.json?ids=${demo},${good}`);
    expect(compare.headers.get('content-disposition')).toMatch(/comparison\.json/);
    expect(((await compare.json()) as { kind: string }[]).some((r) => r.kind === 'pair')).toBe(true);
    expect((await server.fetch(`/api/compare.csv?ids=${demo}`)).status).toBe(400);
    expect((await server.fetch(`/api/runs/${demo}x/samples.csv`)).status).toBe(404);
    const viaGraphql = await server.gql<{ exportRuns: string }>(`{ exportRuns(format: CSV) }`);
    expect(parseCsv(viaGraphql.exportRuns)).toEqual(runsCsv);
  });
});
