import { setTimeout as sleep } from 'node:timers/promises';
import { TERMINAL_STATUSES } from '../db/entities/Run.js';
import { NotFoundError } from '../errors.js';
import type { OutputStream } from '../openbench/process.js';
import type { AppPubSub, RunEvent } from '../pubsub.js';
import type { RunDirectory } from './artifacts.js';
import { readLogLines, type LogLine } from './logStore.js';
import type { RunRepository } from './repository.js';

export type StreamEvent = RunEvent | { kind: 'heartbeat'; runId: string; at: string };
export type LogOffsets = Record<OutputStream, number>;

export interface EventStreamOptions {
  heartbeatMs?: number;
  /** Live lines held for a subscriber that reads slowly; past it they are re-read from disk. */
  maxQueuedLines?: number;
  /** How long a gap may wait for lines still on their way to the disk. */
  gapWaitMs?: number;
}

const STREAMS: OutputStream[] = ['stdout', 'stderr'];

/**
 * The events of one run for one subscriber: its current status, then every stored log line
 * from `from` (per-stream line offsets) out of the files, then live events — with no gap and
 * no duplicate at the seam, because every line carries its number and the subscriber keeps
 * the next number it expects per stream. Live lines are queued up to a bound; a subscriber
 * that falls further behind loses its queued lines and gets them from disk instead, so a slow
 * reader costs memory only up to the bound. Ends after the run's terminal status.
 */
export async function* runEventStream(
  deps: { pubsub: AppPubSub; runRepository: RunRepository; directory: (id: string) => RunDirectory },
  runId: string,
  from: LogOffsets,
  options: EventStreamOptions = {},
): AsyncGenerator<StreamEvent> {
  const { heartbeatMs = 15_000, maxQueuedLines = 50_000, gapWaitMs = 5_000 } = options;
  const expected: LogOffsets = { stdout: Math.max(0, from.stdout), stderr: Math.max(0, from.stderr) };
  const dir = deps.directory(runId);
  const file = (stream: OutputStream) => dir.file(stream === 'stdout' ? 'stdout.log' : 'stderr.log');

  // Subscribe before reading anything, so nothing published meanwhile is missed.
  const subscription = deps.pubsub.subscribe('runEvent', runId);
  const queue: RunEvent[] = [];
  let queuedLines = 0;
  // A holder object, so TypeScript does not narrow the callback away across awaits.
  const waiter: { wake: (() => void) | null } = { wake: null };
  const pump = (async () => {
    for await (const event of subscription) {
      if (event.kind === 'log') {
        if (queuedLines + event.lines.length > maxQueuedLines) {
          // Too far behind: drop queued lines; the gap check re-reads them from disk.
          for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.kind === 'log') queue.splice(i, 1);
          queuedLines = 0;
          continue;
        }
        queuedLines += event.lines.length;
      }
      queue.push(event);
      waiter.wake?.();
    }
  })();

  /** Stored lines [expected, until) of one stream; waits for lines not yet on disk. */
  async function* fromDisk(stream: OutputStream, until?: number): AsyncGenerator<LogLine[]> {
    const deadline = Date.now() + gapWaitMs;
    for (;;) {
      for await (const batch of readLogLines(file(stream), stream, expected[stream], until)) {
        expected[stream] = batch.at(-1)!.line + 1;
        yield batch;
      }
      if (until === undefined || expected[stream] >= until || Date.now() > deadline) return;
      await sleep(10);
    }
  }

  try {
    const row = await deps.runRepository.get(runId);
    if (!row) throw new NotFoundError('Run', runId);
    yield { kind: 'status', run: row };
    for (const stream of STREAMS)
      for await (const lines of fromDisk(stream)) yield { kind: 'log', runId, lines };
    if (TERMINAL_STATUSES.includes(row.status)) return;

    for (;;) {
      if (queue.length === 0) {
        const woke = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), heartbeatMs);
          waiter.wake = () => {
            clearTimeout(timer);
            resolve(true);
          };
        });
        waiter.wake = null;
        if (!woke) yield { kind: 'heartbeat', runId, at: new Date().toISOString() };
        continue;
      }
      const event = queue.shift()!;
      if (event.kind === 'log') {
        queuedLines -= event.lines.length;
        for (const stream of STREAMS) {
          const lines = event.lines.filter((l) => l.stream === stream && l.line >= expected[stream]);
          if (lines.length === 0) continue;
          if (lines[0]!.line > expected[stream]) {
            for await (const gap of fromDisk(stream, lines[0]!.line))
              yield { kind: 'log', runId, lines: gap };
          }
          const fresh = lines.filter((l) => l.line >= expected[stream]);
          if (fresh.length === 0) continue;
          expected[stream] = fresh.at(-1)!.line + 1;
          yield { kind: 'log', runId, lines: fresh };
        }
        continue;
      }
      if (event.kind === 'status' && TERMINAL_STATUSES.includes(event.run.status)) {
        // Everything is on disk by now: deliver whatever the queue dropped, then the end.
        for (const stream of STREAMS)
          for await (const lines of fromDisk(stream)) yield { kind: 'log', runId, lines };
        yield event;
        return;
      }
      yield event;
    }
  } finally {
    await subscription.return?.();
    await pump.catch(() => undefined);
  }
}
