import { createHash } from 'node:crypto';
import type { AuditEntry, AuditEvent, AuditVerification } from './audit-store.js';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Where the kept chain starts: the seq and hash of the last entry retention removed (the genesis
 * before any was). The first kept entry must follow it, so removing more from the front is still
 * detected after trimming.
 */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export const GENESIS: ChainAnchor = { seq: 0, hash: GENESIS_HASH };

/** The anchor after dropping every entry before `firstKept`. */
export function anchorBefore(firstKept: AuditEntry): ChainAnchor {
  return { seq: firstKept.seq - 1, hash: firstKept.prevHash };
}

export function sealEntry(event: AuditEvent, seq: number, now: number, prevHash: string): AuditEntry {
  const body = { ...event, seq, at: new Date(now).toISOString(), prevHash };
  return { ...body, hash: hashOf(body) };
}

/**
 * Walks the chain from its anchor: each entry's hash covers its content and the previous hash, so an
 * edited entry breaks its own hash, a removed one breaks the next link, a removed head no longer
 * follows the anchor, and a removed tail no longer matches `head`.
 */
export function verifyChain(entries: readonly (AuditEntry | undefined)[], head: string, anchor: ChainAnchor = GENESIS): AuditVerification {
  let prevHash = anchor.hash;
  for (const [index, entry] of entries.entries()) {
    if (!entry) return { ok: false, entries: entries.length, brokenAt: index, reason: 'entry cannot be decrypted' };
    const { hash, ...body } = entry;
    if (entry.seq !== anchor.seq + index + 1) return { ok: false, entries: entries.length, brokenAt: index, reason: 'sequence gap' };
    if (entry.prevHash !== prevHash) return { ok: false, entries: entries.length, brokenAt: index, reason: 'previous hash mismatch' };
    if (hashOf(body) !== hash) return { ok: false, entries: entries.length, brokenAt: index, reason: 'entry hash mismatch' };
    prevHash = hash;
  }
  if (prevHash !== head) return { ok: false, entries: entries.length, brokenAt: entries.length, reason: 'chain head mismatch' };
  return { ok: true, entries: entries.length };
}

export function filterEntries(entries: readonly AuditEntry[], query: { since?: number; limit: number }): AuditEntry[] {
  const since = query.since;
  const matching = since === undefined ? entries : entries.filter((e) => Date.parse(e.at) >= since);
  return matching.slice(-query.limit);
}

function hashOf(body: Omit<AuditEntry, 'hash'>): string {
  // Fixed key order, and absent equals undefined: the hash survives a JSON round trip through storage.
  const ordered = Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}
