import type { SecretHasher } from './secret-hasher.js';
import { createApiToken, newTokenRecord, type TokenRecord, type TokenStore } from './token-store.js';

/** Development and tests: records keyed by the token's HMAC, exactly like the Redis store. */
export function createMemoryTokenStore(hasher: SecretHasher, records = new Map<string, TokenRecord>()): TokenStore {
  const findHash = (token: string) => hasher.all(token).find((h) => records.has(h));
  return {
    async issue(input, now) {
      const token = createApiToken();
      const record = newTokenRecord(input, now);
      records.set(hasher.current(token), record);
      return { record: { ...record }, token };
    },
    async verify(token, now) {
      const hash = findHash(token);
      const record = hash === undefined ? undefined : records.get(hash);
      if (!record || record.expiresAt <= now) return undefined;
      record.lastUsedAt = now;
      record.useCount = (record.useCount ?? 0) + 1;
      return { ...record };
    },
    async list(now) {
      return [...records.values()].filter((r) => r.expiresAt > now).map((r) => ({ ...r }));
    },
    async revoke(id) {
      for (const [hash, record] of records) {
        if (record.id === id) return records.delete(hash);
      }
      return false;
    },
  };
}
