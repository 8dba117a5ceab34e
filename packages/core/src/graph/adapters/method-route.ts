import { ts } from '../../parse/typescript.js';
import type { AdapterContext, Receiver } from '../adapter.js';
import { skipParens, type PathExpr } from '../path-expr.js';
import type { HandlerRef } from '../route-facts.js';
import { regexPathOf } from '../regex-path.js';
import { loopValuesOf } from '../route-table.js';
import { adminJsRootPathOf, servedAppOf } from './served-app.js';
import { readdirMountOf } from './readdir-mount.js';
import { answersUnder, endpointArityOf, endpointPathsOf } from '../endpoint-arity.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isArrowFunction, isFunctionExpression, isIdentifier, isPropertyAccessExpression, isRegularExpressionLiteral, isStringLiteralLike } = ts;

/** HTTP verbs shared by Hono, Express, Koa and Fastify's shorthand methods. */
export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all']);

const PATH_LIKE_NAME = /^[A-Z0-9_$.]+$|[Pp]ath|PATH|[Pp]refix|PREFIX|[Rr]oute|ROUTE|[Uu]rl|URL|[Bb]ase|BASE|[Mm]ount/;

/**
 * A path argument: a path-like string, template, constant or RegExp, or an array of them. Literal text
 * must look like a path (`/x`, `*`, empty) so that `c.get('user')` is never read as a route.
 */
export function pathsOf(expr: ts.Expression | undefined, ctx: AdapterContext, optional = false): PathExpr[] | undefined {
  if (!expr) return undefined;
  const e = skipParens(expr);
  if (isArrayLiteralExpression(e)) {
    const all = e.elements.map((el) => pathsOf(el, ctx, optional));
    return all.every((p) => p !== undefined) && all.length > 0 ? all.flat() : undefined;
  }
  if (isRegularExpressionLiteral(e)) {
    // Express and Koa take a RegExp path: its literal beginning names the segments.
    const path = regexPathOf(e.text);
    return [{ parts: [path ?? { unknown: 'regex' }] }];
  }
  // `for (const p of ['/admin/users', '/admin/stats']) app.get(p, h)`: every path the loop gives it.
  const looped = isIdentifier(e) ? loopValuesOf(e) : undefined;
  if (looped && looped.every(isStringLiteralLike)) {
    const all = looped.map((v) => pathsOf(v, ctx, optional));
    if (all.every((p) => p !== undefined)) return all.flat();
  }
  const path = ctx.pathOf(e);
  if (!path) return undefined;
  const first = path.parts[0];
  // `use(x, ...)` takes an optional path: an unresolved name is a path only when it is named like one.
  if (optional && path.parts.length === 1 && typeof first === 'object' && 'ref' in first && !PATH_LIKE_NAME.test(first.ref)) return undefined;
  if (typeof first === 'string' && !(first === '' || first.startsWith('/') || first.startsWith('*'))) return undefined;
  return [path];
}

/**
 * `recv.get('/x', mw, handler)` and `recv.use('/x', mw)` style calls (Hono, Express, Koa router).
 * A route needs a handler; a `use` may omit the path. The last handler of a route is its endpoint.
 */
/**
 * Express `app.param('tenant', fn)` and @koa/router `router.param('org', fn)`: `fn` runs before the
 * handlers of the routes whose path captures the parameter, wherever it is registered among them
 * (a request-time lookup).
 */
export function recordParamCallback(call: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const [name, ...rest] = call.arguments;
  if (!name || !isStringLiteralLike(name) || rest.length === 0) return false;
  ctx.register(call, { kind: 'use', target: receiver.target, paths: undefined, handlers: ctx.handlerRefsOf(rest), orderless: true, param: name.text });
  return true;
}

