import { EntitySchema } from 'typeorm';

export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'INTERRUPTED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const TERMINAL_STATUSES: readonly RunStatus[] = ['COMPLETED', 'FAILED', 'CANCELED', 'INTERRUPTED'];

/** One benchmark run. Times are ISO-8601 UTC strings: they sort as text on every database. */
export interface RunRow {
  id: string;
  benchmark: string;
  model: string;
  status: RunStatus;
  /** The validated run configuration, as written to config.json. */
  config: Record<string, unknown>;
  /** The exact command, shell-quoted, as written to command.txt. */
  command: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  exitCode: number | null;
  error: string | null;
  /** Process group of the running child, so a restarted server can kill orphans. */
  pid: number | null;
  progressCompleted: number | null;
  progressTotal: number | null;
  primaryMetricName: string | null;
  primaryMetricValue: number | null;
  primaryMetricStderr: number | null;
  /** Samples indexed from the log (null until the run has finished and been indexed). */
  sampleCount: number | null;
  /** The user who started it; null for runs from before accounts existed. */
  ownerId: string | null;
  /** The process executing (or that executed) the run: WORKER_NAME, host:pid by default. */
  workerName: string | null;
  /** How many times the run was resumed with `bench eval-retry` after its worker died. */
  resumeCount: number;
}

export const RunEntity = new EntitySchema<RunRow>({
  name: 'Run',
  tableName: 'runs',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    benchmark: { type: 'varchar', length: 512 },
    model: { type: 'varchar', length: 512 },
    status: { type: 'varchar', length: 16 },
    config: { type: 'simple-json' },
    command: { type: 'text' },
    createdAt: { type: 'varchar', length: 32 },
    startedAt: { type: 'varchar', length: 32, nullable: true },
    finishedAt: { type: 'varchar', length: 32, nullable: true },
    exitCode: { type: 'integer', nullable: true },
    error: { type: 'text', nullable: true },
    pid: { type: 'integer', nullable: true },
    progressCompleted: { type: 'integer', nullable: true },
    progressTotal: { type: 'integer', nullable: true },
    primaryMetricName: { type: 'varchar', length: 256, nullable: true },
    primaryMetricValue: { type: 'double precision', nullable: true },
    primaryMetricStderr: { type: 'double precision', nullable: true },
    sampleCount: { type: 'integer', nullable: true },
    ownerId: { type: 'varchar', length: 36, nullable: true },
    workerName: { type: 'varchar', length: 256, nullable: true },
    resumeCount: { type: 'integer', default: 0 },
  },
  indices: [
    { name: 'IDX_runs_created', columns: ['createdAt', 'id'] },
    { name: 'IDX_runs_status', columns: ['status'] },
    { name: 'IDX_runs_status_created', columns: ['status', 'createdAt', 'id'] },
    { name: 'IDX_runs_benchmark_created', columns: ['benchmark', 'createdAt', 'id'] },
    { name: 'IDX_runs_model_created', columns: ['model', 'createdAt', 'id'] },
  ],
});
