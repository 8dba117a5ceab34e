import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import { createJwtVerifier } from '../src/auth/jwt-verifier.js';
import { createScanRunner } from '../src/tools/scan-runner.js';
import { AUDIENCE, ISSUER, startJwksServer, type JwksServer } from './harness/jwks-server.js';
import { INITIALIZE, issueToken, MCP_HEADERS, openSession, rpc } from './harness/mcp-requests.js';
import { rawRequest } from './harness/raw-request.js';
import { serverOnRedis } from './harness/server-on-redis.js';
import { ADMIN_KEY, ALLOWED_ORIGIN, startTestServer, type TestServer } from './harness/start-test-server.js';

interface Fixtures {
  token: string;
  otherToken: string;
  noScopeToken: string;
  otherSession: string;
  jwks: JwksServer;
}

interface Row {
  name: string;
  method?: string;
  path: string | ((f: Fixtures) => Promise<string> | string);
  headers?: (f: Fixtures) => Promise<Record<string, string>> | Record<string, string>;
  body?: string | Buffer;
  expected: number;
  /** Extra checks on the response beyond the status. */
  check?: (response: { headers: Record<string, unknown>; body: string }) => void;
}

const admin = (headers: Record<string, string> = {}) => () => headers;
const bearer = (pick: (f: Fixtures) => Promise<string> | string, extra: Record<string, string> = {}) => async (f: Fixtures) => ({
  ...MCP_HEADERS,
  authorization: `Bearer ${await pick(f)}`,
  ...extra,
});
const jwt = (claims: Record<string, unknown> = {}, options: Parameters<JwksServer['sign']>[1] = {}) => (f: Fixtures) => f.jwks.sign(claims, options);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function hs256WithPublicKey(f: Fixtures): Promise<string> {
  // Key confusion: an attacker signs HS256 using the public key (which anyone can fetch) as the secret.
  const { createHmac } = await import('node:crypto');
  const header = base64url({ alg: 'HS256', typ: 'JWT', kid: 'test-key' });
  const payload = base64url({ iss: ISSUER, aud: AUDIENCE, sub: 'mallory', scope: 'mcp', iat: nowSeconds(), exp: nowSeconds() + 600 });
  const signature = createHmac('sha256', JSON.stringify(f.jwks.publicJwk)).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

const unauthorizedRows: Row[] = [
  // Admin API: only the admin key opens it, through any spelling of the path.
  { name: 'admin without credential', path: '/admin/tokens', expected: 401, check: (r) => expect(JSON.parse(r.body)).toEqual({ error: 'unauthorized', message: 'Authentication required.' }) },
  { name: 'admin with a wrong X-API-Key', path: '/admin/tokens', headers: admin({ 'x-api-key': `${ADMIN_KEY}x` }), expected: 401 },
  { name: 'admin with a wrong bearer key', path: '/admin/tokens', headers: admin({ authorization: 'Bearer not-the-admin-key-but-long-enough-000000' }), expected: 401 },
  { name: 'admin with an API token', path: '/admin/tokens', headers: async (f) => ({ authorization: `Bearer ${f.token}` }), expected: 401 },
  { name: 'admin with a valid OAuth token', path: '/admin/tokens', headers: async (f) => ({ authorization: `Bearer ${await f.jwks.sign()}` }), expected: 401 },
  { name: 'admin with trailing slash', path: '/admin/tokens/', expected: 401 },
  { name: 'admin percent-encoded', path: '/%61dmin/tokens', expected: 401 },
  { name: 'admin double percent-encoded', path: '/%2561dmin/tokens', expected: 401 },
  { name: 'admin with encoded slash', path: '/admin%2ftokens', expected: 401 },
  { name: 'admin through a dot segment', path: '/x/../admin/tokens', expected: 401 },
  { name: 'admin with a double slash', path: '//admin/tokens', expected: 401 },
  { name: 'admin in upper case', path: '/ADMIN/tokens', expected: 401 },
  // Node's HTTP parser refuses a backslash in the request target before any routing.
  { name: 'admin with a backslash', path: '/admin\\tokens', expected: 400 },
  { name: 'admin HEAD', method: 'HEAD', path: '/admin/tokens', expected: 401 },
  { name: 'admin OPTIONS preflight', method: 'OPTIONS', path: '/admin/tokens', headers: admin({ origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' }), expected: 401 },
  { name: 'admin revoke without credential', method: 'DELETE', path: '/admin/tokens/0123456789abcdef0123456789abcdef', expected: 401 },
  { name: 'admin audit verify without credential', path: '/admin/audit/verify', expected: 401 },
  { name: 'admin key in the query string', path: `/admin/tokens?api_key=${ADMIN_KEY}`, expected: 400 },
  { name: 'admin with the right key (control)', path: '/admin/tokens', headers: admin({ 'x-api-key': ADMIN_KEY }), expected: 200 },
  { name: 'admin bearer key in odd case (control)', path: '/admin/tokens', headers: admin({ authorization: `bEaReR ${ADMIN_KEY}` }), expected: 200 },
];

const mcpRows: Row[] = [
  { name: 'mcp with an API token (control)', method: 'POST', path: '/mcp', headers: bearer((f) => f.token), body: INITIALIZE, expected: 200 },
  { name: 'mcp token in the query string', method: 'POST', path: (f) => `/mcp?access_token=${f.token}`, headers: () => MCP_HEADERS, body: INITIALIZE, expected: 400 },
  { name: 'mcp with a revoked-looking random token', method: 'POST', path: '/mcp', headers: bearer(() => 'sgt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), body: INITIALIZE, expected: 401, check: (r) => expect(r.headers['www-authenticate']).toContain('error="invalid_token"') },
  { name: 'mcp token without the mcp scope', method: 'POST', path: '/mcp', headers: bearer((f) => f.noScopeToken), body: INITIALIZE, expected: 403, check: (r) => expect(r.headers['www-authenticate']).toContain('error="insufficient_scope"') },
  // OAuth access tokens: every claim checked explicitly.
  { name: 'jwt valid (control)', method: 'POST', path: '/mcp', headers: bearer(jwt()), body: INITIALIZE, expected: 200 },
  { name: 'jwt alg none', method: 'POST', path: '/mcp', headers: bearer(() => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ iss: ISSUER, aud: AUDIENCE, sub: 'mallory', scope: 'mcp', exp: nowSeconds() + 600 })}.`), body: INITIALIZE, expected: 401 },
  { name: 'jwt HS256 signed with the public key', method: 'POST', path: '/mcp', headers: bearer(hs256WithPublicKey), body: INITIALIZE, expected: 401 },
  { name: 'jwt wrong aud', method: 'POST', path: '/mcp', headers: bearer(jwt({ aud: 'https://other.example/mcp' })), body: INITIALIZE, expected: 401 },
  { name: 'jwt wrong iss', method: 'POST', path: '/mcp', headers: bearer(jwt({ iss: 'https://evil.example' })), body: INITIALIZE, expected: 401 },
  { name: 'jwt without exp', method: 'POST', path: '/mcp', headers: bearer(jwt({}, { expiresIn: null })), body: INITIALIZE, expected: 401 },
  { name: 'jwt expired', method: 'POST', path: '/mcp', headers: bearer(jwt({ iat: nowSeconds() - 7200 }, { expiresIn: nowSeconds() - 3600 })), body: INITIALIZE, expected: 401 },
  { name: 'jwt nbf in the future', method: 'POST', path: '/mcp', headers: bearer(jwt({ nbf: nowSeconds() + 3600 })), body: INITIALIZE, expected: 401 },
  { name: 'jwt iat in the future', method: 'POST', path: '/mcp', headers: bearer(jwt({ iat: nowSeconds() + 3600 }, { expiresIn: nowSeconds() + 7200 })), body: INITIALIZE, expected: 401 },
  { name: 'jwt living longer than 24 h', method: 'POST', path: '/mcp', headers: bearer(jwt({}, { expiresIn: '48h' })), body: INITIALIZE, expected: 401 },
  { name: 'jwt over 8 KiB', method: 'POST', path: '/mcp', headers: bearer(jwt({ padding: 'x'.repeat(9000) })), body: INITIALIZE, expected: 401 },
  { name: 'jwt without the mcp scope', method: 'POST', path: '/mcp', headers: bearer(jwt({ scope: 'read' })), body: INITIALIZE, expected: 403 },
  // RFC 9068 typ: an ID token (or any other JWT) from the same issuer and keys is not an access token.
  { name: 'jwt typed JWT (an ID token, not an access token)', method: 'POST', path: '/mcp', headers: bearer(jwt({}, { header: { typ: 'JWT' } })), body: INITIALIZE, expected: 401, check: (r) => expect(r.headers['www-authenticate']).toContain('error="invalid_token"') },
  { name: 'jwt without typ', method: 'POST', path: '/mcp', headers: bearer(jwt({}, { header: { typ: undefined } })), body: INITIALIZE, expected: 401 },
  { name: 'jwt typed as a logout token', method: 'POST', path: '/mcp', headers: bearer(jwt({}, { header: { typ: 'logout+jwt' } })), body: INITIALIZE, expected: 401 },
  { name: 'jwt typed application/at+jwt (control)', method: 'POST', path: '/mcp', headers: bearer(jwt({}, { header: { typ: 'application/AT+JWT' } })), body: INITIALIZE, expected: 200 },
  // Scopes: `scope` (space-separated) or, only without it, `scp` (array or string); exact tokens.
  { name: 'jwt scp array with mcp (control)', method: 'POST', path: '/mcp', headers: bearer(jwt({ scope: undefined, scp: ['read', 'mcp'] })), body: INITIALIZE, expected: 200 },
  { name: 'jwt scp string with mcp (control)', method: 'POST', path: '/mcp', headers: bearer(jwt({ scope: undefined, scp: 'read mcp' })), body: INITIALIZE, expected: 200 },
  { name: 'jwt scope as an array', method: 'POST', path: '/mcp', headers: bearer(jwt({ scope: ['mcp'] })), body: INITIALIZE, expected: 403, check: (r) => expect(r.headers['www-authenticate']).toContain('error="insufficient_scope"') },
  { name: 'jwt scope with look-alikes of mcp', method: 'POST', path: '/mcp', headers: bearer(jwt({ scope: 'mcp:admin mcpx MCP' })), body: INITIALIZE, expected: 403 },
  { name: 'jwt scope without mcp and scp with it', method: 'POST', path: '/mcp', headers: bearer(jwt({ scope: 'read', scp: ['mcp'] })), body: INITIALIZE, expected: 403 },
  { name: 'jwt scp array holding a non-string', method: 'POST', path: '/mcp', headers: bearer(jwt({ scope: undefined, scp: [{ mcp: true }, 'read'] })), body: INITIALIZE, expected: 403 },
  // Bearer scheme spelling (RFC 6750: case-insensitive scheme, one or more spaces, one b64token).
  { name: 'bearer in lower case', method: 'POST', path: '/mcp', headers: async (f) => ({ ...MCP_HEADERS, authorization: `bearer ${f.token}` }), body: INITIALIZE, expected: 200 },
  { name: 'bearer in upper case with two spaces', method: 'POST', path: '/mcp', headers: async (f) => ({ ...MCP_HEADERS, authorization: `BEARER  ${f.token}` }), body: INITIALIZE, expected: 200 },
  { name: 'bearer with a tab', method: 'POST', path: '/mcp', headers: async (f) => ({ ...MCP_HEADERS, authorization: `Bearer\t${f.token}` }), body: INITIALIZE, expected: 401 },
  { name: 'bearer with two tokens', method: 'POST', path: '/mcp', headers: async (f) => ({ ...MCP_HEADERS, authorization: `Bearer ${f.token} ${f.token}` }), body: INITIALIZE, expected: 401 },
  { name: 'bearer glued to the token', method: 'POST', path: '/mcp', headers: async (f) => ({ ...MCP_HEADERS, authorization: `Bearer${f.token}` }), body: INITIALIZE, expected: 401 },
  { name: 'basic scheme carrying a token', method: 'POST', path: '/mcp', headers: async (f) => ({ ...MCP_HEADERS, authorization: `Basic ${f.token}` }), body: INITIALIZE, expected: 401 },
  { name: 'admin key as an MCP token', method: 'POST', path: '/mcp', headers: bearer(() => ADMIN_KEY), body: INITIALIZE, expected: 401 },
  // Sessions belong to the principal that opened them.
  { name: "another principal's Mcp-Session-Id", method: 'POST', path: '/mcp', headers: bearer((f) => f.token, {}), body: rpc('tools/list'), expected: 404 },
  { name: 'an unknown Mcp-Session-Id', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { 'mcp-session-id': 'AAAAAAAAAAAAAAAAAAAAAA', 'mcp-protocol-version': '2025-11-25' }), body: rpc('tools/list'), expected: 404 },
  { name: 'a non-initialize request without a session', method: 'POST', path: '/mcp', headers: bearer((f) => f.token), body: rpc('tools/list'), expected: 400 },
  // Browser-facing transport safety.
  { name: 'allowed Origin (control)', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { origin: ALLOWED_ORIGIN }), body: INITIALIZE, expected: 200, check: (r) => expect(r.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN) },
  { name: 'look-alike Origin', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { origin: 'https://allowed.example.evil.com' }), body: INITIALIZE, expected: 403 },
  { name: 'Origin null', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { origin: 'null' }), body: INITIALIZE, expected: 403 },
  { name: 'Origin with another scheme', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { origin: 'http://allowed.example' }), body: INITIALIZE, expected: 403 },
  { name: 'Origin with another port', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { origin: 'https://allowed.example:8443' }), body: INITIALIZE, expected: 403 },
  { name: 'Origin prefix spoof', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { origin: 'https://allowed.example@evil.com' }), body: INITIALIZE, expected: 403 },
  { name: 'disallowed Origin preflight', method: 'OPTIONS', path: '/mcp', headers: () => ({ origin: 'https://evil.example', 'access-control-request-method': 'POST' }), expected: 403 },
  // Message-level limits.
  { name: '2 MiB body', method: 'POST', path: '/mcp', headers: bearer((f) => f.token), body: Buffer.alloc(2 * 1024 * 1024, 0x20), expected: 413 },
  { name: '2 MiB chunked body without Content-Length', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { 'transfer-encoding': 'chunked' }), body: Buffer.alloc(2 * 1024 * 1024, 0x20), expected: 413 },
  { name: 'JSON-RPC batch', method: 'POST', path: '/mcp', headers: bearer((f) => f.token), body: `[${INITIALIZE}]`, expected: 400, check: (r) => expect(JSON.parse(r.body).error.code).toBe(-32600) },
  { name: 'method outside the allow-list', method: 'POST', path: '/mcp', headers: bearer((f) => f.token), body: rpc('resources/list'), expected: 400, check: (r) => expect(JSON.parse(r.body).error.code).toBe(-32601) },
  { name: '__proto__ key', method: 'POST', path: '/mcp', headers: bearer((f) => f.token), body: '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"__proto__":{"isAdmin":true}}}', expected: 400 },
  { name: 'invalid MCP-Protocol-Version', method: 'POST', path: '/mcp', headers: bearer((f) => f.token, { 'mcp-protocol-version': '2024-11-05' }), body: INITIALIZE, expected: 400 },
  { name: 'not JSON', method: 'POST', path: '/mcp', headers: bearer((f) => f.token), body: '{"jsonrpc":', expected: 400 },
];

describe('attack table: each row is a request and the status it must get', () => {
  let redis: RedisTestServer;
  let server: TestServer;
  let fixtures: Fixtures;
  const scanner = createScanRunner();

  beforeAll(async () => {
    redis = await startRedis();
    const jwks = await startJwksServer();
    const verifyJwt = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwksUrl: jwks.jwksUrl }, clock: Date.now });
    // Generous limits: this table fails authentication on purpose, far more than 10 times a minute.
    server = await startTestServer({ redisUrl: redis.url, scanner, verifyJwt, env: { RATE_LIMITS: 'admin=10000/60,auth_failure=10000/60,mcp=10000/60' } });
    const token = (await issueToken(server.url)).token;
    const otherToken = (await issueToken(server.url, { subject: 'bob', scopes: ['mcp'] })).token;
    const noScopeToken = (await issueToken(server.url, { subject: 'carol', scopes: ['read'] })).token;
    fixtures = { token, otherToken, noScopeToken, otherSession: await openSession(server.url, otherToken), jwks };
  });
  afterAll(async () => {
    await server?.close();
    await fixtures?.jwks.close();
    await scanner.close();
    await redis?.stop();
  });

  it.each([...unauthorizedRows, ...mcpRows].map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const path = typeof row.path === 'function' ? await row.path(fixtures) : row.path;
    const headers = { ...(await row.headers?.(fixtures)) };
    if (row.name === "another principal's Mcp-Session-Id") Object.assign(headers, { 'mcp-session-id': fixtures.otherSession, 'mcp-protocol-version': '2025-11-25' });
    const response = await rawRequest(server.url, { method: row.method, path, headers, body: row.body });
    expect(response.status, response.body).toBe(row.expected);
    if (row.expected >= 400 && row.method !== 'HEAD') {
      expect(response.body).not.toMatch(/at \w+ \(|node_modules|Error:/);
    }
    row.check?.(response);
  });
});

describe('forged X-Forwarded-For from an untrusted peer', () => {
  const live = serverOnRedis();

  it('counts failed authentications per socket address, whatever X-Forwarded-For claims', async () => {
    const attempt = (path: string, headers: Record<string, string>, forwardedFor: string) =>
      rawRequest(live.server.url, { method: 'POST', path, headers: { ...MCP_HEADERS, ...headers, 'x-forwarded-for': forwardedFor }, body: INITIALIZE });
    for (let i = 0; i < 10; i++) {
      expect((await attempt('/mcp', { authorization: 'Bearer wrong' }, `203.0.113.${i}`)).status).toBe(401);
    }
    const dodged = await attempt('/mcp', { authorization: 'Bearer wrong-again' }, '198.51.100.77');
    expect(dodged.status).toBe(429);
    expect(Number(dodged.headers['retry-after'])).toBeGreaterThan(0);
    // The admin API refuses the blocked address before even comparing its key.
    expect((await attempt('/admin/tokens', { 'x-api-key': ADMIN_KEY }, '198.51.100.78')).status).toBe(429);
  });
});

describe('Host rebinding (ALLOWED_HOSTS set)', () => {
  let server: TestServer;
  const scanner = createScanRunner();
  beforeAll(async () => {
    server = await startTestServer({ scanner, env: { ALLOWED_HOSTS: 'mcp.example.com' } });
  });
  afterAll(async () => {
    await server?.close();
    await scanner.close();
  });

  it.each([
    ['the configured host (control)', 'mcp.example.com', 200],
    ['a rebinding attacker host', 'evil.example', 403],
    ['a look-alike host', 'mcp.example.com.evil.example', 403],
    ['the loopback address', '127.0.0.1', 403],
  ] as const)('%s', async (_name, host, expected) => {
    const response = await rawRequest(server.url, { path: '/health', headers: { host } });
    expect(response.status).toBe(expected);
  });
});
