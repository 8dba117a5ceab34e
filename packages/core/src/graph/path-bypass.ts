import { ts } from '../parse/typescript.js';
import { escapeRegex } from './escape-regex.js';
import { callsNext, isPassingOn, passesOnAndStops } from './guard-bypass.js';
import { scopedConstOf } from './module-const-of.js';
import { literalPath, pathExprOf, referenceName, setContentsOf, skipParens } from './path-expr.js';
import { regexOf } from './regex-literal.js';
import type { RequestException } from './unless-options.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isConditionalExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isIfStatement, isNumericLiteral, isObjectBindingPattern, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isSourceFile, isSpreadElement, isStringLiteralLike, isVariableStatement } = ts;

/**
 * Properties that hold the request path: Express `req.path`/`req.originalUrl`, Koa `ctx.path`, Hono
 * `c.req.path`, and in a Fastify hook the matched route's pattern (`request.routeOptions.url`,
 * `request.routerPath`). Not Hono's `c.req.routePath`: in middleware it is the middleware's own pattern.
 */
const PATH_READ = /^(path|url|originalUrl|pathname|routerPath)$/;

/**
 * A path a guard lets through: one it names, or `{ param }`, the value of a parameter of the
 * factory that made it (`unless(path, mw)` returning `(req, res, next) => path === req.path ?
 * next() : mw(req, res, next)`), by its id (`fn#index`), which each call binds to its argument.
 */
export type PathTest = RequestException | { param: string };

/** The id of the enclosing factory's parameter a name denotes, if it is one. */
export type FactoryParamOf = (name: string) => string | undefined;

const NO_FACTORY: FactoryParamOf = () => undefined;

/**
 * A guard's own list of public paths: `if (PUBLIC.includes(req.path)) return next();`,
 * `if (req.path === '/admin/metrics' || req.path.startsWith('/public/')) return next();` before the
 * check, also with the check in an `else`. Returns the paths it lets through unchecked, or
 * undefined when the `if` is anything else (a test the rule cannot read keeps the guard counting
 * for every path).
 */
export function pathBypassOf(stmt: ts.Statement, next: string, params: readonly string[], returnPassesOn: boolean, factoryParamOf = NO_FACTORY): PathTest[] | undefined {
  if (!isIfStatement(stmt)) return undefined;
  // With an `else` holding the check, a then-branch that only calls `next()` need not return.
  const passes = passesOnAndStops(stmt.thenStatement, next, returnPassesOn) || (stmt.elseStatement !== undefined && onlyPassesOn(stmt.thenStatement, next));
  if (!passes) return undefined;
  // `if (!req.path.startsWith('/api')) return next();`: every path but those goes through unchecked.
  const condition = skipParens(stmt.expression);
  if (isPrefixUnaryExpression(condition) && condition.operator === SyntaxKind.ExclamationToken) {
    const others = onlyPathsOf(condition.operand, params);
    return others && [others];
  }
  return pathsTested(stmt.expression, { params, paths: [] }, factoryParamOf);
}

/**
 * The paths a negated test holds for, as one expression: every path that none of `held` matches.
 * Undefined unless each is literal and anchored at the start (a reference, or a test that matches
 * anywhere in the path, cannot be turned around here).
 */
export function everyPathBut(held: readonly RequestException[]): RequestException | undefined {
  const sources: string[] = [];
  for (const x of held) {
    if ('regex' in x) {
      if (!x.regex.startsWith('^') || x.flags !== '' || x.methods) return undefined;
      sources.push(x.regex.slice(1));
      continue;
    }
    const text = literalPath(x.path);
    if (text === undefined || x.hono || x.methods) return undefined;
    sources.push(x.prefix ? escapeRegex(text) : `${escapeRegex(text)}/?$`);
  }
  return sources.length > 0 ? { regex: `^(?!(?:${sources.join('|')}))`, flags: '', outside: true } : undefined;
}

/**
 * `if (!PUBLIC.includes(req.path)) { ...check... }` (no else): the check runs only for the paths the
 * test does not hold for. `if (req.path.startsWith('/admin')) { ...check... }`, a global middleware
 * guarding one subtree: only for the paths it holds for, so every other path is let through.
 * Returns the paths let through and the check, or undefined for any other statement.
 */
