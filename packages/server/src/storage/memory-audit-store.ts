import { filterEntries, GENESIS_HASH, sealEntry, verifyChain } from './audit-chain.js';
import type { AuditEntry, AuditStore } from './audit-store.js';

export function createMemoryAuditStore(entries: AuditEntry[] = []): AuditStore {
  let head = entries.at(-1)?.hash ?? GENESIS_HASH;
  return {
    async append(event, now) {
      const entry = sealEntry(event, entries.length + 1, now, head);
      entries.push(entry);
      head = entry.hash;
      return entry;
    },
    async list(query) {
      return filterEntries(entries, query);
    },
    async verify() {
      return verifyChain(entries, head);
    },
  };
}
