import { writeFile } from 'node:fs/promises';
import type { TokenStore } from './token-store.js';

/** Keeps tokens in a JSON file: fine on a laptop, a leak waiting to happen on a server. */
export class FileTokenStore implements TokenStore {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly file: string) {}

  async save(subject: string, token: string): Promise<void> {
    this.tokens.set(subject, token);
    await writeFile(this.file, JSON.stringify(Object.fromEntries(this.tokens)));
  }

  async revoke(id: string): Promise<void> {
    this.tokens.delete(id);
    await writeFile(this.file, JSON.stringify(Object.fromEntries(this.tokens)));
  }

  async count(): Promise<number> {
    return this.tokens.size;
  }
}
