import type { RedactPath } from './sinks.js';

/**
 * Loggers a framework makes from options given where the app is made: `pino` for a request's or
 * app's `.log` (Fastify, pino-http, express-pino-logger, koa-pino-logger, hono-pino's `c.var.logger`,
 * nestjs-pino's injected `PinoLogger`), `hapi` for
 * hapi-pino's `request.logger` / `server.logger`, `hapiEvent` for Hapi's `request.log(tags, data)`
 * / `server.log(tags, data)`, which hapi-pino writes as `{ tags, data }`.
 */
export type FrameworkLogger = 'pino' | 'hapi' | 'hapiEvent';

/** The pino `redact` paths a file's framework options give each kind of framework logger. */
export type FrameworkRedact = Partial<Record<FrameworkLogger, RedactPath[]>>;

/** Which argument of a framework logger's call its `redact` paths apply to: Hapi's data comes after the tags. */
export function redactArgOf(framework: FrameworkLogger | undefined): number {
  return framework === 'hapiEvent' ? 1 : 0;
}
