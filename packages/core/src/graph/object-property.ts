import { ts } from '../parse/typescript.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isIdentifier, isPropertyAssignment, isStringLiteralLike } = ts;

/** The value of `name: value` (or `'name': value`) in an object literal of options, without parentheses. */
export function propertyOf(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteralLike(p.name)) && p.name.text === name) return skipParens(p.initializer);
  }
  return undefined;
}
