import { visitTree } from '../parse/visit-tree.js';
import { ts } from '../parse/typescript.js';
import type { NameValues } from '../env/production-condition.js';
import { classifyCondition } from './classify-condition.js';
import type { HandlerContext } from './handler-ref-of.js';
import { skipParens } from './path-expr.js';
import { literalTruthOf } from './literal-truth.js';
import { isNullishLiteral } from '../parse/nullish-literal.js';
import { returnedExpressionOf } from '../parse/returned-expression.js';
import { isModuleExports } from './function-id-of.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isAwaitExpression, isBinaryExpression, isBlock, isCallExpression, isElementAccessExpression, isExpressionStatement, isIdentifier, isIfStatement, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isStringLiteralLike, isVariableStatement } = ts;

/**
 * `if (req.method === 'GET') return next();` (also `||` of such tests, `['GET'].includes(c.req.method)`,
 * `{ next(); return; }`): the methods it lets through unchecked, without OPTIONS and HEAD; `flag`
 * when an environment flag lets every request through; `anonymous` when a request without a
 * credential goes on unchecked (`if (!token) return next()`). Undefined for anything else.
 */
export function bypassOf(stmt: ts.Statement, next: string, ctx: HandlerContext, returnPassesOn = false): string[] | 'flag' | 'anonymous' | { flagRef: string } | undefined {
  if (!isIfStatement(stmt) || stmt.elseStatement || !passesOnAndStops(stmt.thenStatement, next, returnPassesOn)) return undefined;
  const methods = methodsTested(stmt.expression);
  if (methods) return methods.filter((m) => m !== 'options' && m !== 'head');
  if (testsMissingCredential(stmt.expression)) return 'anonymous';
  // `if (process.env.SKIP_AUTH) return next()`: production may set the flag (NODE_ENV tests that
  // hold only outside production are fine).
  if (readsEnvFlag(stmt.expression, ctx.conditionNames)) return classifyCondition(stmt.expression, ctx.conditionNames) !== 'nonProd' ? 'flag' : undefined;
  const flagRef = importedFlagRef(stmt.expression, ctx);
  return flagRef === undefined ? undefined : { flagRef };
}

/**
 * The module-level names other files may test as an environment flag (`export const SKIP_AUTH =
 * process.env.SKIP_AUTH === 'true'`, `export function isDevAuth() { return process.env.DEV_AUTH ===
 * '1' }`, `export const config = { skipAuth: ... }`): those production may set.
 */
export function envFlagsOf(sf: ts.SourceFile, names: NameValues): string[] {
  const flags: string[] = [];
  const isFlag = (e: ts.Expression) => readsEnvFlag(e, names) && classifyCondition(e, names) !== 'nonProd';
  const visit = (name: string, value: ts.Expression, depth: number): void => {
    // `return { bypass: isAuthDisabled }` of a const the helper computed first: that const's value.
    const written = skipParens(value);
    const local = isIdentifier(written) ? constHolding(written) : undefined;
    const e = local && local.keys.length === 0 ? skipParens(local.value) : written;
    // A helper is a flag by what it returns (`isDevAuth = () => process.env.DEV_AUTH === 'true'`).
    const tested = ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? returnedExpressionOf(e) : e;
    if (tested !== undefined && ts.isObjectLiteralExpression(tested)) {
      if (depth < MAX_FLAG_DEPTH) for (const p of tested.properties) if (ts.isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteralLike(p.name))) visit(`${name}.${p.name.text}`, p.initializer, depth + 1);
    } else if (tested !== undefined && isFlag(tested)) flags.push(name);
  };
  for (const stmt of sf.statements) {
    if (ts.isFunctionDeclaration(stmt) && stmt.name) {
      // Also a flag in the object it returns (`function authStatus() { return { bypass: ... } }`).
      const returned = names.returnOf(stmt.name);
      if (returned !== undefined) visit(stmt.name.text, returned, 0);
    } else if (isVariableStatement(stmt)) {
      for (const decl of stmt.declarationList.declarations) if (isIdentifier(decl.name) && decl.initializer) visit(decl.name.text, decl.initializer, 0);
    } else if (isExpressionStatement(stmt) && isBinaryExpression(stmt.expression) && stmt.expression.operatorToken.kind === SyntaxKind.EqualsToken) {
      // CommonJS: `exports.isDevAuth = () => ...`, `module.exports = { skipAuth: ... }`.
      const { left, right } = stmt.expression;
      if (isModuleExports(left)) visit('default', right, 0);
      else if (isPropertyAccessExpression(left) && (isModuleExports(left.expression) || (isIdentifier(left.expression) && left.expression.text === 'exports'))) visit(left.name.text, right, 0);
    }
  }
  return flags;
}

