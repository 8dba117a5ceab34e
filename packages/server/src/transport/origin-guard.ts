import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';

/**
 * Refuses cross-origin requests from origins not on the list. Hono's cors() only omits the CORS
 * headers for them, and the request still runs, so this guard answers 403 before any handler.
 * Comparison is exact on the serialized origin: `https://allowed.example.evil.com`, `null` and
 * a different scheme or port are all different origins.
 */
export function createOriginGuard(options: { allowedOrigins: readonly string[] }): MiddlewareHandler<{ Variables: ObservabilityVariables }> {
  const allowed = new Set(options.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  return async function originGuard(c, next) {
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed.has(origin.toLowerCase())) {
      c.get('log').warn({ event: 'origin_rejected', ip: c.get('clientIp'), origin: origin.slice(0, 200) }, 'origin rejected');
      throw new HttpError(403, 'origin_not_allowed', 'This origin is not allowed.');
    }
    await next();
  };
}
