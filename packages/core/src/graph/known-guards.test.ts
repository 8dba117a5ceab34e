import { describe, expect, it } from 'vitest';
import { isAuthLikeName, isKnownGuard } from './known-guards.js';

describe('isKnownGuard', () => {
  it.each([
    ['hono/bearer-auth', 'bearerAuth', undefined, true],
    ['hono/jwt', 'jwt', undefined, true],
    ['@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js', 'requireBearerAuth', undefined, true],
    ['passport', 'default', 'authenticate', true],
    ['passport', 'default', 'initialize', false],
    ['express-openid-connect', 'requiresAuth', undefined, true],
    ['express-openid-connect', 'auth', undefined, true],
    ['express-openid-connect', 'attemptSilentLogin', undefined, false],
    ['hono/cors', 'cors', undefined, false],
  ] as const)('%s %s %s -> %s', (specifier, imported, member, expected) => {
    expect(isKnownGuard(specifier, imported, member)).toBe(expected);
  });
});

describe('isAuthLikeName (only for definitions the scan cannot read)', () => {
  it.each(['requireAuth', 'authenticate', 'verifyToken', 'checkAdmin', 'isAuthenticated', 'adminOnly', 'jwtGuard', 'ensureLoggedIn'])('%s counts', (name) => {
    expect(isAuthLikeName(name)).toBe(true);
  });
  it.each(['cors', 'helmet', 'csrfProtection', 'rateLimitGuard', 'hostGuard', 'requestLogger', 'validateBody', 'session'])('%s does not', (name) => {
    expect(isAuthLikeName(name)).toBe(false);
  });
});
