import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitRule } from '../config/parse-rate-limits.js';
import type { RedisClient } from './create-redis-client.js';
import type { RateLimitDecision, RateLimitStore } from './rate-limit-store.js';
import { StorageUnavailableError } from './storage-unavailable-error.js';

/**
 * rate-limiter-flexible behind our interface: Redis-backed limiters are shared by every instance,
 * memory ones serve development. No insurance limiter: when Redis is down the request fails closed.
 */
export function createFlexibleRateLimitStore(redis?: RedisClient): RateLimitStore {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (bucket: string, rule: RateLimitRule) => {
    const name = `${bucket}:${rule.points}:${rule.durationSeconds}`;
    let limiter = limiters.get(name);
    if (!limiter) {
      const options = { keyPrefix: `sg:rl:${bucket}`, points: rule.points, duration: rule.durationSeconds };
      limiter = redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
      limiters.set(name, limiter);
    }
    return limiter;
  };

  return {
    async consume(bucket, key, rule) {
      try {
        return decision(await limiterFor(bucket, rule).consume(counterName(key)), rule, true);
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return decision(outcome, rule, false);
        throw new StorageUnavailableError('rate limit store did not answer', { cause: outcome });
      }
    },
    async peek(bucket, key, rule) {
      try {
        const limiter = limiterFor(bucket, rule);
        const name = counterName(key);
        // Runs before every authentication: one GET decides the common case (within budget); the
        // limiter's own read (a MULTI of GET and PTTL) is needed only to say when a refusal ends.
        const consumed = redis ? Number((await redis.get(limiter.getKey(name))) ?? 0) : undefined;
        if (consumed !== undefined && consumed < rule.points) return { allowed: true, limit: rule.points, remaining: rule.points - consumed, resetMs: 0 };
        const res = await limiter.get(name);
        if (!res) return { allowed: true, limit: rule.points, remaining: rule.points, resetMs: 0 };
        return decision(res, rule, res.consumedPoints < rule.points);
      } catch (cause) {
        throw new StorageUnavailableError('rate limit store did not answer', { cause });
      }
    },
  };
}

function decision(res: RateLimiterRes, rule: RateLimitRule, allowed: boolean): RateLimitDecision {
  return { allowed, limit: rule.points, remaining: Math.max(0, res.remainingPoints), resetMs: res.msBeforeNext };
}

/** Counter names are hashes: principal ids and client IPs stay out of Redis key names. */
function counterName(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22);
}
