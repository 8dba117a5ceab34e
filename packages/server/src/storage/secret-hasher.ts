import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import type { EncryptionKey } from '../config/parse-encryption-keys.js';

export interface SecretHasher {
  /** HMAC-SHA256 under the current key: the name a secret is stored under. */
  current(secret: string): string;
  /** One HMAC per configured key, current first: lookups still find records stored before a rotation. */
  all(secret: string): string[];
}

/**
 * Store keys are HMACs of the secret (token, session id), never the secret itself. The HMAC key is
 * derived with HKDF so it differs from the AES key that encrypts the values.
 */
export function createSecretHasher(keys: readonly EncryptionKey[]): SecretHasher {
  const hmacKeys = keys.map((k) => createSecretKey(Buffer.from(hkdfSync('sha256', k.key, Buffer.alloc(0), 'shiftguard/lookup/v1', 32))));
  const digest = (key: KeyObject, secret: string) => createHmac('sha256', key).update(secret).digest('base64url');
  const first = hmacKeys[0];
  if (!first) throw new Error('createSecretHasher needs at least one key');
  return {
    current: (secret) => digest(first, secret),
    all: (secret) => hmacKeys.map((key) => digest(key, secret)),
  };
}
