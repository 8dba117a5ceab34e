import type { SecretHasher } from './secret-hasher.js';
import { isWithinLifetime, type SessionRecord, type SessionStore, type SessionTimeouts } from './session-store.js';

export function createMemorySessionStore(hasher: SecretHasher, timeouts: SessionTimeouts): SessionStore {
  const sessions = new Map<string, SessionRecord>();
  const isLive = (record: SessionRecord, now: number) => record.lastSeenAt + timeouts.idleSeconds * 1000 > now && isWithinLifetime(record, now, timeouts);
  return {
    async create(sessionId, fields) {
      const record = { ...fields, handle: hasher.current(sessionId) };
      sessions.set(record.handle, record);
      return { ...record };
    },
    async touch(sessionId, now) {
      const handle = hasher.all(sessionId).find((h) => sessions.has(h));
      const record = handle === undefined ? undefined : sessions.get(handle);
      if (!record || !isLive(record, now)) return undefined;
      record.lastSeenAt = now;
      return { ...record };
    },
    async list(now) {
      return [...sessions.values()].filter((r) => isLive(r, now)).map((r) => ({ ...r }));
    },
    async deleteByHandle(handle) {
      return sessions.delete(handle);
    },
    async delete(sessionId) {
      return hasher.all(sessionId).some((h) => sessions.delete(h));
    },
  };
}
