import fs from 'node:fs';

export type Row = Record<string, string | number>;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Resident set size of a process in MB, from /proc (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n## ${title}\n`);
  for (const row of rows) {
    console.log(`- ${row.scenario}`);
    for (const [key, value] of Object.entries(row))
      if (key !== 'scenario') console.log(`    ${key.padEnd(38)} ${value}`);
  }
}
