import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { checkGateOf, gateOpens, literalArgsOf, type ParamGate } from './param-gates.js';

/** The call of the last statement of `code`. */
function lastCall(code: string): ts.CallExpression {
  const statements = parseSource('a.ts', code).statements;
  const last = statements[statements.length - 1];
  if (!last || !ts.isExpressionStatement(last) || !ts.isCallExpression(last.expression)) throw new Error('no call');
  return last.expression;
}

/** The gate of the first `if` of the function a factory `f` returns; its parameters are `f#index`. */
function gateOf(factory: string): ParamGate | undefined {
  const sf = parseSource('a.ts', factory);
  const fn = sf.statements.find(ts.isFunctionDeclaration);
  const inner = fn?.body?.statements.find(ts.isReturnStatement)?.expression;
  if (!fn || !inner || !ts.isArrowFunction(inner) || !ts.isBlock(inner.body)) throw new Error('no factory');
  const names = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  const first = inner.body.statements.find(ts.isIfStatement);
  return first && checkGateOf(first, (name) => (names.includes(name) ? `f#${names.indexOf(name)}` : undefined));
}

describe('literalArgsOf', () => {
  it.each([
    ['requireRole();', { count: 0 }],
    ["requireRole('admin', false);", { count: 2, truth: { 0: true, 1: false } }],
    ['authorize([], roles);', { count: 2, truth: { 0: true }, length: { 0: 0 } }],
    ['auth({ required: false, realm: "x" });', { count: 1, truth: { 0: true }, props: { 0: { required: false, realm: true } } }],
    ['auth({ required });', { count: 1, truth: { 0: true } }],
    ['auth(...opts);', undefined],
  ])('%s', (code, expected) => {
    expect(literalArgsOf(lastCall(code))).toEqual(expected);
  });
});

describe('checkGateOf and gateOpens', () => {
  const role = 'function f(role) { return (req, res, next) => { if (role && req.user.role !== role) return res.sendStatus(403); next(); }; }';
  const roles = 'function f(...roles) { return (req, res, next) => { if (roles.length && !roles.includes(req.user.role)) return res.sendStatus(403); next(); }; }';
  const defaulted = "function f(role = 'admin') { return (req, res, next) => { if (role && req.user.role !== role) return res.sendStatus(403); next(); }; }";
  const option = 'function f(opts) { return (req, res, next) => { if (opts.enforce && !req.user) return res.sendStatus(401); next(); }; }';
  it.each([
    ['no role given', role, 'f();', true],
    ['a role given', role, "f('admin');", false],
    ['an unknown role given', role, 'f(ROLE);', false],
    ['no roles given to a rest parameter', roles, 'f();', true],
    ['roles given to a rest parameter', roles, "f('admin');", false],
    ['no role given, a default one', defaulted, 'f();', false],
    ['an option off', option, 'f({ enforce: false });', true],
    ['an option left out of a literal', option, 'f({});', true],
    ['an option on', option, 'f({ enforce: true });', false],
    ['options left out: unknown, the check counts', option, 'f();', false],
  ])('%s', (_name, factory, call, opens) => {
    const gate = gateOf(factory);
    const args = literalArgsOf(lastCall(call));
    expect(gate && args && gateOpens(gate, args)).toBe(opens);
  });

  it('a condition that tests the request only is no gate', () => {
    expect(gateOf('function f(role) { return (req, res, next) => { if (!req.user) return res.sendStatus(401); next(); }; }')).toBeUndefined();
  });
});
