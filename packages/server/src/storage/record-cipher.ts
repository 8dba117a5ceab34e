import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../config/parse-encryption-keys.js';

export interface RecordCipher {
  /** AES-256-GCM under the current key; `aad` (the record's key name) binds the value to its slot. */
  encrypt(plaintext: string, aad: string): string;
  /** Throws `TamperedRecordError` on an unknown key id, a wrong slot or any modified byte. */
  decrypt(value: string, aad: string): string;
  /** `decrypt`, with undefined for a value that fails authentication (listings skip such records). */
  tryDecrypt(value: string, aad: string): string | undefined;
}

export class TamperedRecordError extends Error {
  override readonly name = 'TamperedRecordError';
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Value format: `v1.<kid>.<iv>.<ciphertext+tag>` (base64url parts). */
export function createRecordCipher(keys: readonly EncryptionKey[]): RecordCipher {
  const current = keys[0];
  if (!current) throw new Error('createRecordCipher needs at least one key');
  const byKid = new Map(keys.map((k) => [k.kid, k.key]));

  const cipher: RecordCipher = {
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return [VERSION, current.kid, iv.toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(value, aad) {
      const [version, kid, ivPart, bodyPart, extra] = value.split('.');
      const key = kid === undefined ? undefined : byKid.get(kid);
      if (version !== VERSION || !key || !ivPart || !bodyPart || extra !== undefined) {
        throw new TamperedRecordError('stored value has an unknown format or key id');
      }
      const iv = Buffer.from(ivPart, 'base64url');
      const body = Buffer.from(bodyPart, 'base64url');
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new TamperedRecordError('stored value is truncated');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(aad));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new TamperedRecordError('stored value failed authentication', { cause });
      }
    },
    tryDecrypt(value, aad) {
      try {
        return cipher.decrypt(value, aad);
      } catch (error) {
        if (error instanceof TamperedRecordError) return undefined;
        throw error;
      }
    },
  };
  return cipher;
}
