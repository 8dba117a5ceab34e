import { ts } from '../../../parse/typescript.js';
import type { AdapterContext } from '../../adapter.js';
import { handlerRefOf } from '../../handler-ref-of.js';
import { referenceName, skipParens, type PathExpr } from '../../path-expr.js';

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
  const handlers = apply.arguments.map((a) => handlerRefOf(a, ctx));
  if (handlers.length === 0) return;
  const paths: PathExpr[] = [];
  for (const arg of forRoutes.arguments) {
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