export function recordMethodCall(call: ts.CallExpression, method: string, receiver: Receiver, ctx: AdapterContext): boolean {
  const args = call.arguments;
  if (method === 'use') {
    const listed = readdirMountOf(call, ctx);
    if (listed) {
      // `use('/' + name, auth, require(...))`: the middleware runs before every module of the folder,
      // all of them under the fixed prefix (or the whole app when the names are the prefix).
      const guards = ctx.handlerRefsOf(args.slice(args.length >= 2 ? 1 : 0, -1));
      if (guards.length > 0) ctx.register(call, { kind: 'use', target: receiver.target, paths: listed.prefix ? [listed.prefix] : undefined, handlers: guards });
      const autoload = { dirNamePrefix: false, autoHooks: false, cascadeHooks: false, readdir: { fileNamePrefix: listed.fileNamePrefix } };
      ctx.register(call, { kind: 'mount', target: receiver.target, prefix: listed.prefix, child: { dir: listed.dir }, encapsulated: false, autoload });
      return true;
    }
    const { paths, handlers } = useArgsOf(args, ctx);
    if (handlers.length === 0) return false;
    ctx.register(call, { kind: 'use', target: receiver.target, paths, handlers });
    // `app.use('/admin/queues', serverAdapter.getRouter())`, `app.use('/admin', (req, res) => ...)`:
    // a package's app, or a function without `next`, answers everything under the path, after the
    // middleware before it in the call.
    // Without a path (`adminRouter.use((req, res) => res.json(stats))`), everything under the
    // app or router, wherever it is mounted.
    const last = args[args.length - 1];
    if (last && (servedAppOf(last, ctx) !== undefined || answersItself(last, receiver.framework))) {
      ctx.register(call, { kind: 'route', target: receiver.target, methods: ['all'], paths: endpointPathsOf(paths, receiver.framework), guards: handlers.slice(0, -1), handler: handlers[handlers.length - 1] });
    }
    return true;
  }
  if (!HTTP_METHODS.has(method) && method !== 'del') return false;
  const fixed = receiver.routePath ? [receiver.routePath] : undefined;
  const paths = fixed ?? pathsOf(args[0], ctx);
  const rest = fixed ? args : args.slice(1);
  if (!paths || rest.length === 0) return false;
  // An options object (`{ onRequest: [f.authenticate] }`) is Fastify's: on a receiver of no known
  // framework (a plugin's parameter in a file that imports none), its adapter reads the route.
  if (receiver.framework === undefined && rest.some((a) => ts.isObjectLiteralExpression(skipParens(a)))) return false;
  const refs = ctx.handlerRefsOf(rest);
  const endpoint = endpointIndexOf(refs, receiver.framework, ctx);
  ctx.register(call, {
    kind: 'route',
    target: receiver.target,
    methods: [method === 'del' ? 'delete' : method],
    paths,
    guards: refs.slice(0, endpoint),
    handler: refs[endpoint],
  });
  return true;
}

/**
 * The handler that answers the route: the last one, or an earlier function (written in place or
 * declared in the file) that takes no `next` (`app.get('/admin', listUsers, requireAdmin)`): it
 * answers, and what follows it never runs, guards included.
 */
function endpointIndexOf(refs: readonly HandlerRef[], framework: string | undefined, ctx: AdapterContext): number {
  const early = refs.findIndex((r, i) => {
    const fact = r.kind === 'fn' ? r.fact : r.kind === 'name' ? ctx.facts.functions[r.name] : undefined;
    return i < refs.length - 1 && answersUnder(fact?.endpointArity, framework);
  });
  return early === -1 ? refs.length - 1 : early;
}

/** `use(path?, ...middleware)`: the optional path (AdminJS's `admin.options.rootPath` read too) and the middleware. */
export function useArgsOf(args: readonly ts.Expression[], ctx: AdapterContext): { paths: PathExpr[] | undefined; handlers: ReturnType<AdapterContext['handlerRefsOf']> } {
  const [first] = args;
  const rootPath = first && adminJsRootPathOf(first, ctx);
  // `app.use(routes)`, `app.use(baseRouter)`: a name alone is what is used, however path-like it sounds
  // (a path needs something to use under it), and so is a name of an app or router of this file.
  const isUsed = first !== undefined && (isIdentifier(skipParens(first)) || isPropertyAccessExpression(skipParens(first))) && (args.length === 1 || ctx.instanceOf?.(first) !== undefined);
  const paths = rootPath !== undefined ? [{ parts: [rootPath] }] : isUsed ? undefined : pathsOf(first, ctx, true);
  return { paths, handlers: ctx.handlerRefsOf(paths ? args.slice(1) : args) };
}

/**
 * A function written in place that takes no `next` (`(req, res) => res.json(stats)`, Hono's `(c)
 * => c.text('x')`, Koa's `(ctx) => { ctx.body = x }`): it answers every request that reaches it, as
 * a route's handler does.
 */
function answersItself(arg: ts.Expression, framework: string | undefined): boolean {
  const fn = skipParens(arg);
  return (isArrowFunction(fn) || isFunctionExpression(fn)) && answersUnder(endpointArityOf(fn), framework);
}