export function checkOutsidePathsOf(stmt: ts.Statement, next: string, params: readonly string[], factoryParamOf = NO_FACTORY): { paths: PathTest[]; check: ts.Statement } | undefined {
  // A then-branch that passes the request on is no check (`if (!isApi) return next()`: see pathBypassOf).
  if (!isIfStatement(stmt) || stmt.elseStatement || callsNext(stmt.thenStatement, next)) return undefined;
  const condition = skipParens(stmt.expression);
  if (!isPrefixUnaryExpression(condition) || condition.operator !== SyntaxKind.ExclamationToken) {
    // `if (req.path.startsWith('/admin') && !valid(req)) return res.sendStatus(401)`: the same,
    // with the check in the condition; the whole statement is the check.
    const scoped = isBinaryExpression(condition) && condition.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken;
    const others = onlyPathsOf(scoped ? condition.left : condition, params);
    if (!others) return undefined;
    return { paths: [others], check: scoped ? stmt : stmt.thenStatement };
  }
  const paths = pathsTested(condition.operand, { params, paths: [] }, factoryParamOf);
  return paths && { paths, check: stmt.thenStatement };
}

/** Every path a literal, anchored path test does not hold for: what a check under that test lets through. */
function onlyPathsOf(test: ts.Expression, params: readonly string[]): RequestException | undefined {
  const held = pathsTested(test, { params, paths: [] }, NO_FACTORY);
  return held?.every((x): x is RequestException => !('param' in x)) ? everyPathBut(held) : undefined;
}

/** `next();` alone, or `{ next(); }`. */
function onlyPassesOn(stmt: ts.Statement, next: string): boolean {
  const only = isBlock(stmt) ? (stmt.statements.length === 1 ? stmt.statements[0] : undefined) : stmt;
  return only !== undefined && isPassingOn(only, next);
}

/**
 * `test ? next() : mw(req, res, next)`, the body of an arrow: the paths `test` lets through, and
 * the branch that checks the others. Undefined for any other expression.
 */
export function conditionalBypassOf(expr: ts.Expression, next: string, params: readonly string[], factoryParamOf: FactoryParamOf): { paths: PathTest[]; rest: ts.Expression } | undefined {
  const e = skipParens(expr);
  if (!isConditionalExpression(e)) return undefined;
  const passes = skipParens(e.whenTrue);
  if (!isCallExpression(passes) || !isIdentifier(passes.expression) || passes.expression.text !== next || passes.arguments.length > 0) return undefined;
  const paths = pathsTested(e.condition, { params, paths: [] }, factoryParamOf);
  return paths && { paths, rest: e.whenFalse };
}

/**
 * The requests a condition function holds for, when it only tests the path: hono/combine's
 * `except((c) => c.req.path.startsWith('/public'), mw)`, koa-unless's `custom: (ctx) =>
 * ctx.path === '/internal'`, negated tests too. Undefined for any other function (a header test):
 * what it exempts cannot be listed.
 */
export function exemptedByCondition(fn: ts.Expression): RequestException[] | undefined {
  const e = skipParens(fn);
  if (!isArrowFunction(e) && !isFunctionExpression(e)) return undefined;
  const test = isBlock(e.body) ? returnedOnly(e.body) : e.body;
  const params = e.parameters.flatMap((p) => (isIdentifier(p.name) ? [p.name.text] : []));
  if (!test) return undefined;
  const negated = skipParens(test);
  if (isPrefixUnaryExpression(negated) && negated.operator === SyntaxKind.ExclamationToken) {
    const held = requestPathsTested(negated.operand, params);
    const others = held && everyPathBut(held);
    return others && [others];
  }
  return requestPathsTested(test, params);
}

/** pathsTested where no factory parameter is in scope (hono/combine's `except` conditions). */
export function requestPathsTested(expr: ts.Expression, params: readonly string[]): RequestException[] | undefined {
  const paths = pathsTested(expr, { params, paths: [] }, NO_FACTORY);
  return paths?.every((x): x is RequestException => !('param' in x)) ? paths : undefined;
}

/**
 * What a test reads the request through: the guard's parameters (`req`, `c`), and, inside a helper
 * it calls, the names that hold the request path (`function isPublic(path) {...}` called with `req.path`).
 */
interface Reads {
  params: readonly string[];
  paths: readonly string[];
}

/** Conditions named by a `const` followed (`const isPublic = ...; if (isPublic) ...`), deeper ones are not read. */
const MAX_NAMED_TESTS = 4;

