import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { collectFile } from './collect-file.js';
import { lookup } from './file-context.js';
import { isAddedTo } from './mutated-in-place.js';
import { createNameClassifier } from './sensitive-names.js';

/** Whether the file adds to what the first top-level const of `code` holds. */
function addedTo(code: string): boolean {
  const sf = parseSource('a.ts', code);
  const fc = { sf, file: 'a.ts', names: createNameClassifier(), config: resolveConfig({}), collected: collectFile(sf), isProjectModule: () => false, earlyExits: new Map() };
  const stmt = sf.statements.find(ts.isVariableStatement);
  const name = stmt?.declarationList.declarations[0]?.name;
  const binding = name && ts.isIdentifier(name) ? lookup(fc, name) : undefined;
  return binding !== undefined && isAddedTo(binding, fc);
}

describe('isAddedTo', () => {
  it.each([
    ['a push', "const tokens = [{ id: 'seed' }];\nexport const add = (t: string) => tokens.push({ id: t });"],
    ['a set on a field', "const grants = { byUser: new Map() };\nexport const add = (u: string, g: string) => grants.byUser.set(u, g);"],
  ])('holds for %s', (_name, code) => {
    expect(addedTo(code)).toBe(true);
  });

  it.each([
    ['reads only', "const tokens = [{ id: 'seed' }];\nexport const first = () => tokens.find((t) => t.id === 'seed');"],
    ['a push into another collection of the same name', "const tokens = ['a'];\nexport function f() { const tokens: string[] = []; tokens.push('b'); return tokens; }"],
  ])('not for %s', (_name, code) => {
    expect(addedTo(code)).toBe(false);
  });
});
