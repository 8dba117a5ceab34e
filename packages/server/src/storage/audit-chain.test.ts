import { describe, expect, it } from 'vitest';
import { createMemoryAuditStore } from './memory-audit-store.js';
import type { AuditEntry } from './audit-store.js';

const event = { actor: 'admin:abc', action: 'token.issue' as const, ip: '127.0.0.1', outcome: 'success' as const };

describe('audit chain (through the memory store)', () => {
  it('chains entries and filters by time and count', async () => {
    const entries: AuditEntry[] = [];
    const store = createMemoryAuditStore(entries);
    for (let i = 0; i < 5; i++) await store.append({ ...event, target: `t${i}` }, 1000 * i);
    expect(await store.verify()).toEqual({ ok: true, entries: 5 });
    expect((await store.list({ since: 2000, limit: 2 })).map((e) => e.target)).toEqual(['t3', 't4']);
    entries[2] = { ...(entries[2] as AuditEntry), ip: '10.9.9.9' };
    expect(await store.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'entry hash mismatch' });
  });

  it('keeps verifying after retention trims the oldest entries, and still catches a removed one', async () => {
    const entries: AuditEntry[] = [];
    const store = createMemoryAuditStore(entries, { maxEntries: 100 });
    for (let i = 0; i < 250; i++) await store.append({ ...event, target: `t${i}` }, 1000 * i);
    expect(entries.length).toBeLessThanOrEqual(101);
    expect(entries.at(-1)?.seq).toBe(250);
    expect(await store.verify()).toEqual({ ok: true, entries: entries.length });
    entries.shift();
    expect(await store.verify()).toMatchObject({ ok: false, brokenAt: 0 });
  });
});
