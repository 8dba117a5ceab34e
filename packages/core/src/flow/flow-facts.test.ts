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
    ['a default import (its name is the alias)', "import makeThing from './file-token-store';\nmakeThing();", []],
  ])('%s', (_name, code, callees) => {
    const sf = parseSource('a.ts', code);
    expect(extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).calls.map((c) => c.callee)).toEqual(callees);
  });
});
