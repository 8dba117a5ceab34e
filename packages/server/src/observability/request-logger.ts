import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { ObservabilityVariables } from './observability-variables.js';
import { redactPath } from './redact-path.js';

export interface RequestLoggerOptions {
  logger: Logger;
  clock: () => number;
  getClientIp: (c: Context) => string;
}

/**
 * Gives every request an id (a fresh UUID: a client-chosen id could forge log lines), a child logger
 * and its client IP, and logs one line per response. Only method, path (never the query string,
 * which may carry a leaked token), status and duration are logged.
 */
export function createRequestLogger(options: RequestLoggerOptions): MiddlewareHandler<{ Variables: ObservabilityVariables }> {
  return async function requestLogger(c, next) {
    const started = options.clock();
    const requestId = randomUUID();
    const log = options.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('clientIp', options.getClientIp(c));
    c.header('X-Request-Id', requestId);
    const path = redactPath(c.req.path);
    log.debug({ method: c.req.method, path }, 'request');
    await next();
    log.info({ method: c.req.method, path, status: c.res.status, durationMs: options.clock() - started }, 'response');
  };
}
