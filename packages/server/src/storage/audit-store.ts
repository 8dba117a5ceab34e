export type AuditAction =
  | 'token.issue'
  | 'token.list'
  | 'token.revoke'
  | 'session.list'
  | 'session.end'
  | 'audit.read'
  | 'audit.verify'
  | 'auth.failure';

export interface AuditEvent {
  /** Who: `admin:<key fingerprint>`, `token:<id>`, `oauth:<hash>` or `anonymous`. */
  actor: string;
  action: AuditAction;
  target?: string;
  /** From where: the client IP as the server determined it. */
  ip: string;
  outcome: 'success' | 'failure';
  reason?: string;
}

export interface AuditEntry extends AuditEvent {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

export interface AuditStore {
  append(event: AuditEvent, now: number): Promise<AuditEntry>;
  list(query: { since?: number; limit: number }): Promise<AuditEntry[]>;
  verify(): Promise<AuditVerification>;
}

export interface AuditRetention {
  /** Entries kept; older ones are removed (in batches of 1%) behind an anchor that keeps `verify` working. */
  maxEntries: number;
}

/** 100 000 entries: months of admin actions and rate-limited auth failures, a few tens of MB in Redis. */
export const DEFAULT_AUDIT_RETENTION: AuditRetention = { maxEntries: 100_000 };

/** How many entries over `maxEntries` a trail may grow before it is trimmed back (1%, at least one). */
export function trimThreshold(retention: AuditRetention): number {
  return retention.maxEntries + Math.max(1, Math.floor(retention.maxEntries / 100));
}
