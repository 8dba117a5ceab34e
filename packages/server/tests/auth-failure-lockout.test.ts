import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import { createScanRunner } from '../src/tools/scan-runner.js';
import { INITIALIZE, issueToken, MCP_HEADERS } from './harness/mcp-requests.js';
import { ADMIN_KEY, startTestServer, type TestServer } from './harness/start-test-server.js';

const BUDGET = 3;

/**
 * Two instances share one Redis. The test reaches them through a "proxy" (loopback is trusted), so
 * X-Forwarded-For names the peer and several peers can be told apart.
 */
describe('failed-authentication lockout: refused before any credential is checked, on every instance', () => {
  let redis: RedisTestServer;
  let a: TestServer;
  let b: TestServer;
  const scanner = createScanRunner();
  const env = { TRUSTED_PROXIES: '127.0.0.1', RATE_LIMITS: `auth_failure=${BUDGET}/60,admin=1000/60,mcp=1000/60` };

  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([startTestServer({ redisUrl: redis.url, scanner, env }), startTestServer({ redisUrl: redis.url, scanner, env })]);
  });
  beforeEach(async () => {
    await a.redis?.flushall();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scanner.close();
    await redis?.stop();
  });

  const mcp = (server: TestServer, peer: string, token: string) =>
    fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, authorization: `Bearer ${token}`, 'x-forwarded-for': peer }, body: INITIALIZE });
  const admin = (server: TestServer, peer: string, key: string) => fetch(`${server.url}/admin/tokens`, { headers: { 'x-api-key': key, 'x-forwarded-for': peer } });
  const useCountOf = async (id: string) => (await a.stores.tokens.list(Date.now())).find((t) => t.id === id)?.useCount ?? 0;

  it('a peer that spent its budget on one instance gets 429 on another, even with a valid token, which is not even looked up', async () => {
    const { id, token } = await issueToken(a.url);
    for (let i = 0; i < BUDGET; i++) expect((await mcp(a, '203.0.113.7', `sgt_guess${i}`)).status).toBe(401);
    const auditedBefore = (await a.stores.audit.list({ limit: 1000 })).length;

    const refused = await mcp(b, '203.0.113.7', token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-policy')).toBe(`${BUDGET};w=60`);
    expect(await refused.json()).toEqual({ error: 'rate_limited', message: 'Too many requests; retry later.' });
    // The store never saw the token: its use count did not move, and the refusal is not audited.
    expect(await useCountOf(id)).toBe(0);
    expect((await mcp(a, '203.0.113.7', 'sgt_one-more-guess')).status).toBe(429);
    expect((await a.stores.audit.list({ limit: 1000 })).length).toBe(auditedBefore);

    // The lockout is per peer: another client with the same token is served.
    expect((await mcp(b, '198.51.100.20', token)).status).toBe(200);
    expect(await useCountOf(id)).toBe(1);
  });

  it('one budget per peer across /admin and /mcp: admin failures lock /mcp out, mcp failures lock /admin out', async () => {
    const { token } = await issueToken(a.url);
    for (let i = 0; i < BUDGET; i++) expect((await admin(a, '203.0.113.8', `wrong-admin-key-${i}-padding-to-32-chars`)).status).toBe(401);
    expect((await admin(b, '203.0.113.8', ADMIN_KEY)).status).toBe(429);
    expect((await mcp(b, '203.0.113.8', token)).status).toBe(429);

    for (let i = 0; i < BUDGET; i++) expect((await mcp(b, '203.0.113.9', `sgt_guess${i}`)).status).toBe(401);
    expect((await admin(a, '203.0.113.9', ADMIN_KEY)).status).toBe(429);
    expect((await admin(a, '198.51.100.21', ADMIN_KEY)).status).toBe(200);
  });
});
