import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ts } from '../parse/typescript.js';
import { loadPathAliases, memoryPathAliases, noAliases } from './path-aliases.js';

const FILES = ['src/app.ts', 'src/middleware/auth.ts', 'src/lib/index.ts', 'src/logger.ts', 'scripts/seed.ts'];
const parseJson = (path: string, text: string) => ts.parseConfigFileTextToJson(path, text).config;
const inMemory = (compilerOptions: object, files = FILES, at = 'tsconfig.json') =>
  memoryPathAliases(files, [{ path: at, text: JSON.stringify({ compilerOptions }) }], parseJson);

describe('path aliases from a tsconfig', () => {
  const atSign = { paths: { '@/*': ['./src/*'] } };
  const baseUrl = { baseUrl: './src' };
  const nestDefault = { baseUrl: './' };
  const catchAll = { baseUrl: '.', paths: { '*': ['src/*', 'node_modules/*'] } };
  const exact = { paths: { '#logger': ['./src/logger.ts'] } };
  // tsc rejects a non-relative substitution without baseUrl.
  const invalid = { paths: { '@/*': ['src/*'] } };

  it.each([
    // [compilerOptions, specifier, is a project module, module paths tried]
    [atSign, '@/middleware/auth', true, ['src/middleware/auth']],
    [atSign, '@/lib', true, ['src/lib']],
    [atSign, '@hono/zod-validator', false, []],
    [atSign, 'hono', false, []],
    [atSign, './local', true, []],
    [baseUrl, 'middleware/auth', true, ['src/middleware/auth']],
    [baseUrl, 'logger', true, ['src/logger']],
    [baseUrl, 'hono', false, []],
    [baseUrl, 'pino', false, []],
    [nestDefault, 'src/middleware/auth', true, ['src/middleware/auth']],
    [nestDefault, 'scripts/seed', true, ['scripts/seed']],
    [nestDefault, '@nestjs/common', false, []],
    [catchAll, 'src/lib', true, ['src/src/lib', 'node_modules/src/lib']],
    [catchAll, 'express', false, []],
    [exact, '#logger', true, ['src/logger.ts']],
    [exact, '#logger/x', false, []],
    [invalid, '@/logger', false, []],
  ])('%j: %s', (options, specifier, project, modulePaths) => {
    const aliases = inMemory(options);
    expect(aliases.isProject('src/app.ts', specifier)).toBe(project);
    expect(aliases.modulePaths('src/app.ts', specifier)).toEqual(modulePaths);
  });

  it('applies the nearest config: a package of a monorepo has its own', () => {
    const files = ['apps/api/src/app.ts', 'apps/api/src/auth.ts', 'apps/web/src/app.ts', 'apps/web/src/auth.ts'];
    const aliases = memoryPathAliases(files, [{ path: 'apps/api/tsconfig.json', text: '{ "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }' }], parseJson);
    expect(aliases.modulePaths('apps/api/src/app.ts', '~/auth')).toEqual(['apps/api/src/auth']);
    expect(aliases.isProject('apps/web/src/app.ts', '~/auth')).toBe(false);
  });

  it('reads comments and trailing commas as tsc does', () => {
    const aliases = memoryPathAliases(FILES, [{ path: 'tsconfig.json', text: '{\n // aliases\n "compilerOptions": { "paths": { "@/*": ["./src/*"], }, },\n}' }], parseJson);
    expect(aliases.modulePaths('src/app.ts', '@/logger')).toEqual(['src/logger']);
  });

  it('has no aliases and an empty fingerprint without a config', () => {
    const aliases = memoryPathAliases(FILES, [], parseJson);
    expect(aliases).toBe(noAliases);
    expect(aliases.isProject('src/app.ts', '@/logger')).toBe(false);
    expect(inMemory({ strict: true }).fingerprint).toBe('');
  });

  it('changes its fingerprint with the mappings and with the names under baseUrl', () => {
    const prints = new Set([
      inMemory(atSign).fingerprint,
      inMemory({ paths: { '@/*': ['./lib/*'] } }).fingerprint,
      inMemory(baseUrl).fingerprint,
      inMemory(baseUrl, [...FILES, 'src/billing/index.ts']).fingerprint,
    ]);
    expect(prints.size).toBe(4);
    // A new file in a folder that exists already changes nothing a specifier resolves to.
    expect(inMemory(baseUrl, [...FILES, 'src/middleware/admin.ts']).fingerprint).toBe(inMemory(baseUrl).fingerprint);
  });
});

describe('loadPathAliases (disk)', () => {
  let root = '';
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('follows extends to a base config that holds the paths', () => {
    root = mkdtempSync(join(tmpdir(), 'sg-aliases-'));
    write('tsconfig.base.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["packages/api/src/*"] } } }');
    write('packages/api/tsconfig.json', '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "strict": true } }');
    const files = ['packages/api/src/app.ts', 'packages/api/src/guard.ts'];
    const aliases = loadPathAliases(root, files);
    expect(aliases.modulePaths('packages/api/src/app.ts', '@app/guard')).toEqual(['packages/api/src/guard']);
    expect(aliases.fingerprint).not.toBe('');
  });

  it('uses jsconfig.json when there is no tsconfig.json', () => {
    root = mkdtempSync(join(tmpdir(), 'sg-aliases-'));
    write('jsconfig.json', '{ "compilerOptions": { "baseUrl": "src" } }');
    const aliases = loadPathAliases(root, ['src/app.js', 'src/auth/guard.js']);
    expect(aliases.modulePaths('src/app.js', 'auth/guard')).toEqual(['src/auth/guard']);
  });

  it('treats a broken tsconfig as none', () => {
    root = mkdtempSync(join(tmpdir(), 'sg-aliases-'));
    write('tsconfig.json', '{ "extends": "./missing.json", "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }');
    const aliases = loadPathAliases(root, ['src/app.ts', 'src/auth.ts']);
    expect(aliases.isProject('src/app.ts', '@/auth')).toBe(false);
    expect(aliases.isProject('src/app.ts', './auth')).toBe(true);
  });
});