/**
 * `isDevAuth()`, `SKIP_AUTH`, `config.auth.disabled` of an imported name: a value its module defines,
 * which says whether it is an environment flag (see `RouteFacts.envFlags`).
 */
function importedFlagRef(condition: ts.Expression, ctx: HandlerContext): string | undefined {
  const read = flagChainOf(condition);
  if (!read) return undefined;
  if (ctx.imports?.has(read.root.text)) return [read.root.text, ...read.names].join('.');
  // `const { bypass } = authStatus(); if (bypass) ...`: the local stands for what it was read from.
  const held = constHolding(read.root);
  const inner = held && flagChainOf(held.value);
  return inner && ctx.imports?.has(inner.root.text) ? [inner.root.text, ...inner.names, ...held.keys, ...read.names].join('.') : undefined;
}

/**
 * `a.b.c`, with a helper called anywhere on the way (`isDevAuth()`, `authStatus(request).bypass`)
 * standing for what it returns: its module's definition says whether that is an environment flag.
 */
function flagChainOf(expr: ts.Expression): { root: ts.Identifier; names: string[] } | undefined {
  let e = skipParens(expr);
  const names: string[] = [];
  while (names.length <= MAX_FLAG_DEPTH) {
    if (isCallExpression(e)) e = skipParens(e.expression);
    else if (isPropertyAccessExpression(e)) {
      names.unshift(e.name.text);
      e = skipParens(e.expression);
    } else break;
  }
  return isIdentifier(e) && names.length <= MAX_FLAG_DEPTH ? { root: e, names } : undefined;
}

