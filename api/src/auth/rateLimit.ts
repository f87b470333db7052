/**
 * Counts attempts per key in a sliding window, in memory (one API process; several replicas
 * each keep their own counts). Every attempt counts, including those sent as aliases of one
 * GraphQL request, because each alias runs the resolver once.
 */
export class RateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; returns the seconds to wait when the key is over its limit. */
  hit(key: string, now = Date.now()): number | null {
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return Math.ceil((recent[0]! + this.windowMs - now) / 1000);
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 100_000) this.prune(now);
    return null;
  }

  reset(key: string): void {
    this.attempts.delete(key);
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts)
      if (times.every((t) => now - t >= this.windowMs)) this.attempts.delete(key);
  }
}
