import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { collectFile } from './collect-file.js';
import type { FileContext } from './file-context.js';
import { identityParams } from './identity-params.js';
import { createNameClassifier } from './sensitive-names.js';

/** The parameters function `f` in `code` hands back unchanged. */
function identityOfF(code: string): number[] {
  const sf = parseSource('a.ts', code);
  const collected = collectFile(sf);
  const fc: FileContext = { sf, file: 'a.ts', names: createNameClassifier(), config: resolveConfig({}), collected, isProjectModule: (s) => s.startsWith('.'), earlyExits: new Map() };
  const fn = collected.functions.find((f) => f.key === 'f');
  if (!fn) throw new Error('no function f');
  return identityParams(fn.node, collected.returns.get(fn.node) ?? [], fc);
}

describe('identityParams', () => {
  it.each([
    ['returns the parameter', 'function f(v: string) { return v; }', [0]],
    ['through an alias and String()', 'function f(a: number, v: string) { const out = v; return String(out); }', [1]],
    ['behind a ?? fallback', "function f(v?: string) { return v ?? ''; }", [0]],
    ['behind a || fallback', "const f = (v: string) => v || '(none)';", [0]],
    ['in the non-empty branch of a ternary', "function f(v?: string) { return v ? v : ''; }", [0]],
    ['the right of &&', 'function f(v: string) { return v && v.trim(); }', [0]],
    ['only when empty: if (!v) return v', "function f(v: string) { if (!v) return v; return v.slice(0, 2) + '***'; }", []],
    ['only when empty: === undefined || length === 0', "function f(v?: string) { if (v === undefined || v.length === 0) return v; return '[redacted]'; }", []],
    ['only when empty: ternary', "const f = (v: string) => (v ? '*'.repeat(v.length) : v);", []],
    ['only when empty: v == null', "function f(v?: string | null) { if (v == null) { return v; } return '***'; }", []],
    ['when short is not when empty', 'function f(v: string) { if (v.length < 8) return v; return v.slice(0, 4); }', [0]],
    ['a different parameter tested empty', "function f(v: string, w: string) { if (!w) return v; return '***'; }", [0]],
    ['a spread copy', 'function f(v: object) { return { ...v, at: Date.now() }; }', [0]],
    ['a spread copy overriding the secret', "function f(v: object) { return { ...v, password: '[redacted]' }; }", []],
    ['clones', 'function f(a: object, b: object, c: object) { if (a) return structuredClone(a); if (b) return Object.assign({}, b); return JSON.parse(JSON.stringify(c)); }', [0, 1, 2]],
    ['whole-string copies', "function f(a: string, b: string, c: string) { return a.slice(0) || b.substring(0) || c + ''; }", [0, 1, 2]],
    ['an object rest that leaves the password out', 'function f(u: { password: string }) { const { password: _p, ...rest } = u; return rest; }', []],
    ['a real slice', 'function f(v: string) { return v.slice(0, 4); }', []],
    ['a real mask', "function f(v: string) { return v.slice(0, 2) + '***'; }", []],
    ['mutated before it is returned', 'function f(u: { password?: string }) { delete u.password; return u; }', []],
  ])('%s', (_name, code, expected) => {
    expect(identityOfF(code)).toEqual(expected);
  });
});