/** The `const` of an enclosing block that declares `name` (`const s = f()`, `const { bypass } = f()`): its value, and the key read. */
function constHolding(name: ts.Identifier): { value: ts.Expression; keys: string[] } | undefined {
  for (let node: ts.Node = name; !ts.isFunctionLike(node) && !ts.isSourceFile(node); node = node.parent) {
    if (!isBlock(node.parent)) continue;
    for (const stmt of node.parent.statements) {
      if (stmt === node) break;
      const found = isVariableStatement(stmt) && stmt.declarationList.flags & ts.NodeFlags.Const ? declaredIn(stmt, name.text) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function declaredIn(stmt: ts.VariableStatement, name: string): { value: ts.Expression; keys: string[] } | undefined {
  for (const decl of stmt.declarationList.declarations) {
    if (!decl.initializer) continue;
    if (isIdentifier(decl.name) && decl.name.text === name) return { value: decl.initializer, keys: [] };
    if (!ts.isObjectBindingPattern(decl.name)) continue;
    for (const el of decl.name.elements) {
      const key = el.propertyName ?? el.name;
      if (isIdentifier(el.name) && el.name.text === name && !el.dotDotDotToken && (isIdentifier(key) || isStringLiteralLike(key))) return { value: decl.initializer, keys: [key.text] };
    }
  }
  return undefined;
}

/**
 * `if (process.env.DISABLE_AUTH === 'true') return true;` at the top of a Nest `canActivate`: a flag
 * production may set lets every request through, as `return next()` does in middleware.
 */
export function activatesOnFlag(stmt: ts.Statement, ctx: HandlerContext): boolean {
  return activatesFirst(stmt) && readsEnvFlag((stmt as ts.IfStatement).expression, ctx.conditionNames) && classifyCondition((stmt as ts.IfStatement).expression, ctx.conditionNames) !== 'nonProd';
}

/**
 * `if (req.method === 'GET') return true;` before a Nest guard's check: it checks the other
 * methods only (the methods it lets through, as `bypassOf` gives them for middleware).
 */
export function activatesForMethods(stmt: ts.Statement): string[] | undefined {
  const methods = activatesFirst(stmt) ? methodsTested((stmt as ts.IfStatement).expression) : undefined;
  return methods?.filter((m) => m !== 'options' && m !== 'head');
}

/** `if (...) return true;` with no `else`: a Nest guard letting the request through. */
function activatesFirst(stmt: ts.Statement): boolean {
  if (!isIfStatement(stmt) || stmt.elseStatement) return false;
  const then = isBlock(stmt.thenStatement) && stmt.thenStatement.statements.length === 1 ? stmt.thenStatement.statements[0] : stmt.thenStatement;
  const answer = then && isReturnStatement(then) && then.expression ? skipParens(then.expression) : undefined;
  return answer?.kind === SyntaxKind.TrueKeyword;
}

/**
 * A condition that reads an environment variable as a flag: on its own (`process.env.SKIP_AUTH`) or
 * compared with a literal (`=== 'true'`), also through a const or a helper of the file that holds
 * such a test (`const SKIP_AUTH = process.env.SKIP_AUTH === 'true'`). One compared with a value of
 * the request (`key === process.env.ADMIN_KEY`) or handed to a comparison function with it
 * (`safeEqual(key, process.env.ADMIN_KEY)`) is a check of a shared secret, not a flag.
 */
function readsEnvFlag(expr: ts.Expression, names: NameValues, depth = 0): boolean {
  let flag = false;
  visitTree(expr, (node) => {
    if (!flag && (isEnvRead(node) || isSettingRead(node) || (depth < MAX_FLAG_DEPTH && holdsEnvFlag(node, names, depth)))) flag = !isComparedWithValue(node);
    return !flag;
  });
  return flag;
}

const MAX_FLAG_DEPTH = 3;

/** A const of the file holding an environment flag, or a helper of the file returning one (`isDevAuth()`). */
function holdsEnvFlag(node: ts.Node, names: NameValues, depth: number): boolean {
  if (isIdentifier(node) && !(node.parent && isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
    const value = names.valueOf(node);
    return value !== undefined && value.isConst && value.path.length === 0 && readsEnvFlag(value.expr, names, depth + 1);
  }
  if (!isCallExpression(node) || node.arguments.length > 0 || !isIdentifier(node.expression)) return false;
  const returned = names.returnOf(node.expression);
  return returned !== undefined && readsEnvFlag(returned, names, depth + 1);
}

/**
 * `process.env`, and a platform's environment bindings read off a handler's context
 * (`c.env.DISABLE_AUTH` in a Cloudflare Worker).
 */
function isEnvRead(node: ts.Node): boolean {
  if (!isPropertyAccessExpression(node) || node.name.text !== 'env' || !isIdentifier(node.expression)) return false;
  return node.expression.text === 'process' || (isPropertyAccessExpression(node.parent) && node.parent.expression === node);
}

/** `this.config.get('AUTH_DISABLED')`, `configService.get('SKIP_AUTH')`: a setting of the deployment, read by its constant-case name. */
function isSettingRead(node: ts.Node): boolean {
  if (!isCallExpression(node) || !isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'get') return false;
  const [key] = node.arguments;
  const owner = skipParens(node.expression.expression);
  const ownerName = isIdentifier(owner) ? owner.text : isPropertyAccessExpression(owner) ? owner.name.text : '';
  return key !== undefined && isStringLiteralLike(key) && /^[A-Z][A-Z0-9_]*$/.test(key.text) && /config/i.test(ownerName);
}

/**
 * Whether the env read `env` is compared with a non-literal: by an equality, or as an argument of a
 * call given another non-literal (`timingSafeEqual(a, b)`). Reads, method calls and one-argument
 * calls on the way (`process.env.KEY.trim()`, `Buffer.from(process.env.KEY)`) carry the value on.
 */
function isComparedWithValue(env: ts.Node): boolean {
  let read: ts.Node = env;
  for (let parent = read.parent; parent; read = parent, parent = read.parent) {
    if (isPropertyAccessExpression(parent) || isElementAccessExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) continue;
    if (isCallExpression(parent) && (parent.expression === read || parent.arguments.length === 1)) continue;
    // `process.env.ADMIN_KEY ?? ''`: the value with a fallback.
    if (isBinaryExpression(parent) && parent.left === read && (parent.operatorToken.kind === SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === SyntaxKind.BarBarToken)) continue;
    // `\`Bearer ${process.env.ADMIN_TOKEN}\``, `'Bearer ' + process.env.ADMIN_TOKEN`: the secret inside a larger value.
    if (ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent) || (isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.PlusToken)) continue;
    if (isCallExpression(parent)) return parent.arguments.some((arg) => arg !== read && !isLiteralOperand(skipParens(arg)));
    if (!isBinaryExpression(parent) || !EQUALITY.has(parent.operatorToken.kind)) return false;
    return !isLiteralOperand(skipParens(parent.left === read ? parent.right : parent.left));
  }
  return false;
}

function isLiteralOperand(e: ts.Expression): boolean {
  return isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === SyntaxKind.TrueKeyword || e.kind === SyntaxKind.FalseKeyword || isNullishLiteral(e);
}

const EQUALITY: ReadonlySet<ts.SyntaxKind> = new Set([SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.ExclamationEqualsToken]);

function readsEnv(expr: ts.Expression): boolean {
  let found = false;
  visitTree(expr, (node) => {
    if (!found && isEnvRead(node)) found = true;
    return !found;
  });
  return found;
}

/**
 * `if (role = 'admin') return next();`: the assignment of a truthy literal (a typo for `===`) is
 * always true, so only the then-branch ever runs. An assignment of a value read from the request
 * (`if ((user = req.user))`) is a real test and stays one.
 */
export function alwaysTakenBranch(stmt: ts.Statement): ts.Statement | undefined {
  if (!isIfStatement(stmt)) return undefined;
  const e = skipParens(stmt.expression);
  return isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.EqualsToken && literalTruthOf(e.right) === true ? stmt.thenStatement : undefined;
}

/** `returnPassesOn`: an async Fastify hook goes on to the handler when it returns nothing. */
export function passesOnAndStops(stmt: ts.Statement, next: string, returnPassesOn: boolean): boolean {
  const isNext = (e: ts.Expression | undefined): boolean => (e === undefined ? returnPassesOn : isNextCall(e, next));
  if (isReturnStatement(stmt)) return isNext(stmt.expression);
  if (!isBlock(stmt)) return false;
  // `{ log.debug('auth disabled'); return next(); }`: a line logged on the way changes nothing.
  const statements = stmt.statements.filter((s) => !isLogLine(s));
  const [first, second] = statements;
  if (statements.length === 1 && first && isReturnStatement(first)) return isNext(first.expression);
  return statements.length === 2 && first !== undefined && isPassingOn(first, next) && second !== undefined && isReturnStatement(second) && !second.expression;
}

/** Methods of a logger: a call of one writes a line and decides nothing. */
export const LOG_METHOD = /^(log|trace|debug|info|warn|error|fatal)$/;

/** `fastify.log.debug(...)`, `console.info(...)`: a statement that only writes a log line. */
function isLogLine(stmt: ts.Statement): boolean {
  if (!isExpressionStatement(stmt)) return false;
  const e = skipParens(stmt.expression);
  return isCallExpression(e) && isPropertyAccessExpression(e.expression) && LOG_METHOD.test(e.expression.name.text);
}

/** The methods a condition tests the request method for, or undefined when it tests anything else. */
function methodsTested(expr: ts.Expression): string[] | undefined {
  const e = skipParens(expr);
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === SyntaxKind.BarBarToken) {
      const left = methodsTested(e.left);
      const right = left && methodsTested(e.right);
      return left && right ? [...left, ...right] : undefined;
    }
    // `req.method !== 'POST'` (and `&&` of such): every other method.
    const excluded = methodsExcluded(e);
    if (excluded) return ROUTE_METHODS.filter((m) => !excluded.includes(m));
    if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken) return undefined;
    const [value, other] = isStringLiteralLike(e.left) ? [e.left, e.right] : [e.right, e.left];
    return isStringLiteralLike(value) && isMethodRead(other) ? [value.text.toLowerCase()] : undefined;
  }
  // `['GET', 'HEAD'].includes(req.method)`
  if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'includes' && e.arguments[0] && isMethodRead(e.arguments[0])) {
    const list = skipParens(e.expression.expression);
    if (!isArrayLiteralExpression(list) || !list.elements.every(isStringLiteralLike)) return undefined;
    return list.elements.map((el) => (el as ts.StringLiteralLike).text.toLowerCase());
  }
  return undefined;
}

