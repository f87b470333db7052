import { Worker } from 'bullmq';
import { ProviderKeys } from '../auth/providerKeys.js';
import { Keyring } from '../auth/keyring.js';
import type { AppConfig } from '../config.js';
import { TERMINAL_STATUSES } from '../db/entities/Run.js';
import { openDatabase } from '../db/dataSource.js';
import { createAppPubSub } from '../pubsub.js';
import { now, RunLifecycle } from '../runs/lifecycle.js';
import { RunRepository } from '../runs/repository.js';
import { RunRunner } from '../runs/runner.js';
import { SampleStore } from '../runs/sampleStore.js';
import type { RunJobData } from './queueDispatcher.js';
import { redisConnection, RUN_QUEUE } from './redis.js';

export interface RunWorker {
  readonly name: string;
  /** Cancels this worker's runs (CANCELED), stops taking jobs and closes its connections. */
  close(): Promise<void>;
}

/**
 * A queue worker: takes run jobs from Redis, WORKER_CONCURRENCY at a time, and executes them
 * with the same runner as the in-process scheduler. Artifacts go to the shared DATA_DIR, rows
 * to the shared database, events through Redis.
 *
 * A worker that dies stops renewing its jobs' locks. Once a lock is older than
 * WORKER_LOCK_SECONDS, any live worker's stalled-job check puts the job back in the queue and
 * a worker takes it again: the runner finds the run RUNNING and resumes it once (bench
 * eval-retry) or ends it INTERRUPTED. A job that stalls a second time is failed by BullMQ, and
 * its run ends INTERRUPTED here.
 */
export async function startRunWorker(config: AppConfig): Promise<RunWorker> {
  if (!config.redisUrl) throw new Error('REDIS_URL is not set: workers take their runs from Redis');
  const dataSource = await openDatabase(config);
  const pubsub = createAppPubSub(config.redisUrl);
  const lifecycle = new RunLifecycle(config, new RunRepository(dataSource), pubsub);
  const keyring = Keyring.load({ masterKey: config.masterKey, keyFile: config.masterKeyFile });
  const runner = new RunRunner(
    config,
    lifecycle,
    new SampleStore(dataSource),
    new ProviderKeys(dataSource, keyring),
  );

  const worker = new Worker<RunJobData>(
    RUN_QUEUE,
    async (job) => {
      console.log(`run ${job.data.runId}: taken by ${config.workerName}`);
      await runner.execute(job.data.runId);
    },
    {
      connection: redisConnection(config.redisUrl),
      name: config.workerName,
      concurrency: config.workerConcurrency,
      lockDuration: config.workerLockMs,
      stalledInterval: Math.max(500, Math.floor(config.workerLockMs / 4)),
      maxStalledCount: 1,
    },
  );
  worker.on('stalled', (runId) =>
    console.log(`run ${runId}: its worker stopped renewing its lock; queued again`),
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    void (async () => {
      const row = await lifecycle.runs.get(job.data.runId);
      if (!row || TERMINAL_STATUSES.includes(row.status)) return;
      await lifecycle.transition(row, 'INTERRUPTED', {
        finishedAt: now(),
        pid: null,
        // BullMQ fails a job that stalls a second time; anything else is a failure of the job itself.
        error: /stalled/i.test(error.message)
          ? 'The worker running it stopped again after it had been resumed once'
          : `Its queue job failed: ${error.message}`,
      });
    })().catch((e: unknown) => console.error(`run ${job.data.runId}: recording the failure failed:`, e));
  });
  worker.on('error', (error) => console.error('worker error:', error.message));
  await worker.waitUntilReady();

  return {
    name: config.workerName,
    async close() {
      await runner.shutdown('Canceled because its worker shut down');
      await worker.close();
      await pubsub.close();
      await dataSource.destroy();
    },
  };
}