/**
 * The paths a condition holds for: `req.path === '/x'`, `c.req.path.startsWith('/public/')`,
 * `/^\/public\//.test(req.path)`, `PUBLIC.includes(ctx.path)` (also `has` of a Set,
 * `indexOf(...) !== -1`, `PUBLIC.some((p) => req.path.startsWith(p))`), a `const` holding one of
 * those, and `||` of those; a factory parameter compared with the path or searched for it.
 * Undefined for any other condition. A list the guard names but does not declare (an import, a
 * config object's member) is kept as a reference, which the graph resolves or leaves out.
 */
function pathsTested(expr: ts.Expression, reads: Reads, factoryParamOf: FactoryParamOf, depth = 0): PathTest[] | undefined {
  const e = skipParens(expr);
  if (isIdentifier(e)) {
    const init = depth < MAX_NAMED_TESTS ? scopedConstOf(e) : undefined;
    return init && pathsTested(init, reads, factoryParamOf, depth + 1);
  }
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === SyntaxKind.BarBarToken) {
      const left = pathsTested(e.left, reads, factoryParamOf, depth);
      const right = left && pathsTested(e.right, reads, factoryParamOf, depth);
      return left && right ? [...left, ...right] : undefined;
    }
    const found = indexFound(e);
    if (found) return listTested(found, reads, factoryParamOf, false);
    if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken) return undefined;
    const pathOnRight = isPathRead(e.right, reads);
    if (!pathOnRight && !isPathRead(e.left, reads)) return undefined;
    const value = skipParens(pathOnRight ? e.left : e.right);
    if (isStringLiteralLike(value)) return [{ path: { parts: [value.text] } }];
    const param = isIdentifier(value) ? factoryParamOf(value.text) : undefined;
    return param === undefined ? undefined : [{ param }];
  }
  if (isCallExpression(e) && isIdentifier(e.expression)) return depth < MAX_NAMED_TESTS ? helperTested(e, reads, depth) : undefined;
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression)) return undefined;
  const method = e.expression.name.text;
  const owner = skipParens(e.expression.expression);
  const arg = e.arguments[0] && skipParens(e.arguments[0]);
  if (!arg) return undefined;
  // `req.path.endsWith('/health')`, `req.path.includes('/public/')`.
  if ((method === 'endsWith' || method === 'includes') && isPathRead(owner, reads) && isStringLiteralLike(arg)) {
    return [{ regex: method === 'endsWith' ? `${escapeRegex(arg.text)}$` : escapeRegex(arg.text), flags: '' }];
  }
  // `req.path.startsWith('/public/')`, or a constant prefix.
  if (method === 'startsWith' && isPathRead(owner, reads)) {
    if (isStringLiteralLike(arg)) return [{ regex: `^${escapeRegex(arg.text)}`, flags: '' }];
    const path = referenceName(arg) !== undefined ? pathExprOf(arg, new Map()) : undefined;
    return path && [{ path, prefix: true }];
  }
  // `/^\/public\//.test(req.path)` and `req.path.match(/^\/public\//)`.
  if (method === 'test' && isPathRead(arg, reads)) return regexTested(owner);
  if (method === 'match' && isPathRead(owner, reads)) return regexTested(arg);
  // `PUBLIC_PATHS.includes(req.path)`, `PUBLIC.has(req.path)` of a Set.
  if ((method === 'includes' || method === 'has') && isPathRead(arg, reads)) return listTested(owner, reads, factoryParamOf, false);
  // `PUBLIC.some((p) => req.path.startsWith(p))`, `.some((p) => p === req.path)`, `.find(...)`.
  if (method === 'some' || method === 'find') {
    const test = elementTest(arg, reads);
    return test && listTested(owner, reads, factoryParamOf, test === 'prefix');
  }
  return undefined;
}

/**
 * `isPublicPath(req.path)` or `isPublic(req)`, a function of the file (or the guard) that returns a
 * path test: the test as it reads its parameters, each standing for what the guard passes (the
 * path, or the request). Only the test it returns at once is read.
 */
