import { ts } from '../parse/typescript.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isIdentifier, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteralLike } = ts;

/** `{ guard: requireAdmin, devMode }`: each field written with a plain name, and its value (a shorthand's is its name). */
export function namedValuesOf(obj: ts.ObjectLiteralExpression): Array<{ key: string; value: ts.Expression }> {
  return obj.properties.flatMap((p) => {
    const value = isShorthandPropertyAssignment(p) ? p.name : isPropertyAssignment(p) ? p.initializer : undefined;
    return value && p.name && (isIdentifier(p.name) || isStringLiteralLike(p.name)) ? [{ key: p.name.text, value }] : [];
  });
}

/** The value of `name: value` (or `'name': value`) in an object literal of options, without parentheses. */
export function propertyOf(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteralLike(p.name)) && p.name.text === name) return skipParens(p.initializer);
  }
  return undefined;
}
