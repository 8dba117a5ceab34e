import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { callerTestCondition, callerTestOf, callerValuesOf, type CallerTest } from './caller-tests.js';
import { moduleNameValues } from './classify-condition.js';

/** The caller test of the first `if` in the body of the function `f`, its parameters `f#index`. */
function testOf(code: string): CallerTest | undefined {
  const fn = parseSource('a.ts', code).statements.find(ts.isFunctionDeclaration);
  const first = fn?.body?.statements.find(ts.isIfStatement);
  if (!fn || !first) throw new Error('no function');
  return callerTestOf(first.expression, (name) => {
    const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
    const param = fn.parameters[index];
    if (param) return { param: `f#${index}`, ...(param.initializer ? { initializer: param.initializer } : {}) };
    const destructured = fn.parameters.findIndex((p) => ts.isObjectBindingPattern(p.name) && p.name.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === name));
    return destructured === -1 ? undefined : { param: `f#${destructured}`, field: name };
  });
}

/** What the arguments of the last statement's call give, with that call's argument count. */
function valuesOf(code: string): ReturnType<typeof callerValuesOf> & { count: number } {
  const sf = parseSource('a.ts', code);
  const last = sf.statements[sf.statements.length - 1];
  if (!last || !ts.isExpressionStatement(last) || !ts.isCallExpression(last.expression)) throw new Error('no call');
  return { ...callerValuesOf(last.expression.arguments, moduleNameValues(sf)), count: last.expression.arguments.length };
}

describe('callerTestOf', () => {
  it.each([
    ['function f(app, options = {}) { const devMode = options.devMode ?? false; if (devMode) {} }', { param: 'f#1', field: 'devMode', absent: false, whenTrue: true }],
    ['function f(app, options) { if (!options.skipAuth) {} }', { param: 'f#1', field: 'skipAuth', absent: false, whenTrue: false }],
    ['function f(app, enabled = true) { if (enabled) {} }', { param: 'f#1', absent: true, whenTrue: true }],
    ['function f(app, options) { const on = options.on || true; if (on) {} }', { param: 'f#1', field: 'on', absent: true, whenTrue: true }],
  ])('%s', (code, expected) => {
    expect(testOf(code)).toEqual(expected);
  });

  it('reads no test of a value that is not a parameter', () => {
    expect(testOf('const devMode = process.env.DEV === "1"; function f(app) { if (devMode) {} }')).toBeUndefined();
  });
});

describe('callerTestCondition', () => {
  const devMode: CallerTest = { param: 'f#1', field: 'devMode', whenTrue: true, absent: false };
  it.each([
    ["const devMode = process.env.MCP_DEV_SKIP_AUTH === 'true'; f(app, { devMode });", 'unknown'],
    ["f(app, { devMode: process.env.NODE_ENV === 'development' });", 'nonProd'],
    ['f(app, { devMode: false });', 'never'],
    ['f(app, { devMode: true });', 'always'],
    ['f(app, {});', 'never'],
    ['f(app);', 'never'],
    ['f(app, { ...defaults });', 'unknown'],
    ['f(app, opts);', 'unknown'],
  ])('%s', (code, expected) => {
    const { values, closed, count } = valuesOf(code);
    expect(callerTestCondition(devMode, values, closed, count)).toBe(expected);
  });

  it('negates what the call passes for a test under `!`', () => {
    const { values, closed, count } = valuesOf('f(app, { devMode: false });');
    expect(callerTestCondition({ ...devMode, whenTrue: false }, values, closed, count)).toBe('always');
  });
});
