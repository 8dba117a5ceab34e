import { describe, expect, it } from 'vitest';
import { fileMemo, perFile } from './file-memo.js';
import { ts } from './typescript.js';

const parse = (text: string) => ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);

describe('fileMemo', () => {
  it('keeps the entries of one file and starts afresh at the next', () => {
    const memo = fileMemo<string, number>();
    const a = parse('const a = 1;');
    const b = parse('const b = 2;');
    memo(a).set('x', 1);
    expect(memo(a).get('x')).toBe(1);
    expect(memo(b).get('x')).toBeUndefined();
    memo(b).set('x', 2);
    expect(memo(a).get('x')).toBeUndefined();
  });
});

describe('perFile', () => {
  it('computes a file\'s value once, and again for the next file', () => {
    let computed = 0;
    const statements = perFile((sf) => {
      computed++;
      return sf.statements.length;
    });
    const a = parse('const a = 1; const b = 2;');
    const b = parse('const c = 3;');
    expect([statements(a), statements(a)]).toEqual([2, 2]);
    expect(computed).toBe(1);
    expect(statements(b)).toBe(1);
    expect(computed).toBe(2);
  });
});
