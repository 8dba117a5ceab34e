import { ts } from '../../../parse/typescript.js';
import { someNode } from '../../../parse/visit-tree.js';
import type { AdapterContext, FrameworkAdapter, Receiver } from '../../adapter.js';
import { checksNothing } from '../../function-fact.js';
import { argumentRefOf } from '../../handler-ref-of.js';
import { isFunctionExpression, judgeFunction, localFunctionNamed } from '../../judge-function.js';
import { skipParens, subtreeOf, type PathExpr } from '../../path-expr.js';
import type { HandlerRef } from '../../route-facts.js';
import { isImportedFrom } from '../imported-from.js';
import { HTTP_METHODS, pathsOf } from '../method-route.js';
import { servedAppOf } from '../served-app.js';
import { propertyOf } from '../../object-property.js';
import { scopedConstOf } from '../../module-const-of.js';
import { autoloadMountOf } from './autoload.js';
import { sharesParentContext } from './plugin-wrapper.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isCallExpression, isIdentifier, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike } = ts;

const isFastify = (s: string): boolean => s === 'fastify';
/** Hooks that run before the handler and can reject the request. */
const GUARD_HOOKS = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);

/** Fastify: instances, plugins with encapsulated contexts, route options, `addHook`, `register`. */
const fastify: FrameworkAdapter = {
  name: 'fastify',
  detects: (imports) => imports.some((i) => isFastify(i.specifier) || i.specifier === 'fastify-plugin'),
  createsInstance(expr, ctx) {
    if (!isCallExpression(expr)) return undefined;
    return isImportedFrom(expr.expression, ctx, isFastify, ['default', '*', 'fastify', 'Fastify']) ? {} : undefined;
  },
  onFile: markFailingStrategies,
  onCall(call, method, receiver, ctx) {
    const args = call.arguments;
    if (HTTP_METHODS.has(method)) return recordShorthand(call, method, receiver, ctx);
    if (method === 'route') return recordRouteOptions(call, receiver, ctx);
    if (method === 'addHook') {
      const name = args[0] && skipParens(args[0]);
      if (name && isStringLiteralLike(name) && name.text === 'onRoute') return recordOnRoute(call, receiver, ctx);
      if (!name || !isStringLiteralLike(name) || !GUARD_HOOKS.has(name.text)) return true;
      ctx.register(call, { kind: 'use', target: receiver.target, paths: undefined, handlers: ctx.handlerRefsOf(args.slice(1)), orderless: true });
      return true;
    }
    if (method === 'register') return recordRegister(call, receiver, ctx);
    if (method === 'decorate' || method === 'decorateRequest') {
      const name = args[0] && skipParens(args[0]);
      if (name && isStringLiteralLike(name) && args[1]) ctx.facts.decorations[name.text] = decorationRef(args[1], ctx);
      return true;
    }
    return false;
  },
};

/**
 * A decorated value; a function notes whether it fails as an @fastify/auth strategy does: with
 * `done(error)`, or, async, by throwing (the plugin answers 401 for any error).
 */
function decorationRef(value: ts.Expression, ctx: AdapterContext): HandlerRef {
  // `decorate('apiKeys', { requiresAuthentication })`: an object of hooks, read field by field.
  if (ts.isObjectLiteralExpression(skipParens(value))) return argumentRefOf(value, ctx);
  const ref = ctx.handlerRefsOf([value])[0] ?? { kind: 'unknown', reason: 'decoration' };
  const fn = skipParens(value);
  if (ref.kind === 'fn' && isFunctionExpression(fn) && (callsDoneWithError(fn) || throwsWhenAsync(fn))) ref.fact.failsWithError = true;
  return ref;
}

/**
 * The file's functions that fail as @fastify/auth strategies (`function verifyApiKey(request, reply,
 * done) { ... done(new Error('bad key')) }`), for a `fastify.auth([...])` given them by name.
 */
