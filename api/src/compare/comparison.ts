import fs from 'node:fs';
import type { DataSource } from 'typeorm';
import type { RunRow } from '../db/entities/Run.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { RunConfig } from '../openbench/runConfig.js';
import type { Summary } from '../openbench/summary.js';
import type { RunDirectory } from '../runs/artifacts.js';
import type { RunRepository } from '../runs/repository.js';
import { canSee, type Viewer } from '../auth/viewer.js';
import { mcnemarExact, pairedBootstrap, type DifferenceEstimate, type PairedCounts } from './stats.js';

export const MIN_RUNS = 2;
export const MAX_RUNS = 10;
/** Settings that change what a score means; a difference is a comparability warning. */
export const COMPARED_SETTINGS = [
  'limit',
  'epochs',
  'temperature',
  'top_p',
  'max_tokens',
  'reasoning_effort',
  'task_args',
] as const;

export interface ComparedRun {
  run: RunRow;
  summary: Summary | null;
}

export interface AlignedValue {
  value: number | null;
  stderr: number | null;
}
export interface AlignedMetric {
  name: string;
  values: AlignedValue[];
  /** Index of the run with the highest value (null when fewer than two values). */
  best: number | null;
}
export interface AlignedBreakdown {
  name: string;
  items: { key: string; values: AlignedValue[] }[];
}

export type WarningCode =
  | 'DIFFERENT_BENCHMARKS'
  | 'DIFFERENT_SETTINGS'
  | 'DIFFERENT_VERSIONS'
  | 'NOT_COMPLETED'
  | 'FEWER_SAMPLES'
  | 'NO_SHARED_SAMPLES';
export interface ComparisonWarning {
  code: WarningCode;
  message: string;
  runIds: string[];
}

export interface PairComparison {
  baseRunId: string;
  otherRunId: string;
  sharedSamples: number;
  counts: PairedCounts;
  difference: DifferenceEstimate;
  mcnemarPValue: number;
  /** Keys "id\u0000epoch" of the samples the two runs disagree on, in sample order. */
  discordant: { sampleId: string; epoch: number; baseCorrect: boolean; otherCorrect: boolean }[];
}

export interface Comparison {
  runs: ComparedRun[];
  metrics: AlignedMetric[];
  breakdowns: AlignedBreakdown[];
  warnings: ComparisonWarning[];
  pairs: PairComparison[];
  method: string;
}

export const METHOD =
  'Pairs are the samples both runs scored, matched by sample id and epoch, right/wrong by each run’s primary scorer. ' +
  'Difference = accuracy(other) − accuracy(base) on those samples, with the 95% percentile interval of the paired ' +
  'bootstrap computed exactly (the distribution of infinitely many resamples, so no Monte Carlo error and no seed); ' +
  'p-value: McNemar’s exact test on the discordant pairs.';

function readSummary(dir: RunDirectory): Summary | null {
  try {
    return JSON.parse(fs.readFileSync(dir.file('summary.json'), 'utf8')) as Summary;
  } catch {
    return null;
  }
}

function align<T>(lists: (T[] | undefined)[], key: (t: T) => string): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const list of lists)
    for (const item of list ?? []) if (!seen.has(key(item)) && seen.add(key(item))) keys.push(key(item));
  return keys;
}

function bestIndex(values: AlignedValue[]): number | null {
  let best: number | null = null;
  values.forEach((v, i) => {
    if (v.value !== null && (best === null || v.value > values[best]!.value!)) best = i;
  });
  return values.filter((v) => v.value !== null).length >= 2 ? best : null;
}

export function alignMetrics(runs: ComparedRun[]): AlignedMetric[] {
  const names = align(
    runs.map((r) => r.summary?.metrics),
    (m) => m.name,
  );
  return names.map((name) => {
    const values = runs.map((r) => {
      const metric = r.summary?.metrics.find((m) => m.name === name);
      return { value: metric?.value ?? null, stderr: metric?.stderr ?? null };
    });
    return { name, values, best: bestIndex(values) };
  });
}

export function alignBreakdowns(runs: ComparedRun[]): AlignedBreakdown[] {
  const names = align(
    runs.map((r) => r.summary?.breakdowns),
    (b) => b.name,
  );
  return names.map((name) => {
    const perRun = runs.map((r) => r.summary?.breakdowns.find((b) => b.name === name));
    const keys = align(
      perRun.map((b) => b?.items),
      (i) => i.key,
    );
    return {
      name,
      items: keys.map((key) => ({
        key,
        values: perRun.map((b) => {
          const item = b?.items.find((i) => i.key === key);
          return { value: item?.value ?? null, stderr: item?.stderr ?? null };
        }),
      })),
    };
  });
}

