import type { RunRow } from '../db/entities/Run.js';
import type { RunConfig } from '../openbench/runConfig.js';
import type { RunRepository } from '../runs/repository.js';
import { COMPARED_SETTINGS } from './comparison.js';

export interface LeaderboardEntry {
  rank: number;
  model: string;
  run: RunRow;
  value: number;
  stderr: number | null;
  /** Samples the score covers. */
  samples: number | null;
}

export interface LeaderboardGroup {
  /** The settings every run of the group shares (the comparability key). */
  settings: Record<string, unknown>;
  label: string;
  entries: LeaderboardEntry[];
}

function settingsOf(run: RunRow): Record<string, unknown> {
  const config = run.config as unknown as RunConfig;
  return Object.fromEntries(COMPARED_SETTINGS.map((key) => [key, config[key] ?? null]));
}

function label(settings: Record<string, unknown>): string {
  const parts = Object.entries(settings)
    .filter(([, v]) => v !== null && !(typeof v === 'object' && Object.keys(v as object).length === 0))
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return parts.length > 0 ? parts.join(', ') : 'default settings';
}

/**
 * The best COMPLETED run per model on a benchmark, among runs whose settings make their scores
 * comparable: one ranked group per distinct settings, the group with the most runs first.
 */
export async function leaderboard(
  runs: RunRepository,
  benchmark: string,
  ownerId: string | null,
): Promise<LeaderboardGroup[]> {
  const completed = await runs.completedWithMetric(benchmark, ownerId);
  const groups = new Map<string, { settings: Record<string, unknown>; runs: RunRow[] }>();
  for (const run of completed) {
    const settings = settingsOf(run);
    const key = JSON.stringify(settings);
    const group = groups.get(key) ?? { settings, runs: [] };
    group.runs.push(run);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.runs.length - a.runs.length)
    .map(({ settings, runs: groupRuns }) => {
      const best = new Map<string, RunRow>();
      for (const run of groupRuns) {
        const current = best.get(run.model);
        // Highest score wins; on a tie the newer run.
        if (
          !current ||
          run.primaryMetricValue! > current.primaryMetricValue! ||
          (run.primaryMetricValue === current.primaryMetricValue && run.createdAt > current.createdAt)
        ) {
          best.set(run.model, run);
        }
      }
      const entries = [...best.values()]
        .sort((a, b) => b.primaryMetricValue! - a.primaryMetricValue!)
        .map((run, i) => ({
          rank: i + 1,
          model: run.model,
          run,
          value: run.primaryMetricValue!,
          stderr: run.primaryMetricStderr,
          samples: run.sampleCount ?? run.progressCompleted,
        }));
      return { settings, label: label(settings), entries };
    });
}
