import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import type { EncryptionKey } from '../src/config/parse-encryption-keys.js';
import { createStores } from '../src/storage/create-stores.js';
import { TamperedRecordError } from '../src/storage/record-cipher.js';
import { createScanRunner } from '../src/tools/scan-runner.js';
import { issueToken, mcpCall, openSession, rpc, VULNERABLE_SNIPPET } from './harness/mcp-requests.js';
import { ADMIN_KEY, startTestServer, type TestServer } from './harness/start-test-server.js';

/** Every key and every value in Redis, as raw text, whatever the data type. */
async function dumpRedis(redis: Redis): Promise<string> {
  const keys = await redis.keys('*');
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    parts.push(key);
    if (type === 'string') parts.push((await redis.get(key)) ?? '');
    else if (type === 'zset') parts.push(...(await redis.zrange(key, 0, -1)));
    else if (type === 'list') parts.push(...(await redis.lrange(key, 0, -1)));
    else if (type === 'hash') parts.push(...Object.entries(await redis.hgetall(key)).flat());
    else if (type === 'set') parts.push(...(await redis.smembers(key)));
    else throw new Error(`unexpected Redis type ${type} at ${key}`);
  }
  return parts.join('\n');
}

const storeConfig = (keys: EncryptionKey[]) => ({ storage: 'redis' as const, encryptionKeys: keys, sessionTimeouts: { idleSeconds: 600, maxSeconds: 3600 } });

