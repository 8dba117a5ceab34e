import type { NameValues } from '../env/production-condition.js';
import { ts } from '../parse/typescript.js';
import { failsOpen, isAndRelation, verdictCallbackOf } from './call-options.js';
import { classifyCondition } from './classify-condition.js';
import { honoExceptPathsOf } from './hono-except-paths.js';
import { isFunctionExpression, judgeFunction } from './judge-function.js';
import { awaitedImportSpecifier, requiredSpecifier, type ImportBinding } from '../summary/module-facts.js';
import { referenceName, skipParens } from './path-expr.js';
import type { HandlerRef, TargetRef } from './route-facts.js';
import { literalPathArgsOf } from './literal-path-args.js';
import { namedValuesOf } from './object-property.js';
import { literalArgsOf, type LiteralArgs } from './param-gates.js';
import { strategyNamesOf } from './passport-strategies.js';
import { thisMemberName } from './this-member.js';
import { unlessOptionsOf } from './unless-options.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isAwaitExpression, isCallExpression, isConditionalExpression, isIdentifier, isNewExpression, isPropertyAccessExpression, isSpreadElement, isStringLiteralLike } = ts;

export interface HandlerContext {
  sf: ts.SourceFile;
  /** The file's names as production conditions read them (classify-condition's moduleNameValues). */
  conditionNames: NameValues;
  /** The app/router an expression denotes, when the walker knows it (a router passed as middleware). */
  instanceOf?: (expr: ts.Expression) => TargetRef | undefined;
  /** The app/router a subclass reads from its base class's field (`new AdminRoutes().router`). */
  inheritedFieldOf?: (expr: ts.PropertyAccessExpression) => TargetRef | undefined;
  /** A middleware bound to a name inside a function (`const auth = createAuth(o)` in `createApp`). */
  localHandlerOf?: (name: string) => HandlerRef | undefined;
  /** The file's imports by local name, when known: which package a called function comes from. */
  imports?: ReadonlyMap<string, ImportBinding>;
  /** Whether an import specifier names a module of the project (relative, or a tsconfig/workspace alias); relative only when not given. */
  isProjectModule?: (specifier: string) => boolean;
}

/**
 * Calls that wrap a middleware without changing what it does: the wrapped function is judged.
 * (`createMiddleware` of hono/factory, `fastify-plugin`, express async wrappers.)
 */
const TRANSPARENT_WRAPPERS = new Set(['createMiddleware', 'fp', 'fastifyPlugin', 'asyncHandler', 'expressAsyncHandler', 'catchAsync', 'wrapAsync']);
/** Packages whose one export wraps an async middleware, under whatever name it is imported (`rescue`, `wrap`). */
const TRANSPARENT_WRAPPER_PACKAGES = new Set(['express-rescue', 'express-async-wrap', 'express-async-handler', 'express-async-errors']);

/** Reads one middleware/handler expression into a reference the route graph can resolve. */
export function handlerRefOf(expr: ts.Expression, ctx: HandlerContext): HandlerRef {
  const e = skipParens(expr);
  if (isFunctionExpression(e)) {
    const loaded = lazilyLoadedHandler(e);
    return loaded !== undefined ? { kind: 'module', specifier: loaded } : { kind: 'fn', fact: judgeFunction(e, ctx) };
  }
  if (isIdentifier(e)) {
    const instance = ctx.instanceOf?.(e);
    // A parameter passed where middleware goes (`r.use(guard)`) is middleware, not an app.
    if (instance && !('instance' in instance && instance.instance.includes('#'))) return { kind: 'instance', target: instance };
    return ctx.localHandlerOf?.(e.text) ?? { kind: 'name', name: e.text };
  }
  // `(await import('./admin.js')).default`: the module's default export, loaded in place.
  const loaded = isPropertyAccessExpression(e) && e.name.text === 'default' ? awaitedImportSpecifier(skipParens(e.expression)) : awaitedImportSpecifier(e);
  if (loaded !== undefined) return { kind: 'module', specifier: loaded };
  const inherited = isPropertyAccessExpression(e) ? ctx.inheritedFieldOf?.(e) : undefined;
  if (inherited) return { kind: 'instance', target: inherited };
  if (isPropertyAccessExpression(e)) return memberRefOf(e, ctx);
  if (isCallExpression(e)) return callRefOf(e, ctx);
  if (isNewExpression(e) && isIdentifier(e.expression)) return { kind: 'name', name: e.expression.text };
  // `new jwt_guard_1.JwtGuard()` of compiled CommonJS: the class of that module.
  const constructed = isNewExpression(e) && isPropertyAccessExpression(e.expression) ? referenceName(e.expression) : undefined;
  if (constructed !== undefined) return { kind: 'name', name: constructed };
  // `new (AuthGuard('jwt'))()`: an instance of the class a guard factory returns.
  if (isNewExpression(e) && isCallExpression(skipParens(e.expression))) return callRefOf(skipParens(e.expression) as ts.CallExpression, ctx);
  if (isAwaitExpression(e)) return handlerRefOf(e.expression, ctx);
  if (isConditionalExpression(e)) return conditionalRefOf(e, ctx);
  return { kind: 'unknown', reason: `unsupported middleware expression (${ts.SyntaxKind[e.kind]})` };
}

