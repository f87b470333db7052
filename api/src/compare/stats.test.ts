import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { binomialSampler, logGamma, mcnemarExact, pairedBootstrap, seededRandom } from './stats.js';

const PYTHON = path.resolve(import.meta.dirname, '..', '..', '..', '.venv', 'bin', 'python');

/** scipy in the project's .venv as the independent implementation. */
function scipy(code: string): unknown {
  return JSON.parse(
    execFileSync(PYTHON, ['-c', `import json, scipy.stats as st\n${code}`], { encoding: 'utf8' }),
  );
}

describe('logGamma', () => {
  it('matches factorials', () => {
    expect(Math.exp(logGamma(6))).toBeCloseTo(120, 9);
    expect(logGamma(1001)).toBeCloseTo(5912.128178939938, 5);
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

describe('binomialSampler', () => {
  it('draws from the binomial distribution (mean and variance over many draws)', () => {
    const random = seededRandom(1);
    for (const [n, p] of [
      [10, 0.3],
      [5000, 0.02],
      [20_000, 0.5],
    ] as const) {
      const draw = binomialSampler(n, p);
      const xs = Array.from({ length: 20_000 }, () => draw(random));
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / xs.length));
      expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
      expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
    }
  });
});

describe('pairedBootstrap', () => {
  it('is reproducible with its seed and brackets the estimate', () => {
    const counts = { bothRight: 600, bothWrong: 200, fixed: 120, broken: 80 };
    const a = pairedBootstrap(counts, { seed: 7 });
    expect(pairedBootstrap(counts, { seed: 7 })).toEqual(a);
    expect(pairedBootstrap(counts, { seed: 8 })).not.toEqual(a);
    expect(a.estimate).toBeCloseTo(0.04, 12);
    expect(a.low).toBeLessThan(a.estimate);
    expect(a.high).toBeGreaterThan(a.estimate);
    // The analytic standard error of a paired difference: sqrt((f + b - (f - b)² / n) / n²).
    const se = Math.sqrt((120 + 80 - (40 * 40) / 1000) / 1000 ** 2);
    expect((a.high - a.low) / (2 * 1.96 * se)).toBeGreaterThan(0.9);
    expect((a.high - a.low) / (2 * 1.96 * se)).toBeLessThan(1.1);
  });

  it('covers the true difference about 95% of the time', () => {
    // Simulate paired runs with known discordance probabilities and count how often the CI
    // contains the true difference (0.25 − 0.15 = 0.10).
    const random = seededRandom(99);
    let covered = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      const counts = { bothRight: 0, bothWrong: 0, fixed: 0, broken: 0 };
      for (let i = 0; i < 200; i++) {
        const u = random();
        if (u < 0.25) counts.fixed++;
        else if (u < 0.4) counts.broken++;
        else if (u < 0.8) counts.bothRight++;
        else counts.bothWrong++;
      }
      const ci = pairedBootstrap(counts, { seed: t, resamples: 2000 });
      if (ci.low <= 0.1 && 0.1 <= ci.high) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.91);
    expect(covered / trials).toBeLessThan(0.99);
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
  });
});
