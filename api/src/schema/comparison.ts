import type { RunRow } from '../db/entities/Run.js';
import { SampleEntity, type SampleRow } from '../db/entities/Sample.js';
import { NotFoundError, ValidationError } from '../errors.js';
import {
  compareRuns,
  type AlignedValue,
  type Comparison,
  type PairComparison,
} from '../compare/comparison.js';
import { leaderboard, type LeaderboardEntry, type LeaderboardGroup } from '../compare/leaderboard.js';
import { isRunId } from '../runs/artifacts.js';
import { ownerScope, requireViewer } from '../auth/viewer.js';
import { builder } from './builder.js';
import { decodeOffset, encodeOffset } from './offsetCursor.js';
import { RunType } from './run.js';

const AlignedValueType = builder.objectRef<AlignedValue>('AlignedValue').implement({
  description: 'One run’s value of an aligned metric; null when the run does not report it.',
  fields: (t) => ({
    value: t.exposeFloat('value', { nullable: true }),
    stderr: t.exposeFloat('stderr', { nullable: true }),
  }),
});

const AlignedMetricType = builder.objectRef<Comparison['metrics'][number]>('AlignedMetric').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    values: t.field({
      type: [AlignedValueType],
      description: 'One per run, in the order of Comparison.runs.',
      resolve: (m) => m.values,
    }),
    best: t.exposeInt('best', { nullable: true, description: 'Index of the highest value.' }),
  }),
});

const AlignedBreakdownItemType = builder
  .objectRef<Comparison['breakdowns'][number]['items'][number]>('AlignedBreakdownItem')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      values: t.field({ type: [AlignedValueType], resolve: (i) => i.values }),
    }),
  });

const AlignedBreakdownType = builder
  .objectRef<Comparison['breakdowns'][number]>('AlignedBreakdown')
  .implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      items: t.field({ type: [AlignedBreakdownItemType], resolve: (b) => b.items }),
    }),
  });

const WarningCodeEnum = builder.enumType('ComparisonWarningCode', {
  values: [
    'DIFFERENT_BENCHMARKS',
    'DIFFERENT_SETTINGS',
    'DIFFERENT_VERSIONS',
    'NOT_COMPLETED',
    'FEWER_SAMPLES',
    'NO_SHARED_SAMPLES',
  ] as const,
});

const WarningType = builder.objectRef<Comparison['warnings'][number]>('ComparisonWarning').implement({
  fields: (t) => ({
    code: t.field({ type: WarningCodeEnum, resolve: (w) => w.code }),
    message: t.exposeString('message'),
    runIds: t.exposeIDList('runIds'),
  }),
});

const CountsType = builder.objectRef<PairComparison['counts']>('PairedCounts').implement({
  fields: (t) => ({
    bothRight: t.exposeInt('bothRight'),
    bothWrong: t.exposeInt('bothWrong'),
    fixed: t.exposeInt('fixed', { description: 'Wrong in the base run, right in the other.' }),
    broken: t.exposeInt('broken', { description: 'Right in the base run, wrong in the other.' }),
  }),
});

const DifferenceType = builder.objectRef<PairComparison['difference']>('DifferenceEstimate').implement({
  fields: (t) => ({
    estimate: t.exposeFloat('estimate', {
      description: 'accuracy(other) − accuracy(base) on the shared samples.',
    }),
    low: t.exposeFloat('low'),
    high: t.exposeFloat('high'),
    level: t.exposeFloat('level'),
  }),
});

interface Discordant {
  sampleId: string;
  epoch: number;
  baseCorrect: boolean;
  otherCorrect: boolean;
  base: SampleRow | null;
  other: SampleRow | null;
}

const DiscordantType = builder.objectRef<Discordant>('DiscordantSample').implement({
  fields: (t) => ({
    id: t.exposeString('sampleId'),
    epoch: t.exposeInt('epoch'),
    baseCorrect: t.exposeBoolean('baseCorrect'),
    otherCorrect: t.exposeBoolean('otherCorrect'),
    input: t.string({ resolve: (d) => d.base?.inputPreview ?? d.other?.inputPreview ?? '' }),
    target: t.string({ resolve: (d) => d.base?.targetPreview ?? d.other?.targetPreview ?? '' }),
    baseAnswer: t.string({ resolve: (d) => d.base?.answerPreview ?? '' }),
    otherAnswer: t.string({ resolve: (d) => d.other?.answerPreview ?? '' }),
  }),
});

const DiscordantConnectionType = builder.simpleObject('DiscordantConnection', {
  fields: (t) => ({
    nodes: t.field({ type: [DiscordantType] }),
    totalCount: t.int(),
    hasNextPage: t.boolean(),
    endCursor: t.string({ nullable: true }),
  }),
});

interface PairContext {
  pair: PairComparison;
  runs: Map<string, RunRow>;
}

