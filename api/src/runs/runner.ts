import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config.js';
import { TERMINAL_STATUSES, type RunRow, type RunStatus } from '../db/entities/Run.js';
import type { ProviderKeys } from '../auth/providerKeys.js';
import { needsKey, providerOf } from '../auth/providers.js';
import { redactor } from '../auth/redaction.js';
import { buildEvalArgs, buildRetryArgs, formatCommand } from '../openbench/command.js';
import type { BenchProcess } from '../openbench/process.js';
import type { ProgressUpdate } from '../openbench/progress.js';
import type { RunConfig } from '../openbench/runConfig.js';
import { addSampleBreakdowns, type Summary } from '../openbench/summary.js';
import { executeRun } from './executor.js';
import { now, type RunLifecycle } from './lifecycle.js';
import type { LogLine } from './logStore.js';
import { killOrphanedGroup } from './orphans.js';
import { resumability } from './resume.js';
import type { SampleStore } from './sampleStore.js';

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
 * Executes runs in this process — the API's own in-process scheduler or a queue worker hands
 * it run ids. It owns the `bench` children: output, progress, cancel (heard on the runCancel
 * topic, so a cancel sent to any API replica reaches it), indexing, and the final status. A
 * run found RUNNING when handed over was left by a worker that died: it is resumed once with
 * `bench eval-retry` when its partial log allows, and otherwise ends INTERRUPTED.
 */
