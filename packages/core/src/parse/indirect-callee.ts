import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isBinaryExpression, isNumericLiteral } = ts;

/**
 * `(0, auth_1.default)(route)`: compiled CommonJS (tsc, Babel) calls imported functions through a
 * comma expression so that `this` is undefined. Its value is the right-hand side.
 */
export function isIndirectCallee(e: ts.Expression): e is ts.BinaryExpression {
  return isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.CommaToken && isNumericLiteral(e.left);
}
