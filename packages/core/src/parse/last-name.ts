import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once (the guard
// judge asks this of every call it meets, several times over).
const { isIdentifier, isPropertyAccessExpression } = ts;

/**
 * The name an expression ends in: `f` for `f`, `m` for `a.b.m`; what a call is known by when only
 * its name matters (`verify` of `jwt.verify`). Undefined for any other expression.
 */
export function lastNameOf(expr: ts.Expression): string | undefined {
  if (isIdentifier(expr)) return expr.text;
  return isPropertyAccessExpression(expr) ? expr.name.text : undefined;
}
