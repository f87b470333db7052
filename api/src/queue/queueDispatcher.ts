import { Queue } from 'bullmq';
import type { ProgressUpdate } from '../openbench/progress.js';
import type { RunDispatcher } from '../runs/dispatch.js';
import { now, type RunLifecycle } from '../runs/lifecycle.js';
import { redisConnection, RUN_QUEUE } from './redis.js';

export interface RunJobData {
  runId: string;
}

/**
 * With REDIS_URL: the API only queues. Each run is one BullMQ job whose id is the run id (so
 * queueing twice is a no-op), executed by `npm run worker` processes. Jobs leave Redis when
 * they end; the run's row is the record.
 */
export class QueueDispatcher implements RunDispatcher {
  readonly mode = 'redis' as const;
  private readonly queue: Queue<RunJobData>;

  constructor(
    redisUrl: string,
    private readonly lifecycle: RunLifecycle,
  ) {
    this.queue = new Queue<RunJobData>(RUN_QUEUE, { connection: redisConnection(redisUrl) });
  }

  async enqueue(runId: string): Promise<void> {
    await this.queue.add('run', { runId }, { jobId: runId, removeOnComplete: true, removeOnFail: true });
  }

  async remove(runId: string): Promise<boolean> {
    const job = await this.queue.getJob(runId);
    if (!job) return false;
    try {
      // Refused (throws) while a worker holds the job's lock: then it is running there.
      await job.remove();
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Another replica or a worker may be busy with any run, so only what is provably stale is
   * touched: a QUEUED run without a job is queued again (the job id makes this idempotent),
   * and a RUNNING run whose job is gone ended without its worker recording it — INTERRUPTED.
   * Runs of dead workers are the workers' business (stalled jobs, see runWorker.ts).
   */
  async reconcile(): Promise<void> {
    const { runs } = this.lifecycle;
    for (const row of await runs.withStatus('QUEUED')) {
      if ((await this.queue.getJobState(row.id)) === 'unknown') await this.enqueue(row.id);
    }
    for (const row of await runs.withStatus('RUNNING')) {
      if ((await this.queue.getJobState(row.id)) !== 'unknown') continue;
      const current = await runs.get(row.id);
      if (current?.status !== 'RUNNING') continue;
      await this.lifecycle.transition(current, 'INTERRUPTED', {
        finishedAt: now(),
        pid: null,
        error: 'Its queue job disappeared while it was running (Redis was reset or its worker was lost)',
      });
    }
  }

  liveProgress(): ProgressUpdate | null {
    // Progress lives in the worker; the row (saved every few seconds) and the events carry it.
    return null;
  }

  async workers(): Promise<string[]> {
    // Each worker holds several named Redis connections: `<prefix>:w:<worker name>`.
    const names = (await this.queue.getWorkers())
      .map((client) => client.rawname?.split(':w:')[1])
      .filter((name): name is string => !!name);
    return [...new Set(names)].sort();
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.queue.disconnect();
  }
}
