import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';

const CREDENTIAL_PARAMS = new Set(['access_token', 'token', 'api_key', 'apikey', 'key', 'bearer', 'authorization', 'auth', 'id_token']);

/**
 * Credentials in URLs end up in proxy logs, browser history and Referer headers (RFC 6750 §5.3, MCP
 * authorization spec), so a request carrying one in its query string is refused outright.
 */
export function createQueryCredentialGuard(): MiddlewareHandler {
  return async function queryCredentialGuard(c, next) {
    if (!c.req.url.includes('?')) return next();
    const params = new URL(c.req.url).searchParams;
    for (const name of params.keys()) {
      if (CREDENTIAL_PARAMS.has(name.toLowerCase())) {
        throw new HttpError(400, 'credential_in_query', 'Credentials must be sent in the Authorization header, not the URL.');
      }
    }
    await next();
  };
}
