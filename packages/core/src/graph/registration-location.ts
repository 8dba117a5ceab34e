import { locationOf, type Location } from '../findings/location.js';
import { ts } from '../parse/typescript.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isNewExpression, isPropertyAccessExpression } = ts;

/**
 * Where a registration is reported: the call, or in a chain (`new Hono().get(...).post(...)`)
 * from the method name on, so each link has its own line.
 */
export function registrationLocation(node: ts.Node, sf: ts.SourceFile): Location {
  if (!isCallExpression(node) || !isPropertyAccessExpression(node.expression) || !isCallOrNew(skipParens(node.expression.expression))) {
    return locationOf(node, sf);
  }
  const start = locationOf(node.expression.name, sf);
  const whole = locationOf(node, sf);
  return { ...start, endLine: whole.endLine, endColumn: whole.endColumn };
}

function isCallOrNew(node: ts.Expression): boolean {
  return isCallExpression(node) || isNewExpression(node);
}
