import { ts } from '../../../parse/typescript.js';
import { extendedClassOf } from '../../../parse/extended-class.js';
import { returnedExpressionOf } from '../../../parse/returned-expression.js';
import { someNode } from '../../../parse/visit-tree.js';
import type { AdapterContext, FrameworkAdapter, Receiver } from '../../adapter.js';
import { handlerRefOf } from '../../handler-ref-of.js';
import { checksNothing } from '../../function-fact.js';
import { judgeFunction } from '../../judge-function.js';
import { literalPath, referenceName, skipParens, type PathExpr } from '../../path-expr.js';
import type { HandlerRef, PrefixExclusion, TargetRef } from '../../route-facts.js';
import { isImportedFrom } from '../imported-from.js';
import { useArgsOf } from '../method-route.js';
import { propertyOf } from '../../object-property.js';
import { decoratorsOf, moduleClassNameOf, type Decorator } from './decorators.js';
import { collectMiddlewareConsumer } from './middleware-consumer.js';
import { collectMetadataDecorators, emptyMetadataSetBy, metadataAnswersOf, metadataKeyRefs, metadataSetBy } from './route-metadata.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isCallExpression, isIdentifier, isMethodDeclaration, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment } = ts;

const HTTP_DECORATORS: Record<string, string> = { Get: 'get', Post: 'post', Put: 'put', Patch: 'patch', Delete: 'delete', All: 'all', Options: 'options', Head: 'head' };
/** Method or class decorators that, by convention, tell a global or class guard to let the request through. */
const PUBLIC_DECORATOR = /^(Public|IsPublic|PublicRoute|PublicEndpoint|SkipAuth|SkipAuthentication|SkipJwt|AllowAnonymous|Anonymous|NoAuth|Unprotected|AllowUnauthorized(Request)?)$/i;

