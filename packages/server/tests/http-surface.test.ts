import { describe, expect, it } from 'vitest';
import { issueToken, mcpCall, openSession, rpc } from './harness/mcp-requests.js';
import { rawRequest } from './harness/raw-request.js';
import { serverOnRedis } from './harness/server-on-redis.js';
import { ADMIN_KEY, ALLOWED_ORIGIN } from './harness/start-test-server.js';

const admin = { 'x-api-key': ADMIN_KEY, 'content-type': 'application/json' };

describe('HTTP surface', () => {
  const live = serverOnRedis();

  it('sends the security headers on every kind of response', async () => {
    const responses = await Promise.all([
      fetch(`${live.server.url}/health`),
      fetch(`${live.server.url}/nowhere`),
      fetch(`${live.server.url}/admin/tokens`),
      fetch(`${live.server.url}/mcp`, { method: 'POST' }),
      fetch(`${live.server.url}/admin/tokens`, { headers: admin }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 404, 401, 401, 200]);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('server')).toBeNull();
      // Outside production there is no HSTS (plain-http development would be pinned for years).
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(Object.keys((await response.json()) as object)).toEqual(expect.arrayContaining(response.ok ? [] : ['error', 'message']));
    }
  });

  it('serves health, readiness and RFC 9728 metadata without leaking details', async () => {
    expect(await (await fetch(`${live.server.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${live.server.url}/ready`)).status).toBe(200);
    expect(await (await fetch(`${live.server.url}/.well-known/oauth-protected-resource/mcp`)).json()).toEqual({
      resource: 'http://127.0.0.1:3000/mcp',
      authorization_servers: [],
      bearer_methods_supported: ['header'],
      scopes_supported: ['mcp'],
    });
    expect(((await (await fetch(`${live.server.url}/.well-known/oauth-protected-resource`)).json()) as { resource: string }).resource).toBe('http://127.0.0.1:3000');
  });

  it('answers a CORS preflight from an allowed origin with the explicit lists', async () => {
    const response = await rawRequest(live.server.url, {
      method: 'OPTIONS',
      path: '/mcp',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, mcp-session-id' },
    });
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(response.headers['access-control-allow-methods']).toBe('GET,POST,DELETE,OPTIONS');
    expect(String(response.headers['access-control-allow-headers'])).toContain('Mcp-Session-Id');
  });

  it('issues, lists and revokes tokens without ever returning a token again', async () => {
    const issued = await issueToken(live.server.url, { subject: 'listed', scopes: ['mcp', 'read'], ttlSeconds: 600 });
    expect(issued.token).toMatch(/^sgt_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(590_000);
    const listText = await (await fetch(`${live.server.url}/admin/tokens`, { headers: admin })).text();
    expect(listText).not.toContain(issued.token);
    const listed = (JSON.parse(listText) as { tokens: Record<string, unknown>[] }).tokens.find((t) => t.id === issued.id);
    expect(Object.keys(listed ?? {}).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'scopes', 'subject', 'useCount']);
    expect((await fetch(`${live.server.url}/admin/tokens/${issued.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await fetch(`${live.server.url}/admin/tokens/${issued.id}`, { method: 'DELETE', headers: admin })).status).toBe(404);
  });

  it.each([
    ['no scopes', { subject: 'x', scopes: [] }],
    ['an unknown field', { subject: 'x', scopes: ['mcp'], admin: true }],
    ['a __proto__ field', JSON.parse('{"subject":"x","scopes":["mcp"],"__proto__":{"admin":true}}') as object],
    ['a too-short ttl', { subject: 'x', scopes: ['mcp'], ttlSeconds: 5 }],
    ['a scope with a space', { subject: 'x', scopes: ['mcp admin'] }],
  ])('refuses to issue a token with %s', async (_name, body) => {
    const response = await fetch(`${live.server.url}/admin/tokens`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
    expect(response.status).toBe(400);
  });

  it('lists sessions by handle and ends one from the admin API', async () => {
    const { token } = await issueToken(live.server.url);
    const sessionId = await openSession(live.server.url, token);
    const { sessions } = (await (await fetch(`${live.server.url}/admin/sessions`, { headers: admin })).json()) as { sessions: { id: string; principal: string }[] };
    expect(sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(sessions)).not.toContain(sessionId);
    for (const session of sessions) expect((await fetch(`${live.server.url}/admin/sessions/${session.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect((await mcpCall(live.server.url, token, sessionId, rpc('ping'))).status).toBe(404);
  });

  it('ends only its own session with DELETE /mcp and refuses GET streams', async () => {
    const { token } = await issueToken(live.server.url);
    const other = await issueToken(live.server.url, { subject: 'other', scopes: ['mcp'] });
    const sessionId = await openSession(live.server.url, token);
    const foreignDelete = await fetch(`${live.server.url}/mcp`, { method: 'DELETE', headers: { authorization: `Bearer ${other.token}`, 'mcp-session-id': sessionId } });
    expect(foreignDelete.status).toBe(404);
    expect((await mcpCall(live.server.url, token, sessionId, rpc('ping'))).status).toBe(200);
    const stream = await fetch(`${live.server.url}/mcp`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'mcp-session-id': sessionId } });
    expect(stream.status).toBe(405);
    expect((await fetch(`${live.server.url}/mcp`, { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'mcp-session-id': sessionId } })).status).toBe(204);
    expect((await mcpCall(live.server.url, token, sessionId, rpc('ping'))).status).toBe(404);
  });

  it('negotiates 2025-06-18 when asked and offers 2025-11-25 for versions it does not serve', async () => {
    const { token } = await issueToken(live.server.url);
    const versionOf = async (requested: string) => {
      const response = await fetch(`${live.server.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` },
        body: rpc('initialize', { protocolVersion: requested, capabilities: {}, clientInfo: { name: 't', version: '1' } }),
      });
      return ((await response.json()) as { result: { protocolVersion: string } }).result.protocolVersion;
    };
    expect(await versionOf('2025-06-18')).toBe('2025-06-18');
    expect(await versionOf('2024-11-05')).toBe('2025-11-25');
  });
});
