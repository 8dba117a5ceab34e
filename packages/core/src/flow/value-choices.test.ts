import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { scanFiles } from '../scan-files.js';
import { extractFlowFacts } from './flow-facts.js';

function factsOf(code: string) {
  const sf = parseSource('src/a.ts', code);
  return extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) });
}

describe('values a module picks by NODE_ENV (valueChoicesOf)', () => {
  it('records a const, fields of a const object and of the default export', () => {
    const code = [
      "export const tokenStore = process.env.NODE_ENV === 'production' ? 'redis' : 'file';",
      "export const config = { port: 3000, sessions: isDev ? 'file' : 'redis' };",
      "export default { store: process.env.NODE_ENV !== 'production' ? 'file' : 'redis' };",
      "export const frozen = Object.freeze({ cache: isProduction ? 'redis' : 'disk' } as const);",
      "export const useFileStore = process.env.NODE_ENV !== 'production';",
    ].join('\n');
    expect(factsOf(code).choices).toEqual([
      { name: 'tokenStore', whenTrue: 'redis', whenFalse: 'file', env: { whenTrue: 'prod', whenFalse: 'nonprod' } },
      { name: 'config', field: 'sessions', whenTrue: 'file', whenFalse: 'redis', env: { whenTrue: 'nonprod', whenFalse: 'unknown' } },
      { name: 'default', field: 'store', whenTrue: 'file', whenFalse: 'redis', env: { whenTrue: 'nonprod', whenFalse: 'prod' } },
      { name: 'frozen', field: 'cache', whenTrue: 'redis', whenFalse: 'disk', env: { whenTrue: 'prod', whenFalse: 'nonprod' } },
      { name: 'useFileStore', whenTrue: 'true', whenFalse: 'false', env: { whenTrue: 'nonprod', whenFalse: 'prod' } },
    ]);
  });

  it.each([
    ['a choice by configuration', "export const store = process.env.STORE === 'redis' ? 'redis' : 'file';"],
    ['an override', "export const store = process.env.STORE ?? (process.env.NODE_ENV === 'production' ? 'redis' : 'file');"],
    ['a let', "export let store = process.env.NODE_ENV === 'production' ? 'redis' : 'file';"],
    ['non-literal picks', "export const store = process.env.NODE_ENV === 'production' ? redis : file;"],
  ])('records none for %s', (_name, code) => {
    expect(factsOf(code).choices).toBeUndefined();
  });
});

describe('tests of an imported value around a store choice (importedGuardAt)', () => {
  const head = "import { config, tokenStore } from './config.js';\nimport * as settings from './settings.js';\nclass FileStore {}\n";
  const guardOf = (code: string) => factsOf(head + code).news.map((n) => n.importedGuard);

  it.each([
    ['an if', "if (config.tokenStore === 'file') new FileStore();", { local: 'config', member: 'tokenStore', value: 'file', equal: true }],
    ['an else branch', "if ('file' !== tokenStore) {} else new FileStore();", { local: 'tokenStore', value: 'file', equal: true }],
    ['a ternary', "const s = settings.store === 'redis' ? null : new FileStore();", { local: 'settings', member: 'store', value: 'redis', equal: false }],
    ['an early return', "function make() { if (config.tokenStore !== 'file') return null; return new FileStore(); }", { local: 'config', member: 'tokenStore', value: 'file', equal: true }],
    ['a flag', 'if (settings.useFileStore) new FileStore();', { local: 'settings', member: 'useFileStore', value: 'true', equal: true }],
    ['a negated flag', 'if (!tokenStore) {} else new FileStore();', { local: 'tokenStore', value: 'true', equal: true }],
    ['a switch clause', "function make() { switch (config.tokenStore) { case 'redis': return null; case 'file': return new FileStore(); } }", { local: 'config', member: 'tokenStore', value: 'file', equal: true }],
  ])('%s', (_name, code, expected) => {
    expect(guardOf(code)).toEqual([expected]);
  });

  it.each([
    ['a local value', "const kind = 'file'; if (kind === 'file') new FileStore();"],
    ['a NODE_ENV guard, read in place', "if (process.env.NODE_ENV !== 'production') new FileStore();"],
    ['a package value', "import { mode } from 'some-config'; if (mode === 'file') new FileStore();"],
    ['a clause another falls into', "function make() { switch (config.tokenStore) { case 'redis': warn(); case 'file': return new FileStore(); } }"],
  ])('none for %s', (_name, code) => {
    expect(guardOf(code)).toEqual([undefined]);
  });
});

describe('imported guards across files (importedGuardEnv)', () => {
  const store = { path: 'src/file-token-store.ts', text: "import { writeFile } from 'node:fs/promises';\nexport class FileTokenStore { async save(token: string) { await writeFile('tokens.json', token); } }\n" };
  const factory = {
    path: 'src/factory.ts',
    text: "import { config } from './config.js';\nimport { FileTokenStore } from './file-token-store.js';\nexport function createTokenStore() {\n  if (config.tokenStore === 'file') return new FileTokenStore();\n  return null;\n}\n",
  };
  const findingsWith = (config: string) => scanFiles({ files: [store, factory, { path: 'src/config.ts', text: config }] }).findings.map((f) => `${f.file}:${f.line}`);

  it('clears a choice the other module makes only outside production', () => {
    expect(findingsWith("export const config = { tokenStore: process.env.NODE_ENV === 'production' ? 'redis' : 'file' };")).toEqual([]);
  });

  it('reads a flag that is a NODE_ENV condition, and a string tested for truth as no guard', () => {
    const flagged = (config: string, test: string) => scanFiles({ files: [store, { ...factory, text: factory.text.replace("config.tokenStore === 'file'", test) }, { path: 'src/config.ts', text: config }] }).findings.length;
    expect(flagged("export const config = { fileStore: process.env.NODE_ENV !== 'production' };", 'config.fileStore')).toBe(0);
    expect(flagged("export const config = { fileStore: process.env.NODE_ENV === 'production' };", 'config.fileStore')).toBe(1);
    expect(flagged("export const config = { tokenStore: process.env.NODE_ENV === 'production' ? 'redis' : 'file' };", 'config.tokenStore')).toBe(1);
  });

  it.each([
    ['picked in production', "export const config = { tokenStore: process.env.NODE_ENV === 'production' ? 'file' : 'memory' };"],
    ['picked by configuration', "export const config = { tokenStore: process.env.TOKEN_STORE ?? 'file' };"],
    ['compared with neither pick', "export const config = { tokenStore: process.env.NODE_ENV === 'production' ? 'redis' : 'memory' };"],
  ])('keeps the finding when the value is %s', (_name, config) => {
    expect(findingsWith(config)).toEqual(['src/factory.ts:4']);
  });
});