const ROUTE_METHODS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete'];

/** `req.method !== 'POST'`, `m !== 'POST' && m !== 'PUT'`: the methods such a test is false for. */
function methodsExcluded(e: ts.BinaryExpression): string[] | undefined {
  const op = e.operatorToken.kind;
  if (op === SyntaxKind.AmpersandAmpersandToken) {
    const [left, right] = [skipParens(e.left), skipParens(e.right)];
    const a = isBinaryExpression(left) ? methodsExcluded(left) : undefined;
    const b = a && isBinaryExpression(right) ? methodsExcluded(right) : undefined;
    return a && b ? [...a, ...b] : undefined;
  }
  if (op !== SyntaxKind.ExclamationEqualsEqualsToken && op !== SyntaxKind.ExclamationEqualsToken) return undefined;
  const [value, other] = isStringLiteralLike(e.left) ? [e.left, e.right] : [e.right, e.left];
  return isStringLiteralLike(value) && isMethodRead(other) ? [value.text.toLowerCase()] : undefined;
}

/** `req.method`, `c.req.method`, `ctx.method`, `request.method`. */
function isMethodRead(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  return isPropertyAccessExpression(e) && e.name.text === 'method';
}

/** `next()` or `await next()` as a statement of its own: the request goes on unconditionally. */
export function isPassingOn(stmt: ts.Statement, next: string): boolean {
  return isExpressionStatement(stmt) && isNextCall(stmt.expression, next);
}

