import type { AppConfig } from '../config.js';
import type { RunRow, RunStatus } from '../db/entities/Run.js';
import { NotFoundError } from '../errors.js';
import type { AppPubSub } from '../pubsub.js';
import { RunDirectory } from './artifacts.js';
import type { RunRepository } from './repository.js';

/**
 * The one way a run's state changes, shared by the API (queueing, canceling queued runs) and
 * whatever executes runs (this process or a worker): every change is persisted — row, then
 * meta.json — before it is published to subscribers.
 */
export class RunLifecycle {
  constructor(
    private readonly config: AppConfig,
    readonly runs: RunRepository,
    readonly pubsub: AppPubSub,
  ) {}

  directory(runId: string): RunDirectory {
    return new RunDirectory(this.config.runsDir, runId);
  }

  async require(id: string): Promise<RunRow> {
    const row = await this.runs.get(id);
    if (!row) throw new NotFoundError('Run', id);
    return row;
  }

  async transition(row: RunRow, status: RunStatus, patch: Partial<RunRow>): Promise<RunRow> {
    const updated = await this.runs.update(row.id, { ...patch, status });
    await this.writeMeta(updated);
    this.publish(updated);
    return updated;
  }

  publish(row: RunRow): void {
    this.pubsub.publish('runEvent', row.id, { kind: 'status', run: row });
    this.pubsub.publish('runsChanged', row);
  }

  async writeMeta(row: RunRow): Promise<void> {
    await this.directory(row.id)
      .writeJson('meta.json', {
        run_id: row.id,
        status: row.status,
        created_at: row.createdAt,
        started_at: row.startedAt,
        finished_at: row.finishedAt,
        exit_code: row.exitCode,
        error: row.error,
        worker: row.workerName,
        resume_count: row.resumeCount,
      })
      .catch(() => undefined);
  }
}

export function now(): string {
  return new Date().toISOString();
}
