import { ts } from '../parse/typescript.js';
import { escapeRegex } from './escape-regex.js';
import { passesOnAndStops } from './guard-bypass.js';
import { moduleConstOf } from './module-const-of.js';
import { skipParens } from './path-expr.js';
import type { RequestException } from './unless-options.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isBinaryExpression, isCallExpression, isIdentifier, isIfStatement, isPropertyAccessExpression, isStringLiteralLike } = ts;

/** Properties that hold the request path: Express `req.path`/`req.originalUrl`, Koa `ctx.path`, Hono `c.req.path`. */
const PATH_READ = /^(path|url|originalUrl|pathname)$/;

/**
 * A guard's own list of public paths: `if (PUBLIC.includes(req.path)) return next();`,
 * `if (req.path === '/admin/metrics' || req.path.startsWith('/public/')) return next();` before the
 * check. Returns the paths it lets through unchecked, or undefined when the `if` is anything else
 * (a test the rule cannot read keeps the guard counting for every path).
 */
export function pathBypassOf(stmt: ts.Statement, next: string, params: readonly string[], returnPassesOn: boolean): RequestException[] | undefined {
  if (!isIfStatement(stmt) || stmt.elseStatement || !passesOnAndStops(stmt.thenStatement, next, returnPassesOn)) return undefined;
  return pathsTested(stmt.expression, params);
}

/**
 * The paths a condition holds for: `req.path === '/x'`, `c.req.path.startsWith('/public/')`,
 * `PUBLIC.includes(ctx.path)`, and `||` of those. Undefined for any other condition.
 */
export function pathsTested(expr: ts.Expression, params: readonly string[]): RequestException[] | undefined {
  const e = skipParens(expr);
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === SyntaxKind.BarBarToken) {
      const left = pathsTested(e.left, params);
      const right = left && pathsTested(e.right, params);
      return left && right ? [...left, ...right] : undefined;
    }
    if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken) return undefined;
    const [value, other] = isStringLiteralLike(e.left) ? [e.left, e.right] : [e.right, e.left];
    return isStringLiteralLike(value) && isPathRead(other, params) ? [{ path: { parts: [value.text] } }] : undefined;
  }
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression)) return undefined;
  const method = e.expression.name.text;
  const arg = e.arguments[0] && skipParens(e.arguments[0]);
  // `req.path.startsWith('/public/')`
  if (method === 'startsWith' && arg && isStringLiteralLike(arg) && isPathRead(e.expression.expression, params)) return [{ regex: `^${escapeRegex(arg.text)}`, flags: '' }];
  // `PUBLIC_PATHS.includes(req.path)`, the list written in place or in a module-level const.
  if (method === 'includes' && arg && isPathRead(arg, params)) {
    const owner = skipParens(e.expression.expression);
    const list = isIdentifier(owner) ? moduleConstOf(owner) : owner;
    if (!list || !isArrayLiteralExpression(list) || !list.elements.every(isStringLiteralLike)) return undefined;
    return list.elements.map((el) => ({ path: { parts: [(el as ts.StringLiteralLike).text] } }));
  }
  return undefined;
}

/** `req.path`, `c.req.path`, `ctx.path`, `request.url`: a path property read from a parameter. */
function isPathRead(expr: ts.Expression, params: readonly string[]): boolean {
  const e = skipParens(expr);
  if (!isPropertyAccessExpression(e) || !PATH_READ.test(e.name.text)) return false;
  let root: ts.Expression = skipParens(e.expression);
  while (isPropertyAccessExpression(root)) root = skipParens(root.expression);
  return isIdentifier(root) && params.includes(root.text);
}
