import { ts } from '../../../parse/typescript.js';
import type { AdapterContext, FrameworkAdapter } from '../../adapter.js';
import { scopedConstOf } from '../../module-const-of.js';
import { referenceName, skipParens, subtreeOf, type PathExpr } from '../../path-expr.js';
import { isImportedFrom } from '../imported-from.js';
import { pathsOf, recordMethodCall } from '../method-route.js';
import { servedAppOf } from '../served-app.js';
import { createRouteConfigOf, openApiPath } from '../../route-table.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isCallExpression, isIdentifier, isNewExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteralLike, isVariableStatement } = ts;

const isHonoSpecifier = (s: string): boolean => s === 'hono' || s.startsWith('hono/') || s === '@hono/zod-openapi';

/**
 * hono/factory's `createFactory().createApp()`, also on a factory held in a const (`const factory =
 * createFactory()`) or imported from a project module into a file that uses Hono (`export const
 * adminFactory = createFactory({ initApp })` in `factory.ts`).
 */
function isFactoryApp(call: ts.CallExpression, ctx: AdapterContext): boolean {
  const callee = skipParens(call.expression);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'createApp') return false;
  const owner = skipParens(callee.expression);
  const imported = isIdentifier(owner) ? ctx.imports.get(owner.text) : undefined;
  if (imported && imported.specifier.startsWith('.')) return true;
  const made = isIdentifier(owner) ? scopedConstOf(owner) : owner;
  const factory = made && skipParens(made);
  return factory !== undefined && isCallExpression(factory) && isImportedFrom(factory.expression, ctx, (s) => s === 'hono/factory', ['createFactory']);
}

/** Hono: `new Hono()` (and `createFactory().createApp()`), `basePath`, `get/post/.../all/on`, `use`, `route`, `mount`. */
const hono: FrameworkAdapter = {
  name: 'hono',
  detects: (imports) => imports.some((i) => isHonoSpecifier(i.specifier)),
  createsInstance(expr, ctx) {
    if (isCallExpression(expr)) return isFactoryApp(expr, ctx) ? {} : undefined;
    if (!isNewExpression(expr)) return undefined;
    return isImportedFrom(expr.expression, ctx, isHonoSpecifier, ['Hono', 'OpenAPIHono']) ? {} : undefined;
  },
  deriveReceiver(call, method, receiver, ctx) {
    if (method !== 'basePath') return undefined;
    const prefix = pathsOf(call.arguments[0], ctx)?.[0];
    const id = `hono-base@${call.getStart(ctx.sf)}`;
    if (!ctx.facts.instances.some((i) => i.id === id)) {
      ctx.facts.instances.push({ id, framework: 'hono', prefix, baseOf: receiver.target, location: ctx.locationOf(call) });
    }
    return { target: { instance: id }, framework: 'hono' };
  },
  onCall(call, method, receiver, ctx) {
    const args = call.arguments;
    if (method === 'route') {
      const prefix = pathsOf(args[0], ctx)?.[0];
      // `app.route('/admin/queues', serverAdapter.registerPlugin())`: a package's app, no Hono router to walk.
      if (prefix && args[1] && servedAppOf(args[1], ctx) !== undefined) return recordServed(call, prefix, args[1], receiver, ctx);
      const child = args[1] && ctx.childOf(args[1]);
      if (!prefix || !child) return false;
      ctx.register(call, { kind: 'mount', target: receiver.target, prefix, child, encapsulated: false });
      return true;
    }
    if (method === 'mount') return recordMount(call, receiver, ctx);
    if (method === 'on') return recordOn(call, receiver, ctx);
    if (method === 'openapi') return recordOpenApi(call, receiver, ctx);
    return recordMethodCall(call, method, receiver, ctx);
  },
};

/**
 * `app.mount('/admin', handler)`: Hono hands every request under the path, of any method, to a
 * handler of another framework (itty-router's `fetch`, a Remix or Astro handler, a proxy): a route
 * `ALL /admin/*` (which covers `/admin` too) that only middleware registered before it can guard.
 * `app.mount('/admin', sub.fetch)` of a Hono app is that app, mounted as `route()` mounts it.
 */
function recordMount(call: ts.CallExpression, receiver: Parameters<FrameworkAdapter['onCall']>[2], ctx: Parameters<FrameworkAdapter['onCall']>[3]): boolean {
  const [pathArg, handlerArg] = call.arguments;
  const prefix = pathsOf(pathArg, ctx)?.[0];
  if (!prefix || !handlerArg) {
    ctx.register(call, { kind: 'unknown', target: receiver.target, reason: 'app.mount() of a path or handler that cannot be read' });
    return true;
  }
  const handler = skipParens(handlerArg);
  const child = isPropertyAccessExpression(handler) && handler.name.text === 'fetch' ? honoAppOf(handler.expression, ctx) : undefined;
  if (child) {
    ctx.register(call, { kind: 'mount', target: receiver.target, prefix, child, encapsulated: false });
    return true;
  }
  return recordServed(call, prefix, handlerArg, receiver, ctx);
}

