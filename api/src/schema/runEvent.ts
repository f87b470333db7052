import { GraphQLError } from 'graphql';
import type { RunRow } from '../db/entities/Run.js';
import { NotFoundError } from '../errors.js';
import type { ProgressEvent } from '../pubsub.js';
import { runEventStream, type StreamEvent } from '../runs/eventStream.js';
import type { LogLine } from '../runs/logStore.js';
import { builder } from './builder.js';
import { LogStreamEnum, progressFraction, RunType, visibleRun } from './run.js';

const RunEventKindEnum = builder.enumType('RunEventKind', {
  values: {
    STATUS: { description: 'The run’s status changed (the first event is always its current status).' },
    PROGRESS: { description: 'Samples done so far, parsed from bench’s output.' },
    LOG: { description: 'A batch of output lines, in order.' },
    HEARTBEAT: { description: 'Nothing happened for a while; the stream is alive.' },
  } as const,
});

const LogLineType = builder.objectRef<LogLine>('LogLine').implement({
  fields: (t) => ({
    stream: t.field({ type: LogStreamEnum, resolve: (l) => (l.stream === 'stdout' ? 'STDOUT' : 'STDERR') }),
    line: t.exposeInt('line', { description: 'Line number in its stream, from 0: resume with it + 1.' }),
    text: t.exposeString('text'),
  }),
});

interface LogBatch {
  stream: LogLine['stream'];
  firstLine: number;
  lines: string[];
}

/** Consecutive lines of one stream in one object: far cheaper to execute and send than lines. */
const LogBatchType = builder.objectRef<LogBatch>('LogBatch').implement({
  fields: (t) => ({
    stream: t.field({ type: LogStreamEnum, resolve: (b) => (b.stream === 'stdout' ? 'STDOUT' : 'STDERR') }),
    firstLine: t.exposeInt('firstLine', { description: 'Number of the first line; the others follow it.' }),
    lineCount: t.int({ resolve: (b) => b.lines.length }),
    text: t.string({
      description: 'The lines joined with \n (no trailing newline).',
      resolve: (b) => b.lines.join('\n'),
    }),
  }),
});

/** Splits an event's lines into runs of consecutive lines per stream. */
function toBatches(lines: LogLine[]): LogBatch[] {
  const batches: LogBatch[] = [];
  let current: LogBatch | null = null;
  for (const line of lines) {
    if (
      !current ||
      current.stream !== line.stream ||
      current.firstLine + current.lines.length !== line.line
    ) {
      current = { stream: line.stream, firstLine: line.line, lines: [] };
      batches.push(current);
    }
    current.lines.push(line.text);
  }
  return batches;
}

const LiveProgressType = builder.objectRef<ProgressEvent>('LiveProgress').implement({
  fields: (t) => ({
    completed: t.exposeInt('completed', { nullable: true }),
    total: t.exposeInt('total', { nullable: true }),
    fraction: t.float({ nullable: true, resolve: progressFraction }),
    metricName: t.exposeString('metricName', { nullable: true }),
    metricValue: t.exposeFloat('metricValue', { nullable: true }),
  }),
});

const RunEventType = builder.objectRef<StreamEvent>('RunEvent').implement({
  fields: (t) => ({
    kind: t.field({
      type: RunEventKindEnum,
      resolve: (e) =>
        (({ status: 'STATUS', progress: 'PROGRESS', log: 'LOG', heartbeat: 'HEARTBEAT' }) as const)[e.kind],
    }),
    run: t.field({
      type: RunType,
      nullable: true,
      resolve: (e): RunRow | null => (e.kind === 'status' ? e.run : null),
    }),
    progress: t.field({
      type: LiveProgressType,
      nullable: true,
      resolve: (e) => (e.kind === 'progress' ? e.progress : null),
    }),
    lines: t.field({
      type: [LogLineType],
      description: 'The lines of a LOG event one by one (see batches for the compact form).',
      resolve: (e) => (e.kind === 'log' ? e.lines : []),
    }),
    batches: t.field({
      type: [LogBatchType],
      description: 'The lines of a LOG event as runs of consecutive lines per stream.',
      resolve: (e) => (e.kind === 'log' ? toBatches(e.lines) : []),
    }),
  }),
});

const LogOffsetInput = builder.inputType('LogOffsetInput', {
  description: 'The first line wanted of each stream (0 = from the start).',
  fields: (t) => ({
    stdout: t.int({ defaultValue: 0 }),
    stderr: t.int({ defaultValue: 0 }),
  }),
});

builder.subscriptionField('runEvents', (t) =>
  t.field({
    type: RunEventType,
    description:
      'A run’s status, then its stored output from fromOffset, then live events, ending after its terminal status. ' +
      'Reconnect with the last line numbers seen (+1) to miss nothing.',
    args: {
      runId: t.arg.id({ required: true }),
      fromOffset: t.arg({ type: LogOffsetInput }),
    },
    subscribe: async function* (_root, args, ctx) {
      const id = String(args.runId);
      const notFound = () =>
        new GraphQLError(`Run ${id} was not found`, { extensions: { code: 'NOT_FOUND' } });
      if (!(await visibleRun(ctx, id))) throw notFound();
      const from = { stdout: args.fromOffset?.stdout ?? 0, stderr: args.fromOffset?.stderr ?? 0 };
      try {
        yield* runEventStream(
          {
            pubsub: ctx.pubsub,
            runRepository: ctx.runRepository,
            directory: (runId) => ctx.runs.directory(runId),
          },
          id,
          from,
        );
      } catch (error) {
        if (error instanceof NotFoundError) throw notFound();
        throw error;
      }
    },
    resolve: (event) => event,
  }),
);
