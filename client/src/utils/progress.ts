/**
 * Seconds left at the rate observed since the run started, or null while there is nothing to go
 * on (no sample done yet, unknown total, clock skew making the elapsed time negative). The rate
 * includes bench's start-up time, so early estimates run long and then settle.
 */
export function estimateEtaSeconds(
  completed: number | null | undefined,
  total: number | null | undefined,
  startedAt: string | null | undefined,
  now: number,
): number | null {
  if (!completed || completed <= 0 || total === null || total === undefined || !startedAt) return null;
  if (completed >= total) return 0;
  const elapsed = (now - Date.parse(startedAt)) / 1000;
  if (!Number.isFinite(elapsed) || elapsed <= 0) return null;
  return ((total - completed) * elapsed) / completed;
}

/** Samples done so far, with bench's running metric when its progress line carries one. */
export interface LiveProgress {
  completed: number | null;
  total: number | null;
  fraction: number | null;
  metricName: string | null;
  metricValue: number | null;
}

/**
 * The progress to show after an update. The newest wins, with one exception: a step back to
 * 0 / N with the same N after some progress. bench prints the task header ("(8 samples)") again
 * in its closing summary, which the API reads as 0 / 8 right after 8 / 8 (and a poll can see that
 * instead of 8 / 8). A new task of a group also starts at 0, but its next line moves on, so only
 * this one step is held back.
 */
export function mergeProgress(previous: LiveProgress | null, next: Partial<LiveProgress>): LiveProgress {
  const candidate: LiveProgress = {
    completed: next.completed ?? null,
    total: next.total ?? null,
    fraction: next.fraction ?? null,
    metricName: next.metricName ?? previous?.metricName ?? null,
    metricValue: next.metricValue ?? previous?.metricValue ?? null,
  };
  if (!previous || previous.completed === null) return candidate;
  // A status snapshot of a run that has printed no progress line says nothing new.
  if (candidate.completed === null) return previous;
  if (candidate.completed === 0 && previous.completed > 0 && candidate.total === previous.total)
    return previous;
  return candidate;
}
