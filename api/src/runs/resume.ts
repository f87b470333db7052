import { providerOf } from '../auth/providers.js';
import type { RunRow } from '../db/entities/Run.js';
import { readInspectLogHeader } from '../openbench/inspectLog.js';
import type { RunConfig } from '../openbench/runConfig.js';

export type ResumePlan = { resumable: true; log: string } | { resumable: false; reason: string };

/**
 * Model APIs that `bench eval-retry` cannot rebuild: it creates the model before it imports
 * the task file, so a model API registered by an eval file (our offline demo's) is unknown
 * to it (docs/openbench-notes.md).
 */
const NOT_RETRYABLE_PROVIDERS = new Set(['offline']);

/**
 * Whether a run whose worker died can be resumed with `bench eval-retry`: only from a partial
 * inspect log that bench wrote for it and that did not finish, and only for model APIs
 * eval-retry can rebuild. Otherwise the reason, for the run's error.
 */
export async function resumability(row: RunRow, logFile: string | null): Promise<ResumePlan> {
  const config = row.config as unknown as RunConfig;
  const provider = providerOf(config.model);
  if (NOT_RETRYABLE_PROVIDERS.has(provider)) {
    return { resumable: false, reason: `bench eval-retry cannot rebuild ${provider}/* models` };
  }
  if (!logFile) return { resumable: false, reason: 'bench had not written a log yet' };
  const header = await readInspectLogHeader(logFile).catch(() => null);
  if (!header) return { resumable: false, reason: 'its partial log cannot be read' };
  if (header.status === 'success')
    return { resumable: false, reason: 'its log says it had already finished' };
  return { resumable: true, log: logFile };
}
