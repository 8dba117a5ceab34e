import callerTs from 'typescript';
import { describe, expect, it } from 'vitest';
import { scanFiles } from '../scan-files.js';
import { isCompatible, isWalkableSourceFile, type TypeScriptModule } from './foreign-tree.js';
import { parseSource } from './parse-source.js';
import { ts } from './typescript.js';

// The repository's own `typescript` package stands in for the one ESLint's parser loads: a module
// of its own, not ts-morph's copy the engine uses, of the same release.
const callerParse = (path: string, text: string, options: Partial<callerTs.CreateSourceFileOptions> = {}, setParents = true) =>
  callerTs.createSourceFile(path, text, { languageVersion: callerTs.ScriptTarget.Latest, ...options }, setParents, path.endsWith('.tsx') ? callerTs.ScriptKind.TSX : callerTs.ScriptKind.TS);

const CODE = `import express from 'express';
const app = express();
app.get('/admin/users', (req, res) => res.json([]));
export function f(password: string) { console.log(password); }
`;

describe('a tree made by the caller', () => {
  it('comes from another TypeScript module than the engine, so these tests cross the module boundary', () => {
    expect(Object.getPrototypeOf(callerParse('a.ts', ''))).not.toBe(Object.getPrototypeOf(ts.createSourceFile('a.ts', '', ts.ScriptTarget.Latest)));
  });

  it('is walked as it is when its TypeScript has the engine release and enums: no second parse', () => {
    const tree = callerParse('src/a.ts', CODE);
    expect(isWalkableSourceFile(tree)).toBe(true);
    expect(parseSource('src/a.ts', CODE, tree)).toBe(tree);
  });

  it('is walked whatever JSDoc parsing mode made it: the engine never reads JSDoc nodes', () => {
    const tree = callerParse('src/a.ts', `/** @param password the secret */\n${CODE}`, { jsDocParsingMode: callerTs.JSDocParsingMode.ParseNone });
    expect(parseSource('src/a.ts', tree.text, tree)).toBe(tree);
  });

  it.each([
    { name: 'of other text', path: 'src/a.ts', tree: () => callerParse('src/a.ts', `${CODE}// edited\n`) },
    { name: 'of another script kind (TSX for a .ts path)', path: 'src/a.ts', tree: () => callerParse('src/a.tsx', CODE) },
    { name: 'without parent links', path: 'src/a.ts', tree: () => callerParse('src/a.ts', CODE, {}, false) },
    { name: 'of unknown origin (no loaded TypeScript made it)', path: 'src/a.ts', tree: () => ({ ...callerParse('src/a.ts', CODE) }) },
    { name: 'that is not a tree', path: 'src/a.ts', tree: () => 'src/a.ts' },
  ])('is not used when it is $name: the text is parsed again', ({ path, tree }) => {
    const given = tree();
    const sf = parseSource(path, CODE, given);
    expect(sf).not.toBe(given);
    expect(sf.text).toBe(CODE);
  });

  it('gives the findings of a second parse, and those of the text even when the tree is of other text', () => {
    const fresh = scanFiles({ files: [{ path: 'src/a.ts', text: CODE }] });
    expect(fresh.findings.map((f) => f.ruleId).sort()).toEqual(['no-secrets-in-logs', 'no-unprotected-admin-route']);
    expect(scanFiles({ files: [{ path: 'src/a.ts', text: CODE, tree: callerParse('src/a.ts', CODE) }] })).toEqual({ ...fresh, stats: expect.anything() });
    const stale = callerParse('src/a.ts', 'export {};\n');
    expect(scanFiles({ files: [{ path: 'src/a.ts', text: CODE, tree: stale }] }).findings).toEqual(fresh.findings);
  });
});

describe('isCompatible', () => {
  const typeScript = (version: string, syntaxKind: object = ts.SyntaxKind): TypeScriptModule => ({ version, SyntaxKind: syntaxKind, NodeFlags: ts.NodeFlags, createSourceFile: () => ({}) });
  const [major, minor] = ts.version.split('.');

  it('accepts the engine release and its patch releases', () => {
    expect(isCompatible(typeScript(ts.version))).toBe(true);
    expect(isCompatible(typeScript(`${major}.${minor}.99`))).toBe(true);
  });

  it('refuses another release line, whose SyntaxKind numbers may differ', () => {
    expect(isCompatible(typeScript(`${major}.${Number(minor) + 1}.0`))).toBe(false);
    expect(isCompatible(typeScript('5.9.3'))).toBe(false);
  });

  it('refuses a TypeScript whose SyntaxKind numbering differs, whatever its version says', () => {
    expect(isCompatible(typeScript(ts.version, { ...ts.SyntaxKind, Identifier: ts.SyntaxKind.PrivateIdentifier }))).toBe(false);
    expect(isCompatible(typeScript(ts.version, { ...ts.SyntaxKind, NewKind: 9999 }))).toBe(false);
  });
});
