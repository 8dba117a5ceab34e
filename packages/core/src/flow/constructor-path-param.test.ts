import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { walkTree } from '../parse/walk-tree.js';
import { constructorPathParam } from './constructor-path-param.js';

/** The constructor parameter the first argument of the `write(...)` call in `code` comes from. */
function pathParamOf(code: string): number | undefined {
  const sf = parseSource('a.ts', code);
  let arg: ts.Expression | undefined;
  walkTree(sf, (n) => {
    if (!arg && ts.isCallExpression(n) && n.expression.getText(sf) === 'write') arg = n.arguments[0];
    return true;
  });
  return constructorPathParam(arg);
}

describe('constructorPathParam', () => {
  it.each([
    ['a parameter property', 'class S { constructor(private file: string) {} save() { write(this.file); } }', 0],
    ['assigned in the constructor', 'class S { file: string; constructor(a: number, file: string) { this.file = file; } save() { write(this.file); } }', 1],
    ['assigned through path.resolve', "import path from 'node:path';\nclass S { file: string; constructor(file: string) { this.file = path.resolve(file); } save() { write(this.file); } }", 0],
    ['joined with a name', "import path from 'node:path';\nclass S { constructor(private dir: string) {} save(id: string) { write(path.join(this.dir, id + '.json')); } }", 0],
    ['in a template', 'class S { constructor(readonly dir: string) {} save() { write(`${this.dir}/all.json`); } }', 0],
    ['a field with a literal initialiser', "class S { private file = 'a.json'; save() { write(this.file); } }", undefined],
    ['a literal path', "class S { constructor(private file: string) {} save() { write('a.json'); } }", undefined],
    ['outside a class', "function save(file: string) { write(file); }", undefined],
  ])('%s', (_name, code, expected) => {
    expect(pathParamOf(code)).toBe(expected);
  });
});
