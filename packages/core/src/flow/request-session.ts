import { ts } from '../parse/typescript.js';
import { type FileContext, constValueOf } from './file-context.js';
import { isJsonStringify } from './json-stringify.js';
import { COPYING } from './object-projections.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isBinaryExpression, isCallExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isSpreadAssignment, isTemplateExpression } = ts;

/** `req`, `request`, `incomingRequest`, `c.req`'s `req`: a name for an HTTP request object. */
export function isRequestObjectName(name: string): boolean {
  return name === 'req' || name === 'request' || /[a-z](?:Req|Request)$/.test(name);
}

/** `req.session`, `ctx.session` (express-session, cookie-session, koa-session): the request's whole session. */
export function isRequestSession(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!isPropertyAccessExpression(e) || e.name.text !== 'session') return false;
  const holder = unwrap(e.expression);
  return isIdentifier(holder) && (isRequestObjectName(holder.text) || holder.text === 'ctx');
}

/**
 * Data a write is given that is a request's whole session (`JSON.stringify(req.session)`, also
 * through a const holding it): the session data a file-backed session store keeps.
 */
export function writesRequestSession(data: ts.Expression | undefined, fc: FileContext): boolean {
  return data !== undefined && holdsRequestSession(data, fc, 0);
}

const MAX_DEPTH = 6;

/**
 * The whole session, also as written into a line (`JSON.stringify(req.session) + '\n'`, a template),
 * an object (`{ at: Date.now(), session: req.session }`, `{ ...req.session }`) or a copy
 * (`Object.assign({}, req.session)`, `structuredClone(req.session)`).
 */
function holdsRequestSession(data: ts.Expression, fc: FileContext, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const e = constValueOf(fc, data);
  if (isRequestSession(e)) return true;
  const holds = (x: ts.Expression) => holdsRequestSession(x, fc, depth + 1);
  if (isBinaryExpression(e)) return e.operatorToken.kind === SyntaxKind.PlusToken && (holds(e.left) || holds(e.right));
  if (isTemplateExpression(e)) return e.templateSpans.some((span) => holds(span.expression));
  if (isObjectLiteralExpression(e)) return e.properties.some((p) => (isSpreadAssignment(p) ? holds(p.expression) : isPropertyAssignment(p) ? holds(p.initializer) : false));
  if (!isCallExpression(e)) return false;
  if (isJsonStringify(e.expression)) return e.arguments[0] !== undefined && holds(e.arguments[0]);
  const callee = unwrap(e.expression);
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : '';
  // `structuredClone(s)`, `Object.assign({}, s)`, and the utility libraries' copies (`cloneDeep(s)`).
  return (name === 'structuredClone' || COPYING.has(name)) && e.arguments.some(holds);
}
