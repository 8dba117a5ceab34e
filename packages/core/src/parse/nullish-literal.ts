import { ts } from './typescript.js';

/** `null` or `undefined` as written (the caller unwraps parentheses and casts its own way). */
export function isNullishLiteral(e: ts.Expression): boolean {
  return e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined');
}
