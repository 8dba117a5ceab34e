import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { HttpError } from '../http-error.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';
import { tamperedAsMissing } from '../storage/tampered-as-missing.js';
import type { TokenStore } from '../storage/token-store.js';
import type { AuthFailures } from './auth-failure.js';
import { looksLikeJwt, type JwtVerifier } from './jwt-verifier.js';
import { parseBearer } from './parse-bearer.js';
import type { AuthVariables, Principal } from './principal.js';

export interface BearerAuthOptions {
  tokens: TokenStore;
  /** Present when OAuth is configured; without it only API tokens are accepted. */
  verifyJwt?: JwtVerifier;
  requiredScope: string;
  /** RFC 9728 metadata URL advertised in WWW-Authenticate so clients can discover the AS. */
  resourceMetadataUrl: string;
  failures: AuthFailures;
  clock: () => number;
}

/**
 * Authenticates /mcp: an opaque API token checked against the store on every request (so revocation
 * is immediate everywhere) or an OAuth access token verified as a JWT. No cache: a store outage
 * fails the request (503) instead of trusting a stale copy.
 */
export function createBearerAuth(options: BearerAuthOptions): MiddlewareHandler<{ Variables: ObservabilityVariables & AuthVariables }> {
  const challenge = (extra = '') => ({
    'WWW-Authenticate': `Bearer resource_metadata="${options.resourceMetadataUrl}"${extra}`,
  });

  const authenticate = async (token: string, log: Logger): Promise<Principal | undefined> => {
    if (looksLikeJwt(token)) return options.verifyJwt?.(token);
    const record = await options.tokens.verify(token, options.clock()).catch(tamperedAsMissing(log, 'tokens'));
    return record && { id: `token:${record.id}`, kind: 'api-token', subject: record.subject, scopes: record.scopes };
  };

  return async function bearerAuth(c, next) {
    const header = c.req.header('authorization');
    const token = parseBearer(header);
    if (token === undefined) {
      await options.failures.record(c, header === undefined ? 'bearer_missing' : 'bearer_malformed');
      throw new HttpError(401, 'unauthorized', 'Authentication required.', header === undefined ? challenge() : challenge(', error="invalid_token"'));
    }
    const principal = await authenticate(token, c.get('log'));
    if (!principal) {
      await options.failures.record(c, 'bearer_invalid');
      throw new HttpError(401, 'invalid_token', 'The access token is invalid or expired.', challenge(', error="invalid_token"'));
    }
    if (!principal.scopes.includes(options.requiredScope)) {
      c.get('log').warn({ event: 'auth_failure', reason: 'insufficient_scope', principal: principal.id }, 'insufficient scope');
      throw new HttpError(403, 'insufficient_scope', `The token lacks the "${options.requiredScope}" scope.`, challenge(`, error="insufficient_scope", scope="${options.requiredScope}"`));
    }
    c.set('principal', principal);
    await next();
  };
}
