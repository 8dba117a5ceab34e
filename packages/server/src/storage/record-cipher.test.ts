import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRecordCipher, TamperedRecordError } from './record-cipher.js';

const k1 = { kid: 'k1', key: randomBytes(32) };
const k2 = { kid: 'k2', key: randomBytes(32) };

describe('createRecordCipher', () => {
  it('round-trips with a fresh IV each time and names the key id', () => {
    const cipher = createRecordCipher([k1]);
    const a = cipher.encrypt('{"subject":"alice"}', 'slot');
    const b = cipher.encrypt('{"subject":"alice"}', 'slot');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.k1.')).toBe(true);
    expect(a).not.toContain('alice');
    expect(cipher.decrypt(a, 'slot')).toBe('{"subject":"alice"}');
  });

  it('decrypts old values after rotation and encrypts with the first key', () => {
    const old = createRecordCipher([k1]).encrypt('secret', 'slot');
    const rotated = createRecordCipher([k2, k1]);
    expect(rotated.decrypt(old, 'slot')).toBe('secret');
    expect(rotated.encrypt('x', 'slot').startsWith('v1.k2.')).toBe(true);
  });

  it.each([
    ['another slot (associated data)', (v: string) => v, 'other-slot'],
    ['an unknown key id', (v: string) => v.replace('v1.k1.', 'v1.k9.'), 'slot'],
    // A middle character: the last base64url character may only carry padding bits.
    ['a flipped ciphertext byte', (v: string) => v.slice(0, -8) + (v.at(-8) === 'A' ? 'B' : 'A') + v.slice(-7), 'slot'],
    ['a truncated value', (v: string) => v.slice(0, 30), 'slot'],
    ['an extra part', (v: string) => `${v}.x`, 'slot'],
    ['another format version', (v: string) => v.replace('v1.', 'v0.'), 'slot'],
  ])('rejects %s', (_name, change, aad) => {
    const cipher = createRecordCipher([k1]);
    expect(() => cipher.decrypt(change(cipher.encrypt('secret', 'slot')), aad)).toThrow(TamperedRecordError);
  });

  it('tryDecrypt answers undefined for a value that fails authentication, and the plaintext otherwise', () => {
    const cipher = createRecordCipher([k1]);
    const value = cipher.encrypt('secret', 'slot');
    expect(cipher.tryDecrypt(value, 'slot')).toBe('secret');
    expect(cipher.tryDecrypt(value, 'other-slot')).toBeUndefined();
    expect(cipher.tryDecrypt('garbage', 'slot')).toBeUndefined();
  });
});