function helperTested(call: ts.CallExpression, reads: Reads, depth: number): PathTest[] | undefined {
  const fn = scopedFunctionOf(call.expression as ts.Identifier);
  const returned = fn?.body && (isBlock(fn.body) ? returnedOnly(fn.body) : fn.body);
  if (!fn || !returned) return undefined;
  const inner: { params: string[]; paths: string[] } = { params: [], paths: [] };
  fn.parameters.forEach((p, i) => {
    const arg = call.arguments[i];
    if (!arg || !isIdentifier(p.name)) return;
    if (isPathRead(arg, reads)) inner.paths.push(p.name.text);
    else if (isParamRead(arg, reads.params)) inner.params.push(p.name.text);
  });
  if (inner.paths.length === 0 && inner.params.length === 0) return undefined;
  const paths = pathsTested(returned, inner, NO_FACTORY, depth + 1);
  // A factory parameter has no meaning inside the helper: its tests name none.
  return paths?.every((x) => !('param' in x)) ? paths : undefined;
}

/** A function named `name` in the blocks around it: a declaration, or a `const` bound to an arrow or function expression. */
function scopedFunctionOf(name: ts.Identifier): ts.FunctionLikeDeclaration | undefined {
  const init = scopedConstOf(name);
  const e = init && skipParens(init);
  if (e && (isArrowFunction(e) || isFunctionExpression(e))) return e;
  for (let scope: ts.Node | undefined = name.parent; scope; scope = scope.parent) {
    if (!isBlock(scope) && !isSourceFile(scope)) continue;
    const found = scope.statements.find((s): s is ts.FunctionDeclaration => isFunctionDeclaration(s) && s.name?.text === name.text && s.body !== undefined);
    if (found) return found;
  }
  return undefined;
}

/** `PUBLIC.indexOf(req.path) !== -1` (also `> -1`, `>= 0`): the list searched. */
function indexFound(e: ts.BinaryExpression): ts.Expression | undefined {
  const op = e.operatorToken.kind;
  const right = skipParens(e.right);
  const minusOne = isPrefixUnaryExpression(right) && right.operator === SyntaxKind.MinusToken && isNumericLiteral(right.operand) && right.operand.text === '1';
  const zero = isNumericLiteral(right) && right.text === '0';
  const found = ((op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken || op === SyntaxKind.GreaterThanToken) && minusOne) || (op === SyntaxKind.GreaterThanEqualsToken && zero);
  const left = skipParens(e.left);
  if (!found || !isCallExpression(left) || !isPropertyAccessExpression(left.expression) || left.expression.name.text !== 'indexOf') return undefined;
  return left.arguments.length === 1 ? skipParens(left.expression.expression) : undefined;
}

/**
 * What the callback of `list.some(cb)` tests each entry for: `(p) => req.path.startsWith(p)` a
 * prefix (`req.path.includes(p)` too: the entries are read as the prefixes they at least are),
 * `(p) => p === req.path` the whole path, `(r) => r.test(req.path)` a pattern (as the entries of an
 * unless list are read). Undefined for any other callback.
 */
function elementTest(callback: ts.Expression, reads: Reads): 'prefix' | 'whole' | undefined {
  if (!isArrowFunction(callback) && !isFunctionExpression(callback)) return undefined;
  const [param] = callback.parameters;
  if (!param || !isIdentifier(param.name) || callback.parameters.length !== 1) return undefined;
  const item = param.name.text;
  const body = isBlock(callback.body) ? returnedOnly(callback.body) : callback.body;
  const e = body && skipParens(body);
  if (!e) return undefined;
  const isItem = (x: ts.Expression) => {
    const y = skipParens(x);
    return isIdentifier(y) && y.text === item;
  };
  if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.EqualsEqualsEqualsToken || e.operatorToken.kind === SyntaxKind.EqualsEqualsToken)) {
    return (isItem(e.left) && isPathRead(e.right, reads)) || (isItem(e.right) && isPathRead(e.left, reads)) ? 'whole' : undefined;
  }
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || e.arguments.length !== 1) return undefined;
  const method = e.expression.name.text;
  const [arg] = e.arguments;
  if (!arg) return undefined;
  if ((method === 'startsWith' || method === 'includes') && isPathRead(e.expression.expression, reads) && isItem(arg)) return 'prefix';
  if (method === 'test' && isItem(e.expression.expression) && isPathRead(arg, reads)) return 'whole';
  if (method === 'match' && isPathRead(e.expression.expression, reads) && isItem(arg)) return 'whole';
  return undefined;
}