export class RunRunner {
  private readonly live = new Map<string, LiveRun>();
  private readonly cancels: AsyncIterator<{ runId: string; reason: string }>;
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly lifecycle: RunLifecycle,
    private readonly samples: SampleStore,
    private readonly providerKeys: ProviderKeys,
  ) {
    this.cancels = lifecycle.pubsub.subscribe('runCancel')[Symbol.asyncIterator]();
    void this.listenForCancels();
  }

  get activeCount(): number {
    return this.live.size;
  }

  /** Live progress of a running run (fresher than the row, which is saved periodically). */
  liveProgress(runId: string): ProgressUpdate | null {
    return this.live.get(runId)?.progress ?? null;
  }

  /** Runs a queued run, or recovers one a dead worker left RUNNING; ignores finished runs. */
  async execute(id: string): Promise<void> {
    if (this.stopping || this.live.has(id)) return;
    const row = await this.lifecycle.runs.get(id);
    if (!row || TERMINAL_STATUSES.includes(row.status)) return;
    if (row.status === 'QUEUED') return this.run(row, null);
    await this.recover(row);
  }

  /** Stops every run of this process (their status: CANCELED with `reason`). */
  async shutdown(reason: string): Promise<void> {
    this.stopping = true;
    const lives = [...this.live.values()];
    for (const live of lives) this.terminate(live, reason);
    await Promise.all(lives.map((l) => l.done));
    await this.cancels.return?.();
  }

  private async listenForCancels(): Promise<void> {
    for (;;) {
      const next = await this.cancels.next();
      if (next.done) return;
      const live = this.live.get(next.value.runId);
      if (live) this.terminate(live, next.value.reason);
    }
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

  private async recover(row: RunRow): Promise<void> {
    // The dead worker's bench may still be running on this host: it must not write on.
    killOrphanedGroup(row.pid, row.id);
    const dir = this.lifecycle.directory(row.id);
    const plan = await resumability(row, await dir.findInspectLog());
    if (!plan.resumable) {
      await this.lifecycle.transition(row, 'INTERRUPTED', {
        finishedAt: now(),
        pid: null,
        error: `The worker running it stopped, and it cannot be resumed: ${plan.reason}`,
      });
      return;
    }
    const retry = {
      bin: this.config.pythonBin,
      args: buildRetryArgs(
        path.join(this.config.rootDir, 'scripts', 'openbench_retry.py'),
        plan.log,
        dir.logsDir,
        this.config.evalsDir,
      ),
    };
    // command.txt keeps the original command; the resume is recorded under it.
    await fs.promises
      .appendFile(
        dir.file('command.txt'),
        `# resumed after its worker stopped:\n${formatCommand(retry.bin, retry.args)}\n`,
      )
      .catch(() => undefined);
    await this.run(row, retry);
  }

  /** One attempt: `bench eval` for a queued run, or the eval-retry script for a resumed one. */
  private async run(row: RunRow, resume: { bin: string; args: string[] } | null): Promise<void> {
    const id = row.id;
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
    const { lifecycle } = this;
    try {
      const running = await lifecycle.transition(
        row,
        'RUNNING',
        resume
          ? { workerName: this.config.workerName, resumeCount: row.resumeCount + 1, pid: null }
          : { workerName: this.config.workerName, startedAt: now() },
      );
      const dir = lifecycle.directory(id);
      const config = running.config as unknown as RunConfig;
      const provider = providerOf(config.model);
      // The owner's key for this run's provider only, read at the last moment; never stored.
      const env =
        running.ownerId && needsKey(provider)
          ? await this.providerKeys.environment(running.ownerId, provider)
          : {};
      await dir.writeJson('env_keys_used.json', Object.keys(env));
      const outcome = await executeRun(
        dir,
        {
          bin: resume?.bin ?? this.config.openbenchBin,
          args: resume?.args ?? buildEvalArgs(config, dir.logsDir),
          env,
          append: resume !== null,
        },
        {
          onSpawn: async (child) => {
            live.process = child;
            await lifecycle.runs.update(id, { pid: child.pid ?? null });
            // A cancel that arrived while the process was starting.
            if (live.cancelReason) child.signalGroup('SIGINT');
          },
          onProgress: (progress) => this.recordProgress(id, live, progress),
          onLines: (lines) => this.queueLines(id, live, lines),
        },
        { logCapBytes: this.config.logCapBytes, redact: redactor(Object.values(env)) },
      );
      this.flushLines(id, live);
      const sampleCount = await this.indexSamples(id, outcome.summary);
      const metric = outcome.summary.primary_metric;
      let status: RunStatus = live.cancelReason ? 'CANCELED' : outcome.error ? 'FAILED' : 'COMPLETED';
      let error = live.cancelReason ?? outcome.error;
      if (status === 'FAILED' && resume) {
        // The run was interrupted; the one resume did not save it.
        status = 'INTERRUPTED';
        error = `The worker running it stopped, and resuming it with bench eval-retry failed: ${outcome.error}`;
      }
      await lifecycle.transition(await lifecycle.require(id), status, {
        finishedAt: now(),
        exitCode: outcome.exitCode,
        error,
        pid: null,
        progressCompleted: outcome.summary.completed_samples ?? live.progress?.completed ?? null,
        progressTotal: outcome.summary.total_samples ?? live.progress?.total ?? null,
        primaryMetricName: metric?.name ?? null,
        primaryMetricValue: metric?.value ?? null,
        primaryMetricStderr: metric?.stderr ?? null,
        sampleCount,
      });
    } catch (error) {
      const current = await lifecycle.runs.get(id);
      if (current && !TERMINAL_STATUSES.includes(current.status)) {
        await lifecycle.transition(current, 'FAILED', {
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
    const dir = this.lifecycle.directory(id);
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
    this.lifecycle.pubsub.publish('runEvent', id, { kind: 'log', runId: id, lines });
  }

  private recordProgress(id: string, live: LiveRun, progress: ProgressUpdate): void {
    // bench repeats the task header ("(8 samples)") in its closing summary: not a restart.
    if (progress.completed === 0 && (live.progress?.completed ?? 0) > 0) return;
    live.progress = progress;
    const { pubsub, runs } = this.lifecycle;
    pubsub.publish('runEvent', id, {
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
      void runs
        .update(id, { progressCompleted: progress.completed, progressTotal: progress.total })
        .then((row) => pubsub.publish('runsChanged', row))
        .catch(() => undefined);
    }
  }
}
