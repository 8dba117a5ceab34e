import { ts } from '../../../parse/typescript.js';
import { propertyOf } from '../../object-property.js';
import { skipParens } from '../../path-expr.js';

const { SyntaxKind, isCallExpression, isIdentifier, isObjectLiteralExpression } = ts;

/**
 * `fp(plugin, opts)` / `fastifyPlugin(plugin, opts)`: fastify-plugin's wrapper (or a project
 * function of that name doing its job). The wrapped plugin is the first argument.
 */
export function isFastifyPluginCall(e: ts.Node): e is ts.CallExpression {
  return isCallExpression(e) && isIdentifier(e.expression) && (e.expression.text === 'fp' || e.expression.text === 'fastifyPlugin') && e.arguments[0] !== undefined;
}

/**
 * A fastify-plugin wrapper that lifts the plugin into its parent's context (its hooks guard the
 * parent's routes): all of them, except `fp(plugin, { encapsulate: true })`, which fastify-plugin
 * documents as keeping the plugin encapsulated while still naming it.
 */
export function sharesParentContext(e: ts.Node): boolean {
  if (!isFastifyPluginCall(e)) return false;
  const opts = e.arguments[1] && skipParens(e.arguments[1]);
  const encapsulate = opts && isObjectLiteralExpression(opts) ? propertyOf(opts, 'encapsulate') : undefined;
  return encapsulate?.kind !== SyntaxKind.TrueKeyword;
}
