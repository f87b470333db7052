import type { Redis } from 'ioredis';

/** Counts attempts per key in a sliding window. */
export interface AttemptLimiter {
  /** Records an attempt; returns the seconds to wait when the key is over its limit. */
  hit(key: string): Promise<number | null>;
  reset(key: string): Promise<void>;
}

/**
 * In memory, for one API process. Every attempt counts, including those sent as aliases of
 * one GraphQL request, because each alias runs the resolver once.
 */
export class RateLimiter implements AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  hit(key: string, now = Date.now()): Promise<number | null> {
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return Promise.resolve(Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 100_000) this.prune(now);
    return Promise.resolve(null);
  }

  reset(key: string): Promise<void> {
    this.attempts.delete(key);
    return Promise.resolve();
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts)
      if (times.every((t) => now - t >= this.windowMs)) this.attempts.delete(key);
  }
}

/**
 * The same sliding window in Redis (a sorted set of attempt times per key), so API replicas
 * share the counts: spreading guesses over replicas gains an attacker nothing.
 */
export class RedisRateLimiter implements AttemptLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  async hit(key: string, now = Date.now()): Promise<number | null> {
    const redisKey = `${this.prefix}:${key}`;
    const replies = await this.redis
      .multi()
      .zremrangebyscore(redisKey, 0, now - this.windowMs)
      .zrange(redisKey, 0, -1, 'WITHSCORES')
      .exec();
    const entries = (replies?.[1]?.[1] ?? []) as string[];
    if (entries.length / 2 >= this.limit) {
      const oldest = Number(entries[1]);
      return Math.ceil((oldest + this.windowMs - now) / 1000);
    }
    // A unique member per attempt: two attempts in the same millisecond both count.
    await this.redis
      .multi()
      .zadd(redisKey, now, `${now}-${Math.random().toString(36).slice(2)}`)
      .pexpire(redisKey, this.windowMs)
      .exec();
    return null;
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(`${this.prefix}:${key}`);
  }
}
