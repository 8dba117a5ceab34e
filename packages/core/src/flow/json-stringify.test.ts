import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { replacerKeysOf } from './json-stringify.js';

/** The replacer of `JSON.stringify(x, <replacer>)` as `replacerKeysOf` reads it. */
function keysOf(replacer: string): ReturnType<typeof replacerKeysOf> {
  const sf = parseSource('src/a.ts', `JSON.stringify(x, ${replacer});`);
  const [stmt] = sf.statements;
  if (!stmt || !ts.isExpressionStatement(stmt) || !ts.isCallExpression(stmt.expression)) throw new Error('not a call');
  const arg = stmt.expression.arguments[1];
  if (!arg) throw new Error('no replacer');
  return replacerKeysOf(arg);
}

describe('what a JSON.stringify replacer lets through (replacerKeysOf)', () => {
  it.each([
    ["['id', 'email']", { keep: ['id', 'email'] }],
    ["(k, v) => (k === 'password' ? undefined : v)", { drop: ['password'] }],
    ["(k, v) => (k === 'password' || 'apiKey' === k ? '[hidden]' : v)", { drop: ['password', 'apiKey'] }],
    ["function (k, v) { return ['token', 'secret'].includes(k) ? null : v; }", { drop: ['token', 'secret'] }],
    ["(k, v) => (k !== 'password' && k !== 'token' ? v : undefined)", { drop: ['password', 'token'] }],
  ])('%s', (replacer, expected) => {
    expect(keysOf(replacer)).toEqual(expected);
  });

  it.each([
    ['a list with a computed key', '[KEY]'],
    ['a replacer that hands back something else', "(k, v) => (k === 'password' ? v : v)"],
    ['mixed tests', "(k, v) => (k === 'a' || k !== 'b' ? undefined : v)"],
    ['a replacer passed by name', 'hide'],
    ['an indentation', '2'],
  ])('not %s', (_name, replacer) => {
    expect(keysOf(replacer)).toBeUndefined();
  });
});
