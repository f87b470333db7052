import type { Breakdown } from '../openbench/summary.js';

const MAX_GROUPS = 50;

/** Per metadata key: right/wrong counts per value, while the key still looks like a category. */
export class GroupCounter {
  private readonly keys = new Map<string, Map<string, { right: number; wrong: number }> | null>();
  private samples = 0;

  add(metadata: Record<string, unknown>, correct: boolean | null): void {
    this.samples++;
    for (const [key, raw] of Object.entries(metadata)) {
      if (this.keys.get(key) === null) continue;
      if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
        this.keys.set(key, null);
        continue;
      }
      const groups = this.keys.get(key) ?? new Map();
      const counts = groups.get(String(raw)) ?? { right: 0, wrong: 0 };
      if (correct === true) counts.right++;
      if (correct === false) counts.wrong++;
      groups.set(String(raw), counts);
      // Too many distinct values: an id or free text, not a category.
      this.keys.set(key, groups.size > MAX_GROUPS ? null : groups);
    }
  }

  /** Accuracy per value of every key that is present in every sample and has 2+ values. */
  breakdowns(scorer: string | null): Breakdown[] {
    const result: Breakdown[] = [];
    for (const [key, groups] of this.keys) {
      if (!groups || groups.size < 2) continue;
      const total = [...groups.values()].reduce((n, c) => n + c.right + c.wrong, 0);
      if (total === 0 || total < this.samples * 0.9) continue;
      result.push({
        name: key,
        ...(scorer ? { scorer } : {}),
        items: [...groups]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([value, c]) => {
            const n = c.right + c.wrong;
            const p = n > 0 ? c.right / n : null;
            // Standard error of the mean of 0/1 scores (sample std with n-1, as inspect's stderr()).
            const stderr = p !== null && n > 1 ? Math.sqrt((p * (1 - p)) / (n - 1)) : null;
            return { key: value, value: p, unit: null, stderr };
          }),
      });
    }
    return result;
  }
}
