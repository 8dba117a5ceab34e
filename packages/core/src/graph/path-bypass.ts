import { ts } from '../parse/typescript.js';
import { escapeRegex } from './escape-regex.js';
import { passesOnAndStops } from './guard-bypass.js';
import { moduleConstOf } from './module-const-of.js';
import { skipParens } from './path-expr.js';
import type { RequestException } from './unless-options.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isBinaryExpression, isCallExpression, isConditionalExpression, isIdentifier, isIfStatement, isPropertyAccessExpression, isStringLiteralLike } = ts;

/** Properties that hold the request path: Express `req.path`/`req.originalUrl`, Koa `ctx.path`, Hono `c.req.path`. */
const PATH_READ = /^(path|url|originalUrl|pathname)$/;

/**
 * A path a guard lets through: one it names, or `{ param }`, the value of a parameter of the
 * factory that made it (`unless(path, mw)` returning `(req, res, next) => path === req.path ?
 * next() : mw(req, res, next)`), by its id (`fn#index`), which each call binds to its argument.
 */
export type PathTest = RequestException | { param: string };

/** The id of the enclosing factory's parameter a name denotes, if it is one. */
export type FactoryParamOf = (name: string) => string | undefined;

const NO_FACTORY: FactoryParamOf = () => undefined;

/**
 * A guard's own list of public paths: `if (PUBLIC.includes(req.path)) return next();`,
 * `if (req.path === '/admin/metrics' || req.path.startsWith('/public/')) return next();` before the
 * check, also with the check in an `else`. Returns the paths it lets through unchecked, or
 * undefined when the `if` is anything else (a test the rule cannot read keeps the guard counting
 * for every path).
 */
export function pathBypassOf(stmt: ts.Statement, next: string, params: readonly string[], returnPassesOn: boolean, factoryParamOf = NO_FACTORY): PathTest[] | undefined {
  if (!isIfStatement(stmt) || !passesOnAndStops(stmt.thenStatement, next, returnPassesOn)) return undefined;
  return pathsTested(stmt.expression, params, factoryParamOf);
}

/**
 * `test ? next() : mw(req, res, next)`, the body of an arrow: the paths `test` lets through, and
 * the branch that checks the others. Undefined for any other expression.
 */
export function conditionalBypassOf(expr: ts.Expression, next: string, params: readonly string[], factoryParamOf: FactoryParamOf): { paths: PathTest[]; rest: ts.Expression } | undefined {
  const e = skipParens(expr);
  if (!isConditionalExpression(e)) return undefined;
  const passes = skipParens(e.whenTrue);
  if (!isCallExpression(passes) || !isIdentifier(passes.expression) || passes.expression.text !== next || passes.arguments.length > 0) return undefined;
  const paths = pathsTested(e.condition, params, factoryParamOf);
  return paths && { paths, rest: e.whenFalse };
}

/** pathsTested where no factory parameter is in scope (hono/combine's `except` conditions). */
export function requestPathsTested(expr: ts.Expression, params: readonly string[]): RequestException[] | undefined {
  const paths = pathsTested(expr, params, NO_FACTORY);
  return paths?.every((x): x is RequestException => !('param' in x)) ? paths : undefined;
}

/**
 * The paths a condition holds for: `req.path === '/x'`, `c.req.path.startsWith('/public/')`,
 * `PUBLIC.includes(ctx.path)`, and `||` of those; a factory parameter compared with the path or
 * searched for it. Undefined for any other condition.
 */
function pathsTested(expr: ts.Expression, params: readonly string[], factoryParamOf: FactoryParamOf): PathTest[] | undefined {
  const e = skipParens(expr);
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === SyntaxKind.BarBarToken) {
      const left = pathsTested(e.left, params, factoryParamOf);
      const right = left && pathsTested(e.right, params, factoryParamOf);
      return left && right ? [...left, ...right] : undefined;
    }
    if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken) return undefined;
    const [value, other] = isPathRead(e.right, params) ? [skipParens(e.left), e.right] : [skipParens(e.right), e.left];
    if (!isPathRead(other, params)) return undefined;
    if (isStringLiteralLike(value)) return [{ path: { parts: [value.text] } }];
    const param = isIdentifier(value) ? factoryParamOf(value.text) : undefined;
    return param === undefined ? undefined : [{ param }];
  }
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression)) return undefined;
  const method = e.expression.name.text;
  const arg = e.arguments[0] && skipParens(e.arguments[0]);
  // `req.path.startsWith('/public/')`
  if (method === 'startsWith' && arg && isStringLiteralLike(arg) && isPathRead(e.expression.expression, params)) return [{ regex: `^${escapeRegex(arg.text)}`, flags: '' }];
  // `PUBLIC_PATHS.includes(req.path)`, the list written in place or in a module-level const.
  if (method === 'includes' && arg && isPathRead(arg, params)) {
    const owner = skipParens(e.expression.expression);
    const param = isIdentifier(owner) ? factoryParamOf(owner.text) : undefined;
    if (param !== undefined) return [{ param }];
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
