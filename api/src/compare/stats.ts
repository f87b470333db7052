/**
 * Statistics for paired comparisons of two runs on the same samples, where each sample is
 * right or wrong. Everything here is deterministic: the bootstrap takes a seed.
 */

/** log Γ(x) by the Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * McNemar's exact test: two-sided p-value of b vs c discordant pairs under H0 (each discordant
 * pair is equally likely to go either way), i.e. the exact binomial test of min(b, c) in b + c
 * trials at p = 1/2. Sums are done in log space so large counts do not underflow.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  const logHalf = n * Math.log(0.5);
  let tail = 0;
  for (let i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) + logHalf);
  return Math.min(1, 2 * tail);
}

const NEGLIGIBLE = 1e-14;

/**
 * Writes the probabilities of Binomial(n, p) that matter (those above 1e-14 of the mode's)
 * into `out` and returns the first k; `out` must hold n + 1 values. Walks down from the mode to
 * find where they start, then fills upward by the ratio P(k+1)/P(k): no allocation per call.
 */
export function binomialPmfInto(n: number, p: number, out: Float64Array): { start: number; length: number } {
  if (n === 0 || p <= 0) {
    out[0] = 1;
    return { start: 0, length: 1 };
  }
  if (p >= 1) {
    out[0] = 1;
    return { start: n, length: 1 };
  }
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const atMode = Math.exp(logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log(q));
  const floor = atMode * NEGLIGIBLE;
  let start = mode;
  let value = atMode;
  while (start > 0) {
    const next = value * (start / (n - start + 1)) * (q / p);
    if (next < floor) break;
    value = next;
    start--;
  }
  let length = 0;
  for (let k = start; k <= n; k++) {
    if (k > mode && value < floor) break;
    out[length++] = value;
    value *= ((n - k) / (k + 1)) * (p / q);
  }
  return { start, length };
}

/** The probabilities of Binomial(n, p) that matter, from the first k on. */
export function binomialPmf(n: number, p: number): { start: number; pmf: Float64Array } {
  const out = new Float64Array(n + 1);
  const { start, length } = binomialPmfInto(n, p, out);
  return { start, pmf: out.subarray(0, length) };
}

export interface PairedCounts {
  /** Right in both runs. */
  bothRight: number;
  bothWrong: number;
  /** Wrong in the base run, right in the other: what the other run fixed. */
  fixed: number;
  /** Right in the base run, wrong in the other. */
  broken: number;
}

export interface DifferenceEstimate {
  /** Other minus base accuracy on the shared samples. */
  estimate: number;
  low: number;
  high: number;
  level: number;
}

/**
 * Paired bootstrap percentile interval of the accuracy difference (other − base) on n shared
 * samples, computed exactly rather than by drawing resamples. A resample of n pairs matters only
 * through how many fixed (F) and broken pairs it holds, i.e. K discordant pairs with
 * K ~ Binomial(n, (fixed + broken) / n) and F | K ~ Binomial(K, fixed / (fixed + broken)); the
 * difference is (2F − K) / n. Summing those probabilities gives the bootstrap distribution with
 * infinitely many resamples, so the interval has no Monte Carlo error and needs no seed.
 */
export function pairedBootstrap(counts: PairedCounts, level = 0.95): DifferenceEstimate {
  const n = counts.bothRight + counts.bothWrong + counts.fixed + counts.broken;
  const discordant = counts.fixed + counts.broken;
  const estimate = n === 0 ? 0 : (counts.fixed - counts.broken) / n;
  if (n === 0 || discordant === 0) return { estimate, low: estimate, high: estimate, level };
  // mass[d + n] = P(2F − K = d)
  const mass = new Float64Array(2 * n + 1);
  const pFixed = counts.fixed / discordant;
  const outer = binomialPmf(n, discordant / n);
  const inner = new Float64Array(n + 1);
  for (let i = 0; i < outer.pmf.length; i++) {
    const k = outer.start + i;
    const pK = outer.pmf[i]!;
    const { start, length } = binomialPmfInto(k, pFixed, inner);
    for (let j = 0; j < length; j++) mass[2 * (start + j) - k + n]! += pK * inner[j]!;
  }
  const total = mass.reduce((a, b) => a + b, 0);
  const alpha = (1 - level) / 2;
  const quantile = (q: number) => {
    let cumulative = 0;
    for (let d = 0; d < mass.length; d++) {
      cumulative += mass[d]! / total;
      if (cumulative >= q - 1e-12) return (d - n) / n;
    }
    return 1;
  };
  return { estimate, low: quantile(alpha), high: quantile(1 - alpha), level };
}
