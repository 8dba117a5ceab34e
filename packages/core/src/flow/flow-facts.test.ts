import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

/** The keys of the module-level value facts `code` gives its importers. */
function valueKeysOf(code: string): string[] {
  const sf = parseSource('a.ts', code);
  return extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) })
    .functions.filter((f) => f.value === true)
    .map((f) => f.key);
}

describe('module-level values importers can read', () => {
  it.each([
    ['an exported const holding an env secret', 'export const cfg = { apiKey: process.env.API_KEY };', ['cfg']],
    ['a const exported by a list', 'const auth = { secret: process.env.AUTH_SECRET };\nexport { auth };', ['auth']],
    ['a default export expression', 'export default { jwtSecret: process.env.JWT_SECRET };', ['default']],
    ['the whole process.env', 'export const env = process.env;', ['env']],
    ['a const holding nothing secret', 'export const limits = { max: Number(process.env.MAX ?? 1) };', []],
    ['a function value (it has a function fact instead)', 'export const get = () => process.env.API_KEY;', []],
    ['a let (it may change before it is read)', 'export let token = process.env.TOKEN;', []],
    ['a const inside a function', 'export function f() { const k = process.env.API_KEY; return 1; }', []],
  ])('%s', (_name, code, keys) => {
    expect(valueKeysOf(code)).toEqual(keys);
  });
});

describe('module-level instances importers call methods on', () => {
  it.each([
    ['an instance of a class of the file', 'class Audit {}\nexport const audit = new Audit();', [{ name: 'audit', className: 'Audit' }]],
    ['an instance of a class from a project module', "import { Audit } from './audit';\nexport const audit = new Audit();", [{ name: 'audit', className: 'Audit' }]],
    ['an instance of a class required from a project module', "const { Audit } = require('./audit');\nconst audit = new Audit();", [{ name: 'audit', className: 'Audit' }]],
    ['an instance of a package class', "import { Hono } from 'hono';\nexport const app = new Hono();", []],
    ['a let', 'class Audit {}\nexport let audit = new Audit();', []],
  ])('%s', (_name, code, instances) => {
    const sf = parseSource('a.ts', `${code}\nf();`);
    expect(extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).instances).toEqual(instances);
  });
});

describe('calls of project store factories', () => {
  it.each([
    ['a factory imported under an alias', "import { createFileTokenStore as makeStore } from './stores';\nexport const s = makeStore();", ['makeStore']],
    ['a factory destructured from require under an alias', "const { createFileTokenStore: makeStore } = require('./stores');\nconst s = makeStore();", ['makeStore']],
    ['a factory imported under its own name', "import { createSessionStore } from './stores';\ncreateSessionStore();", ['createSessionStore']],
    ['an alias of a factory not named for a store', "import { createClient as makeStore } from './db';\nmakeStore();", []],
    ['an alias of a plain helper', "import { formatDate as fmt } from './dates';\nfmt();", []],
    // The default export's own name is only known in its file: the call is kept for the rules to resolve.
    ['a default import of a project module', "import makeThing from './file-token-store';\nmakeThing();", ['makeThing']],
    ['a whole project module required and called', "const createStore = require('./store-factory');\ncreateStore();", ['createStore']],
    ['a default import of a package', "import express from 'express';\nexpress();", []],
  ])('%s', (_name, code, callees) => {
    const sf = parseSource('a.ts', code);
    expect(extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).calls.map((c) => c.callee)).toEqual(callees);
  });
});

describe('secret fields of a type asserted on a value', () => {
  it.each([
    ['an as on the awaited value', "const data = (await res.json()) as { access_token: string };\nwriteFileSync('a.json', JSON.stringify(data));", ['data.access_token']],
    ['a Promise type asserted before await', "const data = await (res.json() as Promise<{ refresh_token: string }>);\nwriteFileSync('a.json', JSON.stringify(data));", ['data.refresh_token']],
    ['a type without secret fields', "const data = (await res.json()) as { login: string };\nwriteFileSync('a.json', JSON.stringify(data));", []],
  ])('%s', (_name, code, labels) => {
    const sf = parseSource('a.ts', `import { writeFileSync } from 'node:fs';\n${code}`);
    const writes = extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).writes;
    expect(writes.flatMap((w) => w.data.flatMap((t) => (t.k === 'secret' ? [t.label] : [])))).toEqual(labels);
  });
});

describe('imported helpers called outside a NODE_ENV guard', () => {
  it.each([
    ['an unguarded call', "import { cache } from './dev';\ncache(x);", ['cache']],
    ['a guarded call', "import { cache } from './dev';\nif (process.env.NODE_ENV !== 'production') cache(x);", undefined],
    ['a namespace member', "import * as dev from './dev';\ndev.cache(x);", ['dev.cache']],
    ['a CommonJS require', "const { cache } = require('./dev');\ncache(x);", ['cache']],
    ['a package function', "import { cache } from 'lru';\ncache(x);", undefined],
    ['a local function', 'function cache(v: unknown) { return v; }\ncache(x);', undefined],
  ])('%s', (_name, code, callees) => {
    const sf = parseSource('src/a.ts', code);
    expect(extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) }).importsCalledInProduction).toEqual(callees);
  });

  it('keeps a guarded call of an imported helper as a call, whatever it passes', () => {
    const sf = parseSource('src/a.ts', "import { cache } from './dev';\nif (process.env.NODE_ENV === 'development') cache(1);");
    expect(extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) }).calls.map((c) => [c.callee, c.env])).toEqual([['cache', 'nonprod']]);
  });
});

describe('file writes', () => {
  it.each([
    ['writeFile from a dynamic import', "export async function f(d: string) { const { writeFile } = await import('node:fs/promises'); await writeFile('a.json', d); }", ['writeFile']],
    ['a file handle opened to append', "import { open } from 'node:fs/promises';\nexport async function f(d: string) { const fh = await open('a.log', 'a'); await fh.appendFile(d); }", ['open']],
    ['a file handle opened to read', "import { open } from 'node:fs/promises';\nexport async function f() { const fh = await open('tokens.json'); return fh.readFile('utf8'); }", []],
    ['fs.open with write flags through fs.promises', "import fs from 'node:fs';\nexport async function f(d: string) { const fh = await fs.promises.open('a.log', 'w'); await fh.write(d); }", ['fs.promises.open']],
  ])('%s', (_name, code, apis) => {
    const sf = parseSource('src/a.ts', code);
    expect(extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) }).writes.map((w) => w.api)).toEqual(apis);
  });
});

describe('lowdb file adapters', () => {
  it.each([
    ['new JSONFile', "import { JSONFile } from 'lowdb/node';\nexport const a = new JSONFile('data/tokens.json');", [['JSONFile', true]]],
    ['JSONFilePreset', "import { JSONFilePreset } from 'lowdb/node';\nexport const db = await JSONFilePreset('db.json', {});", [['JSONFilePreset', false]]],
    ['lowdb 1 FileSync', "const FileSync = require('lowdb/adapters/FileSync');\nconst adapter = new FileSync('sessions.json');", [['FileSync', true]]],
    ['a same-named class of another package', "import { JSONFile } from 'other';\nexport const a = new JSONFile('tokens.json');", []],
  ])('%s', (_name, code, writes) => {
    const sf = parseSource('src/a.ts', code);
    expect(extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) }).writes.map((w) => [w.api, w.secretPath])).toEqual(writes);
  });
});
