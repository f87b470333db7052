import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { binomialPmf, logGamma, mcnemarExact, pairedBootstrap, type PairedCounts } from './stats.js';

const PYTHON = path.resolve(import.meta.dirname, '..', '..', '..', '.venv', 'bin', 'python');

/** scipy in the project's .venv as the independent implementation. */
function scipy(code: string): unknown {
  return JSON.parse(
    execFileSync(PYTHON, ['-c', `import json, scipy.stats as st\n${code}`], { encoding: 'utf8' }),
  );
}

/** mulberry32, for reproducible simulations in these tests. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The textbook paired bootstrap: resample the n pairs with replacement, B times. */
function bruteForceBootstrap(
  counts: PairedCounts,
  resamples: number,
  random: () => number,
): { low: number; high: number } {
  const pairs = [
    ...Array<number>(counts.fixed).fill(1),
    ...Array<number>(counts.broken).fill(-1),
    ...Array<number>(counts.bothRight + counts.bothWrong).fill(0),
  ];
  const n = pairs.length;
  const differences: number[] = [];
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += pairs[Math.floor(random() * n)]!;
    differences.push(sum / n);
  }
  differences.sort((a, b) => a - b);
  return {
    low: differences[Math.floor(0.025 * resamples)]!,
    high: differences[Math.floor(0.975 * resamples)]!,
  };
}

describe('logGamma', () => {
  it('matches factorials', () => {
    expect(Math.exp(logGamma(6))).toBeCloseTo(120, 9);
    expect(logGamma(1001)).toBeCloseTo(5912.128178939938, 5);
  });
});

describe('binomialPmf', () => {
  it('equals scipy’s binomial pmf and sums to 1', () => {
    const { start, pmf } = binomialPmf(50, 0.3);
    const expected = scipy(
      `print(json.dumps([st.binom.pmf(k, 50, 0.3) for k in range(${start}, ${start + pmf.length})]))`,
    ) as number[];
    pmf.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 14));
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('mcnemarExact', () => {
  it('equals scipy’s exact binomial test at p = 1/2', () => {
    const cases: [number, number][] = [
      [0, 0],
      [1, 0],
      [5, 5],
      [3, 12],
      [12, 3],
      [40, 61],
      [0, 25],
      [480, 520],
      [1500, 1620],
    ];
    const expected = scipy(
      `print(json.dumps([st.binomtest(min(b, c), b + c, 0.5).pvalue if b + c else 1.0 for b, c in ${JSON.stringify(cases)}]))`,
    ) as number[];
    cases.forEach(([b, c], i) => expect(mcnemarExact(b, c)).toBeCloseTo(expected[i]!, 10));
  });
});

describe('pairedBootstrap (exact)', () => {
  it('agrees with brute-force resampling of the pairs', () => {
    const counts = { bothRight: 120, bothWrong: 40, fixed: 25, broken: 15 };
    const exact = pairedBootstrap(counts);
    const brute = bruteForceBootstrap(counts, 20_000, seeded(1));
    expect(exact.estimate).toBeCloseTo(0.05, 12);
    // Monte Carlo error of a 2.5% quantile with 20,000 resamples is well under one step (1/n).
    expect(Math.abs(exact.low - brute.low)).toBeLessThanOrEqual(1 / 200 + 1e-12);
    expect(Math.abs(exact.high - brute.high)).toBeLessThanOrEqual(1 / 200 + 1e-12);
  });

  it('has the width of the analytic paired standard error and is deterministic', () => {
    const counts = { bothRight: 6000, bothWrong: 2000, fixed: 1200, broken: 800 };
    const ci = pairedBootstrap(counts);
    expect(pairedBootstrap(counts)).toEqual(ci);
    const se = Math.sqrt((1200 + 800 - (400 * 400) / 10_000) / 10_000 ** 2);
    expect((ci.high - ci.low) / (2 * 1.96 * se)).toBeGreaterThan(0.97);
    expect((ci.high - ci.low) / (2 * 1.96 * se)).toBeLessThan(1.03);
  });

  it('covers the true difference about 95% of the time', () => {
    // Paired runs with known discordance rates: true difference 0.25 − 0.15 = 0.10.
    const random = seeded(99);
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const counts = { bothRight: 0, bothWrong: 0, fixed: 0, broken: 0 };
      for (let i = 0; i < 200; i++) {
        const u = random();
        if (u < 0.25) counts.fixed++;
        else if (u < 0.4) counts.broken++;
        else if (u < 0.8) counts.bothRight++;
        else counts.bothWrong++;
      }
      const ci = pairedBootstrap(counts);
      if (ci.low <= 0.1 && 0.1 <= ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.92);
    expect(covered / trials).toBeLessThan(0.98);
  });

  it('handles no shared samples and no discordance', () => {
    expect(pairedBootstrap({ bothRight: 0, bothWrong: 0, fixed: 0, broken: 0 })).toMatchObject({
      estimate: 0,
      low: 0,
      high: 0,
    });
    expect(pairedBootstrap({ bothRight: 5, bothWrong: 5, fixed: 0, broken: 0 })).toMatchObject({
      estimate: 0,
      low: 0,
      high: 0,
    });
    expect(pairedBootstrap({ bothRight: 0, bothWrong: 0, fixed: 8, broken: 0 })).toMatchObject({
      estimate: 1,
      low: 1,
      high: 1,
    });
  });
});
