import { ts } from '../parse/typescript.js';
import { constValueOf, type FileContext } from './file-context.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isStringLiteral } = ts;

/**
 * The keys of a zod shape, or of the shape `z.object(...)` is made from (also read back as its
 * `.shape`), written in place or in a const of the file: the only fields what the schema passes
 * can hold (zod strips the others). Undefined when the shape cannot be read.
 */
export function shapeFieldsOf(expr: ts.Expression, fc: FileContext): string[] | undefined {
  let e = unwrap(constValueOf(fc, expr));
  if (isPropertyAccessExpression(e) && e.name.text === 'shape') e = unwrap(constValueOf(fc, e.expression));
  if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'object' && e.arguments[0]) e = unwrap(constValueOf(fc, e.arguments[0]));
  if (!isObjectLiteralExpression(e)) return undefined;
  return e.properties.flatMap((p) => (p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? [p.name.text] : []));
}
