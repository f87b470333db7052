import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AppConfig } from '../config.js';
import { TERMINAL_STATUSES, type RunRow, type RunStatus } from '../db/entities/Run.js';
import { NotFoundError, ProviderKeyMissingError, RunStateError } from '../errors.js';
import type { ProviderKeys } from '../auth/providerKeys.js';
import { keyVariable, needsKey, providerOf } from '../auth/providers.js';
import { redactor } from '../auth/redaction.js';
import type { CatalogService } from '../openbench/catalog.js';
import { buildEvalArgs, formatCommand } from '../openbench/command.js';
import type { BenchProcess } from '../openbench/process.js';
import type { ProgressUpdate } from '../openbench/progress.js';
import type { RunConfig } from '../openbench/runConfig.js';
import { addSampleBreakdowns, buildSummary, type Summary } from '../openbench/summary.js';
import type { AppPubSub } from '../pubsub.js';
import { RunDirectory } from './artifacts.js';
import { executeRun } from './executor.js';
import type { LogLine } from './logStore.js';
import { killOrphanedGroup } from './orphans.js';
import type { RunRepository } from './repository.js';
import type { SampleStore } from './sampleStore.js';
import { Scheduler } from './scheduler.js';
import { validateStartRun, type StartRunInput } from './validation.js';

interface LiveRun {
  process: BenchProcess | null;
  /** Lines not yet published: sent in batches so a chatty child costs few events. */
  pendingLines: LogLine[];
  flushTimer: NodeJS.Timeout | null;
  cancelReason: string | null;
  progress: ProgressUpdate | null;
  progressSavedAt: number;
  done: Promise<void>;
}

const PROGRESS_SAVE_INTERVAL_MS = 2000;
const LOG_FLUSH_MS = 25;
const LOG_BATCH_LINES = 2000;

/**
 * Owns the run lifecycle: QUEUED → RUNNING → COMPLETED | FAILED | CANCELED, and INTERRUPTED
 * for runs a dead server left behind. Only this class changes a run's status; every change
 * is persisted (row and meta.json) before it is published.
 */
