import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimitRule } from '../config/parse-rate-limits.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';
import { redactPath } from '../observability/redact-path.js';
import type { AuditStore } from '../storage/audit-store.js';
import type { RateLimitStore } from '../storage/rate-limit-store.js';
import { tooManyRequests } from '../transport/rate-limit.js';

export interface AuthFailureOptions {
  audit: AuditStore;
  rateLimits: RateLimitStore;
  rule: RateLimitRule;
  clock: () => number;
}

export interface AuthFailures {
  /**
   * Refuses (429) a client IP that already used up its failed-authentication budget before its
   * credential is even looked at, on /admin and /mcp alike: a locked-out peer learns nothing about
   * any credential, valid or not, until the window passes. The budget lives in the shared store,
   * so failures on one instance lock the peer out of all of them. (Attempts already in flight when
   * the budget runs out still finish: the overshoot is bounded by the peer's concurrency.)
   */
  gate: MiddlewareHandler<{ Variables: ObservabilityVariables }>;
  /**
   * Records one failure (security log event, one point of the IP's budget, audit entry) and throws
   * 429 instead of letting the caller answer 401 once the budget is spent. Over-budget failures are
   * logged but not audited, so an attacker cannot flood the audit trail.
   */
  record(c: FailedRequest, reason: string): Promise<void>;
}

const BUCKET = 'auth-failure';

/** The parts of a request context a failure record reads (any middleware's context has them). */
export type FailedRequest = Pick<Context<{ Variables: ObservabilityVariables }>, 'req'> & {
  get<K extends 'log' | 'clientIp'>(key: K): ObservabilityVariables[K];
};

export function createAuthFailures(options: AuthFailureOptions): AuthFailures {
  return {
    gate: async function authFailureGate(c, next) {
      const decision = await options.rateLimits.peek(BUCKET, c.get('clientIp'), options.rule);
      if (!decision.allowed) {
        c.get('log').warn({ event: 'rate_limited', bucket: BUCKET, ip: c.get('clientIp') }, 'too many failed authentications');
        throw tooManyRequests(decision, options.rule);
      }
      await next();
    },
    async record(c, reason) {
      const ip = c.get('clientIp');
      const path = redactPath(c.req.path);
      c.get('log').warn({ event: 'auth_failure', reason, ip, path }, 'authentication failed');
      const decision = await options.rateLimits.consume(BUCKET, ip, options.rule);
      if (!decision.allowed) {
        c.get('log').warn({ event: 'rate_limited', bucket: BUCKET, ip }, 'too many failed authentications');
        throw tooManyRequests(decision, options.rule);
      }
      await options.audit.append({ actor: 'anonymous', action: 'auth.failure', target: path, ip, outcome: 'failure', reason }, options.clock());
    },
  };
}
