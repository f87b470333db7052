import fs from 'node:fs';
import { filter, pipe } from 'graphql-yoga';
import { RUN_STATUSES, type RunRow } from '../db/entities/Run.js';
import { NotFoundError, RunStateError, ValidationError } from '../errors.js';
import { CatalogUnavailableError } from '../openbench/catalog.js';
import type { Summary } from '../openbench/summary.js';
import { isRunId } from '../runs/artifacts.js';
import { tailLines } from '../runs/logTail.js';
import { encodeCursor } from '../runs/repository.js';
import { canSee, ownerScope, requireViewer } from '../auth/viewer.js';
import { ProviderKeyMissingError } from '../errors.js';
import { builder, type Context } from './builder.js';
import { MetricType, SummaryType } from './summary.js';

export const RunStatusEnum = builder.enumType('RunStatus', { values: RUN_STATUSES });
export const LogStreamEnum = builder.enumType('LogStream', { values: ['STDOUT', 'STDERR'] as const });

interface Progress {
  completed: number | null;
  total: number | null;
  etaSeconds: number | null;
}

/** Done over total, capped at 1; null when either is unknown. */
export function progressFraction(p: { completed: number | null; total: number | null }): number | null {
  return p.completed !== null && p.total ? Math.min(1, p.completed / p.total) : null;
}

const ProgressType = builder.objectRef<Progress>('Progress').implement({
  description: 'Samples done so far. Null counts mean progress is unknown (not zero).',
  fields: (t) => ({
    completed: t.exposeInt('completed', { nullable: true }),
    total: t.exposeInt('total', { nullable: true }),
    fraction: t.float({ nullable: true, resolve: progressFraction }),
    etaSeconds: t.exposeFloat('etaSeconds', {
      nullable: true,
      description: 'From the rate observed so far.',
    }),
  }),
});

const ArtifactType = builder.simpleObject('Artifact', {
  fields: (t) => ({
    name: t.string(),
    size: t.float({ description: 'Bytes.' }),
    url: t.string({ description: 'Download path on this server.' }),
  }),
});

export const RunType = builder.objectRef<RunRow>('Run').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    ownerId: t.exposeID('ownerId', { nullable: true, description: 'The user who started the run.' }),
    benchmark: t.exposeString('benchmark'),
    model: t.exposeString('model'),
    status: t.field({ type: RunStatusEnum, resolve: (r) => r.status }),
    config: t.field({ type: 'JSON', description: 'config.json of the run.', resolve: (r) => r.config }),
    command: t.exposeString('command', { description: 'The exact command, shell-quoted (command.txt).' }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.startedAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.finishedAt }),
    durationSeconds: t.float({
      nullable: true,
      resolve: (r) =>
        r.startedAt
          ? ((r.finishedAt ? Date.parse(r.finishedAt) : Date.now()) - Date.parse(r.startedAt)) / 1000
          : null,
    }),
    exitCode: t.exposeInt('exitCode', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    worker: t.exposeString('workerName', {
      nullable: true,
      description: 'The process that executes (or executed) the run: the API itself or a queue worker.',
    }),
    resumeCount: t.exposeInt('resumeCount', {
      description: 'Times the run was resumed with bench eval-retry after its worker stopped (0 or 1).',
    }),
    queuePosition: t.int({
      nullable: true,
      description: 'Place in the queue while QUEUED (1 = next to start), across all workers.',
      resolve: (r, _args, ctx) => ctx.runs.queuePosition(r),
    }),
    progress: t.field({
      type: ProgressType,
      resolve: (r, _args, ctx) => {
        const live = ctx.runs.liveProgress(r.id);
        const completed = live?.completed ?? r.progressCompleted;
        const total = live?.total ?? r.progressTotal;
        let etaSeconds: number | null = null;
        if (r.status === 'RUNNING' && r.startedAt && completed && total && completed < total) {
          const elapsed = (Date.now() - Date.parse(r.startedAt)) / 1000;
          etaSeconds = (elapsed / completed) * (total - completed);
        }
        return { completed, total, etaSeconds };
      },
    }),
    primaryMetric: t.field({
      type: MetricType,
      nullable: true,
      resolve: (r) =>
        r.primaryMetricName === null
          ? null
          : {
              name: r.primaryMetricName,
              value: r.primaryMetricValue,
              unit: null,
              stderr: r.primaryMetricStderr,
            },
    }),
    summary: t.field({
      type: SummaryType,
      nullable: true,
      description: 'Null until the run has finished.',
      resolve: async (r, _args, ctx) => {
        const text = await fs.promises
          .readFile(ctx.runs.directory(r.id).file('summary.json'), 'utf8')
          .catch(() => null);
        return text ? (JSON.parse(text) as Summary) : null;
      },
    }),
    artifacts: t.field({
      type: [ArtifactType],
      resolve: async (r, _args, ctx) =>
        (await ctx.runs.directory(r.id).list()).map((a) => ({
          ...a,
          url: `/api/runs/${r.id}/artifacts/${a.name}`,
        })),
    }),
    logTail: t.stringList({
      description: 'The last lines of stdout or stderr.',
      args: {
        stream: t.arg({ type: LogStreamEnum, defaultValue: 'STDOUT' }),
        lines: t.arg.int({ defaultValue: 200 }),
      },
      resolve: (r, args, ctx) => {
        const file = ctx.runs.directory(r.id).file(args.stream === 'STDERR' ? 'stderr.log' : 'stdout.log');
        return tailLines(file, Math.max(0, Math.min(args.lines ?? 200, 10_000)));
      },
    }),
  }),
});

