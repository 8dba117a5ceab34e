import { randomBytes } from 'node:crypto';

export interface TokenRecord {
  id: string;
  subject: string;
  scopes: string[];
  createdAt: number;
  expiresAt: number;
  lastUsedAt?: number;
  /** How many requests this token authenticated (counted atomically in the store). */
  useCount?: number;
}

export interface IssueTokenInput {
  subject: string;
  scopes: string[];
  ttlSeconds: number;
}

export interface IssuedToken {
  record: TokenRecord;
  /** The bearer value: returned once, stored nowhere. */
  token: string;
}

export interface TokenStore {
  issue(input: IssueTokenInput, now: number): Promise<IssuedToken>;
  /** The live record for a bearer value, recording its use; undefined when unknown, revoked or expired. */
  verify(token: string, now: number): Promise<TokenRecord | undefined>;
  list(now: number): Promise<TokenRecord[]>;
  /** True when a token was revoked. */
  revoke(id: string): Promise<boolean>;
}

/** 256 bits of randomness with a recognisable prefix (secret scanners can spot a leaked one). */
export function createApiToken(): string {
  return `sgt_${randomBytes(32).toString('base64url')}`;
}

export function createRecordId(): string {
  return randomBytes(16).toString('hex');
}

export function newTokenRecord(input: IssueTokenInput, now: number): TokenRecord {
  return {
    id: createRecordId(),
    subject: input.subject,
    scopes: [...input.scopes],
    createdAt: now,
    expiresAt: now + input.ttlSeconds * 1000,
  };
}