/** The expression a block body only returns (`{ return req.path.startsWith(p); }`). */
export function returnedOnly(body: ts.Block): ts.Expression | undefined {
  const [only] = body.statements;
  return body.statements.length === 1 && only && isReturnStatement(only) ? only.expression : undefined;
}

/**
 * The entries of a list searched for the request path: written in place or in a `const` around
 * the guard (an array, or a `new Set([...])` of one), a factory parameter, or else the list as a
 * name (`PUBLIC_PATHS` imported, `config.publicPaths`) for the graph to resolve. `prefix`: each
 * string entry is the beginning of the paths it lets through.
 */
function listTested(list: ts.Expression, reads: Reads, factoryParamOf: FactoryParamOf, prefix: boolean): PathTest[] | undefined {
  let e = skipParens(list);
  const name = isIdentifier(e) ? e.text : undefined;
  const param = name === undefined ? undefined : factoryParamOf(name);
  if (param !== undefined) return [{ param }];
  if (name !== undefined && reads.params.includes(name)) return undefined;
  for (let depth = 0; isIdentifier(e) && depth < MAX_NAMED_TESTS; depth++) {
    const init = scopedConstOf(e);
    if (!init) break;
    e = skipParens(init);
  }
  e = setContentsOf(e);
  if (isArrayLiteralExpression(e)) {
    const entries = e.elements.map((el) => entryOf(el, prefix));
    return entries.every((x) => x !== undefined) ? entries : undefined;
  }
  const ref = referenceName(e);
  return ref === undefined ? undefined : [{ path: { parts: [{ ref }] }, ...(prefix ? { prefix: true as const } : {}) }];
}

/** A list entry: a string (whole, or a prefix), a RegExp (tested), a constant (resolved by the graph). */
function entryOf(element: ts.Expression, prefix: boolean): RequestException | undefined {
  const e = skipParens(element);
  const regex = regexOf(e);
  if (regex) return regex;
  const path = isSpreadElement(e) ? undefined : pathExprOf(e, new Map());
  return path && { path, ...(prefix ? { prefix: true as const } : {}) };
}

/** A RegExp, written in place or in a `const` around the guard. */
function regexTested(expr: ts.Expression): PathTest[] | undefined {
  let e = skipParens(expr);
  if (isIdentifier(e)) {
    const init = scopedConstOf(e);
    e = init ? skipParens(init) : e;
  }
  const regex = regexOf(e);
  return regex && [regex];
}

/**
 * `req.path`, `c.req.path`, `ctx.path`, `request.url`: a path property read from a parameter, also
 * through a local (`const path = req.path`, `const { path } = req`).
 */
function isPathRead(expr: ts.Expression, reads: Reads): boolean {
  const e = skipParens(expr);
  if (isIdentifier(e) && reads.paths.includes(e.text)) return true;
  if (isIdentifier(e)) {
    const init = scopedConstOf(e);
    if (init) return !isIdentifier(skipParens(init)) && isPathRead(init, reads);
    const from = destructuredFrom(e);
    return from !== undefined && PATH_READ.test(from.property) && isParamRead(from.source, reads.params);
  }
  if (!isPropertyAccessExpression(e) || !PATH_READ.test(e.name.text)) return false;
  return isParamRead(e.expression, reads.params);
}

/** A parameter, or a property read from one (`c.req`). */
function isParamRead(expr: ts.Expression, params: readonly string[]): boolean {
  let root: ts.Expression = skipParens(expr);
  while (isPropertyAccessExpression(root)) root = skipParens(root.expression);
  return isIdentifier(root) && params.includes(root.text);
}

/** `const { path } = req` (or `{ originalUrl: url }`) in a block around `id`: the property it names and the value it comes from. */
function destructuredFrom(id: ts.Identifier): { property: string; source: ts.Expression } | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!isBlock(scope) && !isSourceFile(scope)) continue;
    for (const stmt of scope.statements) {
      if (!isVariableStatement(stmt)) continue;
      for (const d of stmt.declarationList.declarations) {
        if (!d.initializer || !isObjectBindingPattern(d.name)) continue;
        const element = d.name.elements.find((el) => isIdentifier(el.name) && el.name.text === id.text && !el.dotDotDotToken);
        const property = element && (element.propertyName ?? element.name);
        if (property && (isIdentifier(property) || isStringLiteralLike(property))) return { property: property.text, source: d.initializer };
      }
    }
  }
  return undefined;
}