const RunEdgeType = builder.simpleObject('RunEdge', {
  fields: (t) => ({ cursor: t.string(), node: t.field({ type: RunType }) }),
});
const PageInfoType = builder.simpleObject('PageInfo', {
  fields: (t) => ({ hasNextPage: t.boolean(), endCursor: t.string({ nullable: true }) }),
});
const RunConnectionType = builder.simpleObject('RunConnection', {
  fields: (t) => ({
    edges: t.field({ type: [RunEdgeType] }),
    nodes: t.field({ type: [RunType] }),
    pageInfo: t.field({ type: PageInfoType }),
    totalCount: t.int(),
  }),
});

export const RunFilterInput = builder.inputType('RunFilter', {
  fields: (t) => ({
    benchmark: t.string(),
    model: t.string(),
    status: t.field({ type: RunStatusEnum }),
    search: t.string({
      description:
        'Text anywhere in the benchmark or model name, or the start of the run id (case-insensitive).',
    }),
  }),
});

const KeyValueInput = builder.inputType('KeyValueInput', {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

const ReasoningEffortEnum = builder.enumType('ReasoningEffort', {
  values: ['low', 'medium', 'high'] as const,
});

const StartRunInput = builder.inputType('StartRunInput', {
  fields: (t) => ({
    benchmark: t.string({ required: true, description: 'A catalog key (see Query.benchmarks).' }),
    model: t.string({ required: true, description: 'provider/model, e.g. openai/gpt-4o or offline/demo.' }),
    limit: t.int({ description: 'Evaluate only the first N samples.' }),
    temperature: t.float(),
    topP: t.float(),
    maxTokens: t.int(),
    timeout: t.int({ description: 'Seconds per model request.' }),
    epochs: t.int(),
    maxConnections: t.int(),
    seed: t.int(),
    reasoningEffort: t.field({ type: ReasoningEffortEnum }),
    taskArgs: t.field({ type: [KeyValueInput], description: 'Task arguments (-T key=value).' }),
    modelArgs: t.field({ type: [KeyValueInput], description: 'Model arguments (-M key=value).' }),
  }),
});

builder.queryField('runs', (t) =>
  t.field({
    type: RunConnectionType,
    description: 'Runs, newest first.',
    args: {
      first: t.arg.int({ defaultValue: 20 }),
      after: t.arg.string(),
      filter: t.arg({ type: RunFilterInput }),
    },
    resolve: async (_root, args, ctx) => {
      const first = Math.max(1, Math.min(args.first ?? 20, 200));
      const owner = ownerScope(requireViewer(ctx.viewer));
      const page = await ctx.runRepository.page(first, args.after ?? null, {
        ...args.filter,
        ownerId: owner,
      });
      const edges = page.rows.map((node) => ({ cursor: encodeCursor(node), node }));
      return {
        edges,
        nodes: page.rows,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
  }),
);

builder.queryField('run', (t) =>
  t.field({
    type: RunType,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => visibleRun(ctx, String(args.id)),
  }),
);

builder.mutationField('startRun', (t) =>
  t.field({
    type: RunType,
    description: 'Validates the input and queues a run; it starts when a slot is free.',
    errors: { types: [ValidationError, CatalogUnavailableError, ProviderKeyMissingError] },
    args: { input: t.arg({ type: StartRunInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.runs.start(input, requireViewer(ctx.viewer).user.id),
  }),
);

/** A run the viewer may see, or null: another user's run is indistinguishable from none. */
export async function visibleRun(ctx: Context, id: string): Promise<RunRow | null> {
  if (!isRunId(id)) return null;
  const run = await ctx.runRepository.get(id);
  return run && canSee(ctx.viewer, run) ? run : null;
}

async function runId(ctx: Context, id: string | number): Promise<string> {
  const run = await visibleRun(ctx, String(id));
  if (!run) throw new NotFoundError('Run', String(id));
  return run.id;
}

builder.mutationField('cancelRun', (t) =>
  t.field({
    type: RunType,
    description: 'Stops a running run (its whole process group) or takes a queued one off the queue.',
    errors: { types: [NotFoundError, RunStateError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => ctx.runs.cancel(await runId(ctx, args.id)),
  }),
);

builder.mutationField('rerun', (t) =>
  t.field({
    type: RunType,
    description: 'Starts a new run with the same configuration.',
    errors: { types: [NotFoundError, RunStateError, CatalogUnavailableError, ProviderKeyMissingError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) =>
      ctx.runs.rerun(await runId(ctx, args.id), requireViewer(ctx.viewer).user.id),
  }),
);

builder.subscriptionField('runsChanged', (t) =>
  t.field({
    type: RunType,
    description: 'Status changes and (every few seconds) progress of the viewer’s runs, for live lists.',
    subscribe: (_root, _args, ctx) =>
      pipe(
        ctx.pubsub.subscribe('runsChanged'),
        filter((run: RunRow) => canSee(ctx.viewer, run)),
      ),
    resolve: (run) => run,
  }),
);