/**
 * An argument of a call to a function that registers routes: an object literal is its fields
 * (`{ guard: requireAdmin, db }`), for the parameters that read one; anything else a middleware.
 */
export function argumentRefOf(expr: ts.Expression, ctx: HandlerContext): HandlerRef {
  const e = skipParens(expr);
  if (!ts.isObjectLiteralExpression(e)) return handlerRefOf(e, ctx);
  const fields: Record<string, HandlerRef> = {};
  for (const { key, value } of namedValuesOf(e)) {
    const ref = argumentRefOf(value, ctx);
    if (ref.kind !== 'unknown') fields[key] = ref;
  }
  return { kind: 'fields', fields };
}

/**
 * `(req, res, next) => require('./admin')(req, res, next)`: a router loaded on the first request
 * (to start faster), handed the request as it came. It is that module's router, mounted here.
 */
function lazilyLoadedHandler(fn: ts.ArrowFunction | ts.FunctionExpression): string | undefined {
  let body: ts.Node = fn.body;
  if (ts.isBlock(body)) {
    const [only] = body.statements;
    if (body.statements.length !== 1 || !only) return undefined;
    body = ts.isReturnStatement(only) && only.expression ? only.expression : ts.isExpressionStatement(only) ? only.expression : only;
  }
  const call = skipParens(body as ts.Expression);
  if (!isCallExpression(call) || call.arguments.length !== fn.parameters.length || fn.parameters.length < 2) return undefined;
  const forwardsParams = call.arguments.every((arg, i) => {
    const param = fn.parameters[i]?.name;
    return param !== undefined && isIdentifier(param) && isIdentifier(arg) && arg.text === param.text;
  });
  return forwardsParams ? loadedModuleOf(call.expression) : undefined;
}

/**
 * The module whose default export `expr` is, loaded where it is written: `require('./admin')`,
 * `require('./admin').default`, `(await import('./admin.js')).default`, `import('./admin.js')`.
 */
function loadedModuleOf(expr: ts.Expression): string | undefined {
  let e = skipParens(expr);
  if (isPropertyAccessExpression(e) && e.name.text === 'default') e = skipParens(e.expression);
  if (isAwaitExpression(e)) e = skipParens(e.expression);
  const required = requiredSpecifier(e);
  if (required !== undefined) return required;
  const [arg] = isCallExpression(e) && e.expression.kind === ts.SyntaxKind.ImportKeyword ? e.arguments : [];
  return arg && isStringLiteralLike(arg) ? arg.text : undefined;
}

/**
 * `lazy(() => import('./admin.js'))`, `lazyRouter(() => require('./admin'))`: a helper handed only a
 * loader of a module, in a handler's place, loads that module's router on the first request and
 * hands it the request. It stands for that router.
 */
function lazyLoaderOf(call: ts.CallExpression): string | undefined {
  const [only] = call.arguments;
  const loader = only && call.arguments.length === 1 ? skipParens(only) : undefined;
  if (!loader || !isFunctionExpression(loader) || loader.parameters.length > 0) return undefined;
  const body = loader.body;
  if (!ts.isBlock(body)) return loadedModuleOf(body);
  const [stmt] = body.statements;
  return body.statements.length === 1 && stmt && ts.isReturnStatement(stmt) && stmt.expression ? loadedModuleOf(stmt.expression) : undefined;
}

