import { randomBytes } from 'node:crypto';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import { REDIS_DEFAULTS } from '../src/storage/create-redis-client.js';
import { createStores } from '../src/storage/create-stores.js';

const T0 = 1_800_000_000_000;

/**
 * A one-node Redis Cluster refuses, with CROSSSLOT, any script or transaction whose declared keys
 * fall in different slots, exactly as a real cluster does. Every store operation runs on it here;
 * createRedisScript separately refuses a script that touches a key it did not declare.
 */
describe('Redis stores on a Redis Cluster', () => {
  let redis: RedisTestServer;
  let cluster: Cluster;

  beforeAll(async () => {
    redis = await startRedis({ cluster: true });
    cluster = new Cluster([{ host: '127.0.0.1', port: redis.port }], { redisOptions: { ...REDIS_DEFAULTS, lazyConnect: false } });
  });
  afterAll(async () => {
    cluster?.disconnect();
    await redis?.stop();
  });

  it('issues, verifies, lists and revokes tokens, keeps sessions and the audit trail, and counts rate limits', async () => {
    // Two keys: lookups try one record key and one usage key per key generation (four declared keys).
    const keys = [
      { kid: 'new', key: randomBytes(32) },
      { kid: 'old', key: randomBytes(32) },
    ];
    const stores = createStores({ storage: 'redis', encryptionKeys: keys, sessionTimeouts: { idleSeconds: 600, maxSeconds: 3600 }, auditRetention: { maxEntries: 3 } }, cluster);

    const { record, token } = await stores.tokens.issue({ subject: 'clustered', scopes: ['mcp'], ttlSeconds: 600 }, T0);
    expect(await stores.tokens.verify(token, T0 + 1)).toMatchObject({ subject: 'clustered', useCount: 1 });
    expect((await stores.tokens.list(T0 + 2)).map((r) => r.id)).toEqual([record.id]);

    const session = await stores.sessions.create('cluster-session-id-0001', { principal: `token:${record.id}`, protocolVersion: '2025-11-25', createdAt: T0, lastSeenAt: T0 });
    expect(await stores.sessions.touch('cluster-session-id-0001', T0 + 1)).toMatchObject({ principal: `token:${record.id}` });
    expect((await stores.sessions.list(T0 + 2)).map((s) => s.handle)).toEqual([session.handle]);

    for (let i = 0; i < 5; i++) await stores.audit.append({ actor: 'admin:abc', action: 'token.list', ip: '10.0.0.1', outcome: 'success', target: String(i) }, T0 + i);
    // Five appended, three kept: the trim script (list and anchor) runs in the trail's slot too.
    expect(await stores.audit.verify()).toEqual({ ok: true, entries: 3 });

    expect((await stores.rateLimits.consume('mcp', 'token:x', { points: 2, durationSeconds: 60 })).allowed).toBe(true);

    // Every store's keys share one slot, as Redis itself computes it.
    const slotsOf = async (pattern: string) => new Set(await Promise.all((await cluster.keys(pattern)).map((key) => cluster.cluster('KEYSLOT', key))));
    for (const tag of ['{tok}', '{ses}', '{audit}']) expect((await slotsOf(`sg:${tag}:*`)).size, tag).toBe(1);

    expect(await stores.tokens.revoke(record.id)).toBe(true);
    expect(await stores.tokens.revoke(record.id)).toBe(false);
    expect(await stores.tokens.verify(token, T0 + 3)).toBeUndefined();
    expect(await stores.sessions.delete('cluster-session-id-0001')).toBe(true);
    expect(await cluster.keys('sg:{tok}:*')).toEqual([]);
  });
});
