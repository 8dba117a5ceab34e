import { ts } from '../../../parse/typescript.js';
import type { AdapterContext, FrameworkAdapter, Receiver } from '../../adapter.js';
import { skipParens, type PathExpr } from '../../path-expr.js';
import { isImportedFrom } from '../imported-from.js';
import { isFunctionExpression } from '../../judge-function.js';
import { HTTP_METHODS, pathsOf, recordMethodCall, recordParamCallback } from '../method-route.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteralLike } = ts;

const isRouterModule = (s: string): boolean => s === '@koa/router' || s === 'koa-router';

/** Koa with @koa/router: `new Koa()`, `new Router({ prefix })`, `router.METHOD`, `use`, `routes()`. */
const koa: FrameworkAdapter = {
  name: 'koa',
  detects: (imports) => imports.some((i) => i.specifier === 'koa' || isRouterModule(i.specifier)),
  createsInstance(expr, ctx) {
    if (!isNewExpression(expr) && !isCallExpression(expr)) return undefined;
    if (isImportedFrom(expr.expression, ctx, isRouterModule, ['default', '*', 'Router'])) return { prefix: prefixOption(expr.arguments?.[0], ctx) };
    if (isNewExpression(expr) && isImportedFrom(expr.expression, ctx, (s) => s === 'koa', ['default', '*'])) return {};
    return undefined;
  },
  onCall(call, method, receiver, ctx) {
    const [first, second] = call.arguments;
    // koa-router named routes: router.get('user', '/users/:id', handler)
    if (HTTP_METHODS.has(method) && first && second && isStringLiteralLike(skipParens(first)) && pathsOf(second, ctx) && !pathsOf(first, ctx)) {
      const refs = ctx.handlerRefsOf(call.arguments.slice(2));
      ctx.register(call, { kind: 'route', target: receiver.target, methods: [method], paths: pathsOf(second, ctx) ?? [], guards: refs.slice(0, -1), handler: refs[refs.length - 1] });
      return true;
    }
    if (method === 'prefix') return setPrefix(call, receiver, ctx);
    // `router.param('org', fn)`: before the handlers of the router's routes capturing `:org`.
    if (method === 'param') return recordParamCallback(call, receiver, ctx);
    if (method === 'use' && first && isKoaMount(first, ctx)) return registerMount(call, skipParens(first) as ts.CallExpression, receiver, ctx);
    return recordMethodCall(call, method, receiver, ctx);
  },
};

function isKoaMount(arg: ts.Expression, ctx: AdapterContext): boolean {
  const e = skipParens(arg);
  return isCallExpression(e) && isImportedFrom(e.expression, ctx, (s) => s === 'koa-mount', ['default', '*']);
}

/**
 * koa-mount: `app.use(mount('/admin', adminApp))` runs `adminApp` (a Koa app, or a router's
 * `routes()`) for every path under `/admin`; `mount(adminApp)` mounts it at the root.
 */
function registerMount(use: ts.CallExpression, mount: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const [first, second] = mount.arguments;
  const app = second ?? first;
  const prefix = second && first ? ctx.pathOf(first) : undefined;
  // `mount('/admin', jwt({ secret }))`: a middleware, which koa-mount runs for every path under the prefix.
  if (app && mountsMiddleware(app, ctx)) {
    ctx.register(use, { kind: 'use', target: receiver.target, paths: prefix ? [prefix] : undefined, handlers: ctx.handlerRefsOf([app]) });
    return true;
  }
  const child = app && ctx.childOf(routedInstance(app));
  if (!child) {
    ctx.register(use, { kind: 'unknown', target: receiver.target, reason: 'koa-mount of an app that cannot be resolved' });
    return true;
  }
  ctx.register(use, { kind: 'mount', target: receiver.target, prefix, child, encapsulated: false });
  return true;
}

/**
 * What koa-mount is given is a middleware, not an app: a function written in place or declared in
 * the file, or what a package's function makes (`jwt({ secret })`, `basicAuth(creds)`).
 */
function mountsMiddleware(arg: ts.Expression, ctx: AdapterContext): boolean {
  const e = skipParens(arg);
  if (isFunctionExpression(e)) return true;
  if (isIdentifier(e)) return ctx.facts.functions[e.text] !== undefined && ctx.instanceOf?.(e) === undefined;
  const specifier = isCallExpression(e) && isIdentifier(e.expression) ? ctx.imports.get(e.expression.text)?.specifier : undefined;
  // A package's factory makes middleware; a project's (relative, or a `@/` or `~/` alias) may make an app.
  return specifier !== undefined && !/^(?:\.|@\/|~\/)/.test(specifier);
}

/** `router.routes()` and `router.middleware()` stand for the router itself. */
function routedInstance(arg: ts.Expression): ts.Expression {
  const e = skipParens(arg);
  if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && /^(routes|middleware)$/.test(e.expression.name.text)) return e.expression.expression;
  return e;
}

/** `router.prefix('/admin')` on a router created in this file sets its prefix; anything else is unknown. */
function setPrefix(call: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const target = receiver.target;
  const fact = 'instance' in target ? ctx.facts.instances.find((i) => i.id === target.instance) : undefined;
  const prefix = call.arguments[0] && ctx.pathOf(call.arguments[0]);
  if (fact && prefix) fact.prefix = prefix;
  else ctx.register(call, { kind: 'unknown', target, reason: 'router.prefix() on a router created elsewhere' });
  return true;
}

function prefixOption(arg: ts.Expression | undefined, ctx: AdapterContext): PathExpr | undefined {
  const e = arg && skipParens(arg);
  if (!e || !isObjectLiteralExpression(e)) return undefined;
  for (const p of e.properties) {
    if (isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'prefix') return ctx.pathOf(p.initializer);
  }
  return undefined;
}

export default koa;
