import { ts } from '../../parse/typescript.js';
import type { AdapterContext } from '../adapter.js';
import { moduleConstOf } from '../module-const-of.js';
import { propertyOf } from '../object-property.js';
import { skipParens } from '../path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isStringLiteralLike } = ts;

/**
 * Package middleware that answers every request under its mount itself, serving an app of its own:
 * a dashboard (Bull Board, Arena, AdminJS, Agendash) or a proxy to another service. Mounted under an admin
 * path, it is an admin route whose handler the rule cannot look into. Each entry: the package, and
 * the export whose call makes the middleware, or the instance method that hands it out.
 */
const SERVING_CALLS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['http-proxy-middleware', new Set(['createProxyMiddleware', 'legacyCreateProxyMiddleware', 'default'])],
  ['express-http-proxy', new Set(['default', '*'])],
  ['agendash', new Set(['default', '*'])],
  // Bull's and BullMQ's older dashboard: `app.use('/admin/arena', Arena({ queues }))`.
  ['bull-arena', new Set(['default', '*'])],
  // AdminJS's router without its login (`buildAuthenticatedRouter` guards itself).
  ['@adminjs/express', new Set(['buildRouter'])],
]);

/**
 * Bull Board's adapters, whose method hands out the queue dashboard: `new ExpressAdapter()`'s
 * `getRouter()` (`app.use`), Hono's and Fastify's `registerPlugin()` (`app.route`, `register`).
 */
const SERVING_INSTANCES: ReadonlyMap<string, { classes: ReadonlySet<string>; method: string }> = new Map([
  ['@bull-board/express', { classes: new Set(['ExpressAdapter']), method: 'getRouter' }],
  ['@bull-board/hono', { classes: new Set(['HonoAdapter']), method: 'registerPlugin' }],
  ['@bull-board/fastify', { classes: new Set(['FastifyAdapter']), method: 'registerPlugin' }],
]);

/** The package whose app `expr` serves, when it is one of those: `serverAdapter.getRouter()`, `createProxyMiddleware({...})`. */
export function servedAppOf(expr: ts.Expression, ctx: AdapterContext, depth = 0): string | undefined {
  const e = skipParens(expr);
  // `const adminRouter = AdminJSExpress.buildRouter(admin)`, mounted by name.
  if (isIdentifier(e)) {
    const init = depth === 0 ? moduleConstOf(e) : undefined;
    return init && servedAppOf(init, ctx, depth + 1);
  }
  if (!isCallExpression(e)) return undefined;
  const callee = skipParens(e.expression);
  if (isIdentifier(callee)) {
    const binding = ctx.imports.get(callee.text);
    return binding && SERVING_CALLS.get(binding.specifier)?.has(binding.imported) ? binding.specifier : undefined;
  }
  if (!isPropertyAccessExpression(callee)) return undefined;
  const owner = skipParens(callee.expression);
  if (!isIdentifier(owner)) return undefined;
  // `AdminJSExpress.buildRouter(admin)`: a method of the package's default or namespace import.
  const binding = ctx.imports.get(owner.text);
  if (binding && (binding.imported === 'default' || binding.imported === '*')) return SERVING_CALLS.get(binding.specifier)?.has(callee.name.text) ? binding.specifier : undefined;
  const made = newOf(owner);
  const maker = made && isIdentifier(made.expression) ? ctx.imports.get(made.expression.text) : undefined;
  const served = maker && SERVING_INSTANCES.get(maker.specifier);
  return served && served.classes.has(maker.imported) && served.method === callee.name.text ? maker.specifier : undefined;
}

/**
 * AdminJS serves its panel under `rootPath` (default `/admin`), and its README mounts the router
 * at `admin.options.rootPath`: the path that option holds, for `admin = new AdminJS({ rootPath })`.
 */
export function adminJsRootPathOf(expr: ts.Expression, ctx: AdapterContext): string | undefined {
  const e = skipParens(expr);
  if (!isPropertyAccessExpression(e) || e.name.text !== 'rootPath') return undefined;
  const options = skipParens(e.expression);
  const owner = isPropertyAccessExpression(options) && options.name.text === 'options' ? skipParens(options.expression) : undefined;
  const made = owner && isIdentifier(owner) ? newOf(owner) : undefined;
  const maker = made && isIdentifier(made.expression) ? ctx.imports.get(made.expression.text) : undefined;
  if (maker?.specifier !== 'adminjs') return undefined;
  const arg = made?.arguments?.[0] && skipParens(made.arguments[0]);
  const root = arg && isObjectLiteralExpression(arg) ? propertyOf(arg, 'rootPath') : undefined;
  if (root === undefined) return '/admin';
  return isStringLiteralLike(root) ? root.text : undefined;
}

/** `const name = new X(...)` at the top level of the file. */
function newOf(name: ts.Identifier): ts.NewExpression | undefined {
  const init = moduleConstOf(name);
  return init && isNewExpression(init) ? init : undefined;
}
