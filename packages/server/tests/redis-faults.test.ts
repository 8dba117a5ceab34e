import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import { createScanRunner } from '../src/tools/scan-runner.js';
import { issueToken, mcpCall, openSession, rpc } from './harness/mcp-requests.js';
import { ADMIN_KEY, startTestServer, type TestServer } from './harness/start-test-server.js';

interface Timed {
  status: number;
  ms: number;
}

describe('Redis faults: fail closed, fast, and recover by themselves', () => {
  let redis: RedisTestServer;
  let server: TestServer;
  const scanner = createScanRunner();

  beforeAll(async () => {
    redis = await startRedis();
    server = await startTestServer({ redisUrl: redis.url, scanner, env: { RATE_LIMITS: 'admin=10000/60,mcp=10000/60,auth_failure=10000/60' } });
  });
  afterAll(async () => {
    await server?.close();
    await scanner.close();
    await redis?.stop();
  });

  const timed = async (request: Promise<Response>): Promise<Timed> => {
    const started = performance.now();
    const response = await request;
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  };
  const probes = (token: string, sessionId: string) => ({
    mcp: () => timed(mcpCall(server.url, token, sessionId, rpc('tools/list'))),
    admin: () => timed(fetch(`${server.url}/admin/tokens`, { headers: { 'x-api-key': ADMIN_KEY } })),
    ready: () => timed(fetch(`${server.url}/ready`)),
  });

  /**
   * Background traffic. A response is labelled with its phase only when the phase was the same when
   * it was sent and when it came back; requests straddling a kill or restart are not judged.
   */
  const startTraffic = (token: string, sessionId: string, phase: () => string) => {
    const seen: { phase: string; status: number }[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const atStart = phase();
        const { status } = await probes(token, sessionId).mcp();
        seen.push({ phase: atStart === phase() ? atStart : 'transition', status });
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    return { seen, stop: async () => ((running = false), await loop) };
  };

  const waitUntilReady = async (limitMs: number) => {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      if ((await fetch(`${server.url}/ready`)).status === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`not ready again within ${limitMs} ms`);
  };

  it('killed under traffic: /mcp and /admin 503 within 1 s, /ready 503, nothing authorised; restart resumes', async () => {
    const { token } = await issueToken(server.url);
    const sessionId = await openSession(server.url, token);
    let phase = 'up';
    const traffic = startTraffic(token, sessionId, () => phase);
    await new Promise((r) => setTimeout(r, 100));

    phase = 'down';
    await redis.kill();
    const probe = probes(token, sessionId);
    const [mcp, admin, ready] = [await probe.mcp(), await probe.admin(), await probe.ready()];
    expect(mcp.status).toBe(503);
    expect(admin.status).toBe(503);
    expect(ready.status).toBe(503);
    for (const { ms } of [mcp, admin, ready]) expect(ms).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 300));

    await redis.restart();
    phase = 'restarting';
    await waitUntilReady(5000);
    phase = 'back';
    await new Promise((r) => setTimeout(r, 100));
    await traffic.stop();

    const duringOutage = traffic.seen.filter((s) => s.phase === 'down');
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.every((s) => s.status === 503)).toBe(true);
    expect(traffic.seen.filter((s) => s.phase === 'up').every((s) => s.status === 200)).toBe(true);
    // The restarted Redis has no persistence: the old token is gone and is refused, never served from a copy.
    expect(traffic.seen.filter((s) => s.phase === 'back').every((s) => s.status === 401)).toBe(true);

    const fresh = await issueToken(server.url);
    const freshSession = await openSession(server.url, fresh.token);
    expect((await probes(fresh.token, freshSession).mcp()).status).toBe(200);
  });

  it('frozen (hung) Redis: 503 within 1 s; thawed: tokens and sessions that Redis kept still work', async () => {
    const { token } = await issueToken(server.url);
    const sessionId = await openSession(server.url, token);
    const probe = probes(token, sessionId);
    expect((await probe.mcp()).status).toBe(200);

    redis.pause();
    try {
      const [mcp, admin, ready] = await Promise.all([probe.mcp(), probe.admin(), probe.ready()]);
      for (const result of [mcp, admin, ready]) {
        expect(result.status).toBe(503);
        expect(result.ms).toBeLessThan(1000);
      }
    } finally {
      redis.resume();
    }
    await waitUntilReady(5000);
    expect((await probe.mcp()).status).toBe(200);
    expect((await probe.admin()).status).toBe(200);
  });
});
