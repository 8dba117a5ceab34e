import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Real authentication: rejects with 401 unless the X-API-Key header matches, in constant time. */
export function requireApiKey(expected: string): MiddlewareHandler {
  const want = Buffer.from(expected);
  return async (c, next) => {
    const got = Buffer.from(c.req.header('X-API-Key') ?? '');
    if (got.length !== want.length || !timingSafeEqual(got, want)) {
      return c.json({ error: 'unauthorized' }, 401);
    }
    await next();
  };
}