/** Every handler in an argument list, with arrays flattened (`app.get('/x', [auth, h])`). */
export function handlerRefsOf(args: readonly ts.Expression[], ctx: HandlerContext): HandlerRef[] {
  const out: HandlerRef[] = [];
  for (const arg of args) {
    const e = skipParens(arg);
    const composed = composedMiddleware(e, ctx);
    if (composed) out.push(...handlerRefsOf(composed, ctx));
    else if (isArrayLiteralExpression(e)) out.push(...handlerRefsOf(e.elements, ctx));
    else if (!isSpreadElement(e)) out.push(handlerRefOf(e, ctx));
    else if (isIdentifier(e.expression)) out.push(ctx.localHandlerOf?.(e.expression.text) ?? { kind: 'name', name: e.expression.text });
    else out.push({ kind: 'unknown', reason: 'spread of a computed middleware list' });
  }
  return out;
}

/**
 * koa-compose's `compose([auth, admin.routes()])`: one middleware that runs the list in order, as
 * if each were used in turn.
 */
function composedMiddleware(e: ts.Expression, ctx: HandlerContext): readonly ts.Expression[] | undefined {
  if (!isCallExpression(e) || !isIdentifier(e.expression) || ctx.imports?.get(e.expression.text)?.specifier !== 'koa-compose') return undefined;
  const list = e.arguments[0] && skipParens(e.arguments[0]);
  return list && isArrayLiteralExpression(list) ? list.elements : undefined;
}

/** `isProd ? bearerAuth(o) : devAuth`: the branch production takes, or both when it is unknown. */
function conditionalRefOf(e: ts.ConditionalExpression, ctx: HandlerContext): HandlerRef {
  const condition = classifyCondition(e.condition, ctx.conditionNames);
  if (condition === 'prod' || condition === 'always') return handlerRefOf(e.whenTrue, ctx);
  if (condition === 'nonProd') return handlerRefOf(e.whenFalse, ctx);
  return { kind: 'list', items: [handlerRefOf(e.whenTrue, ctx), handlerRefOf(e.whenFalse, ctx)], every: true };
}

function memberRefOf(e: ts.PropertyAccessExpression, ctx: HandlerContext): HandlerRef {
  if (ctx.instanceOf?.(e.expression)) return { kind: 'decorated', name: e.name.text, ...paramOf(e.expression, ctx) };
  // `app.apiKeys.requiresAuthentication`: a field of an object decorated onto the instance.
  const holder = skipParens(e.expression);
  if (isPropertyAccessExpression(holder) && ctx.instanceOf?.(holder.expression)) return { kind: 'decorated', name: `${holder.name.text}.${e.name.text}` };
  // `require('./auth').gate` in place: that export of the module.
  const required = requiredSpecifier(e.expression);
  if (required !== undefined) return { kind: 'module', specifier: required, member: e.name.text };
  // `auth.requireAdmin` where `const auth = createAuth(o)` in the function: a member of what the call returns.
  const owner = isIdentifier(e.expression) ? ctx.localHandlerOf?.(e.expression.text) : undefined;
  if (owner?.kind === 'call' && owner.field === undefined) return { ...owner, field: e.name.text };
  // `permission.validate` where `const permission = require('./permission')(app)` in the function
  // (a consign-style route module), or that call in place: a member of what the module's function returns.
  const called = owner ?? (isCallExpression(skipParens(e.expression)) ? callRefOf(skipParens(e.expression) as ts.CallExpression, ctx) : undefined);
  if (called?.kind === 'module' && called.called && called.member === undefined && called.field === undefined) return { ...called, field: e.name.text };
  // `this.checkAuth`, `this.auth.verifyToken`: a method of the class, or of the class a field holds.
  const member = thisMemberName(e);
  if (member !== undefined) return { kind: 'name', name: member };
  // `auth.required`, and compiled `middlewares_1.default.requireAdmin` (an object exported as default).
  const name = referenceName(e);
  if (name !== undefined) return { kind: 'name', name };
  // `new AuthMiddleware().use`: the method of that class.
  const made = skipParens(e.expression);
  const cls = isNewExpression(made) ? referenceName(skipParens(made.expression)) : undefined;
  if (cls !== undefined) return { kind: 'name', name: `${cls}.${e.name.text}` };
  return { kind: 'unknown', reason: `member expression ${e.getText().slice(0, 60)}` };
}

