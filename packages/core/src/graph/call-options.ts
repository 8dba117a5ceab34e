import { ts } from '../parse/typescript.js';
import { someNode } from '../parse/visit-tree.js';
import { isFunctionExpression, rootNameOf } from './judge-function.js';
import { moduleConstOf } from './module-const-of.js';
import { skipParens } from './path-expr.js';
import { propertyOf } from './object-property.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isBlock, isIdentifier, isMethodDeclaration, isObjectLiteralExpression, isPropertyAssignment, isReturnStatement, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike } = ts;

/**
 * Options of library guards that let a request without a valid credential through:
 * express-jwt `credentialsRequired: false`, koa-jwt `passthrough: true`, express-openid-connect
 * `auth({ authRequired: false })` (it only attaches the session; `requiresAuth()` guards).
 */
const OPEN_FLAGS: Readonly<Record<string, ts.SyntaxKind>> = { credentialsRequired: SyntaxKind.FalseKeyword, passthrough: SyntaxKind.TrueKeyword, authRequired: SyntaxKind.FalseKeyword };
/** Verifier callbacks (hono bearerAuth/basicAuth, express-basic-auth, @fastify/basic-auth-like): accepting everything accepts anyone. */
const VERIFIERS = new Set(['verifyToken', 'verifyUser', 'authorizer']);

/**
 * Whether a guard factory's options object makes it accept anonymous requests
 * (`expressjwt({ credentialsRequired: false })`, `bearerAuth({ verifyToken: () => true })`).
 */
export function failsOpen(call: ts.CallExpression): boolean {
  return call.arguments.some((arg) => {
    const e = optionsObjectOf(arg);
    return (e !== undefined && e.properties.some(isOpeningOption)) || namesAnonymousStrategy(arg);
  });
}

/**
 * Passport strategies that pass requests without a login on: passport-anonymous
 * (`passport.authenticate(['jwt', 'anonymous'])`, optional authentication) and the built-in
 * `session` strategy, which restores a login when there is one and lets the request go on either way.
 */
const PASSING_STRATEGIES = new Set(['anonymous', 'session']);

function namesAnonymousStrategy(arg: ts.Expression): boolean {
  const e = skipParens(arg);
  const names = isArrayLiteralExpression(e) ? e.elements : [e];
  return names.some((n) => isStringLiteralLike(n) && PASSING_STRATEGIES.has(n.text));
}

/**
 * An options object written in place, or in a module-level `const` of the same file: the Auth0
 * quickstart's `const config = { authRequired: false, ... }; app.use(auth(config))`.
 */
function optionsObjectOf(arg: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const e = skipParens(arg);
  const value = isIdentifier(e) ? moduleConstOf(e) : e;
  return value && isObjectLiteralExpression(value) ? value : undefined;
}

/**
 * `passport.authenticate('jwt', opts, (err, user) => ...)`: a callback that receives the outcome
 * (an error first) decides what happens to the request instead of the library.
 */
export function verdictCallbackOf(call: ts.CallExpression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (const arg of call.arguments) {
    const e = skipParens(arg);
    if (!isFunctionExpression(e)) continue;
    const first = e.parameters[0];
    if (first && isIdentifier(first.name) && /^(err|error|e)$/.test(first.name.text) && e.parameters.length >= 2) return e;
  }
  return undefined;
}

/** `fastify.auth([a, b], { relation: 'and' })`: every strategy must pass, so one guard is enough. */
export function isAndRelation(call: ts.CallExpression): boolean {
  return call.arguments.some((arg) => {
    const e = skipParens(arg);
    if (!isObjectLiteralExpression(e)) return false;
    const relation = propertyOf(e, 'relation');
    return relation !== undefined && isStringLiteralLike(relation) && relation.text === 'and';
  });
}

function isOpeningOption(p: ts.ObjectLiteralElementLike): boolean {
  const name = p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
  if (name === undefined) return false;
  if (isPropertyAssignment(p)) {
    const value = skipParens(p.initializer);
    const flag = OPEN_FLAGS[name];
    if (flag !== undefined) return value.kind === flag;
    if (name === 'verifier') return acceptsEveryToken(value);
    return VERIFIERS.has(name) && isFunctionExpression(value) && alwaysReturnsTrue(value);
  }
  if (isShorthandPropertyAssignment(p) && name === 'verifier') return acceptsEveryToken(p.name);
  return isMethodDeclaration(p) && VERIFIERS.has(name) && alwaysReturnsTrue(p);
}

/**
 * The MCP SDK's `requireBearerAuth({ verifier })` with a verifier whose `verifyAccessToken` answers
 * every token with auth info: it neither throws nor asks anything (`return { token, clientId,
 * scopes: [] }`), so any `Bearer x` passes. The verifier in place or in a module-level const.
 */
function acceptsEveryToken(verifier: ts.Expression): boolean {
  const object = verifierObjectOf(verifier);
  const method = object?.properties.find((m) => m.name !== undefined && isIdentifier(m.name) && m.name.text === 'verifyAccessToken');
  const fn = method && isPropertyAssignment(method) ? skipParens(method.initializer) : method;
  if (!fn || !(isMethodDeclaration(fn) || isFunctionExpression(fn)) || !fn.body) return false;
  const asks = (n: ts.Node) =>
    ((ts.isCallExpression(n) || ts.isNewExpression(n)) && !PURE_GLOBALS.has(rootNameOf(n.expression) ?? '')) || ts.isThrowStatement(n) || ts.isAwaitExpression(n) || ts.isIfStatement(n) || ts.isConditionalExpression(n);
  return !someNode(fn.body, asks);
}

/**
 * The object holding a verifier's `verifyAccessToken`: written in place or in a module-level
 * const, or the options of the provider it is made by (`new ProxyOAuthServerProvider({
 * verifyAccessToken, ... })`: the SDK's proxy provider verifies with the function it is given).
 */
function verifierObjectOf(verifier: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const e = skipParens(verifier);
  const value = isIdentifier(e) ? moduleConstOf(e) : e;
  const options = value && ts.isNewExpression(value) ? value.arguments?.[0] : undefined;
  return optionsObjectOf(options ?? verifier);
}

/** Globals whose calls check nothing and cannot refuse a token (`Math.floor(Date.now() / 1000)`). */
const PURE_GLOBALS: ReadonlySet<string> = new Set(['Math', 'Date', 'String', 'Number', 'Boolean']);

/** `() => true`, or a body that ends in `return true` and never answers anything else. */
function alwaysReturnsTrue(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (!body) return false;
  if (!isBlock(body)) return skipParens(body).kind === SyntaxKind.TrueKeyword;
  const last = body.statements[body.statements.length - 1];
  // Falling off the end answers undefined, which refuses: the body must end in a return.
  if (!last || !isReturnStatement(last)) return false;
  let onlyTrue = true;
  const visit = (n: ts.Node): void => {
    if (!onlyTrue || isFunctionExpression(n)) return;
    if (isReturnStatement(n) && n.expression?.kind !== SyntaxKind.TrueKeyword) onlyTrue = false;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return onlyTrue;
}

