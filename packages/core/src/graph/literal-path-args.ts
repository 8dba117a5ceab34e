import { ts } from '../parse/typescript.js';
import { moduleConstOf } from './module-const-of.js';
import { skipParens, type PathExpr } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isIdentifier, isStringLiteralLike } = ts;

/**
 * The paths a call's literal arguments spell, by index: `'/login'`, `['/login', '/health']` (in
 * place or in a module-level const). Only whole lists of strings: a list with another entry could
 * name any path. Undefined when no argument is one.
 */
export function literalPathArgsOf(call: ts.CallExpression): Record<number, PathExpr[]> | undefined {
  let out: Record<number, PathExpr[]> | undefined;
  call.arguments.forEach((arg, index) => {
    const paths = literalPathsOf(skipParens(arg));
    if (paths) (out ??= {})[index] = paths;
  });
  return out;
}

function literalPathsOf(e: ts.Expression): PathExpr[] | undefined {
  if (isStringLiteralLike(e)) return [{ parts: [e.text] }];
  const list = isIdentifier(e) ? moduleConstOf(e) : e;
  if (!list || !isArrayLiteralExpression(list)) return undefined;
  const items = list.elements.map(skipParens);
  return items.every(isStringLiteralLike) ? items.map((i) => ({ parts: [i.text] })) : undefined;
}
