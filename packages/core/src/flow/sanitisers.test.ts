import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { isHashChain, isHashingName, isLiteralLike, isNonSecretType, isShortSlice } from './sanitisers.js';

function expressionOf(code: string): ts.Expression {
  const stmt = parseSource('a.ts', code).statements[0];
  if (!stmt || !ts.isExpressionStatement(stmt)) throw new Error('not an expression');
  return stmt.expression;
}

function isShortSliceCall(code: string): boolean {
  const call = expressionOf(code);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) throw new Error('not a method call');
  return isShortSlice(call.expression.name.text, call.arguments);
}

describe('short literal prefixes and suffixes (at most 8 characters)', () => {
  it.each(['t.slice(0, 8)', 't.slice(-4)', 't.substring(0, 6)', 't.substr(0, 8)', 't.substr(-4)', 't.slice(t.length - 4)', 't.substring(t.length - 8)', 'h.substring(7, 15)', 'h.slice(6, 10)', 'h.substr(7, 8)'])('%s is safe', (code) => {
    expect(isShortSliceCall(code)).toBe(true);
  });
  it.each(['t.slice(0, 9)', 't.slice(-12)', 't.slice(4)', 't.slice(0, n)', 't.substring(-4)', 't.slice(t.length - 20)', 't.slice(2, 6)', 'h.substring(7, 16)', 'h.slice(7)', 'h.slice(7, -1)'])('%s keeps the secret', (code) => {
    expect(isShortSliceCall(code)).toBe(false);
  });
});

describe('hashing', () => {
  it.each(['hash', 'sha256', 'digest', 'hashToken', 'bcrypt', 'createHmac'])('%s hashes', (name) => {
    expect(isHashingName(name)).toBe(true);
  });
  it.each(['hasher2', 'update', 'toString'])('%s does not', (name) => {
    expect(isHashingName(name)).toBe(false);
  });
  it('sees through the createHash(...).update(x) chain', () => {
    expect(isHashChain(expressionOf("createHash('sha256').update(t)"))).toBe(true);
    expect(isHashChain(expressionOf("Buffer.from(t).toString('hex')"))).toBe(false);
  });
});

describe('literal-only values', () => {
  it.each(["'present'", "t ? 'yes' : 'no'", 'null', '42', "t ? (u ? 'a' : 'b') : 'c'"])('%s', (code) => {
    expect(isLiteralLike(expressionOf(code))).toBe(true);
  });
  it.each(["t ? t : 'none'", "'postgres://admin:hunter2@db/app'", '`${t}`'])('%s is not', (code) => {
    expect(isLiteralLike(expressionOf(code))).toBe(false);
  });
});

function declaredTypeOf(code: string): ts.TypeNode | undefined {
  const stmt = parseSource('a.ts', code).statements[0];
  if (!stmt || !ts.isVariableStatement(stmt)) throw new Error('not a declaration');
  return stmt.declarationList.declarations[0]?.type;
}

describe('declared types no secret can have', () => {
  it.each(['let t: number', 'let t: boolean', 'let t: bigint', 'let t: number | undefined', 'let t: (boolean | null)', 'let t: 0 | 1', 'let t: true'])('%s', (code) => {
    expect(isNonSecretType(declaredTypeOf(code))).toBe(true);
  });
  it.each(['let t', 'let t: string', 'let t: string[]', 'let t: number | string', 'let t: undefined', 'let t: Token', "let t: 'a' | 'b'"])('%s may hold one', (code) => {
    expect(isNonSecretType(declaredTypeOf(code))).toBe(false);
  });
});
