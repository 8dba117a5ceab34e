import { anchorBefore, filterEntries, GENESIS, sealEntry, verifyChain, type ChainAnchor } from './audit-chain.js';
import { DEFAULT_AUDIT_RETENTION, trimThreshold, type AuditEntry, type AuditEvent, type AuditRetention, type AuditStore } from './audit-store.js';
import type { RedisClient } from './create-redis-client.js';
import type { RecordCipher } from './record-cipher.js';
import { createRedisScript } from './redis-script.js';
import { failClosed, StorageUnavailableError } from './storage-unavailable-error.js';

/** One hash tag for the trail's keys: the scripts below change them together (one Cluster slot). */
const LIST = 'sg:{audit}:entries';
/** `<seq>:<hash>` of the newest entry; what the next entry chains onto. */
const HEAD = 'sg:{audit}:head';
/** The encrypted chain anchor (seq and hash of the last entry retention removed); absent until the first trim. */
const ANCHOR = 'sg:{audit}:anchor';
const EMPTY_HEAD = `${GENESIS.seq}:${GENESIS.hash}`;
const MAX_ATTEMPTS = 20;

/** Appends only if the head is still the one the entry was chained to (compare-and-append); returns the new length. */
const APPEND_SCRIPT = `
local head = redis.call('GET', KEYS[2]) or ARGV[1]
if head ~= ARGV[2] then return 0 end
local length = redis.call('RPUSH', KEYS[1], ARGV[4])
redis.call('SET', KEYS[2], ARGV[3])
return length`;

/** Drops the oldest entries and moves the anchor, unless another instance trimmed first. */
const TRIM_SCRIPT = `
local anchor = redis.call('GET', KEYS[2]) or ''
if anchor ~= ARGV[1] then return 0 end
redis.call('LTRIM', KEYS[1], ARGV[2], -1)
redis.call('SET', KEYS[2], ARGV[3])
return 1`;

/**
 * A hash-chained, encrypted list shared by all instances. Entries are sealed in Node (the key never
 * reaches Redis) and appended with a compare-and-append script, retried when another instance won.
 * Appends from this process are queued one after another, so only other instances ever contend.
 * Retention keeps the newest `maxEntries`: past them (plus 1%) the oldest are dropped and the
 * anchor, encrypted like the entries so nobody without the key can move it, records where the kept
 * chain starts.
 */
export function createRedisAuditStore(redis: RedisClient, cipher: RecordCipher, retention: AuditRetention = DEFAULT_AUDIT_RETENTION): AuditStore {
  let queue: Promise<unknown> = Promise.resolve();
  const appendScript = createRedisScript(redis, APPEND_SCRIPT);
  const trimScript = createRedisScript(redis, TRIM_SCRIPT);
  const aadOf = (seq: number) => `${LIST}#${seq}`;
  const decodeEntry = (value: string, seq: number): AuditEntry | undefined => {
    const plaintext = cipher.tryDecrypt(value, aadOf(seq));
    return plaintext === undefined ? undefined : (JSON.parse(plaintext) as AuditEntry);
  };

  const readAll = async () => {
    // One transaction: a trim by another instance cannot fall between reading the list and its anchor.
    const [[, values], [, head], [, anchorValue]] = ((await redis.multi().lrange(LIST, 0, -1).get(HEAD).get(ANCHOR).exec()) ?? []) as [
      [unknown, string[]],
      [unknown, string | null],
      [unknown, string | null],
    ];
    const anchorText = anchorValue === null ? JSON.stringify(GENESIS) : cipher.tryDecrypt(anchorValue, ANCHOR);
    const anchor = anchorText === undefined ? undefined : (JSON.parse(anchorText) as ChainAnchor);
    const entries = anchor ? values.map((value, i) => decodeEntry(value, anchor.seq + i + 1)) : [];
    return { entries, anchor, head: (head ?? EMPTY_HEAD).split(':')[1] ?? '' };
  };

  /** Drops the entries before the newest `maxEntries`; the one kept first names the new anchor. */
  const trim = async (length: number, newest: AuditEntry) => {
    const drop = length - retention.maxEntries;
    const [anchorValue, firstKeptValue] = await Promise.all([redis.get(ANCHOR), redis.lindex(LIST, drop)]);
    const firstKept = firstKeptValue === null ? undefined : decodeEntry(firstKeptValue, newest.seq - retention.maxEntries + 1);
    // An entry that cannot be read stays: verify reports it, and retention must not bury it.
    if (!firstKept) return;
    await trimScript([LIST, ANCHOR], [anchorValue ?? '', String(drop), cipher.encrypt(JSON.stringify(anchorBefore(firstKept)), ANCHOR)]);
  };

  const appendOnce = (event: AuditEvent, now: number) =>
    failClosed(async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const head = (await redis.get(HEAD)) ?? EMPTY_HEAD;
        const [seq = '0', prevHash = ''] = head.split(':');
        const entry = sealEntry(event, Number(seq) + 1, now, prevHash);
        const value = cipher.encrypt(JSON.stringify(entry), aadOf(entry.seq));
        const length = Number(await appendScript([LIST, HEAD], [EMPTY_HEAD, head, `${entry.seq}:${entry.hash}`, value]));
        if (length > 0) {
          if (length > trimThreshold(retention)) await trim(length, entry);
          return entry;
        }
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
        const { entries, anchor, head } = await readAll();
        if (!anchor) return { ok: false, entries: entries.length, brokenAt: 0, reason: 'anchor cannot be decrypted' };
        return verifyChain(entries, head, anchor);
      }),
  };
}