describe('encryption at rest in Redis', () => {
  let redisServer: RedisTestServer;
  let server: TestServer;
  let raw: Redis;
  const scanner = createScanRunner();

  beforeAll(async () => {
    redisServer = await startRedis();
    server = await startTestServer({ redisUrl: redisServer.url, scanner });
    raw = new Redis(redisServer.url);
  });
  afterAll(async () => {
    raw?.disconnect();
    await server?.close();
    await scanner.close();
    await redisServer?.stop();
  });

  it('stores no token, subject, session id or session content in clear', async () => {
    const secrets: string[] = [];
    for (const subject of ['subject-alice-7f3a', 'subject-bob-91c2']) {
      const { id, token } = await issueToken(server.url, { subject, scopes: ['mcp'] });
      const sessionId = await openSession(server.url, token);
      const call = await mcpCall(server.url, token, sessionId, rpc('tools/call', { name: 'scan_source', arguments: { files: [VULNERABLE_SNIPPET] } }));
      expect(call.status).toBe(200);
      secrets.push(subject, token, token.slice(4), sessionId, `token:${id}`);
    }
    // An auth failure and admin actions put entries in the audit trail as well.
    await fetch(`${server.url}/admin/tokens`, { headers: { 'x-api-key': ADMIN_KEY } });
    await fetch(`${server.url}/mcp`, { method: 'POST', headers: { authorization: 'Bearer sgt_wrong' } });

    const dump = await dumpRedis(raw);
    expect(dump).toContain('sg:{tok}:');
    expect(dump).toContain('sg:{ses}:');
    expect(dump).toContain('sg:{audit}:');
    for (const secret of [...secrets, ADMIN_KEY, 'subject-alice', 'anonymous', '2025-11-25']) {
      expect(dump, `"${secret}" found in Redis`).not.toContain(secret);
    }
  });

  it('still decrypts values written under an old key after rotation, and encrypts new ones with the new key', async () => {
    const oldKey = { kid: 'old', key: randomBytes(32) };
    const newKey = { kid: 'new', key: randomBytes(32) };
    const before = createStores(storeConfig([oldKey]), raw);
    const issued = await before.tokens.issue({ subject: 'rotating', scopes: ['mcp'], ttlSeconds: 600 }, Date.now());
    await before.sessions.create('session-id-before-rotation', { principal: 'token:x', protocolVersion: '2025-11-25', createdAt: Date.now(), lastSeenAt: Date.now() });

    const after = createStores(storeConfig([newKey, oldKey]), raw);
    expect((await after.tokens.verify(issued.token, Date.now()))?.subject).toBe('rotating');
    expect((await after.sessions.touch('session-id-before-rotation', Date.now()))?.principal).toBe('token:x');
    const fresh = await after.tokens.issue({ subject: 'fresh', scopes: ['mcp'], ttlSeconds: 600 }, Date.now());
    const freshKeys = await raw.keys('sg:{tok}:h:*');
    const values = await Promise.all(freshKeys.map((k) => raw.get(k)));
    expect(values.some((v) => v?.startsWith('v1.new.'))).toBe(true);
    expect(values.some((v) => v?.startsWith('v1.old.'))).toBe(true);
    // A store that only knows the old key cannot read what the new key wrote.
    await expect(before.tokens.verify(fresh.token, Date.now())).resolves.toBeUndefined();
  });

  it('over HTTP, a tampered token is an invalid token (401) and a tampered session an unknown one (404), logged without the value', async () => {
    const flip = (value: string) => value.slice(0, -8) + (value.at(-8) === 'A' ? 'B' : 'A') + value.slice(-7);
    const { id, token } = await issueToken(server.url, { subject: 'tampered-session-owner', scopes: ['mcp'] });
    const sessionId = await openSession(server.url, token);
    const sessions = (await (await fetch(`${server.url}/admin/sessions`, { headers: { 'x-api-key': ADMIN_KEY } })).json()) as { sessions: { id: string; principal: string }[] };
    const handle = sessions.sessions.find((s) => s.principal === `token:${id}`)?.id ?? '';
    const sessionKey = `sg:{ses}:h:${handle}`;
    const tamperedSession = flip((await raw.get(sessionKey)) ?? '');
    await raw.set(sessionKey, tamperedSession, 'KEEPTTL');

    const call = await mcpCall(server.url, token, sessionId, rpc('tools/list'));
    expect(call.status).toBe(404);
    expect(await call.json()).toEqual({ error: 'session_not_found', message: 'Session not found.' });
    const listed = await fetch(`${server.url}/admin/sessions`, { headers: { 'x-api-key': ADMIN_KEY } });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).not.toContain(handle);

    const tokenKey = `sg:{tok}:h:${await raw.get(`sg:{tok}:id:${id}`)}`;
    const tamperedToken = flip((await raw.get(tokenKey)) ?? '');
    await raw.set(tokenKey, tamperedToken, 'KEEPTTL');
    const refused = await mcpCall(server.url, token, sessionId, rpc('tools/list'));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await refused.json()).toEqual({ error: 'invalid_token', message: 'The access token is invalid or expired.' });
    const tokens = await fetch(`${server.url}/admin/tokens`, { headers: { 'x-api-key': ADMIN_KEY } });
    expect(tokens.status).toBe(200);
    expect(JSON.stringify(await tokens.json())).not.toContain(id);

    const events = server.logs.map((line) => JSON.parse(line) as { event?: string; store?: string; level: string }).filter((l) => l.event === 'record_tampered');
    expect(events.map((e) => [e.store, e.level])).toEqual([
      ['sessions', 'error'],
      ['tokens', 'error'],
    ]);
    const output = server.logs.join('\n');
    for (const value of [tamperedSession, tamperedToken, tamperedSession.split('.')[3] ?? '', tamperedToken.split('.')[3] ?? '']) {
      expect(output).not.toContain(value);
    }
    expect(output).not.toContain('"status":500');
  });

  it('rejects a tampered value and a value moved to another record', async () => {
    const key = { kid: 't', key: randomBytes(32) };
    const stores = createStores(storeConfig([key]), raw);
    const a = await stores.tokens.issue({ subject: 'tamper-a', scopes: ['mcp'], ttlSeconds: 600 }, Date.now());
    const b = await stores.tokens.issue({ subject: 'tamper-b', scopes: ['mcp'], ttlSeconds: 600 }, Date.now());
    const keyOf = async (id: string) => `sg:{tok}:h:${await raw.get(`sg:{tok}:id:${id}`)}`;
    const [keyA, keyB] = [await keyOf(a.record.id), await keyOf(b.record.id)];

    const valueA = (await raw.get(keyA)) ?? '';
    const flipped = valueA.slice(0, -3) + (valueA.at(-3) === 'A' ? 'B' : 'A') + valueA.slice(-2);
    await raw.set(keyA, flipped, 'KEEPTTL');
    await expect(stores.tokens.verify(a.token, Date.now())).rejects.toBeInstanceOf(TamperedRecordError);

    // Same key, same cipher, but a's record under b's name: the key name is the associated data.
    await raw.set(keyB, valueA, 'KEEPTTL');
    await expect(stores.tokens.verify(b.token, Date.now())).rejects.toBeInstanceOf(TamperedRecordError);
  });
});
