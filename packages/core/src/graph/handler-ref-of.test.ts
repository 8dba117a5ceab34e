import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import type { ts } from '../parse/typescript.js';
import { moduleNameValues } from './classify-condition.js';
import { handlerRefOf } from './handler-ref-of.js';

/** The reference `app.use(<expr>)` would record for `expr`. */
function refOf(code: string) {
  const sf = parseSource('a.ts', `x(${code});`);
  const call = (sf.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
  return handlerRefOf(call.arguments[0] as ts.Expression, { sf, conditionNames: moduleNameValues(sf) });
}

describe('handlerRefOf', () => {
  it.each([
    ['a factory given a path and a middleware keeps both places', "unless('/login', verifyToken)", { kind: 'call', callee: 'unless', args: [{ kind: 'name', name: 'verifyToken' }], positional: [{ kind: 'unknown', reason: 'value' }, { kind: 'name', name: 'verifyToken' }] }],
    ['a call whose arguments are all in args needs no places', 'protect(a, b)', { kind: 'call', callee: 'protect', args: [{ kind: 'name', name: 'a' }, { kind: 'name', name: 'b' }] }],
    ['a call with only options needs no places', "jwt({ secret: 's' })", { kind: 'call', callee: 'jwt' }],
    ['a guard with exceptions', "auth.unless({ path: ['/login'] })", { kind: 'unless', guard: { kind: 'name', name: 'auth' }, exceptions: [{ path: { parts: ['/login'] } }] }],
    ['a method of a compiled default import', 'mw_1.default.authenticate()', { kind: 'call', callee: 'mw_1', member: 'default.authenticate' }],
    ['an instance of a class a factory returns', "new (AuthGuard('jwt'))()", { kind: 'call', callee: 'AuthGuard' }],
  ])('%s', (_name, code, expected) => {
    expect(JSON.parse(JSON.stringify(refOf(code)))).toEqual(expected);
  });
});