/** `{ param }` when the expression is a parameter of the enclosing function (see the `decorated` ref). */
function paramOf(e: ts.Expression, ctx: HandlerContext): { param?: string } {
  const ref = isIdentifier(e) ? ctx.localHandlerOf?.(e.text) : undefined;
  return ref?.kind === 'param' && ref.field === undefined ? { param: ref.id } : {};
}

/** A call's literal arguments, for the gates of the factory it calls (`requireRole()`, `auth({ required: false })`). */
function literalsOf(call: ts.CallExpression): { literals?: LiteralArgs } {
  const literals = literalArgsOf(call);
  return literals ? { literals } : {};
}

function callRefOf(call: ts.CallExpression, ctx: HandlerContext): HandlerRef {
  const callee = skipParens(call.expression);
  const first = call.arguments[0] && skipParens(call.arguments[0]);
  if (isIdentifier(callee) && callee.text === 'require' && first && isStringLiteralLike(first)) return { kind: 'module', specifier: first.text };
  // `require('./routes')(deps)`: what the module's default export returns.
  const loaded = isCallExpression(callee) ? requiredSpecifier(callee) : undefined;
  if (loaded !== undefined) return { kind: 'module', specifier: loaded, called: true };
  const lazy = lazyLoaderOf(call);
  if (lazy !== undefined) return { kind: 'module', specifier: lazy };
  if (isIdentifier(callee)) {
    const wraps = TRANSPARENT_WRAPPERS.has(callee.text) || TRANSPARENT_WRAPPER_PACKAGES.has(ctx.imports?.get(callee.text)?.specifier ?? '');
    if (wraps && first && isWrappable(first)) return handlerRefOf(first, ctx);
    const exceptions = callee.text === 'except' ? honoExceptPathsOf(first) : undefined;
    const args = argumentRefsOf(call, ctx);
    const pathArgs = args.args ? literalPathArgsOf(call) : undefined;
    const strategies = strategyNamesOf(call);
    return { kind: 'call', callee: callee.text, ...args, ...openOf(call, ctx), ...(exceptions ? { exceptions } : {}), ...(pathArgs ? { pathArgs } : {}), ...(strategies ? { strategies } : {}), ...literalsOf(call) };
  }
  if (isPropertyAccessExpression(callee)) {
    // `auth.verify.bind(auth)`: the method itself, with its `this` fixed.
    if (callee.name.text === 'bind' && isPropertyAccessExpression(skipParens(callee.expression))) return handlerRefOf(callee.expression, ctx);
    // express-unless / koa-unless: `expressjwt(o).unless({ path })` and `auth.unless(...)` are the guard with exceptions.
    if (callee.name.text === 'unless') return { kind: 'unless', guard: handlerRefOf(callee.expression, ctx), ...unlessOptionsOf(call.arguments[0]) };
    // hono/factory's `factory.createMiddleware(fn)` and `factory.createHandlers(mw, handler)`.
    if (TRANSPARENT_WRAPPERS.has(callee.name.text) && first && isWrappable(first)) return handlerRefOf(first, ctx);
    if (callee.name.text === 'createHandlers' && call.arguments.length > 0) return { kind: 'list', items: handlerRefsOf(call.arguments, ctx) };
    // `[logRequest].concat(requireAdmin)`: the list and what is added to it, in order.
    if (callee.name.text === 'concat' && (isArrayLiteralExpression(skipParens(callee.expression)) || isIdentifier(callee.expression))) return { kind: 'list', items: handlerRefsOf([callee.expression, ...call.arguments], ctx) };
    const instance = ctx.instanceOf?.(callee.expression);
    if (instance) {
      if (callee.name.text === 'routes' || callee.name.text === 'middleware') return { kind: 'instance', target: instance };
      const args = callee.name.text === 'auth' ? authStrategiesOf(call, ctx) ?? functionArgsOf(call, ctx) : functionArgsOf(call, ctx);
      return { kind: 'decorated', name: callee.name.text, args, ...(isAndRelation(call) ? { relation: 'and' as const } : {}) };
    }
    // `routes.getRouter()` of a class of this file: the router the method returns.
    const returned = ctx.instanceOf?.(call);
    if (returned) return { kind: 'instance', target: returned };
    // `new AdminRoutes().getRouter()` of an imported class: resolved where the class is.
    const made = skipParens(callee.expression);
    if (isNewExpression(made) && isIdentifier(made.expression)) return { kind: 'call', callee: made.expression.text, member: callee.name.text };
    // `auth.create(o)`, and compiled `middlewares_1.default.authenticate()`: a method of an imported object.
    const owner = referenceName(callee.expression);
    if (owner !== undefined) {
      const dot = owner.indexOf('.');
      const member = dot === -1 ? callee.name.text : `${owner.slice(dot + 1)}.${callee.name.text}`;
      const strategies = strategyNamesOf(call);
      return { kind: 'call', callee: dot === -1 ? owner : owner.slice(0, dot), member, args: functionArgsOf(call, ctx), ...openOf(call, ctx), ...(strategies ? { strategies } : {}), ...literalsOf(call) };
    }
  }
  return { kind: 'unknown', reason: `call ${call.expression.getText().slice(0, 60)}` };
}