/** How a guard reads a route's metadata (`@Public()` sets it): Nest's Reflector or reflect-metadata. */
const READS_METADATA = /\breflector\b|\.getAllAndOverride\s*\(|\.getAllAndMerge\s*\(|Reflect\.getMetadata\s*\(/i;

/** NestJS: `@Controller` classes, `@Get/@Post/...` methods, `@UseGuards`, global guards, guard classes. */
const nest: FrameworkAdapter = {
  name: 'nest',
  detects: (imports) => imports.some((i) => i.specifier.startsWith('@nestjs/')),
  createsInstance(expr, ctx) {
    if (!isCallExpression(expr) || !isPropertyAccessExpression(expr.expression) || expr.expression.name.text !== 'create') return undefined;
    if (!isImportedFrom(expr.expression.expression, ctx, (s) => s === '@nestjs/core', ['NestFactory'])) return undefined;
    mountRootModule(expr, ctx);
    return {};
  },
  onCall(call, method, receiver, ctx) {
    if (method === 'setGlobalPrefix') return setGlobalPrefix(call, receiver, ctx);
    if (method === 'use') return recordAppUse(call, receiver, ctx);
    if (method !== 'useGlobalGuards') return false;
    ctx.register(call, { kind: 'globalGuard', target: receiver.target, handlers: ctx.handlerRefsOf(call.arguments.map((a) => guardInstanceOf(a, call))) });
    return true;
  },
  onFile: collectMetadataDecorators,
  onClass(node, ctx) {
    // A class declared at module level, or compiled by tsc (`let AdminController = class AdminController {...}`).
    const name = moduleClassNameOf(node);
    collectGuardClass(node, name, ctx);
    collectAppGuardProviders(node, name, ctx);
    collectModule(node, name, ctx);
    const ownGuards = guardsOf(node, ctx);
    const inherited = collectInheritableGuards(node, name, ownGuards, ctx);
    const controller = decoratorCall(node, 'Controller');
    if (!controller) {
      collectBaseRoutes(node, name, ctx);
      return;
    }
    const id = `nest@${node.getStart(ctx.sf)}`;
    const prefixes = controllerPaths(controller, ctx);
    ctx.facts.instances.push({ id, framework: 'nest', prefix: prefixes.length === 1 ? prefixes[0] : undefined, location: ctx.locationOf(node.name ?? node) });
    if (name !== undefined) ctx.facts.bindings[name] = { instance: id };
    const target = prefixes.length > 1 ? servedUnderEach(id, prefixes, controller, ctx) : { instance: id };
    const classGuards = inherited ? [...ownGuards, inherited] : ownGuards;
    const classMetadata = metadataSetBy(node, ctx);
    // `@Public()` on the controller: the guards Nest's docs write read the class too (`getAllAndOverride(KEY, [getHandler(), getClass()])`).
    const publicClass = marksPublic(node);
    if (classGuards.length > 0) ctx.register(node.name ?? node, { kind: 'use', target, paths: undefined, handlers: classGuards, orderless: true });
    registerMethodRoutes(node, target, classMetadata, publicClass, ctx);
    // `class AdminUsersController extends CrudController<User>`: Nest serves the base class's routes
    // under this controller's path too.
    const base = projectBaseOf(node, ctx);
    if (base !== undefined) ctx.register(controller, { kind: 'mount', target, prefix: { parts: [''] }, child: { name: `${base}.@routes` }, encapsulated: false });
  },
};

function registerMethodRoutes(node: ts.ClassLikeDeclaration, target: TargetRef, classMetadata: PathExpr[], publicClass: boolean, ctx: AdapterContext): void {
  for (const member of node.members) {
    if (!isMethodDeclaration(member) || !member.body) continue;
    const route = routeDecorator(member);
    if (!route) continue;
    const arg = route.call.arguments[0];
    const paths = arg ? routePaths(arg, ctx) : [{ parts: [''] }];
    const metadata = metadataSetBy(member, ctx);
    const emptyMetadata = emptyMetadataSetBy(member, ctx);
    ctx.register(route.call, {
      kind: 'route',
      target,
      methods: [route.method],
      paths,
      guards: guardsOf(member, ctx),
      handler: { kind: 'fn', fact: judgeFunction(member, ctx) },
      skipsInheritedGuards: publicClass || marksPublic(member),
      ...(publicClass && !marksPublic(member) ? { publicByClass: true as const } : {}),
      ...publicMetadataOf(marksPublic(member) ? member : publicClass ? node : undefined, ctx),
      ...(metadata.length > 0 ? { metadata } : {}),
      ...(classMetadata.length > 0 ? { classMetadata } : {}),
      ...(emptyMetadata.length > 0 ? { emptyMetadata } : {}),
    });
  }
}

/**
 * Routes declared on a class that is no controller itself (`abstract class CrudController<T> {
 * @Get(':id') find() {...} }`): kept on an instance of their own, bound as `Class.@routes`, which
 * every controller extending the class mounts at its own path.
 */
function collectBaseRoutes(node: ts.ClassLikeDeclaration, name: string | undefined, ctx: AdapterContext): void {
  if (name === undefined || !node.members.some((m) => isMethodDeclaration(m) && routeDecorator(m) !== undefined)) return;
  const id = `nest-base@${node.getStart(ctx.sf)}`;
  ctx.facts.instances.push({ id, framework: 'nest', location: ctx.locationOf(node.name ?? node) });
  ctx.facts.bindings[`${name}.@routes`] = { instance: id };
  registerMethodRoutes(node, { instance: id }, metadataSetBy(node, ctx), marksPublic(node), ctx);
}

/** The class a controller extends, when it is one of this file or imported from a project module. */
function projectBaseOf(node: ts.ClassLikeDeclaration, ctx: AdapterContext): string | undefined {
  const heritage = extendedClassOf(node);
  const base = heritage && skipParens(heritage);
  if (base === undefined || !isIdentifier(base)) return undefined;
  const imported = ctx.imports.get(base.text);
  if (imported !== undefined) return imported.specifier.startsWith('.') || imported.specifier.startsWith('#') ? base.text : undefined;
  return ctx.sf.statements.some((s) => ts.isClassDeclaration(s) && s.name?.text === base.text) ? base.text : undefined;
}

/** Metadata keys that say a route is public when set directly: `@SetMetadata('isPublic', true)`. */
const PUBLIC_KEY = /public|skip_?auth|anonymous|no_?auth/i;

/** `@Public()`, `@SkipAuth()`..., or `@SetMetadata('isPublic', true)` / `SetMetadata(IS_PUBLIC_KEY, true)` written in place. */
function marksPublic(node: ts.HasDecorators): boolean {
  return decoratorsOf(node).some(isPublicMark);
}

/** The keys the decorators marking a route public set (`@Public()` of `SetMetadata('isPublic', true)`): a guard honours only its own. */
function publicMetadataOf(node: ts.HasDecorators | undefined, ctx: AdapterContext): { publicMetadata?: PathExpr[] } {
  const keys = node ? metadataSetBy(node, ctx, isPublicMark) : [];
  return keys.length > 0 ? { publicMetadata: keys } : {};
}

function isPublicMark(d: Decorator): boolean {
  return PUBLIC_DECORATOR.test(d.name) || (d.name === 'SetMetadata' && d.call?.arguments[0] !== undefined && PUBLIC_KEY.test(d.call.arguments[0].getText()));
}

function decoratorCall(node: ts.HasDecorators, name: string): ts.CallExpression | undefined {
  return decoratorsOf(node).find((d) => d.name === name)?.call;
}

function routeDecorator(member: ts.MethodDeclaration): { method: string; call: ts.CallExpression } | undefined {
  for (const d of decoratorsOf(member)) {
    const method = HTTP_DECORATORS[d.name];
    if (method && d.call) return { method, call: d.call };
  }
  return undefined;
}

/** `@Controller('admin')`, `@Controller(['ops', 'internal'])`, `@Controller({ path: [...] })`: every path Nest serves the class under. */
function controllerPaths(call: ts.CallExpression, ctx: AdapterContext): PathExpr[] {
  const arg = call.arguments[0] && skipParens(call.arguments[0]);
  if (!arg) return [];
  if (isObjectLiteralExpression(arg)) {
    const path = arg.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'path');
    return path ? routePaths(path.initializer, ctx) : [];
  }
  return routePaths(arg, ctx);
}

/**
 * A controller with several paths serves each route under every one: its routes and guards go on
 * an instance of their own, mounted into the controller once per path (as a router mounted twice),
 * so each path is both where the route is served and the mount that may make it administrative.
 */
function servedUnderEach(id: string, prefixes: readonly PathExpr[], controller: ts.CallExpression, ctx: AdapterContext): { instance: string } {
  const routes = `${id}/routes`;
  ctx.facts.instances.push({ id: routes, framework: 'nest', location: ctx.locationOf(controller) });
  for (const prefix of prefixes) ctx.register(controller, { kind: 'mount', target: { instance: id }, prefix, child: { instance: routes }, encapsulated: false });
  return { instance: routes };
}

/** Nest paths have no leading slash (`'users'`); the graph joins segments with one. */
function routePaths(expr: ts.Expression, ctx: AdapterContext): PathExpr[] {
  const e = skipParens(expr);
  if (isArrayLiteralExpression(e)) return e.elements.flatMap((el) => routePaths(el, ctx));
  const path = ctx.pathOf(e);
  if (!path) return [{ parts: [{ unknown: e.getText(ctx.sf) }] }];
  const first = path.parts[0];
  return [typeof first === 'string' && first !== '' && !first.startsWith('/') ? { parts: ['/', ...path.parts] } : path];
}

/**
 * `@UseGuards(A, B)`, and the project's own composed decorators (`@Auth('admin')` returning
 * `applyDecorators(UseGuards(JwtGuard), ...)`), judged by their definition. A decorator from a
 * package is left out: `@ApiBearerAuth()` documents, it does not guard.
 */
function guardsOf(node: ts.HasDecorators, ctx: AdapterContext): HandlerRef[] {
  return decoratorsOf(node).flatMap((d): HandlerRef[] => {
    if (!d.call) return [];
    if (d.name === 'UseGuards') return d.call.arguments.map((a) => handlerRefOf(a, ctx));
    const origin = ctx.imports.get(d.root)?.specifier;
    return origin === undefined || origin.startsWith('.') ? [handlerRefOf(d.call, ctx)] : [];
  });
}

/**
 * `@UseGuards(JwtGuard) abstract class AdminBase {}`: guards a subclass inherits through Nest's
 * metadata lookup. Kept as `Class.@inherited` so that a subclass in another file can name them.
 */
function collectInheritableGuards(node: ts.ClassLikeDeclaration, name: string | undefined, guards: HandlerRef[], ctx: AdapterContext): HandlerRef | undefined {
  if (name !== undefined && guards.length > 0) ctx.facts.aliases[`${name}.@inherited`] = { kind: 'list', items: guards };
  const heritage = extendedClassOf(node);
  // `AdminBase`, or `base_controller_1.AdminBase` in compiled CommonJS.
  const base = heritage && referenceName(skipParens(heritage));
  return base !== undefined ? { kind: 'name', name: `${base}.@inherited` } : undefined;
}

/**
 * A guard class: judged by `canActivate` (`return false` and thrown 401/403 reject); a class that
 * extends another guard (`AuthGuard('jwt')`) without overriding it, or calling `super.canActivate`,
 * delegates to it.
 */
function collectGuardClass(node: ts.ClassLikeDeclaration, name: string | undefined, ctx: AdapterContext): void {
  if (name === undefined) return;
  const heritage = extendedClassOf(node);
  const canActivate = node.members.find((m): m is ts.MethodDeclaration => isMethodDeclaration(m) && isIdentifier(m.name) && m.name.text === 'canActivate');
  if (!canActivate && !heritage) return;
  const fact = canActivate
    ? judgeFunction(canActivate, ctx, { falseRejects: true })
    : checksNothing(ctx.locationOf(node.name ?? node));
  const callsSuper = canActivate !== undefined && /super\.canActivate\s*\(/.test(canActivate.getText(ctx.sf));
  if (heritage && (!canActivate || callsSuper) && !overridesHandleRequestOpen(node, ctx)) fact.delegates.push(handlerRefOf(heritage, ctx));
  const text = node.getText(ctx.sf);
  fact.readsRouteMetadata = READS_METADATA.test(text);
  if (fact.readsRouteMetadata && text.includes('getHandler()') && !text.includes('getClass()')) fact.ignoresClassMetadata = true;
  const answers = canActivate ? metadataAnswersOf(canActivate, ctx) : undefined;
  if (answers && answers.absent.length > 0) fact.requiresMetadata = answers.absent.flatMap(metadataKeyRefs);
  if (answers && answers.present.length > 0) fact.honoursMetadata = answers.present.map(metadataKeyRefs);
  if (answers && answers.empty.length > 0) fact.passesEmptyMetadata = answers.empty.flatMap(metadataKeyRefs);
  ctx.facts.functions[name] = fact;
}

/**
 * `@nestjs/passport`: `handleRequest(err, user) { return user; }` replaces the method that throws
 * UnauthorizedException when there is no user, so the guard lets anonymous requests through. So
 * does one that throws only for an expired token (`if (info instanceof TokenExpiredError) throw
 * ...`): passport hands it no error and no user for a request without one. It rejects the anonymous
 * when it throws unconditionally or under a test of the user (`if (err || !user) throw ...`).
 */
function overridesHandleRequestOpen(node: ts.ClassLikeDeclaration, ctx: AdapterContext): boolean {
  const handleRequest = node.members.find((m): m is ts.MethodDeclaration => isMethodDeclaration(m) && isIdentifier(m.name) && m.name.text === 'handleRequest');
  if (!handleRequest?.body) return false;
  // `super.handleRequest(...)` keeps the library's answer.
  return !/super\.handleRequest\s*\(/.test(handleRequest.getText(ctx.sf)) && !throwsWithoutUser(handleRequest, handleRequest.body);
}

function throwsWithoutUser(method: ts.MethodDeclaration, body: ts.Block): boolean {
  const user = method.parameters[1]?.name;
  const userName = user && isIdentifier(user) ? user.text : undefined;
  const testsUser = (test: ts.Expression): boolean => userName !== undefined && someNode(test, (n) => isIdentifier(n) && n.text === userName);
  return someNode(body, (n) => {
    if (n.kind !== ts.SyntaxKind.ThrowStatement) return false;
    const tests: ts.Expression[] = [];
    for (let at: ts.Node = n; at !== body; at = at.parent) {
      if (ts.isIfStatement(at.parent) && at !== at.parent.expression) tests.push(at.parent.expression);
    }
    return tests.length === 0 || tests.some(testsUser);
  });
}

/**
 * `NestFactory.create(AppModule)`: the application serves the root module's controllers (under
 * `setGlobalPrefix`). The instance id is the walker's for an instance created at this call.
 */
function mountRootModule(create: ts.CallExpression, ctx: AdapterContext): void {
  const module = create.arguments[0] && skipParens(create.arguments[0]);
  const id = `nest@${create.getStart(ctx.sf)}`;
  const location = ctx.locationOf(create);
  // `AppModule`, or `app_module_1.AppModule` in compiled CommonJS.
  const name = module && referenceName(module);
  // The walker may ask twice about the same call: register its mount once.
  if (name === undefined || ctx.facts.registrations.some((r) => r.kind === 'mount' && r.location.offset === location.offset)) return;
  ctx.register(create, { kind: 'mount', target: { instance: id }, prefix: undefined, child: { name }, encapsulated: false });
}

/**
 * `app.use('/admin', basicAuth(...))` in `main.ts`: Express (or Fastify) middleware of the
 * application, which Nest runs before every route whatever the order, since it registers the
 * routes only when the app starts listening.
 */
function recordAppUse(call: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const { paths, handlers } = useArgsOf(call.arguments, ctx);
  if (handlers.length === 0) return false;
  ctx.register(call, { kind: 'use', target: receiver.target, paths, handlers, orderless: true });
  return true;
}

/** `app.setGlobalPrefix('api', { exclude })`: every route of the application but the excluded ones starts with it. */
function setGlobalPrefix(call: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const target = receiver.target;
  const fact = 'instance' in target ? ctx.facts.instances.find((i) => i.id === target.instance) : undefined;
  const prefix = call.arguments[0] && routePaths(call.arguments[0], ctx)[0];
  if (!fact || !prefix) {
    ctx.register(call, { kind: 'unknown', target, reason: 'setGlobalPrefix() on an application created elsewhere' });
    return true;
  }
  fact.prefix = prefix;
  const options = call.arguments[1] && skipParens(call.arguments[1]);
  const exclude = options && isObjectLiteralExpression(options) ? propertyOf(options, 'exclude') : undefined;
  if (exclude) fact.prefixExclude = exclusionsOf(skipParens(exclude), ctx);
  return true;
}

/** `['health', { path: 'auth/(.*)', method: RequestMethod.GET }]`; an entry that is not a literal excludes nothing. */
function exclusionsOf(list: ts.Expression, ctx: AdapterContext): PrefixExclusion[] {
  if (!isArrayLiteralExpression(list)) return [];
  return list.elements.flatMap((element): PrefixExclusion[] => {
    const e = skipParens(element);
    if (!isObjectLiteralExpression(e)) return optionalPath(ctx.pathOf(e));
    const path = propertyOf(e, 'path');
    const method = propertyOf(e, 'method');
    const verb = method && isPropertyAccessExpression(method) ? method.name.text.toLowerCase() : undefined;
    return optionalPath(path && ctx.pathOf(path)).map((x) => (verb && verb !== 'all' ? { ...x, method: verb } : x));
  });
}

/** Literal paths only: an exclusion read wrongly would take the prefix off routes it does not name. */
function optionalPath(path: PathExpr | undefined): PrefixExclusion[] {
  return path && literalPath(path) !== undefined ? [{ path }] : [];
}

/**
 * A `@Module` is an instance that mounts its controllers and the modules it imports at its own
 * path; `RouterModule.register([{ path: 'admin', module: AdminModule, children }])` in its imports
 * mounts those modules' own controllers under their paths (Nest's router reads the path from each
 * controller's own module: the modules AdminModule imports keep theirs).
 */
function collectModule(node: ts.ClassLikeDeclaration, name: string | undefined, ctx: AdapterContext): void {
  const arg = decoratorCall(node, 'Module')?.arguments[0];
  const options = arg && skipParens(arg);
  if (name === undefined || !options || !isObjectLiteralExpression(options)) return;
  const id = `nest@${node.getStart(ctx.sf)}`;
  ctx.facts.instances.push({ id, framework: 'nest', location: ctx.locationOf(node.name ?? node) });
  const target = { instance: id };
  ctx.facts.bindings[name] = target;
  collectMiddlewareConsumer(node, id, ctx);
  for (const name of ['controllers', 'imports']) {
    const list = propertyOf(options, name);
    if (!list || !isArrayLiteralExpression(list)) continue;
    for (const item of list.elements) {
      const e = skipParens(item);
      const child = classRefOf(e);
      if (child !== undefined) ctx.register(e, { kind: 'mount', target, prefix: undefined, child: { name: child }, encapsulated: false, ...(name === 'imports' && { moduleImport: true }) });
      else if (isRouterModuleRegister(e, ctx)) registerRoutes(e.arguments[0], [], target, ctx);
    }
  }
}

function isRouterModuleRegister(e: ts.Expression, ctx: AdapterContext): e is ts.CallExpression {
  return isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'register' && isImportedFrom(e.expression.expression, ctx, (s) => s === '@nestjs/core', ['RouterModule']);
}

/** The routes of `RouterModule.register`, children under their parent's path. */
function registerRoutes(routes: ts.Expression | undefined, parent: PathExpr['parts'], target: { instance: string }, ctx: AdapterContext): void {
  const list = routes && skipParens(routes);
  if (!list || !isArrayLiteralExpression(list)) return;
  for (const element of list.elements) {
    const route = skipParens(element);
    if (!isObjectLiteralExpression(route)) continue;
    const pathExpr = propertyOf(route, 'path');
    const own = pathExpr ? (routePaths(pathExpr, ctx)[0]?.parts ?? []) : [];
    const parts = [...parent, ...own];
    const module = propertyOf(route, 'module');
    const child = module && classRefOf(skipParens(module));
    if (child !== undefined) ctx.register(route, { kind: 'mount', target, prefix: { parts }, child: { name: child }, encapsulated: false, ownControllersOnly: true });
    registerRoutes(propertyOf(route, 'children'), parts, target, ctx);
  }
}

/** `@Module({ providers: [{ provide: APP_GUARD, useClass: JwtGuard }] })`. */
function collectAppGuardProviders(node: ts.ClassLikeDeclaration, name: string | undefined, ctx: AdapterContext): void {
  const module = decoratorCall(node, 'Module');
  const arg = module?.arguments[0] && skipParens(module.arguments[0]);
  if (!arg || !isObjectLiteralExpression(arg)) return;
  const visit = (n: ts.Node): void => {
    if (isObjectLiteralExpression(n) && isAppGuardProvider(n)) {
      const made = providedGuardOf(n);
      const handlers: HandlerRef[] = made ? [handlerRefOf(made, ctx)] : [{ kind: 'unknown', reason: 'APP_GUARD provider without useClass' }];
      ctx.register(n, { kind: 'globalGuard', target: { name: 'APP_GUARD' }, handlers, ...(name !== undefined ? { module: name } : {}) });
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(arg);
}

/**
 * The guard an `APP_GUARD` provider gives: its `useClass` or `useExisting` class, its `useValue`
 * (`new JwtGuard()`), or what its `useFactory` returns (`(reflector) => new JwtGuard(reflector)`).
 */
function providedGuardOf(provider: ts.ObjectLiteralExpression): ts.Expression | undefined {
  const option = (name: string) => provider.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === name)?.initializer;
  const factory = option('useFactory');
  const fn = factory && skipParens(factory);
  const made = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? returnedExpressionOf(fn) : undefined;
  return option('useClass') ?? option('useExisting') ?? option('useValue') ?? made;
}


/**
 * What `useGlobalGuards` is given, seen through the ways a bootstrap function writes it: the guard
 * the DI container holds (`app.get(JwtGuard)`, `app.resolve(JwtGuard)`), and a local `const guard =
 * new JwtGuard(reflector)` (or `= app.get(JwtGuard)`) declared before the call.
 */
function guardInstanceOf(arg: ts.Expression, at: ts.Node): ts.Expression {
  let e = skipParens(arg);
  if (isIdentifier(e)) e = localConstOf(e.text, at) ?? e;
  if (ts.isAwaitExpression(e)) e = skipParens(e.expression);
  if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && (e.expression.name.text === 'get' || e.expression.name.text === 'resolve') && e.arguments.length === 1 && e.arguments[0]) return skipParens(e.arguments[0]);
  return e;
}

/** The initializer of a `const` of that name in a block around `at`, declared before it. */
function localConstOf(name: string, at: ts.Node): ts.Expression | undefined {
  for (let n: ts.Node | undefined = at.parent; n && !ts.isSourceFile(n); n = n.parent) {
    if (!ts.isBlock(n)) continue;
    for (const stmt of n.statements) {
      if (stmt.pos >= at.pos || !ts.isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) continue;
      const decl = stmt.declarationList.declarations.find((d) => isIdentifier(d.name) && d.name.text === name);
      if (decl?.initializer) return skipParens(decl.initializer);
    }
  }
  return undefined;
}

function isAppGuardProvider(obj: ts.ObjectLiteralExpression): boolean {
  // `APP_GUARD`, or `core_1.APP_GUARD` in compiled CommonJS.
  return obj.properties.some((p) => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === 'provide' && /(^|\.)APP_GUARD$/.test(referenceName(skipParens(p.initializer)) ?? ''));
}

/** A class named in a module's lists: `AdminModule`, or `admin_module_1.AdminModule` in compiled CommonJS. */
function classRefOf(e: ts.Expression): string | undefined {
  return isIdentifier(e) || (isPropertyAccessExpression(e) && isIdentifier(e.expression)) ? referenceName(e) : undefined;
}

export default nest;
