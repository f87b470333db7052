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

/** mulberry32: a small, fast, well-mixed 32-bit PRNG, so a seed reproduces a bootstrap. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An exact Binomial(n, p) sampler by inversion over the support ordered outward from the mode
 * (m, m-1, m+1, m-2, …): any fixed order gives exact samples, and starting at the mode makes
 * the expected search short (about √(npq) steps) even for large n.
 */
export function binomialSampler(n: number, p: number): (random: () => number) => number {
  if (n === 0 || p <= 0) return () => 0;
  if (p >= 1) return () => n;
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const pmfMode = Math.exp(logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log(q));
  const up = p / q;
  return (random) => {
    const u = random();
    let cumulative = pmfMode;
    if (u <= cumulative) return mode;
    let lo = mode;
    let hi = mode;
    let pLo = pmfMode;
    let pHi = pmfMode;
    for (;;) {
      const canLo = lo > 0;
      const canHi = hi < n;
      if (!canLo && !canHi) return mode; // rounding left u just above the total mass
      if (canLo) {
        pLo *= lo / (n - lo + 1) / up;
        lo--;
        cumulative += pLo;
        if (u <= cumulative) return lo;
      }
      if (canHi) {
        pHi *= ((n - hi) / (hi + 1)) * up;
        hi++;
        cumulative += pHi;
        if (u <= cumulative) return hi;
      }
    }
  };
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
  resamples: number;
  seed: number;
}

/**
 * Paired bootstrap of the accuracy difference (other − base) on n shared samples, percentile
 * 95% interval. A resample of n pairs only matters through how many fixed and broken pairs it
 * holds, which is Multinomial(n; fixed/n, broken/n, rest): it is drawn as two exact binomials,
 * so each resample costs O(√n), not O(n), and the result equals resampling the pairs.
 */
export function pairedBootstrap(
  counts: PairedCounts,
  options: { resamples?: number; seed?: number; level?: number } = {},
): DifferenceEstimate {
  const { resamples = 10_000, seed = 20_261_128, level = 0.95 } = options;
  const n = counts.bothRight + counts.bothWrong + counts.fixed + counts.broken;
  const estimate = n === 0 ? 0 : (counts.fixed - counts.broken) / n;
  if (n === 0) return { estimate, low: 0, high: 0, level, resamples, seed };
  const random = seededRandom(seed);
  const discordant = counts.fixed + counts.broken;
  const drawDiscordant = binomialSampler(n, discordant / n);
  const pFixed = discordant === 0 ? 0 : counts.fixed / discordant;
  const samplers = new Map<number, (r: () => number) => number>();
  const differences = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) {
    const k = drawDiscordant(random);
    let sampler = samplers.get(k);
    if (!sampler) samplers.set(k, (sampler = binomialSampler(k, pFixed)));
    const fixed = sampler(random);
    differences[i] = (fixed - (k - fixed)) / n;
  }
  differences.sort();
  const alpha = (1 - level) / 2;
  const at = (q: number) => differences[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { estimate, low: at(alpha), high: at(1 - alpha), level, resamples, seed };
}