function markFailingStrategies(sf: ts.SourceFile, ctx: AdapterContext): void {
  for (const stmt of sf.statements) {
    if (!ts.isFunctionDeclaration(stmt) || !stmt.name || !stmt.body) continue;
    const fact = ctx.facts.functions[stmt.name.text];
    if (fact && (callsDoneWithError(stmt) || throwsWhenAsync(stmt))) fact.failsWithError = true;
  }
}

/** `async (request, reply) => { if (bad) throw new Error('...') }`: a throw of its own, not of a function inside. */
function throwsWhenAsync(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration): boolean {
  if (!fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  return fn.body !== undefined && someNode(fn.body, ts.isThrowStatement, (n) => !ts.isFunctionLike(n));
}

/** `done(new Error('...'))` or `done(err)` on the last of three parameters (request, reply, done). */
function callsDoneWithError(fn: ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration): boolean {
  const done = fn.parameters[2];
  if (fn.parameters.length !== 3 || !done || !isIdentifier(done.name)) return false;
  const name = done.name.text;
  return fn.body !== undefined && someNode(fn.body, (n) => isCallExpression(n) && isIdentifier(n.expression) && n.expression.text === name && n.arguments.length > 0);
}

function recordShorthand(call: ts.CallExpression, method: string, receiver: Receiver, ctx: AdapterContext): boolean {
  const [pathArg, ...rest] = call.arguments;
  const paths = pathsOf(pathArg, ctx);
  const handlerArg = rest[rest.length - 1];
  if (!paths || !handlerArg) return false;
  const options = rest.length > 1 ? rest[0] : undefined;
  const opts = options && skipParens(options);
  const objectOpts = opts && isObjectLiteralExpression(opts) ? opts : undefined;
  const handlerExpr = skipParens(handlerArg);
  // `fastify.get('/x', { handler, preHandler })`: the options object is the last argument.
  const inlineOpts = isObjectLiteralExpression(handlerExpr) ? handlerExpr : undefined;
  const all = inlineOpts ?? objectOpts;
  const handler = inlineOpts ? optionRefs(inlineOpts, 'handler', ctx)[0] : ctx.handlerRefsOf([handlerArg])[0];
  const metadata = all ? routeConfigKeys(all) : [];
  ctx.register(call, { kind: 'route', target: receiver.target, methods: [method], paths, guards: all ? hookRefs(all, ctx) : [], handler, ...(metadata.length > 0 && { metadata }) });
  return true;
}

/**
 * `addHook('onRoute', (routeOptions) => { routeOptions.onRequest = [app.authenticate] })`: the hook
 * gives every route of the context its guard hooks, or only those under a prefix it tests first
 * (`if (routeOptions.url.startsWith('/admin')) { ... }`). Hooks given under any other condition,
 * which no path says, are left out.
 */
function recordOnRoute(call: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const fn = call.arguments[1] && skipParens(call.arguments[1]);
  if (!fn || !isFunctionExpression(fn) || !fn.body || !ts.isBlock(fn.body)) return true;
  const param = fn.parameters[0]?.name;
  if (!param || !isIdentifier(param)) return true;
  const routeOptions = param.text;
  for (const stmt of fn.body.statements) {
    if (ts.isIfStatement(stmt) && !stmt.elseStatement) {
      const prefix = urlPrefixTested(stmt.expression, routeOptions);
      const hooks = prefix === undefined ? [] : hooksGiven(ts.isBlock(stmt.thenStatement) ? stmt.thenStatement.statements : [stmt.thenStatement], routeOptions);
      if (prefix !== undefined && hooks.length > 0) ctx.register(call, { kind: 'use', target: receiver.target, paths: [subtreeOf({ parts: [prefix] })], handlers: ctx.handlerRefsOf(hooks), orderless: true });
    } else {
      const hooks = hooksGiven([stmt], routeOptions);
      if (hooks.length > 0) ctx.register(call, { kind: 'use', target: receiver.target, paths: undefined, handlers: ctx.handlerRefsOf(hooks), orderless: true });
    }
  }
  return true;
}

/** `routeOptions.url.startsWith('/admin')` (also `.path`): the prefix tested. */
function urlPrefixTested(test: ts.Expression, routeOptions: string): string | undefined {
  const e = skipParens(test);
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'startsWith') return undefined;
  const read = skipParens(e.expression.expression);
  const arg = e.arguments[0] && skipParens(e.arguments[0]);
  const readsUrl = isPropertyAccessExpression(read) && (read.name.text === 'url' || read.name.text === 'path') && isIdentifier(read.expression) && read.expression.text === routeOptions;
  return readsUrl && arg && isStringLiteralLike(arg) && arg.text.startsWith('/') ? arg.text.replace(/\/+$/, '') : undefined;
}

