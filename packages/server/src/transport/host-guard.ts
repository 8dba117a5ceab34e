import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';

/**
 * DNS-rebinding defence: a page on evil.example that re-points its name at this server still sends
 * `Host: evil.example`, so only listed hosts are served. An entry without a port matches the host
 * on any port. No list means any host (public servers behind a proxy that already pins the host).
 */
export function createHostGuard(options: { allowedHosts?: readonly string[] }): MiddlewareHandler<{ Variables: ObservabilityVariables }> {
  const allowed = options.allowedHosts ? new Set(options.allowedHosts.map((h) => h.toLowerCase())) : undefined;
  return async function hostGuard(c, next) {
    const host = c.req.header('host')?.toLowerCase();
    if (allowed && (host === undefined || !(allowed.has(host) || allowed.has(withoutPort(host))))) {
      c.get('log').warn({ event: 'host_rejected', ip: c.get('clientIp') }, 'host rejected');
      throw new HttpError(403, 'host_not_allowed', 'This host is not served here.');
    }
    await next();
  };
}

function withoutPort(host: string): string {
  return host.replace(/:\d+$/, '');
}
