import type { MiddlewareHandler } from 'hono';
import { logger } from '../logger.js';

/**
 * Named like a guard, but it only records who called: it never rejects a request. shiftguard
 * judges middleware by what it does, so this does not count as authentication.
 */
export const checkAdmin: MiddlewareHandler = async (c, next) => {
  logger.debug({ path: c.req.path }, 'admin request');
  await next();
};
