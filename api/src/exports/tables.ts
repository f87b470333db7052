import type { RunRow } from '../db/entities/Run.js';
import type { SampleRow } from '../db/entities/Sample.js';
import type { Comparison } from '../compare/comparison.js';

/**
 * The exported tables, one place for their columns so CSV and JSON (HTTP and GraphQL) carry
 * exactly the same data. Each table is a header and rows of plain values.
 */
export interface Table {
  columns: string[];
  rows: unknown[][];
}

export const RUN_COLUMNS = [
  'id',
  'benchmark',
  'model',
  'status',
  'created_at',
  'started_at',
  'finished_at',
  'duration_seconds',
  'exit_code',
  'primary_metric',
  'primary_value',
  'primary_stderr',
  'samples',
  'limit',
  'epochs',
  'temperature',
  'error',
];

export function runRow(run: RunRow): unknown[] {
  const config = run.config as Record<string, unknown>;
  const duration =
    run.startedAt && run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : null;
  return [
    run.id,
    run.benchmark,
    run.model,
    run.status,
    run.createdAt,
    run.startedAt,
    run.finishedAt,
    duration,
    run.exitCode,
    run.primaryMetricName,
    run.primaryMetricValue,
    run.primaryMetricStderr,
    run.sampleCount,
    config.limit ?? null,
    config.epochs ?? null,
    config.temperature ?? null,
    run.error,
  ];
}

export const SAMPLE_COLUMNS = [
  'id',
  'epoch',
  'correct',
  'score',
  'input',
  'target',
  'answer',
  'total_tokens',
  'total_time',
  'error',
  'metadata',
];

export function sampleRow(sample: SampleRow): unknown[] {
  return [
    sample.sampleId,
    sample.epoch,
    sample.correct,
    sample.scoreValue,
    sample.inputPreview,
    sample.targetPreview,
    sample.answerPreview,
    sample.totalTokens,
    sample.totalTime,
    sample.error,
    sample.metadata,
  ];
}

export const COMPARISON_COLUMNS = [
  'kind',
  'name',
  'key',
  'run_id',
  'other_run_id',
  'model',
  'value',
  'stderr',
  'ci_low',
  'ci_high',
  'p_value',
  'shared_samples',
  'fixed',
  'broken',
  'both_right',
  'both_wrong',
];

/** A comparison in long form: a row per metric × run, breakdown item × run and pair of runs. */
export function comparisonTable(comparison: Comparison): Table {
  const runs = comparison.runs.map((r) => r.run);
  const rows: unknown[][] = [];
  const blank = (n: number) => Array<null>(n).fill(null);
  for (const metric of comparison.metrics) {
    metric.values.forEach((v, i) =>
      rows.push([
        'metric',
        metric.name,
        null,
        runs[i]!.id,
        null,
        runs[i]!.model,
        v.value,
        v.stderr,
        ...blank(8),
      ]),
    );
  }
  for (const breakdown of comparison.breakdowns) {
    for (const item of breakdown.items) {
      item.values.forEach((v, i) =>
        rows.push([
          'breakdown',
          breakdown.name,
          item.key,
          runs[i]!.id,
          null,
          runs[i]!.model,
          v.value,
          v.stderr,
          ...blank(8),
        ]),
      );
    }
  }
  for (const pair of comparison.pairs) {
    const c = pair.counts;
    rows.push([
      'pair',
      'accuracy_difference',
      null,
      pair.baseRunId,
      pair.otherRunId,
      null,
      pair.difference.estimate,
      null,
      pair.difference.low,
      pair.difference.high,
      pair.mcnemarPValue,
      pair.sharedSamples,
      c.fixed,
      c.broken,
      c.bothRight,
      c.bothWrong,
    ]);
  }
  return { columns: COMPARISON_COLUMNS, rows };
}

/** JSON objects keyed by column name, the JSON form of every export. */
export function tableObjects(table: Table): Record<string, unknown>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])));
}
