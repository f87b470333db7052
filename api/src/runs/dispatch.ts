import type { ProgressUpdate } from '../openbench/progress.js';
import { buildSummary } from '../openbench/summary.js';
import { now, type RunLifecycle } from './lifecycle.js';
import { killOrphanedGroup } from './orphans.js';
import type { RunRunner } from './runner.js';
import { Scheduler } from './scheduler.js';

/** Where queued runs go to be executed: this process, or a Redis queue served by workers. */
export interface RunDispatcher {
  readonly mode: 'in-process' | 'redis';
  enqueue(runId: string): Promise<void>;
  /** Takes a run off the queue before it starts; false when something already executes it. */
  remove(runId: string): Promise<boolean>;
  /** At start-up: brings runs left behind by a previous process back to a true state. */
  reconcile(): Promise<void>;
  liveProgress(runId: string): ProgressUpdate | null;
  /** Names of the processes that execute runs and are alive now. */
  workers(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The default: runs execute in the API process itself, at most MAX_CONCURRENT_RUNS at once.
 * Only one process uses the database this way, so a RUNNING row found at start-up belongs to
 * a server that died.
 */
export class LocalDispatcher implements RunDispatcher {
  readonly mode = 'in-process' as const;
  private readonly scheduler: Scheduler;

  constructor(
    concurrency: number,
    private readonly workerName: string,
    private readonly lifecycle: RunLifecycle,
    private readonly runner: RunRunner,
  ) {
    this.scheduler = new Scheduler(concurrency, (id) => runner.execute(id));
  }

  enqueue(runId: string): Promise<void> {
    this.scheduler.enqueue(runId);
    return Promise.resolve();
  }

  remove(runId: string): Promise<boolean> {
    return Promise.resolve(this.scheduler.remove(runId));
  }

  async reconcile(): Promise<void> {
    const { runs } = this.lifecycle;
    for (const row of await runs.withStatus('RUNNING')) {
      killOrphanedGroup(row.pid, row.id);
      const summary = buildSummary(null, 'The server stopped while this run was running.');
      await this.lifecycle
        .directory(row.id)
        .writeJson('summary.json', summary)
        .catch(() => undefined);
      await this.lifecycle.transition(row, 'INTERRUPTED', {
        finishedAt: now(),
        pid: null,
        error: 'The server stopped while this run was running',
      });
    }
    for (const row of await runs.withStatus('QUEUED')) this.scheduler.enqueue(row.id);
  }

  liveProgress(runId: string): ProgressUpdate | null {
    return this.runner.liveProgress(runId);
  }

  workers(): Promise<string[]> {
    return Promise.resolve([this.workerName]);
  }

  /** Clean shutdown: running runs are canceled explicitly; queued ones stay QUEUED for later. */
  async close(): Promise<void> {
    await this.runner.shutdown('Canceled because the server shut down');
  }
}