/** The guard hooks statements give the route: `routeOptions.onRequest = [a, b]`, `= a`, `routeOptions.preHandler.push(a)`. */
function hooksGiven(statements: readonly ts.Statement[], routeOptions: string): ts.Expression[] {
  const isHookOf = (e: ts.Expression) => {
    const x = skipParens(e);
    return isPropertyAccessExpression(x) && GUARD_HOOKS.has(x.name.text) && isIdentifier(x.expression) && x.expression.text === routeOptions;
  };
  return statements.flatMap((stmt) => {
    const e = ts.isExpressionStatement(stmt) ? skipParens(stmt.expression) : undefined;
    if (e && ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.EqualsToken && isHookOf(e.left)) {
      const value = skipParens(e.right);
      return isArrayLiteralExpression(value) ? value.elements.filter((el) => !ts.isSpreadElement(el)) : [value];
    }
    if (e && isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'push' && isHookOf(e.expression.expression)) return [...e.arguments];
    return [];
  });
}

/**
 * `{ config: { auth: true } }`: the keys a route's `config` sets to true, which hooks read as
 * `request.routeOptions.config.auth` to decide whether to check it (see judge-function's route config gate).
 */
function routeConfigKeys(opts: ts.ObjectLiteralExpression): PathExpr[] {
  const written = propertyOf(opts, 'config');
  const config = written && optionsValueOf(written);
  if (!config || !isObjectLiteralExpression(config)) return [];
  return config.properties.flatMap((p) => (isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteral(p.name)) && skipParens(p.initializer).kind === ts.SyntaxKind.TrueKeyword ? [{ parts: [p.name.text] }] : []));
}

function recordRouteOptions(call: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const opts = call.arguments[0] && skipParens(call.arguments[0]);
  if (!opts || !isObjectLiteralExpression(opts)) return false;
  const url = propertyOf(opts, 'url') ?? propertyOf(opts, 'path');
  const paths = pathsOf(url, ctx);
  if (!paths) {
    ctx.register(call, { kind: 'unknown', target: receiver.target, reason: 'route() without a readable url' });
    return true;
  }
  const methodExpr = propertyOf(opts, 'method');
  const m = methodExpr && skipParens(methodExpr);
  const methods = m && isArrayLiteralExpression(m)
    ? m.elements.flatMap((el) => (isStringLiteralLike(el) ? [el.text.toLowerCase()] : []))
    : m && isStringLiteralLike(m) ? [m.text.toLowerCase()] : ['all'];
  const metadata = routeConfigKeys(opts);
  ctx.register(call, { kind: 'route', target: receiver.target, methods, paths, guards: hookRefs(opts, ctx), handler: optionRefs(opts, 'handler', ctx)[0], ...(metadata.length > 0 && { metadata }) });
  return true;
}

