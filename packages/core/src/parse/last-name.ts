import { ts } from './typescript.js';

/**
 * The name an expression ends in: `f` for `f`, `m` for `a.b.m`; what a call is known by when only
 * its name matters (`verify` of `jwt.verify`). Undefined for any other expression.
 */
export function lastNameOf(expr: ts.Expression): string | undefined {
  if (ts.isIdentifier(expr)) return expr.text;
  return ts.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
}
