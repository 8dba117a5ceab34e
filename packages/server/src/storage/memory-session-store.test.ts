import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemorySessionStore } from './memory-session-store.js';
import { createSecretHasher } from './secret-hasher.js';

describe('createMemorySessionStore', () => {
  it('expires a session after its idle time and renews it on use', async () => {
    const store = createMemorySessionStore(createSecretHasher([{ kid: 'k', key: randomBytes(32) }]), { idleSeconds: 60, maxSeconds: 3600 });
    const record = await store.create('session-1', { principal: 'token:a', protocolVersion: '2025-11-25', createdAt: 0, lastSeenAt: 0 });
    expect(record.handle).not.toContain('session-1');
    expect(await store.touch('session-1', 59_000)).toMatchObject({ principal: 'token:a' });
    expect(await store.touch('session-1', 118_000)).toBeDefined();
    expect(await store.touch('session-1', 178_001)).toBeUndefined();
    expect(await store.list(178_001)).toEqual([]);
  });

  it('ends a busy session at its absolute lifetime', async () => {
    const store = createMemorySessionStore(createSecretHasher([{ kid: 'k', key: randomBytes(32) }]), { idleSeconds: 60, maxSeconds: 120 });
    await store.create('busy', { principal: 'token:a', protocolVersion: '2025-11-25', createdAt: 0, lastSeenAt: 0 });
    expect(await store.touch('busy', 50_000)).toBeDefined();
    expect(await store.touch('busy', 100_000)).toBeDefined();
    expect(await store.touch('busy', 120_000)).toBeUndefined();
  });
});
