import { startServer, type TestServer } from './helpers.js';

const BENCHMARKS = `query($search: String, $category: String, $sub: Boolean) {
  benchmarks(search: $search, category: $category, includeSubtasks: $sub) {
    __typename
    ... on QueryBenchmarksSuccess { data { name displayName category isAlpha isSubtask isGroup isLocal members } }
    ... on CatalogUnavailableError { message fix }
  }
}`;

type Result = {
  benchmarks: {
    __typename: string;
    data?: {
      name: string;
      isLocal: boolean;
      isSubtask: boolean;
      isGroup: boolean;
      category: string;
      members: string[];
    }[];
    message?: string;
    fix?: string;
  };
};

describe('catalog from the installed OpenBench', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists the real benchmarks, groups and the shipped local eval', async () => {
    const { benchmarks } = await server.gql<Result>(BENCHMARKS);
    expect(benchmarks.__typename).toBe('QueryBenchmarksSuccess');
    const names = new Set(benchmarks.data!.map((b) => b.name));
    expect(names.size).toBeGreaterThan(50);
    for (const key of ['mmlu', 'gpqa_diamond', 'offline_demo']) expect(names).toContain(key);
    expect(benchmarks.data!.find((b) => b.name === 'offline_demo')).toMatchObject({ isLocal: true });
    expect(benchmarks.data!.some((b) => b.isSubtask)).toBe(false);
    expect(benchmarks.data!.some((b) => b.isGroup && b.members.length > 1)).toBe(true);

    const withSubtasks = await server.gql<Result>(BENCHMARKS, { sub: true });
    expect(withSubtasks.benchmarks.data!.length).toBeGreaterThan(benchmarks.data!.length);
  });

  it('searches and filters by category', async () => {
    const { benchmarks } = await server.gql<Result>(BENCHMARKS, { search: 'mmlu' });
    expect(benchmarks.data!.map((b) => b.name)).toContain('mmlu');
    const categories = await server.gql<{ benchmarkCategories: { data: { name: string; count: number }[] } }>(
      `{ benchmarkCategories { ... on QueryBenchmarkCategoriesSuccess { data { name count } } } }`,
    );
    const category = categories.benchmarkCategories.data.find((c) => c.count > 1)!;
    const filtered = await server.gql<Result>(BENCHMARKS, { category: category.name });
    expect(filtered.benchmarks.data!).toHaveLength(category.count);
    expect(filtered.benchmarks.data!.every((b) => b.category === category.name)).toBe(true);
  });

  it('returns one benchmark by name, null for an unknown one', async () => {
    const query = `query($n: String!) { benchmark(name: $n) { ... on QueryBenchmarkSuccess { data { name isLocal } } } }`;
    expect(await server.gql(query, { n: 'offline_demo' })).toEqual({
      benchmark: { data: { name: 'offline_demo', isLocal: true } },
    });
    expect(await server.gql(query, { n: 'nope' })).toEqual({ benchmark: null });
  });
});

describe('catalog without OpenBench', () => {
  it('is a typed error with the fix, never an empty list', async () => {
    const server = await startServer({ OPENBENCH_BIN: '/nonexistent/bin/bench' });
    try {
      const { benchmarks } = await server.gql<Result>(BENCHMARKS);
      expect(benchmarks.__typename).toBe('CatalogUnavailableError');
      expect(benchmarks.message).toMatch(/not installed/);
      expect(benchmarks.fix).toMatch(/npm run setup/);
    } finally {
      await server.stop();
    }
  });
});
