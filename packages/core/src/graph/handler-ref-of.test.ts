import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import type { ts } from '../parse/typescript.js';
import { moduleNameValues } from './classify-condition.js';
import { handlerRefOf } from './handler-ref-of.js';
import { positionalArgsOf } from './positional-args.js';
import type { HandlerRef } from './route-facts.js';

/** The reference `app.use(<expr>)` would record for `expr`. */
function refOf(code: string) {
  const sf = parseSource('a.ts', `x(${code});`);
  const call = (sf.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
  return handlerRefOf(call.arguments[0] as ts.Expression, { sf, conditionNames: moduleNameValues(sf) });
}

describe('handlerRefOf', () => {
  it.each([
    ['a factory given a path and a middleware keeps both places, and the path', "unless('/login', verifyToken)", { kind: 'call', callee: 'unless', args: [{ kind: 'name', name: 'verifyToken' }], positions: [-1, 0], pathArgs: { 0: [{ parts: ['/login'] }] }, literals: { count: 2, truth: { 0: true } } }],
    ['a call with only literal arguments keeps no paths, only their truth', "requireRole('admin')", { kind: 'call', callee: 'requireRole', literals: { count: 1, truth: { 0: true } } }],
    ['a list argument is flattened into args and has no place of its own', 'every([a, b], c)', { kind: 'call', callee: 'every', args: [{ kind: 'name', name: 'a' }, { kind: 'name', name: 'b' }, { kind: 'name', name: 'c' }], positions: [-1, 2], literals: { count: 2, truth: { 0: true }, length: { 0: 2 } } }],
    ['a call whose arguments are all in args needs no places', 'protect(a, b)', { kind: 'call', callee: 'protect', args: [{ kind: 'name', name: 'a' }, { kind: 'name', name: 'b' }], literals: { count: 2 } }],
    ['a call with only options needs no places', "jwt({ secret: 's' })", { kind: 'call', callee: 'jwt', literals: { count: 1, truth: { 0: true }, props: { 0: { secret: true } } } }],
    ['a guard with exceptions', "auth.unless({ path: ['/login'] })", { kind: 'unless', guard: { kind: 'name', name: 'auth' }, exceptions: [{ path: { parts: ['/login'] } }] }],
    ['a method of a compiled default import', 'mw_1.default.authenticate()', { kind: 'call', callee: 'mw_1', member: 'default.authenticate', literals: { count: 0 } }],
    ['an instance of a class a factory returns', "new (AuthGuard('jwt'))()", { kind: 'call', callee: 'AuthGuard', strategies: ['jwt'], literals: { count: 1, truth: { 0: true } } }],
  ])('%s', (_name, code, expected) => {
    expect(JSON.parse(JSON.stringify(refOf(code)))).toEqual(expected);
  });
});

describe('handlerRefOf on nested calls', () => {
  it('reads each argument once: 20 nested helper calls (tsc __spreadArray) make a summary that grows by level, not doubles', () => {
    let code = '[]';
    for (let i = 0; i < 20; i++) code = `__spreadArray(${code}, __read(m_${i}.routes), false)`;
    const size = JSON.stringify(refOf(code)).length;
    // Linear: each level adds its own call (with its literal arguments, see param-gates.ts), never a copy of the one below.
    expect(size).toBeLessThan(20 * 260);
  });
});

describe('positionalArgsOf', () => {
  const call = (code: string) => refOf(code) as Extract<HandlerRef, { kind: 'call' }>;
  it.each([
    ["unless('/login', verifyToken)", [{ kind: 'unknown', reason: 'value' }, { kind: 'name', name: 'verifyToken' }]],
    ['protect(a, b)', [{ kind: 'name', name: 'a' }, { kind: 'name', name: 'b' }]],
    ["jwt({ secret: 's' })", []],
  ])('%s', (code, expected) => {
    expect(positionalArgsOf(call(code))).toEqual(expected);
  });
});
