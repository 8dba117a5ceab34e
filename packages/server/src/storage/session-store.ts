export interface SessionRecord {
  /** Store handle (HMAC of the session id): what admins see and delete; the id itself is never stored. */
  handle: string;
  /** Who opened the session: `token:<id>` or `oauth:<hash>`. Other principals get 404. */
  principal: string;
  protocolVersion: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionTimeouts {
  /** A session unused this long is gone. */
  idleSeconds: number;
  /** Absolute lifetime (OWASP ASVS 3.3): even a busy session ends this long after it was opened. */
  maxSeconds: number;
}

export function isWithinLifetime(record: Pick<SessionRecord, 'createdAt'>, now: number, timeouts: SessionTimeouts): boolean {
  return record.createdAt + timeouts.maxSeconds * 1000 > now;
}

export interface SessionStore {
  create(sessionId: string, record: Omit<SessionRecord, 'handle'>): Promise<SessionRecord>;
  /** Loads a live session and extends its idle expiry; undefined when unknown or expired. */
  touch(sessionId: string, now: number): Promise<SessionRecord | undefined>;
  list(now: number): Promise<SessionRecord[]>;
  deleteByHandle(handle: string): Promise<boolean>;
  delete(sessionId: string): Promise<boolean>;
}
