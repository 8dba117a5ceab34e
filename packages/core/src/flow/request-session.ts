import { ts } from '../parse/typescript.js';
import { type FileContext, constValueOf } from './file-context.js';
import { isJsonStringify } from './json-stringify.js';
import { unwrap } from './scope.js';

/** `req`, `request`, `incomingRequest`, `c.req`'s `req`: a name for an HTTP request object. */
export function isRequestObjectName(name: string): boolean {
  return name === 'req' || name === 'request' || /[a-z](?:Req|Request)$/.test(name);
}

// The MCP SDK's `Server`/`Protocol` hand these callbacks a JSON-RPC message ({ method, params }),
// not an HTTP request: `server.setRequestHandler(CallToolRequestSchema, async (request) => ...)`.
const JSON_RPC_HANDLER_SETTERS: ReadonlySet<string> = new Set(['setRequestHandler', 'setNotificationHandler']);

/**
 * `fn` is the handler passed to `setRequestHandler`/`setNotificationHandler`: its `request` parameter
 * is a JSON-RPC message, which carries no HTTP headers (those arrive in `extra.requestInfo`).
 */
export function isJsonRpcHandler(fn: ts.Node): boolean {
  let holder: ts.Node = fn;
  while (ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
  const call = holder.parent;
  if (!ts.isCallExpression(call) || call.arguments[1] !== holder) return false;
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && JSON_RPC_HANDLER_SETTERS.has(callee.name.text);
}

/** `req.session`, `ctx.session` (express-session, cookie-session, koa-session): the request's whole session. */
export function isRequestSession(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== 'session') return false;
  const holder = unwrap(e.expression);
  return ts.isIdentifier(holder) && (isRequestObjectName(holder.text) || holder.text === 'ctx');
}

/**
 * Data a write is given that is a request's whole session (`JSON.stringify(req.session)`, also
 * through a const holding it): the session data a file-backed session store keeps.
 */
export function writesRequestSession(data: ts.Expression | undefined, fc: FileContext): boolean {
  if (data === undefined) return false;
  let e = constValueOf(fc, data);
  if (ts.isCallExpression(e) && isJsonStringify(e.expression) && e.arguments[0]) e = constValueOf(fc, e.arguments[0]);
  return isRequestSession(e);
}