function describeValue(value: unknown): string {
  return value === null || value === undefined
    ? 'default'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

export function comparabilityWarnings(runs: ComparedRun[]): ComparisonWarning[] {
  const warnings: ComparisonWarning[] = [];
  const ids = runs.map((r) => r.run.id);
  const benchmarks = new Set(runs.map((r) => r.run.benchmark));
  if (benchmarks.size > 1) {
    warnings.push({
      code: 'DIFFERENT_BENCHMARKS',
      message: `The runs are of different benchmarks (${[...benchmarks].join(', ')}): only what aligns by name is compared.`,
      runIds: ids,
    });
  }
  for (const setting of COMPARED_SETTINGS) {
    const values = runs.map((r) => describeValue((r.run.config as unknown as RunConfig)[setting]));
    if (new Set(values).size > 1) {
      warnings.push({
        code: 'DIFFERENT_SETTINGS',
        message: `${setting} differs: ${values.join(' vs ')}.`,
        runIds: ids,
      });
    }
  }
  for (const pkg of ['openbench', 'inspect_ai']) {
    const versions = runs.map(
      (r) =>
        r.summary?.packages?.[pkg] ??
        (pkg === 'openbench' ? (r.run.config as unknown as RunConfig).openbench_version : null) ??
        'unknown',
    );
    if (new Set(versions).size > 1)
      warnings.push({
        code: 'DIFFERENT_VERSIONS',
        message: `${pkg} versions differ: ${versions.join(' vs ')}.`,
        runIds: ids,
      });
  }
  const unfinished = runs.filter((r) => r.run.status !== 'COMPLETED');
  if (unfinished.length > 0) {
    warnings.push({
      code: 'NOT_COMPLETED',
      message: `${unfinished.map((r) => `${r.run.id.slice(0, 8)} is ${r.run.status}`).join('; ')}: its numbers are partial or missing.`,
      runIds: unfinished.map((r) => r.run.id),
    });
  }
  const completed = runs.map((r) => r.summary?.completed_samples ?? r.run.sampleCount ?? 0);
  const most = Math.max(...completed);
  const fewer = runs.filter((_, i) => completed[i]! < most);
  if (fewer.length > 0) {
    warnings.push({
      code: 'FEWER_SAMPLES',
      message: `Completed samples differ: ${runs.map((r, i) => `${r.run.id.slice(0, 8)}: ${completed[i]}`).join(', ')}.`,
      runIds: fewer.map((r) => r.run.id),
    });
  }
  return warnings;
}

/** Right/wrong per (sample id, epoch) for each run, in sample order, loaded in one query. */
async function loadCorrectness(
  dataSource: DataSource,
  runIds: string[],
): Promise<Map<string, Map<string, boolean>>> {
  const placeholder = dataSource.options.type === 'postgres' ? '$1' : '?';
  const byRun = new Map<string, Map<string, boolean>>();
  for (const runId of runIds) {
    // One run at a time walks the (runId, position) index in order: no sort of all the rows.
    const rows = (await dataSource.query(
      `SELECT "sampleId", "epoch", "correct" FROM "samples" WHERE "runId" = ${placeholder} ORDER BY "position"`,
      [runId],
    )) as { sampleId: string; epoch: number; correct: number | boolean | null }[];
    const map = new Map<string, boolean>();
    for (const row of rows)
      if (row.correct !== null) map.set(`${row.sampleId}\u0000${row.epoch}`, Boolean(row.correct));
    byRun.set(runId, map);
  }
  return byRun;
}

export function pairStatistics(
  baseRunId: string,
  otherRunId: string,
  base: Map<string, boolean>,
  other: Map<string, boolean>,
): PairComparison {
  const counts: PairedCounts = { bothRight: 0, bothWrong: 0, fixed: 0, broken: 0 };
  const discordant: PairComparison['discordant'] = [];
  for (const [key, baseCorrect] of base) {
    const otherCorrect = other.get(key);
    if (otherCorrect === undefined) continue;
    if (baseCorrect && otherCorrect) counts.bothRight++;
    else if (!baseCorrect && !otherCorrect) counts.bothWrong++;
    else {
      if (otherCorrect) counts.fixed++;
      else counts.broken++;
      const [sampleId, epoch] = key.split('\u0000') as [string, string];
      discordant.push({ sampleId, epoch: Number(epoch), baseCorrect, otherCorrect });
    }
  }
  const shared = counts.bothRight + counts.bothWrong + counts.fixed + counts.broken;
  return {
    baseRunId,
    otherRunId,
    sharedSamples: shared,
    counts,
    difference: pairedBootstrap(counts),
    mcnemarPValue: mcnemarExact(counts.fixed, counts.broken),
    discordant,
  };
}

/** Compares 2–10 runs: aligned metrics and breakdowns, warnings, paired statistics. */
export async function compareRuns(
  deps: {
    viewer: Viewer;
    dataSource: DataSource;
    runRepository: RunRepository;
    directory: (id: string) => RunDirectory;
  },
  runIds: string[],
): Promise<Comparison> {
  const unique = [...new Set(runIds)];
  if (unique.length < MIN_RUNS || unique.length > MAX_RUNS) {
    throw new ValidationError(
      'runIds',
      `Compare between ${MIN_RUNS} and ${MAX_RUNS} different runs (got ${unique.length}).`,
    );
  }
  const runs: ComparedRun[] = [];
  for (const id of unique) {
    const run = await deps.runRepository.get(id);
    // Another user's run is as missing as one that does not exist.
    if (!run || !canSee(deps.viewer, run)) throw new NotFoundError('Run', id);
    runs.push({ run, summary: readSummary(deps.directory(id)) });
  }
  const correctness = await loadCorrectness(deps.dataSource, unique);
  const pairs: PairComparison[] = [];
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      const pair = pairStatistics(
        unique[i]!,
        unique[j]!,
        correctness.get(unique[i]!)!,
        correctness.get(unique[j]!)!,
      );
      if (pair.sharedSamples > 0) pairs.push(pair);
    }
  }
  const warnings = comparabilityWarnings(runs);
  if (pairs.length === 0) {
    warnings.push({
      code: 'NO_SHARED_SAMPLES',
      message: 'No two runs share scored samples, so there are no paired statistics.',
      runIds: unique,
    });
  }
  return {
    runs,
    metrics: alignMetrics(runs),
    breakdowns: alignBreakdowns(runs),
    warnings,
    pairs,
    method: METHOD,
  };
}
