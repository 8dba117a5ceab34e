import { visitTree } from '../parse/visit-tree.js';
import { ts } from '../parse/typescript.js';
import { skipParens, subtreeOf, type PathExpr } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isBinaryExpression, isCallExpression, isNumericLiteral, isPropertyAccessExpression } = ts;

/** The parameters a middleware takes to hand the request on: Express's `next` is the third, Hono's and Koa's the second. */
const MIDDLEWARE_ARITY: Readonly<Partial<Record<string, number>>> = { express: 3, hono: 2, koa: 2 };

/**
 * The parameters a function takes when it takes the request but no `next` (`(req, res) =>
 * res.json(stats)`, Hono's `(c) => c.text('x')`) and answers with content, not an error status or
 * a redirect: where the framework's middleware takes more, `use` makes it an endpoint.
 */
export function endpointArityOf(fn: ts.FunctionLikeDeclaration): number | undefined {
  const count = fn.parameters.length;
  if (count === 0 || count > 2 || fn.parameters.some((p) => p.dotDotDotToken !== undefined) || !fn.body || answersWithError(fn.body)) return undefined;
  return count;
}

/** Text an error answer needs (a 4xx/5xx status, `notFound`, `redirect`): most bodies have none, and are not walked. */
const ERROR_ANSWER_TEXT = /[45]\d\d|notFound|redirect/;

/** Whether a function of `arity` parameters (endpointArityOf) answers by itself in `framework`. */
export function answersUnder(arity: number | undefined, framework: string | undefined): boolean {
  const next = framework === undefined ? undefined : MIDDLEWARE_ARITY[framework];
  return arity !== undefined && next !== undefined && arity < next;
}

/**
 * The routes an endpoint given to `use(paths?, ...)` serves: Hono matches a `use` path as it matches
 * a route's; Express and Koa take it as a prefix; without a path, everything under the instance.
 */
export function endpointPathsOf(paths: PathExpr[] | undefined, framework: string | undefined): PathExpr[] {
  if (framework === 'hono' && paths) return paths;
  return (paths ?? [{ parts: [''] }]).map(subtreeOf);
}

/** A status the function answers with that serves nothing: `res.status(404)`, `c.json(e, 410)`, `ctx.status = 404`. */
const ERROR_STATUS = (node: ts.Node): boolean => isNumericLiteral(node) && Number(node.text) >= 400 && Number(node.text) < 600;

/** Answers that serve nothing: Hono's `c.notFound()`, and a redirect (`res.redirect('/login')`, `ctx.redirect(...)`). */
const NO_CONTENT_ANSWERS: ReadonlySet<string> = new Set(['notFound', 'redirect']);

/**
 * A catch-all that answers with an error status or a redirect (`app.use('/admin', (req, res) =>
 * res.status(404).end())`, `c.notFound()`, `res.redirect('/login')`): it serves nothing under the
 * path, so it is no route.
 */
function answersWithError(body: ts.Node): boolean {
  if (!ERROR_ANSWER_TEXT.test(body.getSourceFile().text.slice(body.pos, body.end))) return false;
  let found = false;
  visitTree(body, (node) => {
    if (found) return false;
    if (isCallExpression(node)) {
      const callee = skipParens(node.expression);
      found = (isPropertyAccessExpression(callee) && NO_CONTENT_ANSWERS.has(callee.name.text)) || node.arguments.some(ERROR_STATUS);
    } else if (isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isPropertyAccessExpression(node.left) && node.left.name.text === 'status') {
      found = ERROR_STATUS(skipParens(node.right));
    }
    return !found;
  });
  return found;
}
