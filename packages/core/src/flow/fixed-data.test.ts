import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

const HEAD = "import { writeFileSync } from 'node:fs';\nimport { theme } from './theme.js';\n";

/** What each write of `code` to a secret file records about its data. */
function fixedDataOf(code: string): Array<true | string | undefined> {
  const sf = parseSource('src/a.ts', HEAD + code);
  return extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) }).writes.map((w) => w.fixedData);
}

describe('data written out in full in the source (fixedDataOf)', () => {
  it.each([
    ['an object literal of literals', "writeFileSync('tokens.json', JSON.stringify({ color: { primary: { value: '#05f' } } }));", true],
    ['a const holding one', "const palette = { color: ['#05f', '#fff'] };\nwriteFileSync('tokens.json', JSON.stringify(palette, null, 2));", true],
    ['a part of one', "const palette = { color: { a: '#05f' } };\nfor (const [group, values] of Object.entries(palette)) writeFileSync(`tokens/${group}.json`, JSON.stringify(values));", true],
    ['an imported value, read in its module', "writeFileSync('tokens.json', JSON.stringify(theme));", 'theme'],
  ])('%s', (_name, code, expected) => {
    expect(fixedDataOf(code)).toEqual([expected]);
  });

  it.each([
    ['a bare literal (a store being started)', "writeFileSync('tokens.json', '{}');"],
    ['an empty container, filled later', "const tokens: string[] = [];\ntokens.push(t);\nwriteFileSync('tokens.json', JSON.stringify(tokens));"],
    ['an object with a runtime value', "writeFileSync('tokens.json', JSON.stringify({ github: process.env.GITHUB_TOKEN }));"],
    ['a literal added to later', "const seeded = [{ user: 'seed' }];\nseeded.push({ user: t });\nwriteFileSync('tokens.json', JSON.stringify(seeded));"],
    ['a const assigned again', "const slots = { github: '' };\nslots.github = t;\nwriteFileSync('tokens.json', JSON.stringify(slots));"],
    ['a let', "let palette = { a: '#05f' };\nwriteFileSync('tokens.json', JSON.stringify(palette));"],
  ])('none for %s', (_name, code) => {
    expect(fixedDataOf(code)).toEqual([undefined]);
  });

  it('is not asked for a write to a file that is no secret store', () => {
    expect(fixedDataOf("writeFileSync('theme.json', JSON.stringify({ a: '#05f' }));")).toEqual([undefined]);
  });
});

describe('module-level consts named as secrets and written out in full (literalConsts)', () => {
  it('lists them, also in a file without a call', () => {
    const sf = parseSource('src/tokens.ts', "export const tokens = { color: { primary: { $value: '#05f' } } };\nexport const palette = { a: '#fff' };\nexport const apiKeys = [];\n");
    expect(extractFlowFacts(sf, { path: 'src/tokens.ts', config: resolveConfig({}) }).literalConsts).toEqual(['tokens']);
  });
});
