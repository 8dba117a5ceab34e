import type { RedisClient } from './create-redis-client.js';
import { filterEntries, GENESIS_HASH, sealEntry, verifyChain } from './audit-chain.js';
import type { AuditEntry, AuditEvent, AuditStore } from './audit-store.js';
import type { RecordCipher } from './record-cipher.js';
import { createRedisScript } from './redis-script.js';
import { failClosed, StorageUnavailableError } from './storage-unavailable-error.js';

/** One hash tag for the trail's keys: the scripts below change them together (one Cluster slot). */
const LIST = 'sg:{audit}:entries';
const HEAD = 'sg:{audit}:head';
const MAX_ATTEMPTS = 20;

/** Appends only if the head is still the one the entry was chained to (compare-and-append). */
const APPEND_SCRIPT = `
local head = redis.call('GET', KEYS[2]) or ARGV[1]
if head ~= ARGV[2] then return 0 end
local length = redis.call('LLEN', KEYS[1])
if length + 1 ~= tonumber(ARGV[3]) then return 0 end
redis.call('RPUSH', KEYS[1], ARGV[4])
redis.call('SET', KEYS[2], ARGV[5])
return 1`;

/**
 * A hash-chained, encrypted list shared by all instances. Entries are sealed in Node (the key never
 * reaches Redis) and appended with a compare-and-append script, retried when another instance won.
 * Appends from this process are queued one after another, so only other instances ever contend.
 */
export function createRedisAuditStore(redis: RedisClient, cipher: RecordCipher): AuditStore {
  let queue: Promise<unknown> = Promise.resolve();
  const appendScript = createRedisScript(redis, APPEND_SCRIPT);
  const aadOf = (seq: number) => `${LIST}#${seq}`;
  const readAll = async (): Promise<{ entries: (AuditEntry | undefined)[]; head: string }> => {
    const [values, head] = await Promise.all([redis.lrange(LIST, 0, -1), redis.get(HEAD)]);
    const entries = values.map((value, i) => {
      try {
        return JSON.parse(cipher.decrypt(value, aadOf(i + 1))) as AuditEntry;
      } catch {
        return undefined;
      }
    });
    return { entries, head: head ?? GENESIS_HASH };
  };

  const appendOnce = (event: AuditEvent, now: number) =>
    failClosed(async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const [head, length] = await Promise.all([redis.get(HEAD), redis.llen(LIST)]);
        const entry = sealEntry(event, length + 1, now, head ?? GENESIS_HASH);
        const value = cipher.encrypt(JSON.stringify(entry), aadOf(entry.seq));
        const args = [GENESIS_HASH, entry.prevHash, String(entry.seq), value, entry.hash];
        if ((await appendScript([LIST, HEAD], args)) === 1) return entry;
        // Another instance appended first: back off a little, at random, then chain onto its entry.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
      }
      throw new StorageUnavailableError('audit trail is too contended to append');
    });

  return {
    append: (event, now) => {
      const appended = queue.then(() => appendOnce(event, now));
      queue = appended.catch(() => undefined);
      return appended;
    },
    list: (query) =>
      failClosed(async () => {
        const { entries } = await readAll();
        return filterEntries(entries.filter((e): e is AuditEntry => e !== undefined), query);
      }),
    verify: () =>
      failClosed(async () => {
        const { entries, head } = await readAll();
        return verifyChain(entries, head);
      }),
  };
}
