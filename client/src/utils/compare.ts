/**
 * Helpers of the Compare page: one colour per run (the same in every chart and table), short
 * run ids, deltas against a baseline and pairs turned to face the baseline.
 */
import { formatNumber, isFraction } from './format';

const EMPTY = '—';

/** Readable on both themes; run i of a comparison always gets colour i. */
export const RUN_COLORS = [
  '#5c6bc0',
  '#26a69a',
  '#ff7043',
  '#ab47bc',
  '#f9a825',
  '#29b6f6',
  '#8d6e63',
  '#ec407a',
  '#7cb342',
  '#78909c',
];

export function runColor(index: number): string {
  return RUN_COLORS[index % RUN_COLORS.length]!;
}

/** The first block of a run's UUID: enough to tell runs apart on screen. */
export function shortId(id: string): string {
  return id.split('-')[0] ?? id;
}

/** Compare-page ids from ?ids=a,b,c: trimmed, without blanks or repeats, in order. */
export function parseIds(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  return [
    ...new Set(
      raw
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

/** True when both are scores in [0, 1], so a difference reads in percentage points. */
export function bothFractions(a: number | null | undefined, b: number | null | undefined): boolean {
  return isFraction(a) && isFraction(b);
}

/** "+8.3 pp" (scores in [0, 1]) or "+0.125"; "±0.0 pp" for no change; "—" when either is missing. */
export function formatDelta(value: number | null | undefined, base: number | null | undefined): string {
  if (
    typeof value !== 'number' ||
    typeof base !== 'number' ||
    !Number.isFinite(value) ||
    !Number.isFinite(base)
  )
    return EMPTY;
  const delta = value - base;
  if (bothFractions(value, base)) return formatPoints(delta);
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${formatNumber(Math.abs(delta))}`;
}

/** A difference of two fractions in percentage points: 0.083 → "+8.3 pp". */
export function formatPoints(delta: number | null | undefined, signed = true): string {
  if (typeof delta !== 'number' || !Number.isFinite(delta)) return EMPTY;
  const points = Math.round(delta * 1000) / 10;
  if (points === 0) return signed ? '±0.0 pp' : '0.0 pp';
  const sign = points > 0 ? (signed ? '+' : '') : '−';
  return `${sign}${Math.abs(points).toFixed(1)} pp`;
}

/** "p = 0.031", "p < 0.001"; "—" when unknown. */
export function formatPValue(p: number | null | undefined): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return EMPTY;
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toFixed(3)}`;
}

/** Sign of a delta for colouring: 1 better, -1 worse, 0 same or unknown. */
export function deltaSign(value: number | null | undefined, base: number | null | undefined): -1 | 0 | 1 {
  if (typeof value !== 'number' || typeof base !== 'number') return 0;
  const delta = value - base;
  if (Math.abs(delta) < 1e-12) return 0;
  return delta > 0 ? 1 : -1;
}

export interface PairLike<Sample> {
  baseRun: { id: string };
  otherRun: { id: string };
  sharedSamples: number;
  counts: { bothRight: number; bothWrong: number; fixed: number; broken: number };
  difference: { estimate: number; low: number; high: number; level: number };
  mcnemarPValue: number;
  discordant: { nodes: Sample[]; totalCount: number; hasNextPage: boolean; endCursor?: string | null };
}

export interface DiscordantLike {
  baseCorrect: boolean;
  otherCorrect: boolean;
  baseAnswer: string;
  otherAnswer: string;
}

/** A discordant sample seen from the other side (base and other swapped). */
export function flipSample<S extends DiscordantLike>(sample: S): S {
  return {
    ...sample,
    baseCorrect: sample.otherCorrect,
    otherCorrect: sample.baseCorrect,
    baseAnswer: sample.otherAnswer,
    otherAnswer: sample.baseAnswer,
  };
}

/**
 * The pair with `baseId` as its base. The paired bootstrap's interval is symmetric under
 * swapping the runs (the difference changes sign), McNemar's test is symmetric, and fixed and
 * broken trade places, so nothing needs recomputing.
 */
export function orientPair<S extends DiscordantLike, P extends PairLike<S>>(
  pair: P,
  baseId: string,
): P & { flipped: boolean } {
  if (pair.otherRun.id !== baseId) return { ...pair, flipped: false };
  return {
    ...pair,
    flipped: true,
    baseRun: pair.otherRun,
    otherRun: pair.baseRun,
    counts: {
      bothRight: pair.counts.bothRight,
      bothWrong: pair.counts.bothWrong,
      fixed: pair.counts.broken,
      broken: pair.counts.fixed,
    },
    difference: {
      ...pair.difference,
      estimate: -pair.difference.estimate,
      low: -pair.difference.high,
      high: -pair.difference.low,
    },
    discordant: { ...pair.discordant, nodes: pair.discordant.nodes.map(flipSample) },
  };
}
