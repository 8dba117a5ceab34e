import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

/** The project callees the flow facts record for `code` (calls passing `token`). */
function calleesOf(code: string): string[] {
  const sf = parseSource('a.ts', code);
  return extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).calls.map((c) => c.callee);
}

const C = 'class C { target(x: unknown) { return x; } }';

describe('instance methods reached through their instance (instanceClassOf)', () => {
  it.each([
    ['a const holding new C()', `${C} const c = new C(); c.target(token);`],
    ['this inside a method', 'class C { target(x: unknown) { return x; } m(token: string) { this.target(token); } }'],
    ['this inside an arrow function in a method', 'class C { target(x: unknown) { return x; } m(token: string) { [1].map(() => this.target(token)); } }'],
    ['a field initialised with new C()', `${C} class S { f = new C(); m(token: string) { this.f.target(token); } }`],
    ['a field assigned in the constructor', `${C} class S { f; constructor() { this.f = new C(); } m(token: string) { this.f.target(token); } }`],
    ['a field declared with a type', `${C} class S { f!: C; m(token: string) { this.f.target(token); } }`],
    ['a constructor parameter property', `${C} class S { constructor(private readonly f: C) {} m(token: string) { this.f.target(token); } }`],
    ['a parameter typed with the class', `${C} function g(c: C, token: string) { c.target(token); }`],
    ['an imported class', "import { C } from './c.js'; const c = new C(); c.target(token);"],
  ])('%s', (_name, code) => {
    expect(calleesOf(code)).toEqual(['C.target']);
  });

  it.each([
    ['this inside a plain nested function', 'class C { target(x: unknown) { return x; } m(token: string) { return function () { this.target(token); }; } }'],
    ['a const holding a call result', `${C} const c = make(); c.target(token);`],
    ['a variable given two different classes', `${C} class B {} let c = new C(); c = new B(); c.target(token);`],
    ['a parameter typed with a union', `${C} function g(c: C | B, token: string) { c.target(token); }`],
    ['a method the class does not have', `${C} const c = new C(); c.other(token);`],
    ['a class from a package', "import { C } from 'sdk'; const c = new C(); c.target(token);"],
    ['a parameter typed with a namespace member of the same name', `${C} function g(c: ns.C, token: string) { c.target(token); }`],
  ])('none for %s', (_name, code) => {
    expect(calleesOf(code)).toEqual([]);
  });
});
