import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

const HEAD = "import { Low } from 'lowdb';\nimport { JSONFile, JSONFilePreset } from 'lowdb/node';\n";

/** The secret labels each lowdb adapter of `code` is given through its database's `data`. */
function keptOf(code: string): string[][] {
  const sf = parseSource('src/db.ts', HEAD + code);
  return extractFlowFacts(sf, { path: 'src/db.ts', config: resolveConfig({}) }).writes.map((w) => w.data.flatMap((i) => (i.k === 'secret' ? [i.label] : [])));
}

describe('what a lowdb database keeps (lowdbDataTaint)', () => {
  it.each([
    ['a push into the data of a Low made on the adapter in place', "const db = new Low(new JSONFile('db.json'), {});\nexport function save(apiKey: string) { db.data.keys.push(apiKey); }", [['apiKey']]],
    ['an assignment into a preset database', "const db = await JSONFilePreset('db.json', {});\nexport function save(sid: string, sessionId: string) { db.data.byId[sid] = sessionId; }", [['sessionId']]],
    ['an adapter held in a const first', "const adapter = new JSONFile('db.json');\nconst db = new Low(adapter, {});\nexport function save(accessToken: string) { db.data.grants.set('gh', accessToken); }", [['accessToken']]],
  ])('%s', (_name, code, expected) => {
    expect(keptOf(code)).toEqual(expected);
  });

  it.each([
    ['plain values', "const db = new Low(new JSONFile('db.json'), {});\nexport function save(title: string) { db.data.posts.push({ title }); }"],
    ['another object named data', "const db = new Low(new JSONFile('db.json'), {});\nconst other = { data: [] as string[] };\nexport function save(apiKey: string) { other.data.push(apiKey); }"],
    ['a database whose holder is not found', "export const make = () => new Low(new JSONFile('db.json'), {});"],
  ])('nothing for %s', (_name, code) => {
    expect(keptOf(code)).toEqual([[]]);
  });
});

describe('what a file puts into an imported database (importedDataPutsOf)', () => {
  const putsOf = (code: string) =>
    (extractFlowFacts(parseSource('src/grants.ts', code), { path: 'src/grants.ts', config: resolveConfig({}) }).importedDataPuts ?? []).map((p) => [p.local, p.data.flatMap((i) => (i.k === 'secret' ? [i.label] : []))]);

  it('records secrets pushed or assigned into the data of a project import, by its local name', () => {
    const code = "import { db } from './db.js';\nimport store from './store.js';\nexport function save(refreshToken: string, apiKey: string) {\n  db.data.grants.push({ refreshToken });\n  store.data.keys[0] = apiKey;\n}";
    expect(putsOf(code)).toEqual([['db', ['refreshToken']], ['store', ['apiKey']]]);
  });

  it.each([
    ['a package import', "import { db } from 'some-db';\nexport function save(refreshToken: string) { db.data.grants.push(refreshToken); }"],
    ['a field other than data', "import { db } from './db.js';\nexport function save(refreshToken: string) { db.cache.push(refreshToken); }"],
    ['plain values', "import { db } from './db.js';\nexport function save(title: string) { db.data.posts.push({ title }); }"],
  ])('records nothing for %s', (_name, code) => {
    expect(putsOf(code)).toEqual([]);
  });
});
