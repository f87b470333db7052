import { CatalogUnavailableError, type Benchmark } from '../openbench/catalog.js';
import { builder } from './builder.js';

export const BenchmarkType = builder.objectRef<Benchmark>('Benchmark').implement({
  description: 'A benchmark of the installed OpenBench, a group of benchmarks, or a shipped local eval.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The key passed to `bench eval`.' }),
    displayName: t.exposeString('displayName'),
    category: t.exposeString('category'),
    description: t.exposeString('description'),
    tags: t.exposeStringList('tags'),
    isAlpha: t.exposeBoolean('isAlpha', { description: 'Experimental: bench runs it only with --alpha.' }),
    isSubtask: t.exposeBoolean('isSubtask'),
    isGroup: t.exposeBoolean('isGroup', { description: 'Running it runs every member.' }),
    isLocal: t.exposeBoolean('isLocal', {
      description: 'A local eval shipped with this server (data/evals).',
    }),
    members: t.exposeStringList('members'),
  }),
});

const CategoryType = builder.simpleObject('BenchmarkCategory', {
  fields: (t) => ({ name: t.string(), count: t.int() }),
});

const OpenBenchInfoType = builder.simpleObject('OpenBenchInfo', {
  description: 'The installed OpenBench the catalog was read from.',
  fields: (t) => ({
    openbenchVersion: t.string({ nullable: true }),
    inspectVersion: t.string({ nullable: true }),
    benchmarkCount: t.int(),
    loadedAt: t.field({ type: 'DateTime' }),
  }),
});

function matches(b: Benchmark, search: string): boolean {
  const haystack =
    `${b.name} ${b.displayName} ${b.description} ${b.tags.join(' ')} ${b.category}`.toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

builder.queryField('benchmarks', (t) =>
  t.field({
    type: [BenchmarkType],
    description: 'The catalog, sorted by name. Subtasks are hidden unless includeSubtasks is true.',
    errors: { types: [CatalogUnavailableError] },
    args: {
      search: t.arg.string({
        description: 'Words that must all appear in the name, description, tags or category.',
      }),
      category: t.arg.string(),
      includeSubtasks: t.arg.boolean({ defaultValue: false }),
      includeAlpha: t.arg.boolean({ defaultValue: true }),
    },
    resolve: async (_root, args, ctx) => {
      const catalog = await ctx.catalog.get();
      return catalog.benchmarks.filter(
        (b) =>
          (args.includeSubtasks || !b.isSubtask) &&
          (args.includeAlpha || !b.isAlpha) &&
          (!args.category || b.category === args.category) &&
          (!args.search || matches(b, args.search)),
      );
    },
  }),
);

builder.queryField('benchmark', (t) =>
  t.field({
    type: BenchmarkType,
    nullable: true,
    errors: { types: [CatalogUnavailableError] },
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => (await ctx.catalog.get()).byName.get(args.name) ?? null,
  }),
);

builder.queryField('benchmarkCategories', (t) =>
  t.field({
    type: [CategoryType],
    description: 'Categories with the number of (non-subtask) benchmarks in each.',
    errors: { types: [CatalogUnavailableError] },
    resolve: async (_root, _args, ctx) => {
      const counts = new Map<string, number>();
      for (const b of (await ctx.catalog.get()).benchmarks) {
        if (!b.isSubtask) counts.set(b.category, (counts.get(b.category) ?? 0) + 1);
      }
      return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => ({ name, count }));
    },
  }),
);

builder.queryField('openbench', (t) =>
  t.field({
    type: OpenBenchInfoType,
    errors: { types: [CatalogUnavailableError] },
    resolve: async (_root, _args, ctx) => {
      const catalog = await ctx.catalog.get();
      return {
        openbenchVersion: catalog.openbenchVersion,
        inspectVersion: catalog.inspectVersion,
        benchmarkCount: catalog.benchmarks.length,
        loadedAt: catalog.loadedAt.toISOString(),
      };
    },
  }),
);
