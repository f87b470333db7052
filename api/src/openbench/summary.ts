import type { InspectLogHeader, InspectScore } from './inspectLog.js';

export interface SummaryMetric {
  name: string;
  value: number | null;
  unit: string | null;
  stderr?: number | null;
  scorer?: string;
}
export interface BreakdownItem {
  key: string;
  value: number | null;
  unit: string | null;
  stderr?: number | null;
}
export interface Breakdown {
  name: string;
  scorer?: string;
  items: BreakdownItem[];
}
export interface TokenUsage {
  model: string;
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
}
/** summary.json, schema v1: the fields of the design never go missing; the rest is extra. */
export interface Summary {
  schema_version: 1;
  primary_metric: SummaryMetric | null;
  metrics: SummaryMetric[];
  breakdowns: Breakdown[];
  notes: string[];
  raw: { source: string; hint: string };
  log_status: string | null;
  total_samples: number | null;
  completed_samples: number | null;
  token_usage: TokenUsage[];
  /** Package versions the evaluation ran with (inspect_ai, openbench, …), from the log. */
  packages: Record<string, string>;
}

// Statistics that describe a metric rather than being one; they are attached as its error.
const ERROR_STATS = new Set(['stderr', 'bootstrap_stderr']);

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Splits one scorer's metrics into whole-dataset metrics and per-group breakdowns. Inspect's
 * grouped() marks each group's metric with params.group_key (its "all" entry is the overall
 * value); openbench's MCQ scorers instead report `<group>_accuracy` with `<group>_stderr`.
 */
function splitScore(score: InspectScore): { metrics: SummaryMetric[]; breakdowns: Breakdown[] } {
  const entries = Object.entries(score.metrics ?? {});
  const stderr = finite(entries.find(([k]) => ERROR_STATS.has(k))?.[1].value);
  const metrics: SummaryMetric[] = [];
  const grouped = new Map<string, BreakdownItem[]>();
  const suffixed = new Map<string, BreakdownItem>();

  for (const [key, metric] of entries) {
    const value = finite(metric.value);
    const groupKey = metric.params?.group_key;
    if (typeof groupKey === 'string' && key !== 'all') {
      grouped.set(groupKey, [...(grouped.get(groupKey) ?? []), { key, value, unit: null }]);
      continue;
    }
    const suffix = /^(.+)_(accuracy|stderr|std)$/.exec(key);
    if (suffix && suffix[1] !== 'bootstrap') {
      const group = suffix[1]!;
      const item = suffixed.get(group) ?? { key: group, value: null, unit: null, stderr: null };
      if (suffix[2] === 'accuracy') item.value = value;
      if (suffix[2] === 'stderr') item.stderr = value;
      suffixed.set(group, item);
      continue;
    }
    const entry: SummaryMetric = { name: key, value, unit: null, scorer: score.name };
    // inspect's stderr() is the standard error of the mean score: it belongs to accuracy/mean.
    if ((key === 'accuracy' || key === 'mean') && stderr !== null) entry.stderr = stderr;
    metrics.push(entry);
  }
  const breakdowns: Breakdown[] = [...grouped].map(([name, items]) => ({ name, scorer: score.name, items }));
  const suffixItems = [...suffixed.values()].filter((i) => i.value !== null);
  if (suffixItems.length > 0) breakdowns.push({ name: 'group', scorer: score.name, items: suffixItems });
  return { metrics, breakdowns };
}

/**
 * Builds summary.json from an inspect log header.
 * Primary metric rule: the first scorer's `accuracy`; else its first metric that is not an
 * error statistic; its stderr rides along when the scorer reports one.
 * Metric names: the metric key when only one scorer reports it, else `scorer/metric`.
 */
