import { describe, expect, it } from 'vitest';
import { isAuthLikeName, isKnownGuard, isKnownNonGuard } from './known-guards.js';

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
    ['@clerk/express', 'requireAuth', undefined, true],
    ['@clerk/express', 'clerkMiddleware', undefined, false],
    ['express-oauth2-jwt-bearer', 'auth', undefined, true],
    ['express-oauth2-jwt-bearer', 'requiredScopes', undefined, true],
    ['express-oauth2-jwt-bearer', 'claimCheck', undefined, true],
    ['express-oauth2-jwt-bearer', 'InsufficientScopeError', undefined, false],
    ['keycloak-connect', 'default', 'protect', true],
    ['keycloak-connect', 'default', 'middleware', false],
  ] as const)('%s %s %s -> %s', (specifier, imported, member, expected) => {
    expect(isKnownGuard(specifier, imported, member)).toBe(expected);
  });
});

describe('isAuthLikeName (only for definitions the scan cannot read)', () => {
  it.each(['requireAuth', 'authenticate', 'verifyToken', 'checkAdmin', 'isAuthenticated', 'adminOnly', 'jwtGuard', 'ensureLoggedIn'])('%s counts', (name) => {
    expect(isAuthLikeName(name)).toBe(true);
  });
  it.each(['cors', 'helmet', 'csrfProtection', 'rateLimitGuard', 'hostGuard', 'requestLogger', 'validateBody', 'session', 'optionalAuth', 'maybeAuthenticate', 'softJwt'])('%s does not', (name) => {
    expect(isAuthLikeName(name)).toBe(false);
  });
});

describe('isKnownNonGuard', () => {
  it.each([
    ['@clerk/express', 'clerkMiddleware', true],
    ['@clerk/clerk-sdk-node', 'ClerkExpressWithAuth', true],
    ['@clerk/clerk-sdk-node', 'ClerkExpressRequireAuth', false],
    ['express-bearer-token', 'default', true],
    ['express-bearer-token', '*', true],
    ['@nestjs/swagger', 'ApiBearerAuth', true],
    ['@nestjs/swagger', 'ApiUnauthorizedResponse', true],
  ] as const)('%s %s -> %s', (specifier, imported, expected) => {
    expect(isKnownNonGuard(specifier, imported, undefined)).toBe(expected);
  });
  it('counts every export of a documentation package, through a namespace too (compiled swagger_1.ApiBearerAuth)', () => {
    expect(isKnownNonGuard('@nestjs/swagger', '*', 'ApiOAuth2')).toBe(true);
  });
});
