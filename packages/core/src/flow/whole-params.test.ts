import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { collectFile } from './collect-file.js';
import type { FileContext } from './file-context.js';
import { wholeParams } from './whole-params.js';
import { createNameClassifier } from './sensitive-names.js';

/** The parameters function `f` in `code` hands back whole. */
function wholeOfF(code: string): number[] {
  const sf = parseSource('a.ts', code);
  const collected = collectFile(sf);
  const fc: FileContext = { sf, file: 'a.ts', names: createNameClassifier(), config: resolveConfig({}), collected, isProjectModule: (s) => s.startsWith('.'), earlyExits: new Map() };
  const fn = collected.functions.find((f) => f.key === 'f');
  if (!fn) throw new Error('no function f');
  return wholeParams(fn.node, collected.returns.get(fn.node) ?? [], fc);
}

describe('wholeParams', () => {
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
    ['a copy mutated before it is returned', "function f(u: object, keys: string[]) { const copy = { ...u }; for (const k of keys) delete copy[k]; return copy; }", []],
    ['concatenated with a mask', "function f(v: string) { return '***' + v; }", [0]],
    ['inside a template', 'function f(v: string) { return `${v.slice(0, 4)}…${v}`; }', [0]],
    ['changed in case or padded', 'function f(a: string, b: string) { return a.toUpperCase() || b.padStart(40, \'*\'); }', [0, 1]],
    ['most of the string', "function f(a: string, b: string) { return a.slice(4) + b.substring(0, 40); }", [0, 1]],
    ['a fixed word replaced', "function f(v: string) { return v.replace('Bearer ', '').replace(/Basic /, '***'); }", [0]],
    ['encoded', "function f(v: string) { return Buffer.from(v).toString('base64'); }", [0]],
    ['inside an object or array', 'function f(a: string, b: string) { return [{ value: a }, { b }]; }', [0, 1]],
    ['stringified without a replacer', 'function f(a: object, b: object) { return JSON.stringify(a) + JSON.stringify(b, null, 2); }', [0, 1]],
    ['stringified with a replacer', "function f(v: object) { return JSON.stringify(v, (k, x) => (k === 'password' ? '[redacted]' : x)); }", []],
    ['a prefix up to the first separator', "function f(v: string) { return v.slice(0, v.indexOf('_') + 1) + '***'; }", []],
    ['a short prefix, and stars for the rest', "function f(v: string) { return v.slice(0, 4) + '*'.repeat(v.length - 4) + v.slice(-4); }", []],
    ['a prefix as long as a default', "function f(v: string, visible = 4) { return v.slice(0, visible) + '…'; }", []],
    ['a masking replace', "function f(a: string, b: string) { return a.replace(/./g, '*') + b.replace(/\\/\\/.*@/, '//***@'); }", []],
  ])('%s', (_name, code, expected) => {
    expect(wholeOfF(code)).toEqual(expected);
  });
});
