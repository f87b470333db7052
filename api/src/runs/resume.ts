import type { RunRow } from '../db/entities/Run.js';
import { readInspectLogHeader } from '../openbench/inspectLog.js';
import { readLogSamples } from '../openbench/logSamples.js';

export type ResumePlan = { resumable: true; log: string } | { resumable: false; reason: string };

/**
 * Whether a run whose worker died can be resumed with eval-retry: once, and only from a partial
 * inspect log of its own that did not finish and holds finished samples. Otherwise the
 * reason, for its error.
 */
export async function resumability(row: RunRow, logFile: string | null): Promise<ResumePlan> {
  if (row.resumeCount >= 1) {
    return { resumable: false, reason: 'its worker stopped again after it had been resumed once' };
  }
  if (!logFile) return { resumable: false, reason: 'bench had not written a log yet' };
  const header = await readInspectLogHeader(logFile).catch(() => null);
  if (!header) return { resumable: false, reason: 'its partial log cannot be read' };
  if (header.status === 'success')
    return { resumable: false, reason: 'its log says it had already finished' };
  // Resuming from an empty log would be starting from zero under another name.
  if (!(await hasSamples(logFile)))
    return { resumable: false, reason: 'its log holds no finished sample yet' };
  return { resumable: true, log: logFile };
}

async function hasSamples(logFile: string): Promise<boolean> {
  try {
    for await (const batch of readLogSamples(logFile, 1)) return batch.length > 0;
  } catch {
    // An unreadable samples array: nothing to resume from.
  }
  return false;
}
