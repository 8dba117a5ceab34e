import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { collectFile } from './collect-file.js';
import { plainName } from './function-keys.js';

const keysOf = (code: string) => collectFile(parseSource('src/a.ts', code)).functions.map((f) => f.key);

describe('function keys', () => {
  it('keeps the plain name of a function no other function of the file shares', () => {
    expect(keysOf(`export function audit(x: string) { return x; }\nexport const format = (x: string) => x;`)).toEqual(['audit', 'format']);
  });

  it('gives inner functions that share a name keys of their own, and the module-level one the plain name', () => {
    const code = `function a() { function p(x) { return x; } return p; }\nfunction b() { const p = (y) => y; return p; }\nexport function p(z) { return z; }`;
    const keys = keysOf(code);
    expect(keys).toHaveLength(5);
    expect(keys.filter((k) => k === 'p')).toHaveLength(1);
    expect(new Set(keys).size).toBe(5);
    expect(keys.filter((k) => k.startsWith('p@')).map(plainName)).toEqual(['p', 'p']);
  });

  it('leaves overload signatures, methods and object members alone', () => {
    const code = `export function f(a: string): string;\nexport function f(a: number): number;\nexport function f(a: unknown) { return a; }\nclass A { run() {} }\nclass B { run() {} }\nconst o = { go() {} };\nconst q = { go() {} };`;
    expect(keysOf(code).filter((k) => k === 'f')).toHaveLength(3);
    expect(keysOf(code).some((k) => k.includes('@'))).toBe(false);
  });
});