export class RunService {
  private readonly scheduler: Scheduler;
  private readonly live = new Map<string, LiveRun>();
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly runs: RunRepository,
    private readonly samples: SampleStore,
    private readonly catalog: CatalogService,
    private readonly pubsub: AppPubSub,
    private readonly providerKeys: ProviderKeys,
  ) {
    this.scheduler = new Scheduler(config.maxConcurrentRuns, (id) => this.execute(id));
  }

  directory(runId: string): RunDirectory {
    return new RunDirectory(this.config.runsDir, runId);
  }

  /** Live progress of a running run (fresher than the row, which is saved periodically). */
  liveProgress(runId: string): ProgressUpdate | null {
    return this.live.get(runId)?.progress ?? null;
  }

  queuePosition(runId: string): number | null {
    return this.scheduler.position(runId);
  }

  /** Validates, checks that the owner has the provider's key, and queues the run. */
  async start(input: StartRunInput, ownerId: string): Promise<RunRow> {
    const catalog = await this.catalog.get();
    const config: RunConfig = {
      ...validateStartRun(input, catalog),
      openbench_version: catalog.openbenchVersion,
    };
    return this.create(config, ownerId);
  }

  async rerun(id: string, ownerId: string): Promise<RunRow> {
    const previous = await this.require(id);
    const catalog = await this.catalog.get();
    const config = previous.config as unknown as RunConfig;
    // The benchmark must still be in the catalog: a stored config never bypasses validation.
    if (!catalog.byName.has(config.benchmark)) {
      throw new RunStateError(`Benchmark ${config.benchmark} is no longer in the catalog`, previous.status);
    }
    return this.create({ ...config, openbench_version: catalog.openbenchVersion }, ownerId);
  }

  private async create(config: RunConfig, ownerId: string): Promise<RunRow> {
    if (this.stopping) throw new RunStateError('The server is shutting down', 'QUEUED');
    const provider = providerOf(config.model);
    if (needsKey(provider) && !(await this.providerKeys.has(ownerId, provider))) {
      throw new ProviderKeyMissingError(provider, keyVariable(provider));
    }
    const id = randomUUID();
    const dir = this.directory(id);
    await dir.create();
    await dir.writeJson('config.json', config);
    const command = formatCommand(this.config.openbenchBin, buildEvalArgs(config, dir.logsDir));
    await dir.writeText('command.txt', command + '\n');
    // Names of the key variables the run will get (never values).
    await dir.writeJson('env_keys_used.json', needsKey(provider) ? [keyVariable(provider)] : []);
    const row: RunRow = {
      id,
      benchmark: config.benchmark,
      model: config.model,
      status: 'QUEUED',
      config: config as unknown as Record<string, unknown>,
      command,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      exitCode: null,
      error: null,
      pid: null,
      progressCompleted: null,
      progressTotal: null,
      primaryMetricName: null,
      primaryMetricValue: null,
      primaryMetricStderr: null,
      sampleCount: null,
      ownerId,
    };
    await this.runs.insert(row);
    await this.writeMeta(row);
    this.publish(row);
    this.scheduler.enqueue(id);
    return row;
  }

  async cancel(id: string): Promise<RunRow> {
    const row = await this.require(id);
    if (row.status === 'QUEUED' && this.scheduler.remove(id)) {
      return this.transition(row, 'CANCELED', { finishedAt: now(), error: 'Canceled before it started' });
    }
    const live = this.live.get(id);
    if (row.status !== 'RUNNING' || !live) {
      throw new RunStateError(`Run ${id} is ${row.status} and cannot be canceled`, row.status);
    }
    this.terminate(live, 'Canceled by the user');
    await live.done;
    return this.require(id);
  }

  /**
   * At start-up: runs left RUNNING by a server that died become INTERRUPTED (their orphaned
   * process groups killed first); QUEUED runs are scheduled again in their original order.
   */
  async reconcile(): Promise<void> {
    for (const row of await this.runs.withStatus('RUNNING')) {
      killOrphanedGroup(row.pid, row.id);
      const dir = this.directory(row.id);
      const summary = buildSummary(null, 'The server stopped while this run was running.');
      await dir.writeJson('summary.json', summary).catch(() => undefined);
      await this.transition(row, 'INTERRUPTED', {
        finishedAt: now(),
        pid: null,
        error: 'The server stopped while this run was running',
      });
    }
    for (const row of await this.runs.withStatus('QUEUED')) this.scheduler.enqueue(row.id);
  }

  /** Clean shutdown: running runs are canceled explicitly; queued ones stay QUEUED for later. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    const lives = [...this.live.values()];
    for (const live of lives) this.terminate(live, 'Canceled because the server shut down');
    await Promise.all(lives.map((l) => l.done));
  }

  /**
   * Stops a run's whole process group. bench treats SIGINT as the graceful stop (the log
   * becomes "cancelled" with the samples done so far) while SIGTERM kills it at once, leaving
   * a log stuck at "started" (docs/openbench-notes.md) — so SIGINT first, SIGKILL after the
   * grace period for whatever is left of the group.
   */
  private terminate(live: LiveRun, reason: string): void {
    if (live.cancelReason) return;
    live.cancelReason = reason;
    live.process?.signalGroup('SIGINT');
    const kill = setTimeout(() => live.process?.signalGroup('SIGKILL'), this.config.cancelGraceMs);
    void live.done.finally(() => clearTimeout(kill));
  }

  private async execute(id: string): Promise<void> {
    const queued = await this.runs.get(id);
    if (!queued || queued.status !== 'QUEUED' || this.stopping) return;
    let finish!: () => void;
    const live: LiveRun = {
      process: null,
      pendingLines: [],
      flushTimer: null,
      cancelReason: null,
      progress: null,
      progressSavedAt: 0,
      done: new Promise<void>((resolve) => (finish = resolve)),
    };
    this.live.set(id, live);
    try {
      const running = await this.transition(queued, 'RUNNING', { startedAt: now() });
      const dir = this.directory(id);
      const config = running.config as unknown as RunConfig;
      const provider = providerOf(config.model);
      // The owner's key for this run's provider only, read at the last moment; never stored.
      const env =
        running.ownerId && needsKey(provider)
          ? await this.providerKeys.environment(running.ownerId, provider)
          : {};
      await dir.writeJson('env_keys_used.json', Object.keys(env));
      const redact = redactor(Object.values(env));
      const outcome = await executeRun(
        dir,
        config,
        this.config.openbenchBin,
        env,
        {
          onSpawn: async (child) => {
            live.process = child;
            await this.runs.update(id, { pid: child.pid ?? null });
            // A cancel that arrived while the process was starting.
            if (live.cancelReason) child.signalGroup('SIGINT');
          },
          onProgress: (progress) => this.recordProgress(id, live, progress),
          onLines: (lines) => this.queueLines(id, live, lines),
        },
        { logCapBytes: this.config.logCapBytes, redact },
      );
      this.flushLines(id, live);
      const sampleCount = await this.indexSamples(id, outcome.summary);
      const metric = outcome.summary.primary_metric;
      const status: RunStatus = live.cancelReason ? 'CANCELED' : outcome.error ? 'FAILED' : 'COMPLETED';
      await this.transition(await this.require(id), status, {
        finishedAt: now(),
        exitCode: outcome.exitCode,
        error: live.cancelReason ?? outcome.error,
        pid: null,
        progressCompleted: outcome.summary.completed_samples ?? live.progress?.completed ?? null,
        progressTotal: outcome.summary.total_samples ?? live.progress?.total ?? null,
        primaryMetricName: metric?.name ?? null,
        primaryMetricValue: metric?.value ?? null,
        primaryMetricStderr: metric?.stderr ?? null,
        sampleCount,
      });
    } catch (error) {
      const current = await this.runs.get(id);
      if (current && !TERMINAL_STATUSES.includes(current.status)) {
        await this.transition(current, 'FAILED', {
          finishedAt: now(),
          pid: null,
          error: (error as Error).message,
        });
      }
    } finally {
      this.flushLines(id, live);
      this.live.delete(id);
      finish();
    }
  }

  /**
   * Indexes the samples of a finished run. When the log reports no per-group metrics, the
   * breakdowns computed from sample metadata go into summary.json, marked as computed.
   */
  private async indexSamples(id: string, summary: Summary): Promise<number | null> {
    const dir = this.directory(id);
    const log = dir.file('openbench.log.json');
    if (!fs.existsSync(log)) return null;
    let count: number | null = null;
    try {
      const primaryScorer = summary.primary_metric?.scorer ?? null;
      const indexed = await this.samples.index(id, log, primaryScorer);
      count = indexed.count;
      if (!addSampleBreakdowns(summary, indexed.computedBreakdowns, primaryScorer)) return count;
    } catch (error) {
      summary.notes.push(`The samples could not be indexed: ${(error as Error).message}`);
    }
    // One rewrite of summary.json, only when indexing added to it.
    await dir.writeJson('summary.json', summary);
    return count;
  }

  private queueLines(id: string, live: LiveRun, lines: LogLine[]): void {
    for (const line of lines) live.pendingLines.push(line);
    if (live.pendingLines.length >= LOG_BATCH_LINES) this.flushLines(id, live);
    else live.flushTimer ??= setTimeout(() => this.flushLines(id, live), LOG_FLUSH_MS);
  }

  private flushLines(id: string, live: LiveRun): void {
    if (live.flushTimer) clearTimeout(live.flushTimer);
    live.flushTimer = null;
    if (live.pendingLines.length === 0) return;
    const lines = live.pendingLines;
    live.pendingLines = [];
    this.pubsub.publish('runEvent', id, { kind: 'log', runId: id, lines });
  }

  private recordProgress(id: string, live: LiveRun, progress: ProgressUpdate): void {
    // bench repeats the task header ("(8 samples)") in its closing summary: not a restart.
    if (progress.completed === 0 && (live.progress?.completed ?? 0) > 0) return;
    live.progress = progress;
    this.pubsub.publish('runEvent', id, {
      kind: 'progress',
      runId: id,
      progress: {
        completed: progress.completed,
        total: progress.total,
        metricName: progress.metric?.name ?? null,
        metricValue: progress.metric?.value ?? null,
      },
    });
    const at = Date.now();
    if (at - live.progressSavedAt >= PROGRESS_SAVE_INTERVAL_MS || progress.completed === progress.total) {
      live.progressSavedAt = at;
      // Lists (runsChanged) hear about progress at the same throttled pace as the database.
      void this.runs
        .update(id, { progressCompleted: progress.completed, progressTotal: progress.total })
        .then((row) => this.pubsub.publish('runsChanged', row))
        .catch(() => undefined);
    }
  }

  private async transition(row: RunRow, status: RunStatus, patch: Partial<RunRow>): Promise<RunRow> {
    const updated = await this.runs.update(row.id, { ...patch, status });
    await this.writeMeta(updated);
    this.publish(updated);
    return updated;
  }

  private publish(row: RunRow): void {
    this.pubsub.publish('runEvent', row.id, { kind: 'status', run: row });
    this.pubsub.publish('runsChanged', row);
  }

  private async writeMeta(row: RunRow): Promise<void> {
    await this.directory(row.id)
      .writeJson('meta.json', {
        run_id: row.id,
        status: row.status,
        created_at: row.createdAt,
        started_at: row.startedAt,
        finished_at: row.finishedAt,
        exit_code: row.exitCode,
        error: row.error,
      })
      .catch(() => undefined);
  }

  private async require(id: string): Promise<RunRow> {
    const row = await this.runs.get(id);
    if (!row) throw new NotFoundError('Run', id);
    return row;
  }

  /** For tests and shutdown: resolves when no run is queued or running in this process. */
  whenIdle(): Promise<void> {
    return this.scheduler.whenIdle();
  }
}

function now(): string {
  return new Date().toISOString();
}
