import { GraphQLError } from 'graphql';
import type { SampleRow } from '../db/entities/Sample.js';
import { ValidationError } from '../errors.js';
import type { InspectSample } from '../openbench/logSamples.js';
import { textOf } from '../openbench/sampleFields.js';
import { builder } from './builder.js';
import { decodeOffset, encodeOffset } from './offsetCursor.js';
import { RunType, visibleRun } from './run.js';

interface ScoreEntry {
  scorer: string;
  value: unknown;
  answer: string | null;
  explanation: string | null;
}

const SampleScoreType = builder.objectRef<ScoreEntry>('SampleScore').implement({
  fields: (t) => ({
    scorer: t.exposeString('scorer'),
    value: t.field({ type: 'JSON', nullable: true, resolve: (s) => s.value ?? null }),
    answer: t.exposeString('answer', { nullable: true }),
    explanation: t.exposeString('explanation', { nullable: true, description: 'Only on SampleDetail.' }),
  }),
});

export const SampleType = builder.objectRef<SampleRow>('Sample').implement({
  description: 'One indexed sample of a run: scores and short previews (see Query.sample for all of it).',
  fields: (t) => ({
    id: t.exposeString('sampleId'),
    epoch: t.exposeInt('epoch'),
    position: t.exposeInt('position'),
    correct: t.exposeBoolean('correct', {
      nullable: true,
      description: 'By the primary scorer; null when neither.',
    }),
    scoreValue: t.exposeString('scoreValue', { nullable: true }),
    scores: t.field({
      type: [SampleScoreType],
      resolve: (s) =>
        Object.entries(s.scores).map(([scorer, v]) => ({
          scorer,
          value: v.value,
          answer: v.answer,
          explanation: null,
        })),
    }),
    input: t.exposeString('inputPreview'),
    target: t.exposeString('targetPreview'),
    answer: t.exposeString('answerPreview'),
    metadata: t.field({ type: 'JSON', resolve: (s) => s.metadata }),
    totalTokens: t.exposeInt('totalTokens', { nullable: true }),
    totalTime: t.exposeFloat('totalTime', { nullable: true, description: 'Seconds.' }),
    error: t.exposeString('error', { nullable: true }),
  }),
});

interface ChatMessage {
  role: string;
  text: string;
  raw: unknown;
}

const ChatMessageType = builder.objectRef<ChatMessage>('ChatMessage').implement({
  fields: (t) => ({
    role: t.exposeString('role'),
    text: t.exposeString('text', { description: 'The message content as plain text.' }),
    raw: t.field({ type: 'JSON', description: 'The message as inspect logged it.', resolve: (m) => m.raw }),
  }),
});

interface Detail {
  row: SampleRow;
  sample: InspectSample;
}

const SampleDetailType = builder.objectRef<Detail>('SampleDetail').implement({
  description: 'A whole sample read from the run’s inspect log, attachments resolved.',
  fields: (t) => ({
    sample: t.field({ type: SampleType, resolve: (d) => d.row }),
    input: t.string({ resolve: (d) => textOf(d.sample.input) }),
    target: t.string({ resolve: (d) => textOf(d.sample.target) }),
    completion: t.string({ resolve: (d) => d.sample.output?.completion ?? '' }),
    messages: t.field({
      type: [ChatMessageType],
      resolve: (d) =>
        (d.sample.messages ?? []).map((m) => {
          const message = m as { role?: string; content?: unknown };
          return { role: message.role ?? 'unknown', text: textOf(message.content), raw: m };
        }),
    }),
    scores: t.field({
      type: [SampleScoreType],
      resolve: (d) =>
        Object.entries(d.sample.scores ?? {}).map(([scorer, s]) => ({
          scorer,
          value: s.value,
          answer: s.answer ?? null,
          explanation: s.explanation ?? null,
        })),
    }),
    metadata: t.field({ type: 'JSON', resolve: (d) => d.sample.metadata ?? {} }),
    modelUsage: t.field({ type: 'JSON', resolve: (d) => d.sample.model_usage ?? {} }),
    error: t.string({ nullable: true, resolve: (d) => d.sample.error?.message ?? null }),
  }),
});

const SampleEdgeType = builder.simpleObject('SampleEdge', {
  fields: (t) => ({ cursor: t.string(), node: t.field({ type: SampleType }) }),
});
const SampleConnectionType = builder.simpleObject('SampleConnection', {
  fields: (t) => ({
    edges: t.field({ type: [SampleEdgeType] }),
    nodes: t.field({ type: [SampleType] }),
    totalCount: t.int(),
    hasNextPage: t.boolean(),
    endCursor: t.string({ nullable: true }),
  }),
});

const MetadataMatchInput = builder.inputType('MetadataMatchInput', {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

const SampleFilterInput = builder.inputType('SampleFilterInput', {
  fields: (t) => ({
    correct: t.boolean({ description: 'Only right (true) or only wrong (false) samples.' }),
    scoreValue: t.string({ description: 'The primary scorer’s value, e.g. "C", "I", "P", "0.5".' }),
    metadata: t.field({
      type: [MetadataMatchInput],
      description: 'Metadata key=value pairs; all must match.',
    }),
    text: t.string({ description: 'Words to find in the id, input, target or answer.' }),
    hasError: t.boolean(),
  }),
});

const SampleSortEnum = builder.enumType('SampleSort', {
  values: ['POSITION', 'ID', 'TIME_DESC', 'TOKENS_DESC'] as const,
});

builder.objectField(RunType, 'samples', (t) =>
  t.field({
    type: SampleConnectionType,
    description: 'The run’s samples, paged and filtered on the server (empty until the run has finished).',
    args: {
      first: t.arg.int({ defaultValue: 50 }),
      after: t.arg.string(),
      filter: t.arg({ type: SampleFilterInput }),
      sort: t.arg({ type: SampleSortEnum, defaultValue: 'POSITION' }),
    },
    resolve: async (run, args, ctx) => {
      const first = Math.max(1, Math.min(args.first ?? 50, 500));
      const offset = decodeOffset(args.after);
      const page = await ctx.samples
        .page(run.id, first, offset, args.filter ?? {}, args.sort ?? 'POSITION')
        .catch((error: unknown) => {
          // A bad filter is the caller's mistake: say so instead of masking it as a server error.
          if (error instanceof ValidationError)
            throw new GraphQLError(error.message, {
              extensions: { code: 'BAD_USER_INPUT', field: error.field },
            });
          throw error;
        });
      const edges = page.rows.map((node, i) => ({ cursor: encodeOffset(offset + i + 1), node }));
      return {
        edges,
        nodes: page.rows,
        totalCount: page.totalCount,
        hasNextPage: page.hasNextPage,
        endCursor: edges.at(-1)?.cursor ?? null,
      };
    },
  }),
);

builder.objectField(RunType, 'sampleCount', (t) => t.exposeInt('sampleCount', { nullable: true }));

builder.queryField('sample', (t) =>
  t.field({
    type: SampleDetailType,
    nullable: true,
    description: 'One whole sample, read from the log on demand.',
    args: {
      runId: t.arg.id({ required: true }),
      id: t.arg.string({ required: true }),
      epoch: t.arg.int({ defaultValue: 1 }),
    },
    resolve: async (_root, args, ctx) => {
      const run = await visibleRun(ctx, String(args.runId));
      if (!run) return null;
      const runId = run.id;
      const row = await ctx.samples.get(runId, args.id, args.epoch ?? 1);
      if (!row) return null;
      const sample = await ctx.samples.full(ctx.runs.directory(runId).file('openbench.log.json'), row);
      return { row, sample };
    },
  }),
);
