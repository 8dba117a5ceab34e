export interface EncryptionKey {
  /** Key id stored beside every ciphertext so old values decrypt after rotation. */
  kid: string;
  key: Buffer;
}

export type ParsedKeys = { ok: true; keys: EncryptionKey[] } | { ok: false; problems: string[] };

const KID = /^[A-Za-z0-9_-]{1,32}$/;

/** `kid:base64key,kid2:base64key2`: the first key encrypts, every key decrypts. */
export function parseEncryptionKeys(value: string): ParsedKeys {
  const problems: string[] = [];
  const keys: EncryptionKey[] = [];
  for (const [index, entry] of value.split(',').map((s) => s.trim()).filter(Boolean).entries()) {
    const separator = entry.indexOf(':');
    const kid = separator > 0 ? entry.slice(0, separator) : '';
    if (!KID.test(kid)) {
      problems.push(`entry ${index + 1} needs the form kid:base64key with a kid of letters, digits, _ or -.`);
      continue;
    }
    const key = Buffer.from(entry.slice(separator + 1), 'base64');
    if (key.length !== 32) problems.push(`key "${kid}" must decode to 32 bytes, got ${key.length}.`);
    else if (keys.some((k) => k.kid === kid)) problems.push(`key id "${kid}" appears twice.`);
    else keys.push({ kid, key });
  }
  if (keys.length === 0 && problems.length === 0) problems.push('no key given.');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
}
