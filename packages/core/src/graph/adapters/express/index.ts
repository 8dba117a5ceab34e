import { ts } from '../../../parse/typescript.js';
import type { AdapterContext, FrameworkAdapter, Receiver } from '../../adapter.js';
import { skipParens } from '../../path-expr.js';
import { propertyOf } from '../../object-property.js';
import { isImportedFrom } from '../imported-from.js';
import { pathsOf, recordMethodCall, recordParamCallback } from '../method-route.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isObjectLiteralExpression, isStringLiteralLike } = ts;

const isExpress = (s: string): boolean => s === 'express';
/** The MCP SDK's `createMcpExpressApp()`: an Express app with JSON parsing and DNS-rebinding protection. */
const isMcpExpress = (s: string): boolean => s === '@modelcontextprotocol/sdk/server/express.js' || s === '@modelcontextprotocol/sdk/server/express' || s === '@modelcontextprotocol/express';

/** Express 4/5: `express()`, `express.Router()` (and the MCP SDK's `createMcpExpressApp()`), `METHOD`, `all`, `use`, `route(path).METHOD`. */
const express: FrameworkAdapter = {
  name: 'express',
  detects: (imports) => imports.some((i) => isExpress(i.specifier) || isMcpExpress(i.specifier)),
  createsInstance(expr, ctx) {
    if (!isCallExpression(expr)) return undefined;
    if (!isImportedFrom(expr.expression, ctx, isExpress, ['default', '*', 'Router']) && !isImportedFrom(expr.expression, ctx, isMcpExpress, ['createMcpExpressApp'])) return undefined;
    return enablesCaseSensitivity(expr.arguments[0]) ? { caseSensitive: true } : {};
  },
  deriveReceiver(call, method, receiver, ctx) {
    if (method !== 'route') return undefined;
    const path = pathsOf(call.arguments[0], ctx)?.[0];
    return path ? { ...receiver, routePath: path } : undefined;
  },
  onCall(call, method, receiver, ctx) {
    if ((method === 'set' || method === 'enable') && setsCaseSensitiveRouting(call, method, receiver, ctx)) return true;
    return method === 'param' ? recordParamCallback(call, receiver, ctx) : recordMethodCall(call, method, receiver, ctx);
  },
};

/** `express.Router({ caseSensitive: true })`. */
function enablesCaseSensitivity(options: ts.Expression | undefined): boolean {
  const e = options && skipParens(options);
  const flag = e && isObjectLiteralExpression(e) ? propertyOf(e, 'caseSensitive') : undefined;
  return flag?.kind === ts.SyntaxKind.TrueKeyword;
}

/**
 * `app.set('case sensitive routing', true)` or `app.enable('case sensitive routing')` on an app
 * of this file before anything is registered on it: Express reads the setting when the app's
 * router is made, at its first `use` or route, so a later call changes nothing.
 */
function setsCaseSensitiveRouting(call: ts.CallExpression, method: string, receiver: Receiver, ctx: AdapterContext): boolean {
  const [name, value] = call.arguments;
  if (!name || !isStringLiteralLike(name) || name.text !== 'case sensitive routing') return false;
  const target = receiver.target;
  const fact = 'instance' in target ? ctx.facts.instances.find((i) => i.id === target.instance) : undefined;
  const enabled = method === 'enable' || (value !== undefined && skipParens(value).kind === ts.SyntaxKind.TrueKeyword);
  const registered = ctx.facts.registrations.some((r) => 'instance' in r.target && 'instance' in target && r.target.instance === target.instance);
  if (fact && enabled && !registered) fact.caseSensitive = true;
  return true;
}

export default express;
