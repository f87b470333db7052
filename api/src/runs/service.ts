import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../config.js';
import { TERMINAL_STATUSES, type RunRow } from '../db/entities/Run.js';
import { ProviderKeyMissingError, RunStateError } from '../errors.js';
import type { ProviderKeys } from '../auth/providerKeys.js';
import { keyVariable, needsKey, providerOf } from '../auth/providers.js';
import type { CatalogService } from '../openbench/catalog.js';
import { buildEvalArgs, formatCommand } from '../openbench/command.js';
import type { ProgressUpdate } from '../openbench/progress.js';
import type { RunConfig } from '../openbench/runConfig.js';
import type { RunDirectory } from './artifacts.js';
import type { RunDispatcher } from './dispatch.js';
import { now, type RunLifecycle } from './lifecycle.js';
import { validateStartRun, type StartRunInput } from './validation.js';

export interface QueueState {
  mode: 'in-process' | 'redis';
  queued: number;
  running: number;
  workers: { name: string; online: boolean; runningRuns: number }[];
}

/** How long a cancel waits for whoever executes the run to confirm it, beyond the grace period. */
const CANCEL_CONFIRM_MS = 15_000;
const CANCEL_REPEAT_MS = 250;

/**
 * The API's side of the run lifecycle: validates and queues runs, cancels them, reports queue
 * positions. Execution happens behind a dispatcher — in this process by default, or in queue
 * workers with REDIS_URL — and every state change goes through RunLifecycle.
 */
export class RunService {
  private stopping = false;

  constructor(
    private readonly config: AppConfig,
    private readonly lifecycle: RunLifecycle,
    private readonly catalog: CatalogService,
    private readonly providerKeys: ProviderKeys,
    readonly dispatcher: RunDispatcher,
  ) {}

  directory(runId: string): RunDirectory {
    return this.lifecycle.directory(runId);
  }

  /** Live progress of a running run (fresher than the row, which is saved periodically). */
  liveProgress(runId: string): ProgressUpdate | null {
    return this.dispatcher.liveProgress(runId);
  }

  /** 1 for the next run to start: queued runs start first in, first out, whoever executes them. */
  queuePosition(row: RunRow): Promise<number | null> {
    return row.status === 'QUEUED' ? this.lifecycle.runs.queuePosition(row) : Promise.resolve(null);
  }

  /**
   * The queue at a glance: how many runs wait and run, and each worker — alive (connected to
   * the queue) or not — with the runs it is executing.
   */
  async queueState(): Promise<QueueState> {
    const { runs } = this.lifecycle;
    const [queued, running, online, byWorker] = await Promise.all([
      runs.countWithStatus('QUEUED'),
      runs.countWithStatus('RUNNING'),
      this.dispatcher.workers(),
      runs.runningByWorker(),
    ]);
    const names = [...new Set([...online, ...byWorker.keys()])].sort();
    return {
      mode: this.dispatcher.mode,
      queued,
      running,
      workers: names.map((name) => ({
        name,
        online: online.includes(name),
        runningRuns: byWorker.get(name) ?? 0,
      })),
    };
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
    const previous = await this.lifecycle.require(id);
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
      workerName: null,
      resumeCount: 0,
    };
    await this.lifecycle.runs.insert(row);
    await this.lifecycle.writeMeta(row);
    this.lifecycle.publish(row);
    await this.dispatcher.enqueue(id);
    return row;
  }

  /**
   * A queued run is taken off the queue. A running one is stopped by whoever executes it
   * (this process or a worker anywhere), reached through the runCancel topic; the answer
   * waits for its terminal status, so it reports the run as it ended.
   */
  async cancel(id: string): Promise<RunRow> {
    const row = await this.lifecycle.require(id);
    if (row.status === 'QUEUED' && (await this.dispatcher.remove(id))) {
      const current = await this.lifecycle.require(id);
      if (current.status === 'QUEUED') {
        return this.lifecycle.transition(current, 'CANCELED', {
          finishedAt: now(),
          error: 'Canceled before it started',
        });
      }
    }
    if (row.status !== 'RUNNING' && row.status !== 'QUEUED') {
      throw new RunStateError(`Run ${id} is ${row.status} and cannot be canceled`, row.status);
    }
    return this.stopActive(id);
  }

  private async stopActive(id: string): Promise<RunRow> {
    const { pubsub } = this.lifecycle;
    // Listen before asking, so the terminal status cannot slip by unseen.
    const events = pubsub.subscribe('runEvent', id)[Symbol.asyncIterator]();
    let ended = false;
    const terminal = (async () => {
      for (;;) {
        const next = await events.next();
        if (next.done) return;
        if (next.value.kind === 'status' && TERMINAL_STATUSES.includes(next.value.run.status)) return;
      }
    })();
    void terminal.then(() => (ended = true));
    const deadline = Date.now() + this.config.cancelGraceMs + CANCEL_CONFIRM_MS;
    try {
      // Repeated until it lands: the run may be between its queue and its process right now.
      while (!ended && Date.now() < deadline) {
        pubsub.publish('runCancel', { runId: id, reason: 'Canceled by the user' });
        await Promise.race([terminal, sleep(CANCEL_REPEAT_MS)]);
        if (!ended && TERMINAL_STATUSES.includes((await this.lifecycle.require(id)).status)) break;
      }
    } finally {
      await events.return?.();
    }
    const row = await this.lifecycle.require(id);
    if (!TERMINAL_STATUSES.includes(row.status)) {
      throw new RunStateError(
        `Run ${id} did not stop: no process executing it answered (a stopped worker's runs end INTERRUPTED once its lock expires)`,
        row.status,
      );
    }
    return row;
  }

  /** At start-up: runs left behind by a previous process are brought back to a true state. */
  reconcile(): Promise<void> {
    return this.dispatcher.reconcile();
  }

  /** Clean shutdown: no new runs; in-process runs are canceled, queued ones stay QUEUED. */
  async shutdown(): Promise<void> {
    this.stopping = true;
    await this.dispatcher.close();
  }
}
