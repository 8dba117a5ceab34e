import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source.js';
import { ts } from './typescript.js';
import { walkTree } from './walk-tree.js';

describe('walkTree', () => {
  it('visits in source order, like a recursive pre-order walk', () => {
    const sf = parseSource('a.ts', 'const a = f(b, g(c)); h(d);');
    const names: string[] = [];
    walkTree(sf, (node) => {
      if (ts.isIdentifier(node)) names.push(node.text);
    });
    expect(names).toEqual(['a', 'f', 'b', 'g', 'c', 'h', 'd']);
  });

  it('skips the children of nodes the visitor rejects', () => {
    const sf = parseSource('a.ts', 'function skip() { inner(); } outer();');
    const calls: string[] = [];
    walkTree(sf, (node) => {
      if (ts.isFunctionDeclaration(node)) return false;
      if (ts.isCallExpression(node)) calls.push(node.expression.getText(sf));
      return true;
    });
    expect(calls).toEqual(['outer']);
  });

  it('survives nesting deeper than the call stack allows for recursion', () => {
    const sf = parseSource('a.ts', `const x = ${Array.from({ length: 20000 }, () => 'a').join(' + ')};`);
    let count = 0;
    walkTree(sf, () => {
      count++;
    });
    expect(count).toBeGreaterThan(40000);
  });
});