/** `next()` or `await next()`: the request passed on, without an error. */
export function isNextCall(expr: ts.Expression | undefined, next: string): boolean {
  let e = expr && skipParens(expr);
  if (e && isAwaitExpression(e)) e = skipParens(e.expression);
  return e !== undefined && isCallExpression(e) && isIdentifier(e.expression) && e.expression.text === next && e.arguments.length === 0;
}

/**
 * Names of values that carry (or come from) a credential: `token`, `req.headers.authorization`,
 * `req.session.user`, `c.req.header('Authorization')`, `req.isAuthenticated()`. A bare `auth` is
 * left out: `if (!requiresAuth) return next()` tests the route, not the request's credential.
 */
const CREDENTIAL = /token|authori[sz]ation|authenticated|bearer|jwt|session|cookie|credential|api_?key|header|logged_?in|^user(_?id|name)?$|^uid$|^sid$|^account(_?id)?$|^auth$/i;

/**
 * `!token`, `token == null`, `token === undefined`, `!header?.startsWith('Bearer ')`, and `||` of
 * such tests: true when the request has no credential.
 */
/**
 * `return !apiKey || apiKey === expected` in a Nest `canActivate`: true, so the request passes,
 * whenever it carries no credential.
 */
export function answersAnonymous(stmt: ts.Statement): boolean {
  const answer = isReturnStatement(stmt) && stmt.expression ? skipParens(stmt.expression) : undefined;
  return answer !== undefined && isBinaryExpression(answer) && answer.operatorToken.kind === SyntaxKind.BarBarToken && disjunctsOf(answer).some(testsMissingCredential);
}

function disjunctsOf(expr: ts.Expression): ts.Expression[] {
  const e = skipParens(expr);
  return isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.BarBarToken ? [...disjunctsOf(e.left), ...disjunctsOf(e.right)] : [e];
}

function testsMissingCredential(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) return namesCredential(e.operand);
  if (!isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  // `!token || !user`, and `!req.headers.cookie && !req.headers.authorization` (no credential of either kind).
  if (op === SyntaxKind.BarBarToken || op === SyntaxKind.AmpersandAmpersandToken) return testsMissingCredential(e.left) && testsMissingCredential(e.right);
  if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken) return false;
  const [value, other] = isNothing(e.left) ? [e.left, e.right] : [e.right, e.left];
  return isNothing(value) && namesCredential(other);
}

function isNothing(expr: ts.Expression): boolean {
  return isNullishLiteral(skipParens(expr));
}

/** Whether the last name read in `expr` (a variable, a property, a called method) names a credential. */
function namesCredential(expr: ts.Expression): boolean {
  let e = skipParens(expr);
  // `header.startsWith('Bearer ')`, `c.req.header('authorization')`: the value the call is made on, or the getter's argument.
  if (isCallExpression(e)) {
    const arg = e.arguments[0];
    if (arg && isStringLiteralLike(arg) && CREDENTIAL.test(arg.text)) return true;
    e = skipParens(e.expression);
    if (isPropertyAccessExpression(e) && !CREDENTIAL.test(e.name.text)) e = skipParens(e.expression);
  }
  if (isIdentifier(e)) return CREDENTIAL.test(e.text);
  if (isPropertyAccessExpression(e)) return CREDENTIAL.test(e.name.text);
  if (isElementAccessExpression(e)) return isStringLiteralLike(e.argumentExpression) && CREDENTIAL.test(e.argumentExpression.text);
  return false;
}

