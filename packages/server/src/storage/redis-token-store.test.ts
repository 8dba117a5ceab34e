import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../../tools/testing/redis-server.js';
import { createMemoryTokenStore } from './memory-token-store.js';
import { createRecordCipher } from './record-cipher.js';
import { createRedisTokenStore } from './redis-token-store.js';
import { createSecretHasher } from './secret-hasher.js';
import type { TokenStore } from './token-store.js';

const keys = [{ kid: 'a', key: randomBytes(32) }];
const hasher = createSecretHasher(keys);
const T0 = 1_800_000_000_000;

let redisServer: RedisTestServer;
let redis: Redis;
beforeAll(async () => {
  redisServer = await startRedis();
  redis = new Redis(redisServer.url);
});
beforeEach(async () => {
  await redis.flushall();
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.stop();
});

// The same behaviour is required of both implementations; each runs the same cases.
describe.each([
  ['redis', () => createRedisTokenStore(redis, createRecordCipher(keys), hasher)],
  ['memory', () => createMemoryTokenStore(hasher)],
] as [string, () => TokenStore][])('%s token store', (_name, create) => {
  it('verifies an issued token until it expires and records its last use', async () => {
    const store = create();
    const { record, token } = await store.issue({ subject: 's', scopes: ['mcp'], ttlSeconds: 60 }, T0);
    expect(record.expiresAt).toBe(T0 + 60_000);
    expect(await store.verify(token, T0 + 500)).toMatchObject({ useCount: 1 });
    expect(await store.verify(token, T0 + 1000)).toMatchObject({ id: record.id, subject: 's', scopes: ['mcp'], lastUsedAt: T0 + 1000, useCount: 2 });
    expect((await store.list(T0 + 2000))[0]).toMatchObject({ lastUsedAt: T0 + 1000, useCount: 2 });
    expect(await store.verify(token, T0 + 60_000)).toBeUndefined();
    expect(await store.verify(`${token}x`, T0 + 1000)).toBeUndefined();
  });

  it('counts concurrent uses without losing one', async () => {
    const store = create();
    const { token } = await store.issue({ subject: 's', scopes: ['mcp'], ttlSeconds: 60 }, T0);
    await Promise.all(Array.from({ length: 25 }, () => store.verify(token, T0 + 1)));
    expect((await store.list(T0 + 2))[0]?.useCount).toBe(25);
  });

  it('revokes by id, once', async () => {
    const store = create();
    const kept = await store.issue({ subject: 'kept', scopes: ['mcp'], ttlSeconds: 60 }, T0);
    const gone = await store.issue({ subject: 'gone', scopes: ['mcp'], ttlSeconds: 60 }, T0);
    expect(await store.revoke(gone.record.id)).toBe(true);
    expect(await store.revoke(gone.record.id)).toBe(false);
    expect(await store.verify(gone.token, T0)).toBeUndefined();
    expect(await store.verify(kept.token, T0)).toBeDefined();
    expect((await store.list(T0)).map((r) => r.subject)).toEqual(['kept']);
  });
});

describe('redis token store keys', () => {
  it('puts a TTL on every key and leaves none behind after revocation', async () => {
    const store = createRedisTokenStore(redis, createRecordCipher(keys), hasher);
    const { record, token } = await store.issue({ subject: 's', scopes: ['mcp'], ttlSeconds: 120 }, Date.now());
    await store.verify(token, Date.now());
    const tokenKeys = (await redis.keys('sg:{tok}:*')).filter((k) => k !== 'sg:{tok}:index');
    expect(tokenKeys).toHaveLength(3);
    for (const key of tokenKeys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(100_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
    }
    await store.revoke(record.id);
    expect(await redis.keys('sg:{tok}:*')).toEqual([]);
  });
});

describe('redis index hygiene and session lifetime', () => {
  it('drops expired token ids from the index by itself', async () => {
    const tokens = createRedisTokenStore(redis, createRecordCipher(keys), hasher);
    await tokens.issue({ subject: 'old', scopes: ['mcp'], ttlSeconds: 60 }, T0);
    await tokens.issue({ subject: 'new', scopes: ['mcp'], ttlSeconds: 60 }, T0 + 120_000);
    expect(await redis.zcard('sg:{tok}:index')).toBe(1);
  });

  it('ends a busy session at its absolute lifetime and prunes the index past it', async () => {
    const { createRedisSessionStore } = await import('./redis-session-store.js');
    const sessions = createRedisSessionStore(redis, createRecordCipher(keys), hasher, { idleSeconds: 60, maxSeconds: 120 });
    await sessions.create('busy', { principal: 'token:a', protocolVersion: '2025-11-25', createdAt: T0, lastSeenAt: T0 });
    expect(await sessions.touch('busy', T0 + 100_000)).toBeDefined();
    expect(await sessions.touch('busy', T0 + 120_000)).toBeUndefined();
    expect(await redis.exists(`sg:{ses}:h:${hasher.current('busy')}`)).toBe(0);
    await sessions.create('a', { principal: 'token:a', protocolVersion: '2025-11-25', createdAt: T0, lastSeenAt: T0 });
    await sessions.create('b', { principal: 'token:b', protocolVersion: '2025-11-25', createdAt: T0 + 200_000, lastSeenAt: T0 + 200_000 });
    expect(await redis.zcard('sg:{ses}:index')).toBe(1);
  });
});