const PairType = builder.objectRef<PairContext>('PairComparison').implement({
  fields: (t) => ({
    baseRun: t.field({ type: RunType, resolve: (p) => p.runs.get(p.pair.baseRunId)! }),
    otherRun: t.field({ type: RunType, resolve: (p) => p.runs.get(p.pair.otherRunId)! }),
    sharedSamples: t.int({ resolve: (p) => p.pair.sharedSamples }),
    counts: t.field({ type: CountsType, resolve: (p) => p.pair.counts }),
    difference: t.field({ type: DifferenceType, resolve: (p) => p.pair.difference }),
    mcnemarPValue: t.float({
      description: 'McNemar’s exact test, two-sided.',
      resolve: (p) => p.pair.mcnemarPValue,
    }),
    discordant: t.field({
      type: DiscordantConnectionType,
      description: 'The samples the two runs disagree on, in sample order.',
      args: { first: t.arg.int({ defaultValue: 20 }), after: t.arg.string() },
      resolve: async (p, args, ctx) => {
        const offset = decodeOffset(args.after);
        const first = Math.max(1, Math.min(args.first ?? 20, 200));
        const page = p.pair.discordant.slice(offset, offset + first);
        const repo = ctx.dataSource.getRepository(SampleEntity);
        const find = (runId: string, d: (typeof page)[number]) =>
          repo.findOneBy({ runId, sampleId: d.sampleId, epoch: d.epoch });
        const nodes = await Promise.all(
          page.map(async (d) => ({
            ...d,
            base: await find(p.pair.baseRunId, d),
            other: await find(p.pair.otherRunId, d),
          })),
        );
        const end = offset + nodes.length;
        return {
          nodes,
          totalCount: p.pair.discordant.length,
          hasNextPage: end < p.pair.discordant.length,
          endCursor: nodes.length > 0 ? encodeOffset(end) : null,
        };
      },
    }),
  }),
});

export const ComparisonType = builder.objectRef<Comparison>('Comparison').implement({
  fields: (t) => ({
    runs: t.field({ type: [RunType], resolve: (c) => c.runs.map((r) => r.run) }),
    metrics: t.field({ type: [AlignedMetricType], resolve: (c) => c.metrics }),
    primaryMetric: t.field({
      type: AlignedMetricType,
      nullable: true,
      description: 'The aligned metric named by the first run’s primary metric.',
      resolve: (c) => {
        const name = c.runs.map((r) => r.summary?.primary_metric?.name).find(Boolean);
        return c.metrics.find((m) => m.name === name) ?? null;
      },
    }),
    breakdowns: t.field({ type: [AlignedBreakdownType], resolve: (c) => c.breakdowns }),
    warnings: t.field({ type: [WarningType], resolve: (c) => c.warnings }),
    pairs: t.field({
      type: [PairType],
      description: 'Paired statistics for every pair of runs that share scored samples.',
      resolve: (c) => {
        const runs = new Map(c.runs.map((r) => [r.run.id, r.run]));
        return c.pairs.map((pair) => ({ pair, runs }));
      },
    }),
    method: t.exposeString('method', { description: 'How the paired statistics were computed.' }),
  }),
});

builder.queryField('comparison', (t) =>
  t.field({
    type: ComparisonType,
    description: 'Compares 2 to 10 runs side by side.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { runIds: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) => {
      const ids = args.runIds.map(String);
      const bad = ids.find((id) => !isRunId(id));
      if (bad) throw new NotFoundError('Run', bad);
      return compareRuns(
        {
          viewer: requireViewer(ctx.viewer),
          dataSource: ctx.dataSource,
          runRepository: ctx.runRepository,
          directory: (id) => ctx.runs.directory(id),
        },
        ids,
      );
    },
  }),
);

const LeaderboardEntryType = builder.objectRef<LeaderboardEntry>('LeaderboardEntry').implement({
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    model: t.exposeString('model'),
    run: t.field({ type: RunType, resolve: (e) => e.run }),
    value: t.exposeFloat('value'),
    stderr: t.exposeFloat('stderr', { nullable: true }),
    ciLow: t.float({
      nullable: true,
      description: 'value − 1.96 · stderr',
      resolve: (e) => (e.stderr === null ? null : e.value - 1.96 * e.stderr),
    }),
    ciHigh: t.float({
      nullable: true,
      resolve: (e) => (e.stderr === null ? null : e.value + 1.96 * e.stderr),
    }),
    samples: t.exposeInt('samples', { nullable: true }),
  }),
});

const LeaderboardGroupType = builder.objectRef<LeaderboardGroup>('LeaderboardGroup').implement({
  description: 'Runs with the same score-relevant settings, best run per model, ranked.',
  fields: (t) => ({
    settings: t.field({ type: 'JSON', resolve: (g) => g.settings }),
    label: t.exposeString('label'),
    entries: t.field({ type: [LeaderboardEntryType], resolve: (g) => g.entries }),
  }),
});

builder.queryField('leaderboard', (t) =>
  t.field({
    type: [LeaderboardGroupType],
    args: { benchmark: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) =>
      leaderboard(ctx.runRepository, args.benchmark, ownerScope(requireViewer(ctx.viewer))),
  }),
);
