import type { RateLimitRule } from '../config/parse-rate-limits.js';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface RateLimitStore {
  /** Counts one hit for `key` in `bucket` and says whether it is within the rule. */
  consume(bucket: string, key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  /** The current state without counting (used to refuse clients that already failed too often). */
  peek(bucket: string, key: string, rule: RateLimitRule): Promise<RateLimitDecision>;
}