/** A handler that answers everything under `prefix`: the route `ALL prefix/*`. */
function recordServed(call: ts.CallExpression, prefix: PathExpr, handler: ts.Expression, receiver: Parameters<FrameworkAdapter['onCall']>[2], ctx: Parameters<FrameworkAdapter['onCall']>[3]): boolean {
  ctx.register(call, { kind: 'route', target: receiver.target, methods: ['all'], paths: [subtreeOf(prefix)], guards: [], handler: ctx.handlerRefsOf([handler])[0] });
  return true;
}

/**
 * The app of `app.fetch`: an instance of this file, one a project module exports or a project
 * factory returns (resolved later); not what another library's factory made (itty-router's
 * `AutoRouter()`), which is a handler like any other.
 */
function honoAppOf(expr: ts.Expression, ctx: Parameters<FrameworkAdapter['onCall']>[3]): ReturnType<typeof ctx.childOf> {
  const e = skipParens(expr);
  const target = ctx.receiverOf(e)?.target ?? (isIdentifier(e) && ctx.imports.has(e.text) ? { name: e.text } : undefined);
  if (target === undefined) return undefined;
  if ('call' in target) {
    const imported = ctx.imports.get(target.call);
    if (imported ? !imported.specifier.startsWith('.') : ctx.facts.functions[target.call] === undefined) return undefined;
  }
  return ctx.childOf(e);
}

/** `app.on('PURGE', '/x', h)` and `app.on(['GET', 'POST'], ['/a', '/b'], h)`. */
function recordOn(call: ts.CallExpression, receiver: Parameters<FrameworkAdapter['onCall']>[2], ctx: Parameters<FrameworkAdapter['onCall']>[3]): boolean {
  const [methodArg, pathArg, ...rest] = call.arguments;
  const paths = pathsOf(pathArg, ctx);
  if (!methodArg || !paths || rest.length === 0) return false;
  const m = skipParens(methodArg);
  const methods = isArrayLiteralExpression(m)
    ? m.elements.flatMap((el) => (isStringLiteralLike(el) ? [el.text.toLowerCase()] : []))
    : isStringLiteralLike(m) ? [m.text.toLowerCase()] : ['all'];
  const refs = ctx.handlerRefsOf(rest);
  ctx.register(call, { kind: 'route', target: receiver.target, methods, paths, guards: refs.slice(0, -1), handler: refs[refs.length - 1] });
  return true;
}

/**
 * @hono/zod-openapi: `app.openapi(createRoute({ method, path, middleware }), handler)`, the route
 * inline or a top-level constant of this file. OpenAPI `{id}` parameters become `:id`.
 */
function recordOpenApi(call: ts.CallExpression, receiver: Parameters<FrameworkAdapter['onCall']>[2], ctx: Parameters<FrameworkAdapter['onCall']>[3]): boolean {
  const [routeArg, ...handlers] = call.arguments;
  const config = routeArg && createRouteConfig(skipParens(routeArg), ctx.sf);
  if (!config) {
    // `app.openapi(routes.list, handlers.list)`: a route defined in another file, read there as a one-row table.
    const imported = routeArg && importedName(skipParens(routeArg), ctx);
    if (imported !== undefined) {
      const refs = ctx.handlerRefsOf(handlers);
      ctx.register(call, { kind: 'table', target: receiver.target, table: imported, method: { field: 'method' }, pathFields: ['path'], handlers: [{ field: 'middleware', spread: true }, ...refs.map((ref) => ({ ref }))] });
    } else ctx.register(call, { kind: 'unknown', target: receiver.target, reason: 'openapi() with a route definition that is neither a createRoute() of this file nor an imported one' });
    return true;
  }
  const prop = (name: string) => config.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === name)?.initializer;
  const pathExpr = prop('path');
  const path = pathExpr && ctx.pathOf(pathExpr);
  const methodExpr = prop('method');
  if (!path || !methodExpr || !isStringLiteralLike(methodExpr)) return false;
  const middleware = prop('middleware');
  const refs = ctx.handlerRefsOf(handlers);
  ctx.register(call, {
    kind: 'route',
    target: receiver.target,
    methods: [methodExpr.text.toLowerCase()],
    paths: [openApiPath(path)],
    guards: middleware ? ctx.handlerRefsOf([middleware]) : [],
    handler: refs[refs.length - 1],
  });
  return true;
}

/** `listRoute` or `routes.list` of an import. */
function importedName(e: ts.Expression, ctx: Parameters<FrameworkAdapter['onCall']>[3]): string | undefined {
  const name = referenceName(e);
  return name !== undefined && name.split('.').length <= 2 && ctx.imports.has(name.split('.')[0] ?? '') ? name : undefined;
}

function createRouteConfig(expr: ts.Expression, sf: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let e = expr;
  if (isIdentifier(e)) {
    const name = e.text;
    const decl = sf.statements
      .filter(isVariableStatement)
      .flatMap((st) => [...st.declarationList.declarations])
      .find((d) => isIdentifier(d.name) && d.name.text === name);
    if (!decl?.initializer) return undefined;
    e = decl.initializer;
  }
  return createRouteConfigOf(e);
}

export default hono;
