import { ts } from '../parse/typescript.js';
import { unwrap } from './scope.js';

/** `JSON.stringify`: its result is the text of its first argument, whole. */
export function isJsonStringify(callee: ts.Expression): boolean {
  const e = unwrap(callee);
  return ts.isPropertyAccessExpression(e) && e.name.text === 'stringify' && ts.isIdentifier(e.expression) && e.expression.text === 'JSON';
}
