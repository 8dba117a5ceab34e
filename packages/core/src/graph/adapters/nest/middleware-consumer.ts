import { ts } from '../../../parse/typescript.js';
import type { AdapterContext } from '../../adapter.js';
import { escapeRegex } from '../../escape-regex.js';
import { handlerRefOf } from '../../handler-ref-of.js';
import { HTTP_METHODS } from '../method-route.js';
import { propertyOf } from '../../object-property.js';
import { referenceName, skipParens, type PathExpr } from '../../path-expr.js';
import type { HandlerRef } from '../../route-facts.js';
import type { RequestException } from '../../unless-options.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isMethodDeclaration, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment } = ts;

/**
 * `configure(consumer) { consumer.apply(AuthMiddleware).forRoutes(AdminController, 'internal') }`
 * in a module: the middleware runs before every handler of the named controllers, and of the
 * paths under the module, whatever the order of registration (Nest runs middleware before guards
 * and handlers).
 */
export function collectMiddlewareConsumer(node: ts.ClassLikeDeclaration, moduleId: string, ctx: AdapterContext): void {
  const configure = node.members.find((m): m is ts.MethodDeclaration => isMethodDeclaration(m) && isIdentifier(m.name) && m.name.text === 'configure');
  if (!configure?.body) return;
  const visit = (n: ts.Node): void => {
    if (isCallExpression(n) && isPropertyAccessExpression(n.expression) && n.expression.name.text === 'forRoutes') registerForRoutes(n, moduleId, ctx);
    ts.forEachChild(n, visit);
  };
  visit(configure.body);
}

function registerForRoutes(forRoutes: ts.CallExpression, moduleId: string, ctx: AdapterContext): void {
  const apply = appliedCall(forRoutes);
  if (!apply) return;
  const excluded = exclusionsOf(forRoutes, ctx);
  // `.exclude('admin/(.*)')`: the middleware lets those routes through, as an `unless` would.
  const handlers = apply.arguments.map((a): HandlerRef => {
    const guard = handlerRefOf(a, ctx);
    return excluded.length > 0 ? { kind: 'unless', guard, exceptions: excluded } : guard;
  });
  if (handlers.length === 0) return;
  const paths: PathExpr[] = [];
  for (const arg of forRoutes.arguments) {
    // `{ path: 'admin/*', method: RequestMethod.POST }`: the middleware runs for that method only.
    const only = methodOf(skipParens(arg));
    const path = only !== undefined ? routeInfoPath(skipParens(arg), ctx) : undefined;
    if (only !== undefined && path) {
      const exceptMethods = ROUTE_METHODS.filter((m) => m !== only);
      ctx.register(forRoutes, { kind: 'use', target: { instance: moduleId }, paths: [path], handlers: handlers.map((guard): HandlerRef => ({ kind: 'unless', guard, exceptMethods })), orderless: true });
      continue;
    }
    const e = skipParens(arg);
    // A controller class (PascalCase name, `admin_controller_1.AdminController` compiled): all of
    // its routes, wherever its module mounts it.
    const controller = isIdentifier(e) ? e : isPropertyAccessExpression(e) && isIdentifier(e.expression) ? e.name : undefined;
    if (controller && /^[A-Z]/.test(controller.text)) ctx.register(forRoutes, { kind: 'use', target: { name: referenceName(e) ?? controller.text }, paths: undefined, handlers, orderless: true });
    else {
      const path = routeInfoPath(e, ctx);
      if (path) paths.push(path);
    }
  }
  if (paths.length > 0) ctx.register(forRoutes, { kind: 'use', target: { instance: moduleId }, paths, handlers, orderless: true });
}

/** The `consumer.apply(...)` call a `forRoutes` chain starts from (through `.exclude(...)`). */
function appliedCall(forRoutes: ts.CallExpression): ts.CallExpression | undefined {
  let e: ts.Expression = (forRoutes.expression as ts.PropertyAccessExpression).expression;
  while (isCallExpression(e) && isPropertyAccessExpression(e.expression)) {
    if (e.expression.name.text === 'apply') return e;
    e = e.expression.expression;
  }
  return undefined;
}

/**
 * The routes `.exclude(...)` calls of the chain take out: `'health'`, `'admin/(.*)'`, `{ path:
 * 'auth/login', method: RequestMethod.POST }`, as expressions matched against the end of a route's
 * path (Nest matches them under the global prefix). An entry that is not literal excludes nothing.
 */
function exclusionsOf(forRoutes: ts.CallExpression, ctx: AdapterContext): RequestException[] {
  const out: RequestException[] = [];
  let e: ts.Expression = (forRoutes.expression as ts.PropertyAccessExpression).expression;
  while (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text !== 'apply') {
    if (e.expression.name.text === 'exclude') for (const arg of e.arguments) out.push(...exclusionOf(skipParens(arg), ctx));
    e = e.expression.expression;
  }
  return out;
}

function exclusionOf(arg: ts.Expression, ctx: AdapterContext): RequestException[] {
  const pathExpr = isObjectLiteralExpression(arg) ? propertyOf(arg, 'path') : arg;
  const path = pathExpr && ctx.pathOf(pathExpr);
  const text = path?.parts.length === 1 && typeof path.parts[0] === 'string' ? path.parts[0] : undefined;
  if (text === undefined) return [];
  const body = text
    .replace(/^\/+|\/+$/g, '')
    .split(/(\(\.\*\)|\*|:\w+)/)
    .map((piece) => (piece === '(.*)' || piece === '*' ? '.*' : piece.startsWith(':') ? '[^/]+' : escapeRegex(piece)))
    .join('');
  const method = isObjectLiteralExpression(arg) ? propertyOf(arg, 'method') : undefined;
  const name = method && isPropertyAccessExpression(method) ? method.name.text : undefined;
  const methods = name !== undefined && name !== 'ALL' ? { methods: [name] } : {};
  return [{ regex: `^(?:/.*)?/${body}/?$`, flags: 'i', ...methods }];
}

/** Every method a route can be registered for, lower case as a guard's `exceptMethods` are. */
const ROUTE_METHODS = [...HTTP_METHODS].filter((m) => m !== 'all');

/** The one method a route info names (`method: RequestMethod.POST`), lower case; undefined for `ALL` or none. */
function methodOf(e: ts.Expression): string | undefined {
  const method = isObjectLiteralExpression(e) ? propertyOf(e, 'method') : undefined;
  const name = method && isPropertyAccessExpression(method) ? method.name.text.toLowerCase() : undefined;
  return name !== undefined && ROUTE_METHODS.includes(name) ? name : undefined;
}

/** `'admin'`, `'*'`, `{ path: 'admin/*', method: RequestMethod.ALL }` as a path under the module. */
function routeInfoPath(e: ts.Expression, ctx: AdapterContext): PathExpr | undefined {
  let pathExpr: ts.Expression | undefined = e;
  if (isObjectLiteralExpression(e)) {
    const prop = e.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'path');
    pathExpr = prop?.initializer;
  }
  const path = pathExpr && ctx.pathOf(pathExpr);
  const first = path?.parts[0];
  if (!path || typeof first !== 'string') return undefined;
  // Nest writes paths without a leading slash; `*` and `(.*)` mean the whole subtree.
  const text = first.replace(/\(\.\*\)/g, '*');
  return { parts: [text.startsWith('/') ? text : `/${text}`, ...path.parts.slice(1)] };
}
