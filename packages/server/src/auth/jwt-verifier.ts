import { createHash } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { HttpError } from '../http-error.js';
import type { Principal } from './principal.js';

export interface JwtVerifierOptions {
  issuer: string;
  audience: string;
  /** A key set getter; production passes a remote JWKS, tests may pass a local one. */
  keys: { jwksUrl: string } | { getKey: JWTVerifyGetKey };
  clock: () => number;
  /** Accepted `typ` header values, compared without case and without an `application/` prefix. */
  tokenTypes?: readonly string[];
}

export type JwtVerifier = (token: string) => Promise<Principal | undefined>;

const DEFAULTS = {
  /** Asymmetric only: no `none`, and no HS* that would let a public key act as an HMAC secret. */
  algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'],
  maxBytes: 8192,
  maxLifetimeSeconds: 86_400,
  clockToleranceSeconds: 30,
  /**
   * RFC 9068 §4: an access token says so in its header, which keeps ID tokens and other JWTs from
   * the same issuer (signed by the same keys) from being replayed here as access tokens.
   */
  tokenTypes: ['at+jwt'],
};

/** A JWT has three base64url parts; opaque API tokens never contain a dot. */
export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}

/**
 * jose's jwtVerify with every check explicit: hono/jwt's defaults accept tokens without `exp` and
 * with any `aud`. Returns undefined for any invalid token; a JWKS outage throws a 503.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const getKey = 'getKey' in options.keys ? options.keys.getKey : createRemoteJWKSet(new URL(options.keys.jwksUrl), { timeoutDuration: 2000 });
  const tokenTypes = new Set((options.tokenTypes ?? DEFAULTS.tokenTypes).map(normalizeTyp));
  return async function verifyJwt(token) {
    if (Buffer.byteLength(token) > DEFAULTS.maxBytes) return undefined;
    const now = options.clock();
    try {
      const { payload, protectedHeader } = await jwtVerify(token, getKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: DEFAULTS.algorithms,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: DEFAULTS.clockToleranceSeconds,
        currentDate: new Date(now),
      });
      const isAccessToken = typeof protectedHeader.typ === 'string' && tokenTypes.has(normalizeTyp(protectedHeader.typ));
      return isAccessToken && hasSaneTimes(payload, now / 1000) ? principalOf(payload, options.issuer) : undefined;
    } catch (error) {
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) return undefined;
      // The key set could not be fetched: fail closed without blaming the client's token.
      throw new HttpError(503, 'auth_unavailable', 'Token verification is temporarily unavailable.');
    }
  };
}

function hasSaneTimes(payload: JWTPayload, nowSeconds: number): boolean {
  const { exp, iat, nbf } = payload;
  if (typeof exp !== 'number') return false;
  if (typeof iat === 'number' && iat > nowSeconds + DEFAULTS.clockToleranceSeconds) return false;
  const start = typeof iat === 'number' ? iat : typeof nbf === 'number' ? nbf : nowSeconds;
  return exp - start <= DEFAULTS.maxLifetimeSeconds;
}

/** RFC 7515 §4.1.9: `typ` is a media type, so case does not matter and `application/` may be left out. */
function normalizeTyp(typ: string): string {
  return typ.toLowerCase().replace(/^application\//, '');
}

function principalOf(payload: JWTPayload, issuer: string): Principal {
  const subject = String(payload.sub);
  const id = createHash('sha256').update(`${issuer}\n${subject}`).digest('base64url').slice(0, 32);
  return { id: `oauth:${id}`, kind: 'oauth', subject, scopes: scopesOf(payload) };
}

/**
 * RFC 9068 §2.2.3: `scope`, a space-separated string. Some authorization servers (Okta, Entra ID)
 * send `scp` instead, as an array or a string; it counts only when `scope` is absent. A claim of any
 * other shape grants nothing.
 */
function scopesOf(payload: JWTPayload): string[] {
  const { scope, scp } = payload;
  if (scope !== undefined) return typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
  if (typeof scp === 'string') return scp.split(' ').filter(Boolean);
  return Array.isArray(scp) ? scp.filter((s): s is string => typeof s === 'string') : [];
}
