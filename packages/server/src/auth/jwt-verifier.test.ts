import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, ISSUER, startJwksServer, type JwksServer } from '../../tests/harness/jwks-server.js';
import { HttpError } from '../http-error.js';
import { createJwtVerifier, looksLikeJwt } from './jwt-verifier.js';

describe('createJwtVerifier', () => {
  let jwks: JwksServer;
  beforeAll(async () => {
    jwks = await startJwksServer();
  });
  afterAll(async () => jwks?.close());

  it('maps a valid token to a stable principal with its scopes', async () => {
    const verify = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwksUrl: jwks.jwksUrl }, clock: Date.now });
    const first = await verify(await jwks.sign({ sub: 'user-1', scope: 'mcp read' }));
    const again = await verify(await jwks.sign({ sub: 'user-1', scope: 'mcp' }));
    expect(first).toMatchObject({ kind: 'oauth', subject: 'user-1', scopes: ['mcp', 'read'] });
    expect(first?.id).toMatch(/^oauth:[A-Za-z0-9_-]{32}$/);
    expect(again?.id).toBe(first?.id);
    expect(first?.id).not.toContain('user-1');
  });

  it('accepts only the configured typ values', async () => {
    const strict = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwksUrl: jwks.jwksUrl }, clock: Date.now });
    const relaxed = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwksUrl: jwks.jwksUrl }, clock: Date.now, tokenTypes: ['at+jwt', 'JWT'] });
    const typedJwt = await jwks.sign({}, { header: { typ: 'jwt' } });
    expect(await strict(typedJwt)).toBeUndefined();
    expect(await relaxed(typedJwt)).toMatchObject({ kind: 'oauth' });
    expect(await relaxed(await jwks.sign({}, { header: { typ: undefined } }))).toBeUndefined();
  });

  it('judges time against the injected clock', async () => {
    const token = await jwks.sign({}, { expiresIn: '1h' });
    const later = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwksUrl: jwks.jwksUrl }, clock: () => Date.now() + 2 * 3600_000 });
    expect(await later(token)).toBeUndefined();
  });

  it('answers 503 (not 401) when the key set cannot be fetched', async () => {
    const verify = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwksUrl: 'http://127.0.0.1:1/jwks.json' }, clock: Date.now });
    const failure = await verify(await jwks.sign()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpError);
    expect((failure as HttpError).status).toBe(503);
  });

  it('tells JWTs from opaque API tokens by shape', () => {
    expect(looksLikeJwt('a.b.c')).toBe(true);
    expect(looksLikeJwt('sgt_abc')).toBe(false);
  });
});
