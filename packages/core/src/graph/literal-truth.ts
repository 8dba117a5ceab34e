import { ts } from '../parse/typescript.js';
import { isNullishLiteral } from '../parse/nullish-literal.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isNumericLiteral, isObjectLiteralExpression, isStringLiteralLike, isVoidExpression } = ts;

/** A literal's truth: `false`, `0`, `''`, `null`, `undefined` are false; lists, objects, functions true. */
export function literalTruthOf(expr: ts.Expression): boolean | undefined {
  const e = skipParens(expr);
  if (isStringLiteralLike(e)) return e.text !== '';
  if (isNumericLiteral(e)) return Number(e.text) !== 0;
  if (e.kind === SyntaxKind.TrueKeyword || isObjectLiteralExpression(e) || isArrayLiteralExpression(e) || ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return true;
  return e.kind === SyntaxKind.FalseKeyword || isNullishLiteral(e) || isVoidExpression(e) ? false : undefined;
}
