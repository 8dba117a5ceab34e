import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source.js';
import { ts } from './typescript.js';
import { visitTree } from './visit-tree.js';

function identifiers(code: string, skip?: (node: ts.Node) => boolean): string[] {
  const names: string[] = [];
  visitTree(parseSource('a.ts', code), (node) => {
    if (skip?.(node)) return false;
    if (ts.isIdentifier(node)) names.push(node.text);
    return true;
  });
  return names;
}

describe('visitTree', () => {
  it('visits in source order, pre-order', () => {
    expect(identifiers('const a = f(b, g(c)); h(d);')).toEqual(['a', 'f', 'b', 'g', 'c', 'h', 'd']);
  });

  it('skips the children of nodes the visitor rejects', () => {
    expect(identifiers('function skip() { inner(); } outer();', (n) => ts.isFunctionDeclaration(n))).toEqual(['outer']);
  });

  it('keeps source order and skipping past the recursion limit', () => {
    const terms = Array.from({ length: 20_000 }, (_, i) => `t${i}`);
    const names = identifiers(`const x = ${terms.join(' || ')};`);
    expect(names).toEqual(['x', ...terms]);
  });
});
