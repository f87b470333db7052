import { createPubSub } from 'graphql-yoga';
import type { RunRow } from './db/entities/Run.js';
import type { LogLine } from './runs/logStore.js';

export interface ProgressEvent {
  completed: number | null;
  total: number | null;
  metricName: string | null;
  metricValue: number | null;
}

/** Everything that happens to one run, in the order it happened. */
export type RunEvent =
  | { kind: 'status'; run: RunRow }
  | { kind: 'progress'; runId: string; progress: ProgressEvent }
  | { kind: 'log'; runId: string; lines: LogLine[] };

/** Every topic of the server, typed in one place: one per run and one for the whole list. */
export type Topics = {
  runEvent: [runId: string, event: RunEvent];
  runsChanged: [run: RunRow];
};

export type AppPubSub = ReturnType<typeof createAppPubSub>;

export function createAppPubSub() {
  return createPubSub<Topics>();
}
