/**
 * Number, time and size formatting shared by every page, so the same value always reads the
 * same way (design: metrics in [0, 1] as percentages, durations as "1 m 12 s", …).
 */

const EMPTY = '—';

/** True for values that are shown as percentages: scores in [0, 1]. */
export function isFraction(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/**
 * A metric value: a fraction becomes "82.0%" (with "± 1.2%" when the stderr is known), any
 * other number is shown with up to 4 significant decimals and its unit.
 */
export function formatMetric(
  value: number | null | undefined,
  stderr?: number | null,
  unit?: string | null,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  if (isFraction(value) && !unit) {
    const main = `${(value * 100).toFixed(1)}%`;
    return typeof stderr === 'number' && Number.isFinite(stderr)
      ? `${main} ± ${(stderr * 100).toFixed(1)}%`
      : main;
  }
  const main = formatNumber(value) + (unit ? ` ${unit}` : '');
  return typeof stderr === 'number' && Number.isFinite(stderr) ? `${main} ± ${formatNumber(stderr)}` : main;
}

/** The value part of formatMetric without the ± part (for big metric cards). */
export function formatMetricValue(value: number | null | undefined, unit?: string | null): string {
  return formatMetric(value, null, unit);
}

/** The ± part alone, e.g. "± 1.2%", or '' when there is no stderr. */
export function formatStderr(value: number | null | undefined, stderr: number | null | undefined): string {
  if (typeof stderr !== 'number' || !Number.isFinite(stderr)) return '';
  return isFraction(value) ? `± ${(stderr * 100).toFixed(1)}%` : `± ${formatNumber(stderr)}`;
}

/**
 * The 95% confidence interval value ± 1.96·stderr as "72.3% – 88.1%", or '' without a stderr.
 * Scores in [0, 1] are clamped to that range: an accuracy interval past 100% means nothing.
 */
export function formatConfidenceInterval(
  value: number | null | undefined,
  stderr: number | null | undefined,
  unit?: string | null,
): string {
  if (typeof value !== 'number' || typeof stderr !== 'number' || !Number.isFinite(stderr)) return '';
  const fraction = isFraction(value) && !unit;
  let low = value - 1.96 * stderr;
  let high = value + 1.96 * stderr;
  if (fraction) {
    low = Math.max(0, low);
    high = Math.min(1, high);
  }
  return `${formatMetricValue(low, unit)} – ${formatMetricValue(high, unit)}`;
}

/** A plain number with at most 4 decimals and thousands separators. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 1 : 4 });
}

/** Token counts and other integers: "12,345". */
export function formatCount(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.round(value).toLocaleString('en-US')
    : EMPTY;
}

/** "45 s", "1 m 12 s", "2 h 5 m", "3 d 4 h"; sub-second durations as "0.4 s". */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return EMPTY;
  if (seconds < 1) return `${seconds.toFixed(1)} s`;
  const total = Math.round(seconds);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} m` : `${h} h`;
  if (m > 0) return s > 0 ? `${m} m ${s} s` : `${m} m`;
  return `${s} s`;
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday" relative to `now` (ms since epoch). */
export function formatRelativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return EMPTY;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return EMPTY;
  const diff = (time - now) / 1000;
  if (Math.abs(diff) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return RELATIVE.format(Math.round(diff / size), unit);
  }
  return RELATIVE.format(Math.round(diff / 60), 'minute');
}

const EXACT = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** The exact local time, for tooltips and detail pages: "28 Nov 2026, 11:02:54 UTC". */
export function formatExactTime(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? EMPTY : EXACT.format(time);
}

/** File sizes: "912 B", "14.2 KB", "3.1 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return EMPTY;
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
