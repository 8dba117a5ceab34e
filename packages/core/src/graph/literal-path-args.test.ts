import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { literalPathArgsOf } from './literal-path-args.js';

/** The paths the literal arguments of the last statement's call spell. */
function pathArgs(code: string) {
  const statements = parseSource('a.ts', code).statements;
  const last = statements[statements.length - 1];
  if (!last || !ts.isExpressionStatement(last) || !ts.isCallExpression(last.expression)) throw new Error('no call');
  return literalPathArgsOf(last.expression);
}

describe('literalPathArgsOf', () => {
  it.each([
    ["unless('/login', auth);", { 0: [{ parts: ['/login'] }] }],
    ["unless(auth, ['/login', `/health`]);", { 1: [{ parts: ['/login'] }, { parts: ['/health'] }] }],
    ["const PUBLIC = ['/a'];\nunless(PUBLIC, auth);", { 0: [{ parts: ['/a'] }] }],
    ["unless(['/login', other], auth);", undefined],
    ['unless(PUBLIC, auth);', undefined],
    ['unless(auth);', undefined],
  ])('%s', (code, expected) => {
    expect(pathArgs(code)).toEqual(expected);
  });
});