/** `register(plugin, { prefix })`: a child context; `fp(plugin)` shares the parent's. */
function recordRegister(call: ts.CallExpression, receiver: Receiver, ctx: AdapterContext): boolean {
  const [pluginArg, written] = call.arguments;
  if (!pluginArg) return false;
  const optsArg = written && optionsValueOf(written);
  const plugin = skipParens(pluginArg);
  const authHook = hookingAuthPlugin(plugin, optsArg, ctx);
  if (authHook) {
    ctx.register(call, { kind: 'use', target: receiver.target, paths: undefined, handlers: [authHook], orderless: true });
    return true;
  }
  const openBasicAuth = acceptsEveryCredential(plugin, optsArg, ctx);
  if (openBasicAuth) {
    // The decoration the plugin adds (`fastify.basicAuth`) lets every request through: known by this file's validate, not by its name.
    ctx.facts.decorations.basicAuth = openBasicAuth;
    return true;
  }
  const autoload = autoloadMountOf(plugin, optsArg, ctx);
  if (autoload) {
    // Autoload registers each file's plugin on this instance itself, encapsulated unless it is
    // wrapped in fastify-plugin.
    ctx.register(call, { kind: 'mount', target: receiver.target, prefix: autoload.prefix, child: { dir: autoload.dir }, encapsulated: true, autoload: autoload.options });
    return true;
  }
  const opts = optsArg && skipParens(optsArg);
  let prefix: PathExpr | undefined;
  if (opts && isObjectLiteralExpression(opts)) prefix = pathsOf(propertyOf(opts, 'prefix'), ctx)?.[0];
  // `register(serverAdapter.registerPlugin(), { prefix: '/admin/queues' })`: a package's app, no plugin to walk.
  if (servedAppOf(plugin, ctx) !== undefined) {
    ctx.register(call, { kind: 'route', target: receiver.target, methods: ['all'], paths: [subtreeOf(prefix ?? { parts: [''] })], guards: [], handler: ctx.handlerRefsOf([plugin])[0] });
    return true;
  }
  const child = ctx.childOf(plugin);
  if (!child) {
    ctx.register(call, { kind: 'unknown', target: receiver.target, reason: `register(${plugin.getText(ctx.sf).slice(0, 40)}) of an unreadable plugin` });
    return true;
  }
  const wrapped = sharesParentContext(plugin);
  // A plugin that shares its parent's context also shares its prefix: Fastify ignores `prefix` for it.
  ctx.register(call, { kind: 'mount', target: receiver.target, prefix: wrapped ? undefined : prefix, child, encapsulated: !wrapped });
  if (wrapped && 'instance' in child) markSharedContext(child.instance, ctx);
  return true;
}

/** `const opts = { prefix: '/admin' }; app.register(plugin, opts)`: the object the `const` in scope holds, read as if written in place. */
function optionsValueOf(arg: ts.Expression): ts.Expression {
  const e = skipParens(arg);
  return (isIdentifier(e) && scopedConstOf(e)) || e;
}

const isHookingAuthPlugin = (s: string): boolean => s === '@fastify/bearer-auth' || s === 'fastify-bearer-auth';

/**
 * `register(bearerAuth, { keys })`: @fastify/bearer-auth adds its own onRequest hook to the context
 * it is registered in (it is wrapped in fastify-plugin), unless told `addHook: false`. The hook is
 * the guard, known by its import.
 */
function hookingAuthPlugin(plugin: ts.Expression, optsArg: ts.Expression | undefined, ctx: AdapterContext): HandlerRef | undefined {
  const opts = optsArg && skipParens(optsArg);
  const addHook = opts && isObjectLiteralExpression(opts) ? propertyOf(opts, 'addHook') : undefined;
  if (addHook && skipParens(addHook).kind === SyntaxKind.FalseKeyword) return undefined;
  // `register(import('@fastify/bearer-auth'), ...)`: the module's default export.
  if (isCallExpression(plugin) && plugin.expression.kind === SyntaxKind.ImportKeyword) {
    const specifier = plugin.arguments[0];
    return specifier && isStringLiteralLike(specifier) && isHookingAuthPlugin(specifier.text) ? { kind: 'module', specifier: specifier.text } : undefined;
  }
  return isImportedFrom(plugin, ctx, isHookingAuthPlugin, ['default', '*', 'fastifyBearerAuth']) ? ctx.handlerRefsOf([plugin])[0] : undefined;
}

const isBasicAuthPlugin = (s: string): boolean => s === '@fastify/basic-auth' || s === 'fastify-basic-auth';