/** String methods that test a value (true or false for any request) rather than read one. */
const STRING_TEST = /^(?:startsWith|endsWith|includes|match|test|localeCompare)$/;

/** Values whose presence means a failure (`req.authError`, `ctx.state.tokenExpired`): testing them is a real check. */
const FAILURE_WORD = /err|fail|invalid|expired|denied|revoked|missing|reject|block|ban/i;

/**
 * `if (req.user) return res.sendStatus(403)`, `if (req.user && req.user.role !== 'admin') ...`, `if
 * (token && !verify(token)) ...`: an `if` without `else` whose condition needs a value the request
 * may simply not carry. Its rejection never meets an anonymous request, which goes on unchecked:
 * an inverted check, or authorisation without authentication.
 */
export function rejectsOnlyWithCredential(stmt: ts.Statement, params: readonly string[]): boolean {
  return isIfStatement(stmt) && !stmt.elseStatement && needsPresentValue(stmt.expression, params, stmt);
}

function needsPresentValue(expr: ts.Expression, params: readonly string[], stmt: ts.Statement): boolean {
  const e = skipParens(expr);
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // Every conjunct must hold: one that needs a present value is enough.
    if (op === SyntaxKind.AmpersandAmpersandToken) return needsPresentValue(e.left, params, stmt) || needsPresentValue(e.right, params, stmt);
    if (op !== SyntaxKind.ExclamationEqualsEqualsToken && op !== SyntaxKind.ExclamationEqualsToken) return false;
    const [value, other] = isNothing(e.left) ? [e.left, e.right] : [e.right, e.left];
    return isNothing(value) && isPresenceOperand(other, params, stmt);
  }
  return isPresenceOperand(e, params, stmt);
}

/**
 * A credential-named variable (`token`), a property read from a parameter (`req.user`,
 * `req.session.isAdmin`), or a const holding such a read (`const t = req.headers['x-admin-token']`).
 */
function isPresenceOperand(expr: ts.Expression, params: readonly string[], stmt?: ts.Statement): boolean {
  const e = skipParens(expr);
  if (isIdentifier(e)) {
    if (CREDENTIAL.test(e.text)) return !FAILURE_WORD.test(e.text);
    const init = stmt && constBefore(stmt, e.text);
    return init !== undefined && isPresenceOperand(init, params);
  }
  // `c.req.header('x-admin-key')`, `req.get('x-api-key')`: a getter of the request's values. Not
  // a test of one (`c.req.path.startsWith('/admin')`), which every request answers.
  if (isCallExpression(e)) return isPropertyAccessExpression(e.expression) && !STRING_TEST.test(e.expression.name.text) && isPresenceOperand(e.expression, params);
  if (!isPropertyAccessExpression(e) && !isElementAccessExpression(e)) return false;
  let root: ts.Expression = e;
  while (isPropertyAccessExpression(root) || isElementAccessExpression(root)) {
    const name = isPropertyAccessExpression(root) ? root.name.text : isStringLiteralLike(root.argumentExpression) ? root.argumentExpression.text : '';
    if (FAILURE_WORD.test(name)) return false;
    root = skipParens(root.expression);
  }
  return isIdentifier(root) && params.includes(root.text);
}

/**
 * `if (req.query.admin !== 'true') return res.sendStatus(403)`, `if (c.req.query('role') !==
 * 'admin') ...`: a rejection decided only by request inputs every caller sets as it likes (query,
 * body, route params) compared with values written in the code. No secret is checked: it
 * authenticates nobody. Headers are left out: an authenticating proxy in front of the app may set
 * them (`x-forwarded-user`, IAP's `x-goog-authenticated-user-email`).
 */
export function rejectsOnForgeableInput(stmt: ts.Statement, params: readonly string[]): boolean {
  return isIfStatement(stmt) && isForgeableTest(stmt.expression, params);
}

const FORGEABLE_PARTS: ReadonlySet<string> = new Set(['query', 'body', 'params', 'param']);
/** A name that may hold a secret the code compares with: then the input is a credential after all. */
const SECRET_INPUT = /key|secret|pass|pwd|sig|otp|code|pin|nonce/i;