export function buildSummary(header: InspectLogHeader | null, reason?: string): Summary {
  const summary: Summary = {
    schema_version: 1,
    primary_metric: null,
    metrics: [],
    breakdowns: [],
    notes: [],
    raw: { source: 'openbench.log.json', hint: 'best-effort extraction from the inspect log header' },
    log_status: header?.status ?? null,
    total_samples: header?.results?.total_samples ?? null,
    completed_samples: header?.results?.completed_samples ?? null,
    token_usage: [],
    packages: header?.eval?.packages ?? {},
  };
  if (!header) {
    summary.notes.push(reason ?? 'No inspect log was written, so there are no results to summarize.');
    return summary;
  }
  if (header.status !== 'success') {
    summary.notes.push(
      `The inspect log's status is "${header.status}"${header.error?.message ? `: ${header.error.message}` : ''}.`,
    );
  }
  const scores = header.results?.scores ?? [];
  if (scores.length === 0) {
    summary.notes.push('The log has no scores (the run produced no results).');
  }
  const perScorer = scores.map((score) => ({ score, ...splitScore(score) }));
  const nameCount = new Map<string, number>();
  for (const { metrics } of perScorer)
    for (const m of metrics) nameCount.set(m.name, (nameCount.get(m.name) ?? 0) + 1);
  for (const { score, metrics, breakdowns } of perScorer) {
    for (const m of metrics) {
      summary.metrics.push((nameCount.get(m.name) ?? 0) > 1 ? { ...m, name: `${score.name}/${m.name}` } : m);
    }
    summary.breakdowns.push(...breakdowns);
  }
  const first = perScorer[0];
  if (first) {
    const candidates = summary.metrics.filter(
      (m) => m.scorer === first.score.name && !ERROR_STATS.has(m.name.split('/').pop()!),
    );
    summary.primary_metric =
      candidates.find((m) => m.name.split('/').pop() === 'accuracy') ?? candidates[0] ?? null;
  }
  if (scores.length > 0 && summary.primary_metric === null) {
    summary.notes.push('No metric with a value was found in the first scorer.');
  }
  if (summary.breakdowns.length === 0 && scores.length > 0) {
    summary.notes.push('The log reports no per-group metrics, so there is no breakdown.');
  }
  for (const [model, usage] of Object.entries(header.stats?.model_usage ?? {})) {
    summary.token_usage.push({
      model,
      inputTokens: usage.input_tokens ?? null,
      outputTokens: usage.output_tokens ?? null,
      totalTokens: usage.total_tokens ?? null,
    });
  }
  return summary;
}

/**
 * Completes a summary with what the samples tell and the log does not: standard errors of
 * reported breakdowns, or whole breakdowns computed from sample metadata when the log has none.
 * Each addition is stated in `notes`. Returns whether the summary changed.
 */
export function addSampleBreakdowns(
  summary: Summary,
  computed: Breakdown[],
  primaryScorer: string | null,
): boolean {
  let changed = false;
  if (fillBreakdownErrors(summary.breakdowns, computed)) {
    summary.notes.push(
      'Breakdown standard errors were computed from the per-sample scores (the log reports none).',
    );
    changed = true;
  }
  if (summary.breakdowns.length === 0 && computed.length > 0) {
    summary.breakdowns = computed;
    summary.notes = summary.notes.filter((n) => !n.startsWith('The log reports no per-group metrics'));
    summary.notes.push(
      `Breakdowns by ${computed.map((b) => b.name).join(', ')} were computed from the samples' metadata ` +
        `and the ${primaryScorer ?? 'first'} scorer's right/wrong scores; the log itself reports no per-group metrics.`,
    );
    changed = true;
  }
  return changed;
}

/**
 * inspect's grouped() reports each group's value but no error. Where a reported breakdown is
 * by a metadata key the samples carry, the standard error computed from the samples is filled
 * in for items whose value agrees with the computed one. Returns whether anything was filled.
 */
export function fillBreakdownErrors(reported: Breakdown[], computed: Breakdown[]): boolean {
  let filled = false;
  for (const breakdown of reported) {
    const match = computed.find((c) => c.name === breakdown.name);
    if (!match) continue;
    for (const item of breakdown.items) {
      const twin = match.items.find((i) => i.key === item.key);
      const missing = item.stderr === undefined || item.stderr === null;
      if (
        missing &&
        twin?.stderr != null &&
        twin.value !== null &&
        item.value !== null &&
        Math.abs(twin.value - item.value) < 1e-9
      ) {
        item.stderr = twin.stderr;
        filled = true;
      }
    }
  }
  return filled;
}