/**
 * `register(basicAuth, { validate })` whose `validate` (written in place, or a function of the file)
 * never fails: no `throw`, no Error returned or passed to `done`, no rejected promise. The plugin
 * then lets any username and password through (its README: a validate that returns nothing
 * authenticates). The decoration it adds is no guard.
 */
function acceptsEveryCredential(plugin: ts.Expression, optsArg: ts.Expression | undefined, ctx: AdapterContext): HandlerRef | undefined {
  const opts = optsArg && skipParens(optsArg);
  const required = isCallExpression(plugin) && isIdentifier(plugin.expression) && plugin.expression.text === 'require' && plugin.arguments[0] && isStringLiteralLike(plugin.arguments[0]) ? plugin.arguments[0].text : undefined;
  if (!opts || !isObjectLiteralExpression(opts) || !(required !== undefined ? isBasicAuthPlugin(required) : isImportedFrom(plugin, ctx, isBasicAuthPlugin, ['default', '*']))) return undefined;
  const validate = optionFunction(opts, 'validate', ctx);
  if (!validate?.body || someNode(validate.body, failsCredential)) return undefined;
  return { kind: 'fn', fact: checksNothing(ctx.locationOf(validate)) };
}

/** A throw, an Error made (returned, or handed to `done`), or `Promise.reject`: a validate that can fail. */
function failsCredential(node: ts.Node): boolean {
  if (node.kind === SyntaxKind.ThrowStatement) return true;
  if (isNewExpression(node) || isCallExpression(node)) {
    const callee = skipParens(node.expression);
    const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : '';
    return /Error$|^reject$/.test(name);
  }
  return false;
}

/** An option's function: written in place (`validate(u, p) {...}`, `validate: async () => ...`), or a function or const arrow of the file named there. */
function optionFunction(opts: ts.ObjectLiteralExpression, name: string, ctx: AdapterContext): ts.FunctionLikeDeclaration | undefined {
  for (const p of opts.properties) {
    if (!p.name || !(isIdentifier(p.name) || isStringLiteral(p.name)) || p.name.text !== name) continue;
    if (isMethodDeclaration(p)) return p;
    const value = isPropertyAssignment(p) ? skipParens(p.initializer) : isShorthandPropertyAssignment(p) ? p.name : undefined;
    if (value && isFunctionExpression(value)) return value;
    return value && isIdentifier(value) ? localFunctionNamed(ctx.sf.statements, value.text) : undefined;
  }
  return undefined;
}

function markSharedContext(id: string, ctx: AdapterContext): void {
  const fact = ctx.facts.instances.find((i) => i.id === id);
  if (fact) fact.sharesParentContext = true;
}

/**
 * `{ preHandler }` given `const preHandler = [authenticate, requireRole('ADMIN')]` in the plugin's
 * body: the hooks of the list a const in scope holds, as if written in place.
 */
function listedIn(value: ts.Expression): readonly ts.Expression[] {
  const e = skipParens(value);
  const held = isIdentifier(e) ? scopedConstOf(e) : undefined;
  const list = held && skipParens(held);
  return list && isArrayLiteralExpression(list) ? list.elements : [value];
}

function hookRefs(opts: ts.ObjectLiteralExpression, ctx: AdapterContext): HandlerRef[] {
  return [...GUARD_HOOKS].flatMap((hook) => optionRefs(opts, hook, ctx));
}

function optionRefs(opts: ts.ObjectLiteralExpression, name: string, ctx: AdapterContext): HandlerRef[] {
  for (const p of opts.properties) {
    if (isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteral(p.name)) && p.name.text === name) return ctx.handlerRefsOf(listedIn(p.initializer));
    if (isShorthandPropertyAssignment(p) && p.name.text === name) return ctx.handlerRefsOf(listedIn(p.name));
    if (isMethodDeclaration(p) && isIdentifier(p.name) && p.name.text === name && p.body) {
      return [{ kind: 'fn', fact: judgeFunction(p, ctx) }];
    }
  }
  return [];
}

export default fastify;