/** What a transparent wrapper can wrap: a function, or a name or member that denotes one (not an options object). */
function isWrappable(e: ts.Expression): boolean {
  return isFunctionExpression(e) || isIdentifier(e) || isPropertyAccessExpression(e);
}

/** Options that let anonymous requests through, or an outcome callback that never rejects. */
function openOf(call: ts.CallExpression, ctx: HandlerContext): { failsOpen?: true } {
  const callback = verdictCallbackOf(call);
  return failsOpen(call) || (callback !== undefined && !judgeFunction(callback, ctx).rejects) ? { failsOpen: true } : {};
}

/**
 * The refs of a call's function-valued arguments in order, lists flattened (`every(a, b)`,
 * `fastify.auth([a, b])`; options objects left out), each argument read once. `positions` is
 * written only when `args` does not already say which argument is which (`unless('/login', auth)`),
 * to keep summaries small.
 */
function argumentRefsOf(call: ts.CallExpression, ctx: HandlerContext): { args?: HandlerRef[]; positions?: number[] } {
  if (!call.arguments.some((a) => isFunctionLike(a) || holdsFunctions(a))) return {};
  const args: HandlerRef[] = [];
  const positions: number[] = [];
  let flattened = false;
  for (const arg of call.arguments) {
    const e = skipParens(arg);
    if (isFunctionLike(e) && !isArrayLiteralExpression(e)) {
      positions.push(args.length);
      args.push(handlerRefOf(e, ctx));
      continue;
    }
    // `createAdminRouter({ authenticate: verifyJwt, db })`: the options object's fields, for the
    // factory's parameters that read one (a destructured `{ authenticate }`, `options.guard`).
    if (holdsFunctions(e)) {
      positions.push(args.length);
      args.push(argumentRefOf(e, ctx));
      continue;
    }
    if (isArrayLiteralExpression(e)) args.push(...handlerRefsOf(e.elements, ctx));
    positions.push(-1);
    flattened = true;
  }
  return { ...(args.length > 0 ? { args } : {}), ...(flattened ? { positions } : {}) };
}

/** An object literal with a field that may hold a middleware (`{ authenticate: verifyJwt }`). */
function holdsFunctions(arg: ts.Expression): boolean {
  const e = skipParens(arg);
  return ts.isObjectLiteralExpression(e) && namedValuesOf(e).some(({ value }) => isFunctionLike(value));
}

function isFunctionLike(arg: ts.Expression): boolean {
  const e = skipParens(arg);
  return isIdentifier(e) || isArrayLiteralExpression(e) || isFunctionExpression(e) || isPropertyAccessExpression(e) || isCallExpression(e);
}

/**
 * `fastify.auth([[verifyJwt, verifyAdmin], verifyApiKey])`: @fastify/auth runs a nested list as one
 * strategy that passes when all of its own pass, read as `auth` with relation "and".
 */
function authStrategiesOf(call: ts.CallExpression, ctx: HandlerContext): HandlerRef[] | undefined {
  const list = call.arguments[0] && skipParens(call.arguments[0]);
  if (!list || !isArrayLiteralExpression(list) || !list.elements.some((e) => isArrayLiteralExpression(skipParens(e)))) return undefined;
  return list.elements.map((element) => {
    const e = skipParens(element);
    return isArrayLiteralExpression(e) ? { kind: 'decorated', name: 'auth', args: handlerRefsOf(e.elements, ctx), relation: 'and' } : handlerRefOf(e, ctx);
  });
}

function functionArgsOf(call: ts.CallExpression, ctx: HandlerContext): HandlerRef[] | undefined {
  return argumentRefsOf(call, ctx).args;
}
