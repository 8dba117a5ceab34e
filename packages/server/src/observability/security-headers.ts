import type { MiddlewareHandler } from 'hono';

const HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Every response of this API is either per-principal or trivially cheap: nothing may be cached.
  'Cache-Control': 'no-store',
};

/** Sets the headers on every response, errors included (it runs after `next`, over whatever was built). */
export function createSecurityHeaders(options: { hsts: boolean }): MiddlewareHandler {
  const headers = options.hsts ? { ...HEADERS, 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : HEADERS;
  return async function securityHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    c.res.headers.delete('X-Powered-By');
    c.res.headers.delete('Server');
  };
}
