import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EncryptedFileTokenStore } from './encrypted-file-token-store.js';
import { createRecordCipher } from './record-cipher.js';
import { createSecretHasher } from './secret-hasher.js';

const keys = [{ kid: 'dev', key: randomBytes(32) }];
const cipher = createRecordCipher(keys);
const hasher = createSecretHasher(keys);
const previousEnv = process.env.NODE_ENV;

describe('EncryptedFileTokenStore', () => {
  afterEach(() => {
    process.env.NODE_ENV = previousEnv;
  });

  it('refuses to be constructed when NODE_ENV is production', () => {
    process.env.NODE_ENV = 'production';
    const path = join(mkdtempSync(join(tmpdir(), 'sg-file-')), 'tokens.enc');
    expect(() => new EncryptedFileTokenStore(path, cipher, hasher)).toThrow(/development only/);
  });

  it('keeps tokens across restarts in an encrypted 0600 file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sg-file-')), 'tokens.enc');
    const first = new EncryptedFileTokenStore(path, cipher, hasher);
    const { token } = await first.issue({ subject: 'dev-subject', scopes: ['mcp'], ttlSeconds: 600 }, Date.now());
    const contents = readFileSync(path, 'utf8');
    expect(contents).not.toContain('dev-subject');
    expect(contents).not.toContain(token);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = new EncryptedFileTokenStore(path, cipher, hasher);
    expect((await second.verify(token, Date.now()))?.subject).toBe('dev-subject');
  });
});
