import { createHash } from 'node:crypto';
import type { AuditEntry, AuditEvent, AuditVerification } from './audit-store.js';

export const GENESIS_HASH = '0'.repeat(64);

export function sealEntry(event: AuditEvent, seq: number, now: number, prevHash: string): AuditEntry {
  const body = { ...event, seq, at: new Date(now).toISOString(), prevHash };
  return { ...body, hash: hashOf(body) };
}

/**
 * Walks the chain: each entry's hash covers its content and the previous hash, so an edited entry
 * breaks its own hash, a removed one breaks the next link, and a removed tail no longer matches `head`.
 */
export function verifyChain(entries: readonly (AuditEntry | undefined)[], head: string): AuditVerification {
  let prevHash = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    if (!entry) return { ok: false, entries: entries.length, brokenAt: index, reason: 'entry cannot be decrypted' };
    const { hash, ...body } = entry;
    if (entry.seq !== index + 1) return { ok: false, entries: entries.length, brokenAt: index, reason: 'sequence gap' };
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
