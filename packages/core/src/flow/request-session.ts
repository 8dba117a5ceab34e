import { ts } from '../parse/typescript.js';
import { type FileContext, constValueOf } from './file-context.js';
import { isJsonStringify } from './json-stringify.js';
import { unwrap } from './scope.js';

/** `req`, `request`, `incomingRequest`, `c.req`'s `req`: a name for an HTTP request object. */
export function isRequestObjectName(name: string): boolean {
  return name === 'req' || name === 'request' || /[a-z](?:Req|Request)$/.test(name);
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
