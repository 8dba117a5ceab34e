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
