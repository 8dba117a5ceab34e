import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import { createScanRunner } from '../src/tools/scan-runner.js';
import { INITIALIZE, issueToken, MCP_HEADERS, mcpCall, openSession, rpc } from './harness/mcp-requests.js';
import { ADMIN_KEY, startTestServer, type TestServer } from './harness/start-test-server.js';

describe('three instances on different ports sharing one Redis', () => {
  let redis: RedisTestServer;
  let instances: TestServer[];
  const scanner = createScanRunner();

  beforeAll(async () => {
    redis = await startRedis();
    const env = { RATE_LIMITS: 'mcp=12/60,admin=1000/60' };
    instances = await Promise.all([0, 1, 2].map(() => startTestServer({ redisUrl: redis.url, scanner, env })));
    expect(new Set(instances.map((i) => i.url)).size).toBe(3);
  });
  afterAll(async () => {
    await Promise.all(instances?.map((i) => i.close()) ?? []);
    await scanner.close();
    await redis?.stop();
  });

  it('a token revoked through one instance is refused by the others at once', async () => {
    const [a, b, c] = instances as [TestServer, TestServer, TestServer];
    const { id, token } = await issueToken(a.url);
    const sessionOnB = await openSession(b.url, token);
    expect((await mcpCall(c.url, token, sessionOnB, rpc('ping'))).status).toBe(200);

    const revoked = await fetch(`${a.url}/admin/tokens/${id}`, { method: 'DELETE', headers: { 'x-api-key': ADMIN_KEY } });
    expect(revoked.status).toBe(204);
    // No delay, no cache to expire: the very next request on each instance is refused.
    expect((await mcpCall(b.url, token, sessionOnB, rpc('ping'))).status).toBe(401);
    expect((await mcpCall(c.url, token, sessionOnB, rpc('ping'))).status).toBe(401);
    const listed = (await (await fetch(`${c.url}/admin/tokens`, { headers: { 'x-api-key': ADMIN_KEY } })).json()) as { tokens: { id: string }[] };
    expect(listed.tokens.map((t) => t.id)).not.toContain(id);
  });

  it('counts one principal’s rate limit across all three', async () => {
    const urls = instances.map((i) => i.url);
    const { token } = await issueToken(urls[0] ?? '', { subject: 'limited', scopes: ['mcp'] });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const response = await fetch(`${urls[i % 3]}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, authorization: `Bearer ${token}` }, body: INITIALIZE });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(response.headers.get('ratelimit-remaining')).toBe('0');
      }
    }
    // 12 per minute in total: each instance alone saw only 4 or 5 requests.
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(12)).toEqual([429, 429, 429]);
  });

  it('a session opened on one instance continues on another with the SDK client', async () => {
    const [a, b, c] = instances as [TestServer, TestServer, TestServer];
    const { token } = await issueToken(a.url, { subject: 'roaming', scopes: ['mcp'] });
    const client = new Client({ name: 'roaming-client', version: '1.0.0' });
    const first = new StreamableHTTPClientTransport(new URL(`${a.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
    await client.connect(first);
    const sessionId = first.sessionId;
    expect(sessionId).toMatch(/^[\x21-\x7e]{22}$/);

    // The load balancer now sends the same session to instance 2, which has never seen it.
    for (const other of [b, c]) {
      const response = await mcpCall(other.url, token, sessionId ?? '', rpc('tools/list'));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: { tools: { name: string }[] } };
      expect(body.result.tools.map((t) => t.name)).toContain('scan_source');
    }
    // Ending it on instance 3 ends it everywhere.
    const ended = await fetch(`${c.url}/mcp`, { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'mcp-session-id': sessionId ?? '' } });
    expect(ended.status).toBe(204);
    expect((await mcpCall(a.url, token, sessionId ?? '', rpc('tools/list'))).status).toBe(404);
    await client.close();
  });
});
