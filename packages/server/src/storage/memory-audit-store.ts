import { anchorBefore, filterEntries, GENESIS, sealEntry, verifyChain } from './audit-chain.js';
import { DEFAULT_AUDIT_RETENTION, trimThreshold, type AuditEntry, type AuditRetention, type AuditStore } from './audit-store.js';

export function createMemoryAuditStore(entries: AuditEntry[] = [], retention: AuditRetention = DEFAULT_AUDIT_RETENTION): AuditStore {
  let anchor = entries[0] ? anchorBefore(entries[0]) : GENESIS;
  let head = entries.at(-1)?.hash ?? anchor.hash;
  return {
    async append(event, now) {
      const entry = sealEntry(event, anchor.seq + entries.length + 1, now, head);
      entries.push(entry);
      head = entry.hash;
      if (entries.length > trimThreshold(retention)) {
        entries.splice(0, entries.length - retention.maxEntries);
        anchor = anchorBefore(entries[0] ?? entry);
      }
      return entry;
    },
    async list(query) {
      return filterEntries(entries, query);
    },
    async verify() {
      return verifyChain(entries, head, anchor);
    },
  };
}
