import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
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

/**
 * Every topic of the server, typed in one place: one per run, one for the whole list, and the
 * cancel requests that whoever executes a run listens to.
 */
export type Topics = {
  runEvent: [runId: string, event: RunEvent];
  runsChanged: [run: RunRow];
  runCancel: [request: { runId: string; reason: string }];
};

export interface AppPubSub extends ReturnType<typeof createPubSub<Topics>> {
  /** Closes the Redis connections, when there are any. */
  close(): Promise<void>;
}

/**
 * In memory for one process; with a Redis URL, every event goes through Redis so all API
 * replicas and workers see all of them (events are JSON: rows and lines are plain data).
 */
export function createAppPubSub(redisUrl: string | null = null): AppPubSub {
  if (!redisUrl) return Object.assign(createPubSub<Topics>(), { close: async () => undefined });
  const publishClient = new Redis(redisUrl, { lazyConnect: false });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  const pubsub = createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  return Object.assign(pubsub, {
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}
