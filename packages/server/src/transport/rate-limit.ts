import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitRule } from '../config/parse-rate-limits.js';
import { HttpError } from '../http-error.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';
import type { RateLimitDecision, RateLimitStore } from '../storage/rate-limit-store.js';

export interface RateLimitOptions<V extends object> {
  store: RateLimitStore;
  bucket: string;
  rule: RateLimitRule;
  /** Whose budget this request spends: client IP, principal id. */
  keyOf: (c: Context<{ Variables: V & ObservabilityVariables }>) => string;
}

/** Counts the request against a shared budget; over budget answers 429 with Retry-After. */
export function createRateLimit<V extends object>(options: RateLimitOptions<V>): MiddlewareHandler<{ Variables: V & ObservabilityVariables }> {
  return async function rateLimit(c, next) {
    const decision = await options.store.consume(options.bucket, options.keyOf(c), options.rule);
    if (!decision.allowed) {
      c.get('log').warn({ event: 'rate_limited', bucket: options.bucket, ip: c.get('clientIp') }, 'rate limited');
      throw tooManyRequests(decision, options.rule);
    }
    for (const [name, value] of Object.entries(rateLimitHeaders(decision, options.rule))) c.header(name, value);
    await next();
  };
}

/** 429 with Retry-After and the RateLimit fields, whichever budget (requests, failed authentications) ran out. */
export function tooManyRequests(decision: RateLimitDecision, rule: RateLimitRule): HttpError {
  return new HttpError(429, 'rate_limited', 'Too many requests; retry later.', {
    ...rateLimitHeaders(decision, rule),
    'Retry-After': String(Math.max(1, Math.ceil(decision.resetMs / 1000))),
  });
}

/** IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), as rate limiters commonly send them. */
function rateLimitHeaders(decision: RateLimitDecision, rule: RateLimitRule): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(Math.ceil(decision.resetMs / 1000)),
    'RateLimit-Policy': `${rule.points};w=${rule.durationSeconds}`,
  };
}
