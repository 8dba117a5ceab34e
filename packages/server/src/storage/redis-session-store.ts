import type { RedisClient } from './create-redis-client.js';
import type { RecordCipher } from './record-cipher.js';
import type { SecretHasher } from './secret-hasher.js';
import { isWithinLifetime, type SessionRecord, type SessionStore, type SessionTimeouts } from './session-store.js';
import { failClosed } from './storage-unavailable-error.js';

/** One hash tag for every session key: a record and the index change together (one Cluster slot). */
const PREFIX = 'sg:{ses}:';
const keyOf = (handle: string) => `${PREFIX}h:${handle}`;
const INDEX = `${PREFIX}index`;

/**
 * Sessions are encrypted records under the HMAC of their id with an idle TTL that each use renews
 * (GETEX), so any instance can serve any session and an abandoned one disappears by itself. The
 * index (for the admin list) is scored by creation; entries past the absolute lifetime leave it on
 * create, so it never grows without bound.
 */
export function createRedisSessionStore(redis: RedisClient, cipher: RecordCipher, hasher: SecretHasher, timeouts: SessionTimeouts): SessionStore {
  const { idleSeconds } = timeouts;
  const decode = (handle: string, value: string) => JSON.parse(cipher.decrypt(value, keyOf(handle))) as SessionRecord;

  return {
    create: (sessionId, fields) =>
      failClosed(async () => {
        const record: SessionRecord = { ...fields, handle: hasher.current(sessionId) };
        await redis
          .multi()
          .set(keyOf(record.handle), cipher.encrypt(JSON.stringify(record), keyOf(record.handle)), 'EX', idleSeconds)
          .zadd(INDEX, fields.createdAt, record.handle)
          .zremrangebyscore(INDEX, '-inf', fields.createdAt - timeouts.maxSeconds * 1000)
          .exec();
        return record;
      }),
    touch: (sessionId, now) =>
      failClosed(async () => {
        for (const handle of hasher.all(sessionId)) {
          const value = await redis.getex(keyOf(handle), 'EX', idleSeconds);
          if (!value) continue;
          const record = decode(handle, value);
          if (isWithinLifetime(record, now, timeouts)) return { ...record, lastSeenAt: now };
          await redis.multi().del(keyOf(handle)).zrem(INDEX, handle).exec();
          return undefined;
        }
        return undefined;
      }),
    list: () =>
      failClosed(async () => {
        const handles = await redis.zrange(INDEX, 0, -1);
        if (handles.length === 0) return [];
        const values = await redis.mget(handles.map(keyOf));
        const gone = handles.filter((_, i) => !values[i]);
        if (gone.length > 0) await redis.zrem(INDEX, ...gone);
        // A record that fails authentication is left out; it is reported when someone uses it.
        return handles.flatMap((handle, i) => {
          const plaintext = values[i] && cipher.tryDecrypt(values[i], keyOf(handle));
          return plaintext ? [JSON.parse(plaintext) as SessionRecord] : [];
        });
      }),
    deleteByHandle: (handle) =>
      failClosed(async () => {
        const [[, deleted] = []] = (await redis.multi().del(keyOf(handle)).zrem(INDEX, handle).exec()) ?? [];
        return deleted === 1;
      }),
    delete: (sessionId) =>
      failClosed(async () => {
        const results = await Promise.all(
          hasher.all(sessionId).map(async (handle) => (await redis.multi().del(keyOf(handle)).zrem(INDEX, handle).exec())?.[0]?.[1]),
        );
        return results.some((deleted) => deleted === 1);
      }),
  };
}
