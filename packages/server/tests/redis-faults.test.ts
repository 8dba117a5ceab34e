import { describe, expect, it } from 'vitest';
import { issueToken, mcpCall, openSession, rpc } from './harness/mcp-requests.js';
import { serverOnRedis } from './harness/server-on-redis.js';
import { ADMIN_KEY } from './harness/start-test-server.js';

interface Timed {
  status: number;
  ms: number;
}

describe('Redis faults: fail closed, fast, and recover by themselves', () => {
  const live = serverOnRedis({ env: { RATE_LIMITS: 'admin=10000/60,mcp=10000/60,auth_failure=10000/60' } });

  const timed = async (request: Promise<Response>): Promise<Timed> => {
    const started = performance.now();
    const response = await request;
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  };
  const probes = (token: string, sessionId: string) => ({
    mcp: () => timed(mcpCall(live.server.url, token, sessionId, rpc('tools/list'))),
    admin: () => timed(fetch(`${live.server.url}/admin/tokens`, { headers: { 'x-api-key': ADMIN_KEY } })),
    ready: () => timed(fetch(`${live.server.url}/ready`)),
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
      if ((await fetch(`${live.server.url}/ready`)).status === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`not ready again within ${limitMs} ms`);
  };

  it('killed under traffic: /mcp and /admin 503 within 1 s, /ready 503, nothing authorised; restart resumes', async () => {
    const { token } = await issueToken(live.server.url);
    const sessionId = await openSession(live.server.url, token);
    let phase = 'up';
    const traffic = startTraffic(token, sessionId, () => phase);
    await new Promise((r) => setTimeout(r, 100));

    phase = 'down';
    await live.redis.kill();
    const probe = probes(token, sessionId);
    const [mcp, admin, ready] = [await probe.mcp(), await probe.admin(), await probe.ready()];
    expect(mcp.status).toBe(503);
    expect(admin.status).toBe(503);
    expect(ready.status).toBe(503);
    for (const { ms } of [mcp, admin, ready]) expect(ms).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 300));

    await live.redis.restart();
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

    const fresh = await issueToken(live.server.url);
    const freshSession = await openSession(live.server.url, fresh.token);
    expect((await probes(fresh.token, freshSession).mcp()).status).toBe(200);
  });

  it('frozen (hung) Redis: 503 within 1 s; thawed: tokens and sessions that Redis kept still work', async () => {
    const { token } = await issueToken(live.server.url);
    const sessionId = await openSession(live.server.url, token);
    const probe = probes(token, sessionId);
    expect((await probe.mcp()).status).toBe(200);

    live.redis.pause();
    try {
      const [mcp, admin, ready] = await Promise.all([probe.mcp(), probe.admin(), probe.ready()]);
      for (const result of [mcp, admin, ready]) {
        expect(result.status).toBe(503);
        expect(result.ms).toBeLessThan(1000);
      }
    } finally {
      live.redis.resume();
    }
    await waitUntilReady(5000);
    expect((await probe.mcp()).status).toBe(200);
    expect((await probe.admin()).status).toBe(200);
  });
});
