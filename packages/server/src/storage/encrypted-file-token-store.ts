import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createMemoryTokenStore } from './memory-token-store.js';
import type { RecordCipher } from './record-cipher.js';
import type { SecretHasher } from './secret-hasher.js';
import type { IssueTokenInput, TokenRecord, TokenStore } from './token-store.js';

const AAD = 'shiftguard/file-token-store/v1';

/**
 * Development only: tokens survive a restart in one AES-GCM encrypted file (mode 0600). A file on
 * one machine cannot be shared by several instances and is easy to copy, so the constructor
 * refuses to run when NODE_ENV is production.
 */
export class EncryptedFileTokenStore implements TokenStore {
  readonly #records: Map<string, TokenRecord>;
  readonly #inner: TokenStore;

  constructor(
    readonly path: string,
    private readonly cipher: RecordCipher,
    hasher: SecretHasher,
  ) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error('EncryptedFileTokenStore is for development only: use Redis storage in production.');
    }
    this.#records = existsSync(path)
      ? new Map(JSON.parse(cipher.decrypt(readFileSync(path, 'utf8'), AAD)) as [string, TokenRecord][])
      : new Map();
    this.#inner = createMemoryTokenStore(hasher, this.#records);
  }

  async issue(input: IssueTokenInput, now: number) {
    const issued = await this.#inner.issue(input, now);
    this.#save();
    return issued;
  }

  async verify(token: string, now: number) {
    return this.#inner.verify(token, now);
  }

  async list(now: number) {
    return this.#inner.list(now);
  }

  async revoke(id: string) {
    const revoked = await this.#inner.revoke(id);
    if (revoked) this.#save();
    return revoked;
  }

  #save(): void {
    writeFileSync(this.path, this.cipher.encrypt(JSON.stringify([...this.#records]), AAD), { mode: 0o600 });
  }
}
