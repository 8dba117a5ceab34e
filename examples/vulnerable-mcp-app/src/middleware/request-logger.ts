import type { MiddlewareHandler } from 'hono';
import { logger } from '../logger.js';

const requestLog = logger.child({ component: 'http' });

export const requestLogger: MiddlewareHandler = async (c, next) => {
  const auth = c.req.header('Authorization');
  requestLog.info({ method: c.req.method, path: c.req.path, auth }, 'request');
  await next();
};
