import type { RedisClient } from './create-redis-client.js';
import type { RecordCipher } from './record-cipher.js';
import { createRedisScript } from './redis-script.js';
import type { SecretHasher } from './secret-hasher.js';
import { failClosed } from './storage-unavailable-error.js';
import { createApiToken, newTokenRecord, type TokenRecord, type TokenStore } from './token-store.js';

/**
 * Every token key carries the hash tag `{tok}`: the scripts and transactions below touch several of
 * them at once, which Redis Cluster allows only within one slot.
 */
const PREFIX = 'sg:{tok}:';
const byHash = (hash: string) => `${PREFIX}h:${hash}`;
const byId = (id: string) => `${PREFIX}id:${id}`;
const usedKey = (hash: string) => `${PREFIX}used:${hash}`;
const INDEX = `${PREFIX}index`;

/**
 * Returns the first stored value among the lookup keys (one per key generation) and, in the same
 * atomic step, stamps its last use and counts it. The usage key takes the token's remaining TTL at
 * first use; the record's TTL never changes, so later uses need not set it again (this runs on
 * every /mcp request).
 * KEYS: n record keys then n usage keys.
 */
const VERIFY_SCRIPT = `
local n = #KEYS / 2
for i = 1, n do
  local value = redis.call('GET', KEYS[i])
  if value then
    redis.call('HSET', KEYS[n + i], 'at', ARGV[1])
    local count = redis.call('HINCRBY', KEYS[n + i], 'n', 1)
    if count == 1 then redis.call('PEXPIRE', KEYS[n + i], redis.call('PTTL', KEYS[i])) end
    return {i, value, count}
  end
end
return nil`;

/**
 * Deletes every key of one token atomically, so no instance can see it half-revoked. The caller
 * read the id's HMAC first (a script may only touch the keys it declares); if the id no longer maps
 * to it, another revocation won and this one reports nothing revoked.
 * KEYS: id key, index, record key, usage key. ARGV: id, HMAC.
 */
const REVOKE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[2] then return 0 end
redis.call('DEL', KEYS[1], KEYS[3], KEYS[4])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`;

/**
 * Records live under `sg:{tok}:h:<HMAC(token)>`, AES-GCM encrypted with the key name as associated
 * data; `sg:{tok}:id:<id>` maps an id to that HMAC for revocation, and a sorted set indexes ids by
 * expiry for listing. Every key carries the token's TTL.
 */
export function createRedisTokenStore(redis: RedisClient, cipher: RecordCipher, hasher: SecretHasher): TokenStore {
  const decode = (key: string, value: string): TokenRecord => JSON.parse(cipher.decrypt(value, key)) as TokenRecord;
  const verifyScript = createRedisScript(redis, VERIFY_SCRIPT);
  const revokeScript = createRedisScript(redis, REVOKE_SCRIPT);

  return {
    issue: (input, now) =>
      failClosed(async () => {
        const token = createApiToken();
        const record = newTokenRecord(input, now);
        const hash = hasher.current(token);
        const ttl = input.ttlSeconds * 1000;
        await redis
          .multi()
          .set(byHash(hash), cipher.encrypt(JSON.stringify(record), byHash(hash)), 'PX', ttl)
          .set(byId(record.id), hash, 'PX', ttl)
          .zadd(INDEX, record.expiresAt, record.id)
          // The index is the one key without a TTL: expired ids leave it on every issue.
          .zremrangebyscore(INDEX, '-inf', now)
          .exec();
        return { record, token };
      }),
    verify: (token, now) =>
      failClosed(async () => {
        const hashes = hasher.all(token);
        const found = (await verifyScript([...hashes.map(byHash), ...hashes.map(usedKey)], [String(now)])) as
          | [number, string, number]
          | null;
        if (!found) return undefined;
        const [position, value, useCount] = found;
        const record = decode(byHash(hashes[position - 1] ?? ''), value);
        return record.expiresAt > now ? { ...record, lastUsedAt: now, useCount } : undefined;
      }),
    list: (now) =>
      failClosed(async () => {
        await redis.zremrangebyscore(INDEX, '-inf', now);
        const ids = await redis.zrange(INDEX, 0, -1);
        const hashes = ids.length > 0 ? await redis.mget(ids.map(byId)) : [];
        const live = hashes.filter((h): h is string => h !== null);
        if (live.length === 0) return [];
        const pipeline = redis.pipeline();
        for (const hash of live) pipeline.hmget(usedKey(hash), 'at', 'n');
        const [values, usage] = await Promise.all([redis.mget(live.map(byHash)), pipeline.exec()]);
        return live.flatMap((hash, i) => {
          const plaintext = values[i] && cipher.tryDecrypt(values[i], byHash(hash));
          if (!plaintext) return [];
          const record = JSON.parse(plaintext) as TokenRecord;
          const [at, count] = (usage?.[i]?.[1] as [string | null, string | null] | undefined) ?? [null, null];
          return [at ? { ...record, lastUsedAt: Number(at), useCount: Number(count) } : record];
        });
      }),
    revoke: (id) =>
      failClosed(async () => {
        const hash = await redis.get(byId(id));
        if (hash === null) return false;
        return (await revokeScript([byId(id), INDEX, byHash(hash), usedKey(hash)], [id, hash])) === 1;
      }),
  };
}
