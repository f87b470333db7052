import { Redis } from 'ioredis';

/** The BullMQ queue every API replica adds to and every worker takes from. */
export const RUN_QUEUE = 'openbench-runs';

/**
 * A Redis connection for BullMQ. Blocking commands (workers waiting for jobs) must not be
 * retried per request, or a Redis restart would surface as failed jobs instead of a pause.
 */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
