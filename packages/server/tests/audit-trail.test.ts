import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import { createRecordCipher } from '../src/storage/record-cipher.js';
import type { AuditEntry } from '../src/storage/audit-store.js';
import { createRedisAuditStore } from '../src/storage/redis-audit-store.js';
import { createScanRunner } from '../src/tools/scan-runner.js';
import { issueToken } from './harness/mcp-requests.js';
import { ADMIN_KEY, ENCRYPTION_KEY, startTestServer, type TestServer } from './harness/start-test-server.js';

const LIST = 'sg:{audit}:entries';
const ANCHOR = 'sg:{audit}:anchor';
const cipher = createRecordCipher([{ kid: 'k1', key: Buffer.from(ENCRYPTION_KEY, 'base64') }]);
const admin = { 'x-api-key': ADMIN_KEY };

describe('audit trail', () => {
  let redis: RedisTestServer;
  let server: TestServer;
  let raw: Redis;
  const scanner = createScanRunner();

  beforeAll(async () => {
    redis = await startRedis();
    raw = new Redis(redis.url);
    server = await startTestServer({ redisUrl: redis.url, scanner });
  });
  beforeEach(async () => {
    await raw.flushall();
  });
  afterAll(async () => {
    raw?.disconnect();
    await server?.close();
    await scanner.close();
    await redis?.stop();
  });

  const readAudit = async () => ((await (await fetch(`${server.url}/admin/audit?limit=1000`, { headers: admin })).json()) as { entries: AuditEntry[] }).entries;
  const verify = async () => {
    const response = await fetch(`${server.url}/admin/audit/verify`, { headers: admin });
    return { status: response.status, body: (await response.json()) as { ok: boolean; reason?: string; brokenAt?: number } };
  };
  const seed = async () => {
    const { id } = await issueToken(server.url, { subject: 'audited', scopes: ['mcp'] });
    await fetch(`${server.url}/admin/tokens/${id}`, { method: 'DELETE', headers: admin });
    await fetch(`${server.url}/mcp`, { method: 'POST', headers: { authorization: 'Bearer sgt_not-a-real-token' } });
    await fetch(`${server.url}/admin/sessions`, { headers: { 'x-api-key': 'a-wrong-admin-key-that-is-long-enough' } });
    return id;
  };

  it('records admin actions and authentication failures with who, what, when and where', async () => {
    const id = await seed();
    const entries = await readAudit();
    const summary = entries.map((e) => [e.action, e.outcome, e.target]);
    expect(summary).toEqual([
      ['token.issue', 'success', id],
      ['token.revoke', 'success', id],
      ['auth.failure', 'failure', '/mcp'],
      ['auth.failure', 'failure', '/admin/sessions'],
    ]);
    for (const entry of entries) {
      expect(entry.ip).toBe('127.0.0.1');
      expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(entry.actor).toMatch(/^(admin:[0-9a-f]{12}|anonymous)$/);
      expect(entry.prevHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(entries[0]?.actor).not.toContain(ADMIN_KEY.slice(0, 12));
    expect((await verify()).body).toEqual({ ok: true, entries: 5 });

  });

  it('verify detects an edited entry', async () => {
    await seed();
    const value = (await raw.lindex(LIST, 1)) ?? '';
    const entry = JSON.parse(cipher.decrypt(value, `${LIST}#2`)) as AuditEntry;
    // Even someone holding the encryption key cannot rewrite history without breaking the chain.
    await raw.lset(LIST, 1, cipher.encrypt(JSON.stringify({ ...entry, target: 'someone-else' }), `${LIST}#2`));
    expect(await verify()).toEqual({ status: 409, body: { ok: false, entries: 4, brokenAt: 1, reason: 'entry hash mismatch' } });
  });

  it('verify detects a deleted entry, a deleted tail and a corrupted ciphertext', async () => {
    await seed();
    const values = await raw.lrange(LIST, 0, -1);
    await raw.del(LIST);
    await raw.rpush(LIST, ...values.filter((_, i) => i !== 1));
    expect((await verify()).body).toMatchObject({ ok: false, brokenAt: 1 });

    await raw.del(LIST);
    await raw.rpush(LIST, ...values.slice(0, -1));
    expect((await verify()).body).toMatchObject({ ok: false, reason: 'chain head mismatch' });

    await raw.del(LIST);
    // A character inside the ciphertext, changed for sure: the last base64url characters may carry
    // only padding bits, and may already read `AA` (then nothing was corrupted: a flaky test).
    const flip = (v: string) => v.slice(0, -8) + (v.at(-8) === 'A' ? 'B' : 'A') + v.slice(-7);
    const corrupted = values.map((v, i) => (i === 2 ? flip(v) : v));
    await raw.rpush(LIST, ...corrupted);
    expect((await verify()).body).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry cannot be decrypted' });
  });

  it('retention keeps the newest entries behind an anchor: verify still passes, and removing more is still caught', async () => {
    const store = createRedisAuditStore(raw, cipher, { maxEntries: 100 });
    for (let i = 1; i <= 250; i++) await store.append({ actor: 'admin:abc', action: 'token.list', ip: '10.0.0.1', outcome: 'success', target: String(i) }, Date.now());
    const kept = await raw.llen(LIST);
    // Trimmed back to 100 whenever the trail passes 101 (1% slack): never more than 101 kept.
    expect(kept).toBeGreaterThanOrEqual(100);
    expect(kept).toBeLessThanOrEqual(101);
    expect(await store.verify()).toEqual({ ok: true, entries: kept });
    const listed = await store.list({ limit: 1000 });
    expect(listed.at(-1)).toMatchObject({ seq: 250, target: '250' });
    expect(listed[0]?.seq).toBe(251 - kept);
    expect(await raw.get(ANCHOR)).not.toContain(listed[0]?.prevHash ?? 'x');

    // Someone without the key drops the oldest kept entry: it no longer follows the anchor.
    const oldest = (await raw.lpop(LIST)) ?? '';
    expect(await store.verify()).toMatchObject({ ok: false, brokenAt: 0 });
    await raw.lpush(LIST, oldest);
    expect((await store.verify()).ok).toBe(true);
    // Nor can the anchor be moved or removed to cover for it.
    const anchor = (await raw.get(ANCHOR)) ?? '';
    await raw.set(ANCHOR, `${anchor.slice(0, -8)}AAAAAAAA`);
    expect(await store.verify()).toMatchObject({ ok: false, reason: 'anchor cannot be decrypted' });
    await raw.del(ANCHOR);
    expect(await store.verify()).toMatchObject({ ok: false, brokenAt: 0 });
  });

  it('keeps one verifiable chain when three instances append and trim at once', async () => {
    const clients = [0, 1, 2].map(() => new Redis(redis.url));
    try {
      const stores = clients.map((client) => createRedisAuditStore(client, cipher, { maxEntries: 100 }));
      await Promise.all(
        stores.flatMap((store, instance) =>
          Array.from({ length: 80 }, (_, i) => store.append({ actor: `instance-${instance}`, action: 'token.list', ip: '10.0.0.1', outcome: 'success', target: String(i) }, Date.now())),
        ),
      );
      const result = await stores[0]?.verify();
      expect(result?.ok).toBe(true);
      expect(result?.entries).toBeLessThanOrEqual(101);
      expect((await stores[1]?.list({ limit: 1000 }))?.at(-1)?.seq).toBe(240);
    } finally {
      for (const client of clients) client.disconnect();
    }
  });

  it('keeps one unbroken chain when three instances append at once', async () => {
    const clients = [0, 1, 2].map(() => new Redis(redis.url));
    try {
      const stores = clients.map((client) => createRedisAuditStore(client, cipher));
      await Promise.all(
        stores.flatMap((store, instance) =>
          Array.from({ length: 10 }, (_, i) => store.append({ actor: `instance-${instance}`, action: 'token.list', ip: '10.0.0.1', outcome: 'success', target: String(i) }, Date.now())),
        ),
      );
      expect(await stores[0]?.verify()).toEqual({ ok: true, entries: 30 });
      expect((await stores[1]?.list({ limit: 1000 }))?.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      for (const client of clients) client.disconnect();
    }
  });
});