function isForgeableTest(expr: ts.Expression, params: readonly string[]): boolean {
  const e = skipParens(expr);
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) return isForgeableTest(e.operand, params);
  if (!isBinaryExpression(e)) return isForgeableRead(e, params);
  const op = e.operatorToken.kind;
  if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken) return isForgeableTest(e.left, params) && isForgeableTest(e.right, params);
  if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.ExclamationEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken && op !== SyntaxKind.ExclamationEqualsToken) return false;
  const [literal, other] = isWrittenValue(e.left) ? [e.left, e.right] : [e.right, e.left];
  return isWrittenValue(literal) && isForgeableRead(other, params);
}

function isWrittenValue(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  return isStringLiteralLike(e) || e.kind === SyntaxKind.NumericLiteral || e.kind === SyntaxKind.TrueKeyword || e.kind === SyntaxKind.FalseKeyword;
}

/** `req.query.admin`, `req.body.role`, `c.req.query('admin')`, `req.param('role')`: an input named for no credential. */
function isForgeableRead(expr: ts.Expression, params: readonly string[]): boolean {
  let e = skipParens(expr);
  let name: string | undefined;
  if (isCallExpression(e) && e.arguments.length === 1 && isStringLiteralLike(e.arguments[0] as ts.Expression)) {
    name = (e.arguments[0] as ts.StringLiteralLike).text;
    e = skipParens(e.expression);
  }
  let viaInput = false;
  while (isPropertyAccessExpression(e) || isElementAccessExpression(e)) {
    const part = isPropertyAccessExpression(e) ? e.name.text : isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
    if (part === undefined) return false;
    name ??= part;
    if (FORGEABLE_PARTS.has(part)) viaInput = true;
    e = skipParens(e.expression);
  }
  return viaInput && name !== undefined && !FORGEABLE_PARTS.has(name) && !CREDENTIAL.test(name) && !SECRET_INPUT.test(name) && isIdentifier(e) && params.includes(e.text);
}

/** The initializer of `const <name> = ...` among the statements before `stmt` in its block. */
function constBefore(stmt: ts.Statement, name: string): ts.Expression | undefined {
  const block = stmt.parent;
  if (!isBlock(block)) return undefined;
  for (const s of block.statements) {
    if (s === stmt) return undefined;
    if (!isVariableStatement(s) || (s.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const d of s.declarationList.declarations) if (isIdentifier(d.name) && d.name.text === name) return d.initializer;
  }
  return undefined;
}

/**
 * `if (req.session.isAdmin) next();` as the last statement, and no other `next()`: the request goes
 * on only when the check holds, and otherwise never reaches the handler (Express leaves it
 * hanging, Koa answers 404, Hono 500). Only a check about who is asking counts (not a method or
 * content-type test), and not an environment flag or a missing credential (`if (!token) next()`
 * lets exactly the anonymous requests through).
 */
export function passesOnlyWhenChecked(statements: readonly ts.Statement[], next: string): boolean {
  const last = statements[statements.length - 1];
  if (!last || !isIfStatement(last) || last.elseStatement || !callsNext(last.thenStatement, next)) return false;
  if (statements.slice(0, -1).some((s) => callsNext(s, next))) return false;
  const condition = last.expression;
  return mentionsAccess(condition) && !readsEnv(condition) && !testsMissingCredential(condition);
}

/** Words of a check about who is asking (`session.role === 'admin'`, `isStaff(req)`), not about the request's shape. */
const ACCESS_WORD = /token|authori[sz]|auth|session|user|role|admin|staff|permission|scope|secret|password|login|jwt|bearer|cookie|credential|claim|api_?key/i;

/** Whether a condition names an identity or credential anywhere (a name, a property, a string it compares with). */
function mentionsAccess(condition: ts.Expression): boolean {
  let found = false;
  visitTree(condition, (node) => {
    if (!found && (isIdentifier(node) || isStringLiteralLike(node)) && ACCESS_WORD.test(node.text)) found = true;
    return !found;
  });
  return found;
}

/** Whether `next` is called anywhere under `root`. */
export function callsNext(root: ts.Node, next: string): boolean {
  let found = false;
  visitTree(root, (node) => {
    if (!found && isCallExpression(node) && isIdentifier(node.expression) && node.expression.text === next) found = true;
    return !found;
  });
  return found;
}
