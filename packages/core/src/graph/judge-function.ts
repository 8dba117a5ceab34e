import { locationOf } from '../findings/location.js';
import { someNode, visitTree } from '../parse/visit-tree.js';
import { ts } from '../parse/typescript.js';
import { checksNothing, type FunctionFact } from './function-fact.js';
import { functionIdOf } from './function-id-of.js';
import { moduleConstOf, scopedConstOf } from './module-const-of.js';
import { activatesForMethods, activatesOnFlag, alwaysTakenBranch, answersAnonymous, bypassOf, isNextCall, LOG_METHOD, isPassingOn, passesOnAndStops, passesOnlyWhenChecked, rejectsOnForgeableInput, rejectsOnlyWithCredential } from './guard-bypass.js';
import { checkGateOf, passGateOf, testGateOf, type ParamGate } from './param-gates.js';
import { checkOutsidePathsOf, conditionalBypassOf, pathBypassOf, type FactoryParamOf, type PathTest } from './path-bypass.js';
import { handlerRefOf, handlerRefsOf, type HandlerContext } from './handler-ref-of.js';
import { referenceName, skipParens } from './path-expr.js';
import type { HandlerRef } from './route-facts.js';
import { isUnverifiedDecoderRef, onlyDecodesToken, withLocalRequires } from './unverified-decode.js';
import { lastNameOf } from '../parse/last-name.js';
import { endpointArityOf } from './endpoint-arity.js';
import { thisMemberName } from './this-member.js';
import { answeringCallOf, answersOnlyTrue, isTrueAnswer } from './true-answer.js';

// TypeScript's bundle exposes its API through getters: read the hot ones once.
const { SyntaxKind, isArrayLiteralExpression, isAwaitExpression, isExpressionStatement, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isCaseClause, isClassLike, isConditionalExpression, isElementAccessExpression, isFunctionDeclaration, isFunctionExpression: isPlainFunctionExpression, isIdentifier, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isReturnStatement, isShorthandPropertyAssignment, isStringLiteral, isIfStatement, isThrowStatement, isTryStatement, isVariableDeclaration, isVariableStatement } = ts;

export type FunctionNode = ts.FunctionLikeDeclaration;

export interface JudgeOptions {
  /** Nest `canActivate`: `return false` rejects the request with 403. */
  falseRejects?: boolean;
}

const REJECT_STATUS = new Set(['401', '403']);
/** Names of the statuses as members (`HttpStatus.UNAUTHORIZED`): a set, not an anchored regex, as it is asked of every property read. */
const REJECT_STATUS_NAMES: ReadonlySet<string> = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'Unauthorized', 'Forbidden']);
/** Project constants for the statuses (`res.status(HTTP_UNAUTHORIZED)`). */
const REJECT_STATUS_CONSTANT = /^(HTTP_|STATUS_)?(UNAUTHORI[SZ]ED|FORBIDDEN)(_40[13])?$/;
/**
 * Error classes and helpers that mean 401/403: Nest exceptions, http-errors, Boom, @fastify/sensible,
 * Feathers (`NotAuthenticated`), routing-controllers, Ghost's @tryghost/errors (`NoPermissionError`)
 * and the project classes named like them (`AccessDeniedError`, `AuthenticationError`).
 */
const REJECT_CALLEE =
  /^(?:Unauthori[sz]ed|Forbidden|NotAuthenticated|NotAuthori[sz]ed|Unauthenticated)(?:Exception|Error|HttpError)?$|^(?:NoPermission|PermissionDenied|AccessDenied|Authentication|Authori[sz]ation)(?:Exception|Error)$|^(?:unauthori[sz]ed|forbidden)$/;
/** The callees of REJECT_CALLEE that mean 401 (no or bad credential) rather than 403. */
const UNAUTHENTICATED_CALLEE = /unauthori|authenticat/i;

/**
 * Judges one function's body: does it reject with 401/403, and which functions does it hand the
 * request to? A function returned at the top of the body (a factory's product) is judged on its
 * own and kept in `returnsFn`, because `createAuth` and `createAuth(opts)` are different things.
 */
export function judgeFunction(fn: FunctionNode, ctx: HandlerContext, options: JudgeOptions = {}): FunctionFact {
  const nextUse = nextUseOf(fn);
  // `(err, req, res, next) => res.status(401)...`: Express runs it only for a request that failed
  // already; an ordinary request skips it, so it turns nobody away and hands nothing on.
  if (isErrorHandler(fn)) return checksNothing(locationOf(fn, ctx.sf), nextUse.passesOn);
  const params = paramNamesOf(fn);
  const locals = localMiddlewareOf(fn, ctx);
  const inner: HandlerContext = locals === undefined ? ctx : { ...ctx, localHandlerOf: (name) => locals.get(name) ?? ctx.localHandlerOf?.(name) };
  const fact: FunctionFact = {
    rejects: false,
    rejectsFirst: false,
    delegates: [],
    delegatesFirst: [],
    passesOn: nextUse.passesOn,
    location: locationOf(fn, ctx.sf),
  };
  if (nextUse.handedTo) fact.passesNextTo = nextUse.handedTo;
  // Class methods are not handed to `use()` bare (`this` would be lost): services have thousands.
  const arity = fact.passesOn || (isMethodDeclaration(fn) && isClassLike(fn.parent)) ? undefined : endpointArityOf(fn);
  if (arity !== undefined) fact.endpointArity = arity;
  const body = fn.body;
  if (!body) return fact;
  if (!isBlock(body)) {
    const returned = skipParens(body);
    if (isFunctionExpression(returned)) {
      fact.returnsFn = judgeFunction(returned, withFactoryParams(fn, ctx), options);
      return fact;
    }
    const next = lastParamName(fn);
    const bypass = next === undefined ? undefined : conditionalBypassOf(body, next, params, factoryParamOf(ctx));
    if (bypass) addPathExceptions(fact, bypass.paths);
    const scan = scanNode(bypass?.rest ?? body, fn, params, inner, options);
    fact.rejects = fact.rejectsFirst = scan.rejects || scan.throws;
    fact.delegates = fact.delegatesFirst = scan.delegates;
    if (scan.verifies.length > 0) fact.verifies = scan.verifies;
    const product = returnedRefOf(returned, fn, ctx);
    if (product) fact.returnsRef = product;
    const members = isObjectLiteralExpression(returned) ? returnedMembersOf(returned, fn, ctx, options) : undefined;
    if (members) fact.returnsMembers = members;
    return withoutUnverifiedCheck(fact, fn, params, ctx);
  }
  // `finally { next(); }`: the request goes on after every answer, a 401 included; `catch { next(); }`
  // around the check: it goes on whenever the check throws (timingSafeEqual on keys of another length).
  if (fact.passesOn && (passesOnFinally(body, lastParamName(fn)) || failsOpen(body, params, lastParamName(fn)) || mapsDownstreamErrors(body, lastParamName(fn)))) return fact;
  let leading = true;
  // Once `next()` has run, the handler has too: a check after it rejects nothing in time.
  let passedOn = false;
  const next = lastParamName(fn);
  const statements = body.statements;
  // Asked for every statement before the check: made once.
  const paramOf = factoryParamOf(ctx);
  const asyncHook = isAsyncFastifyHook(fn);
  // The factory parameter gating each checking statement (`if (role && ...)`), if any.
  const checkGates: Array<ParamGate | undefined> = [];
  statements.forEach((written, index) => {
    let stmt = written;
    const returned = returnedFunction(stmt, statements);
    if (returned) {
      fact.returnsFn = judgeFunction(returned, withFactoryParams(fn, ctx), options);
      return;
    }
    const product = isReturnStatement(stmt) && stmt.expression && !fact.returnsRef ? returnedRefOf(skipParens(stmt.expression), fn, ctx) : undefined;
    if (product) fact.returnsRef = product;
    const gated = !fact.returnsRef && !fact.gatedReturn ? gatedReturnOf(stmt, fn, ctx) : undefined;
    if (gated) fact.gatedReturn = gated;
    const members = isReturnStatement(stmt) && stmt.expression && !fact.returnsMembers && isObjectLiteralExpression(skipParens(stmt.expression)) ? returnedMembersOf(skipParens(stmt.expression) as ts.ObjectLiteralExpression, fn, ctx, options) : undefined;
    if (members) fact.returnsMembers = members;
    if (passedOn) return;
    stmt = alwaysTakenBranch(stmt) ?? stmt;
    const taken = neverTakenBranch(stmt, ctx.sf);
    if (taken === null) return;
    stmt = taken ?? stmt;
    const beforeCheck = next !== undefined && !fact.rejects && fact.delegates.length === 0;
    const publicPaths = beforeCheck ? pathBypassOf(stmt, next, params, asyncHook, paramOf) : undefined;
    if (publicPaths) {
      addPathExceptions(fact, publicPaths);
      // `if (public) return next(); else return mw(req, res, next);`: the else branch is the check.
      const checked = isIfStatement(stmt) ? stmt.elseStatement : undefined;
      if (!checked) return;
      stmt = checked;
    }
    // `if (!PUBLIC.includes(req.path)) { ...check... }`: the check, for every other path.
    // A Fastify hook may take the request alone (`async (request) => {...}`): no `next` to test
    // for, and a bare `return` under the test passes on rather than checks.
    const testable = next !== undefined || !(isIfStatement(stmt) && someNode(stmt.thenStatement, isBareReturn));
    const outside = testable && !publicPaths && !fact.rejects && fact.delegates.length === 0 ? checkOutsidePathsOf(stmt, next ?? '', params, paramOf) : undefined;
    if (outside) {
      addPathExceptions(fact, outside.paths);
      stmt = outside.check;
    }
    if (options.falseRejects && !fact.rejects && fact.delegates.length === 0 && activatesOnFlag(stmt, ctx)) {
      fact.bypassedByFlag = true;
      return;
    }
    if (options.falseRejects && !fact.rejects && fact.delegates.length === 0 && answersAnonymous(stmt)) {
      fact.passesAnonymous = true;
      return;
    }
    const activated = options.falseRejects && !fact.rejects && fact.delegates.length === 0 ? activatesForMethods(stmt) : undefined;
    if (activated) {
      if (activated.length > 0) fact.passesMethods = [...(fact.passesMethods ?? []), ...activated];
      return;
    }
    const gate = beforeCheck ? routeConfigGateOf(stmt, next, asyncHook) : undefined;
    if (gate) {
      if (gate.required) fact.requiresMetadata = [...(fact.requiresMetadata ?? []), { parts: [gate.key] }];
      else fact.exceptMetadata = [...(fact.exceptMetadata ?? []), { parts: [gate.key] }];
      return;
    }
    // `if (!enforce) return next()` of a factory parameter: its callers say whether the check runs.
    const passGate = beforeCheck ? passGateOf(stmt, next, asyncHook, paramOf) : undefined;
    if (passGate) {
      fact.paramGates = [...(fact.paramGates ?? []), passGate];
      return;
    }
    const bypass = beforeCheck ? bypassOf(stmt, next, ctx, asyncHook) : flagAskedOf(stmt, next, fact, ctx, asyncHook);
    if (bypass === 'flag') fact.bypassedByFlag = true;
    else if (bypass === 'anonymous') fact.passesAnonymous = true;
    else if (bypass !== undefined && 'flagRef' in bypass) fact.flagRefs = [...(fact.flagRefs ?? []), bypass.flagRef];
    else if (bypass) {
      if (bypass.length > 0) fact.passesMethods = [...(fact.passesMethods ?? []), ...bypass];
      return;
    }
    // `return this.auth.isAdmin(req)` in canActivate: the answer is the callee's, judged where it is defined.
    const answering = options.falseRejects ? answeringCallOf(stmt, (name) => isProjectName(name, ctx)) : undefined;
    if (answering) fact.answeredBy = [...(fact.answeredBy ?? []), { kind: 'name', name: answering.name }];
    const scan = scanNode(answering?.call ?? stmt, fn, params, inner, options);
    // A throwing check, or a verifier call (a throw to come), rejects as a 401 does: it leaks, or
    // meets only some requests, the same ways.
    scan.rejects ||= scan.throws;
    if ((scan.rejects || scan.verifies.length > 0) && rejectsNobody(stmt, statements.slice(index + 1), fn, params, inner, options, fact.passesOn)) {
      scan.rejects = false;
      scan.verifies = [];
    }
    const promised = scan.rejects ? importedNegatedCallee(stmt, ctx) : undefined;
    if (promised !== undefined) {
      fact.rejectsUnlessAsync = [...(fact.rejectsUnlessAsync ?? []), { name: promised, first: leading }];
      scan.rejects = false;
    }
    if (scan.verifies.length > 0) fact.verifies = (fact.verifies ?? []).concat(scan.verifies);
    if (scan.rejects || promised !== undefined || scan.delegates.length > 0 || scan.verifies.length > 0) checkGates.push(checkGateOf(stmt, paramOf));
    // `next()`, or `return next()` (what an always-true `if` comes down to): nothing after it runs first.
    passedOn = next !== undefined && (isPassingOn(stmt, next) || passesOnAndStops(stmt, next, asyncHook));
    fact.rejects ||= scan.rejects;
    // concat() sizes the lists exactly (push() from empty keeps room for 16): facts stay in the
    // summary until the rules have run.
    if (scan.delegates.length > 0) fact.delegates = fact.delegates.concat(scan.delegates);
    if (leading) {
      fact.rejectsFirst ||= scan.rejects;
      if (scan.delegates.length > 0) fact.delegatesFirst = fact.delegatesFirst.concat(scan.delegates);
      // The guard must come first: only declarations that read the request may precede it.
      leading = (isVariableStatement(stmt) || isFlagSetting(stmt, statements)) && !scan.rejects && scan.delegates.length === 0 && isRequestRead(stmt, params);
    }
  });
  if (next !== undefined && !fact.rejects && passesOnlyWhenChecked(statements, next)) fact.passesOnlyWhenChecked = true;
  const gate = soleGateOf(checkGates);
  if (gate) fact.paramGates = [...(fact.paramGates ?? []), gate];
  if (answersOnlyTrue(fn)) fact.answersOnlyTrue = true;
  if (isAsyncFunction(fn)) fact.isAsync = true;
  return withoutUnverifiedCheck(fact, fn, params, ctx);
}

/** The gate every checking statement shares: one check left ungated, or two gates, keep the check. */
function soleGateOf(gates: ReadonlyArray<ParamGate | undefined>): ParamGate | undefined {
  const [first] = gates;
  return first && gates.every((g) => g !== undefined && g.param === first.param && g.prop === first.prop && g.opensWhen === first.opensWhen) ? first : undefined;
}

/**
 * Whether the rejection in `stmt` turns nobody away: it leaks to `next()` or on into the handler,
 * or meets only callers who could pass anyway. Asked of rejecting statements alone, so the list of
 * what follows and the rescans of branches are made for those only, not for every statement.
 */
function rejectsNobody(stmt: ts.Statement, after: readonly ts.Statement[], fn: FunctionNode, params: readonly string[], ctx: HandlerContext, options: JudgeOptions, passesOn: boolean): boolean {
  const rejectsOf = (branch: ts.Statement) => {
    const s = scanNode(branch, fn, params, ctx, options);
    return s.rejects || s.throws || s.verifies.length > 0;
  };
  const rejectsItself = (block: ts.Block) => scanNode(block, fn, params, ctx, options).rejects;
  return isLeakyRejection(stmt, after, fn, rejectsOf, rejectsItself) || isLeakyCallbackRejection(stmt, fn, rejectsOf, rejectsItself) || rejectsOnlyMissingLeakyToken(stmt, after, fn, rejectsOf, rejectsItself) || (!passesOn && fallsThroughRejection(stmt, after)) || rejectsOnlyWithCredential(stmt, params) || rejectsOnForgeableInput(stmt, params);
}

/**
 * The names of a function's identifier parameters. A list, not a set: functions take a few
 * parameters, and every function is judged. A loop: flatMap's array per parameter made this the
 * costliest line of a judgement.
 */
function paramNamesOf(fn: FunctionNode): string[] {
  const names: string[] = [];
  for (const p of fn.parameters) if (isIdentifier(p.name)) names.push(p.name.text);
  return names;
}

/** `jwt.decode(token)` checks no signature: a 401 on what it gives meets only callers who send no token at all. */
function withoutUnverifiedCheck(fact: FunctionFact, fn: FunctionNode, params: readonly string[], ctx: HandlerContext): FunctionFact {
  if (!fact.rejects || fact.delegates.length > 0) return fact;
  const imports = ctx.imports && fn.body ? withLocalRequires(fn.body, ctx.imports) : ctx.imports;
  if (!(fact.verifies ?? []).every((v) => isUnverifiedDecoderRef(v, imports)) || !onlyDecodesToken(fn, params, ctx)) return fact;
  fact.rejects = fact.rejectsFirst = false;
  delete fact.verifies;
  return fact;
}

/**
 * `if (!token) { res.status(401).json(e) }` followed by `next()`, or `next()` inside that branch
 * too: the 401 is written, but the request still goes on to the handler (a missing `return`).
 * Such a branch does not reject; the statement rejects only if a path from one of its rejections
 * stops before a bare `next()`, nested branches followed (`if (!isPublic) { if (!token) return
 * res.sendStatus(401); } next();` stops; so does an `else if` whose sibling branch calls next()).
 */
function isLeakyRejection(stmt: ts.Statement, after: readonly ts.Statement[], fn: FunctionNode, rejects: (branch: ts.Statement) => boolean, rejectsItself: (block: ts.Block) => boolean): boolean {
  const next = lastParamName(fn);
  // A branch, a try, or the block a path test wraps around the check (checkOutsidePathsOf).
  if (next === undefined || (!isIfStatement(stmt) && !isBlock(stmt) && !(isTryStatement(stmt) && stmt.catchClause))) return false;
  // The common shape first: no bare next() in it or after it, nothing to leak to.
  if (!callsNextBare(stmt, next) && !after.some((s) => callsNextBare(s, next))) return false;
  return !stopsAfterRejecting(stmt, after, { next, rejects, rejectsItself }, 0);
}

/**
 * `jwt.verify(token, key, (err, decoded) => { if (err) { res.status(401).send(e) } next(); })`: the
 * leak of isLeakyRejection inside the callback the check runs in. Leaky when every rejection of the
 * callback is.
 */
function isLeakyCallbackRejection(stmt: ts.Statement, fn: FunctionNode, rejects: (branch: ts.Statement) => boolean, rejectsItself: (block: ts.Block) => boolean): boolean {
  return leakyCallbackCall(stmt, fn, rejects, rejectsItself) !== undefined;
}

/** The call of isLeakyCallbackRejection (`jwt.verify(token, key, leakyCallback)`), for what it checks. */
function leakyCallbackCall(stmt: ts.Statement, fn: FunctionNode, rejects: (branch: ts.Statement) => boolean, rejectsItself: (block: ts.Block) => boolean): ts.CallExpression | undefined {
  let e: ts.Node | undefined = isExpressionStatement(stmt) || isReturnStatement(stmt) ? stmt.expression : undefined;
  if (e && isAwaitExpression(e)) e = e.expression;
  const call = e && isCallExpression(e) ? e : undefined;
  const callback = call?.arguments[call.arguments.length - 1];
  if (!call || !callback || !isFunctionExpression(callback) || !isBlock(callback.body)) return undefined;
  const list = callback.body.statements;
  let rejecting = false;
  for (const [i, s] of list.entries()) {
    if (!rejects(s)) continue;
    if (!isLeakyRejection(s, list.slice(i + 1), fn, rejects, rejectsItself)) return undefined;
    rejecting = true;
  }
  return rejecting ? call : undefined;
}

/**
 * `if (token) { jwt.verify(token, k, leakyCallback) } else { res.status(403).send(e) }`, or `if
 * (!token) return res.sendStatus(403);` before that verify: the only rejection that stops meets a
 * request without the token; one carrying any token, forged or not, goes through the callback.
 */
function rejectsOnlyMissingLeakyToken(stmt: ts.Statement, after: readonly ts.Statement[], fn: FunctionNode, rejects: (branch: ts.Statement) => boolean, rejectsItself: (block: ts.Block) => boolean): boolean {
  if (!isIfStatement(stmt)) return false;
  const test = skipParens(stmt.expression);
  const negated = ts.isPrefixUnaryExpression(test) && test.operator === SyntaxKind.ExclamationToken;
  const tested = negated ? skipParens(test.operand) : test;
  if (!isIdentifier(tested) && !isPropertyAccessExpression(tested) && !isElementAccessExpression(tested)) return false;
  const present = negated ? stmt.elseStatement : stmt.thenStatement;
  const missing = negated ? stmt.thenStatement : stmt.elseStatement;
  if (!missing || !rejects(missing)) return false;
  const token = tested.getText();
  const verifies = (s: ts.Statement) => {
    const checked = leakyCallbackCall(s, fn, rejects, rejectsItself)?.arguments[0];
    return checked !== undefined && skipParens(checked).getText() === token;
  };
  if (present === undefined) return endsFlow(missing) && after.some(verifies);
  return (isBlock(present) ? present.statements : [present]).some(verifies);
}

/**
 * `if (!req.user?.isAdmin) res.status(403).json(e);` in a handler, and the handler's work after
 * it: the 403 is written, but the handler goes on (a missing `return`) and does that work for
 * every caller. An in-handler guard returns or throws. Only a `return` of a value computed without
 * a call may follow (`return false` in a helper that answers whether it rejected).
 */
function fallsThroughRejection(stmt: ts.Statement, after: readonly ts.Statement[]): boolean {
  if (!isIfStatement(stmt) || stmt.elseStatement || endsFlow(stmt.thenStatement)) return false;
  return after.some((s) => !isReturnStatement(s) || (s.expression !== undefined && containsCall(s.expression)));
}

function containsCall(expr: ts.Expression): boolean {
  let found = false;
  visitTree(expr, (node) => {
    if (found) return false;
    if (isCallExpression(node) || isNewExpression(node) || isAwaitExpression(node)) found = true;
    return !found;
  });
  return found;
}

interface LeakContext {
  next: string;
  rejects: (branch: ts.Statement) => boolean;
  rejectsItself: (block: ts.Block) => boolean;
}

/** Branches followed into; deeper nesting (generated code) is read as leaking: the route is reported, never hidden. */
const MAX_LEAK_DEPTH = 16;

/** Whether some rejection in `stmt` is followed by no bare `next()`: a path from it ends (return, throw) or runs out first. */
function stopsAfterRejecting(stmt: ts.Statement, after: readonly ts.Statement[], c: LeakContext, depth: number): boolean {
  if (depth > MAX_LEAK_DEPTH) return false;
  if (isIfStatement(stmt)) {
    const branches = stmt.elseStatement ? [stmt.thenStatement, stmt.elseStatement] : [stmt.thenStatement];
    return branches.some((b) => c.rejects(b) && stopsAfterRejecting(b, after, c, depth + 1));
  }
  if (isTryStatement(stmt)) {
    // A try block that rejects itself (`return c.json(e, 401)` inside it) is not the catch's doing;
    // what it throws (`jwt.verify(...)`) is the catch's, which must stop.
    if (c.rejectsItself(stmt.tryBlock)) return true;
    const handler = stmt.catchClause?.block;
    return handler ? !reachesNext(handler, after, c.next) : stopsAfterRejecting(stmt.tryBlock, after, c, depth + 1);
  }
  if (isBlock(stmt)) {
    const list = stmt.statements;
    return list.some((s, i) => c.rejects(s) && stopsAfterRejecting(s, [...list.slice(i + 1), ...after], c, depth + 1));
  }
  // A rejecting statement of its own (`res.status(401).json(e)`, `return res.sendStatus(401)`).
  return !reachesNext(stmt, after, c.next);
}

/** Whether running `stmt`, then `after`, calls a bare `next()` before a return or throw ends it. */
function reachesNext(stmt: ts.Statement, after: readonly ts.Statement[], next: string): boolean {
  if (callsNextBare(stmt, next)) return true;
  if (endsFlow(stmt)) return false;
  for (const s of after) {
    if (callsNextBare(s, next)) return true;
    if (endsFlow(s)) return false;
  }
  return false;
}

/** `next()` called without an error anywhere under `root`: `next(err)` hands the request to the error handlers. */
function callsNextBare(root: ts.Node, name: string): boolean {
  return someNode(root, (node) => isCallExpression(node) && isIdentifier(node.expression) && node.expression.text === name && node.arguments.length === 0);
}

function endsFlow(stmt: ts.Statement): boolean {
  let last: ts.Statement | undefined = stmt;
  // The last statement of nested blocks, found by a loop: blocks may nest thousands deep.
  while (last && isBlock(last)) last = last.statements[last.statements.length - 1];
  if (!last) return false;
  if (isReturnStatement(last) || isThrowStatement(last)) return true;
  // Koa's `ctx.throw(401)` throws.
  return isExpressionStatement(last) && isCallExpression(last.expression) && isPropertyAccessExpression(last.expression.expression) && last.expression.expression.name.text === 'throw';
}

/**
 * What a factory returns for the framework to run: another call's result (`return jwt({ secret })`),
 * or a list of middleware Express runs in turn (`return [jwt({ secret }), (req, res, next) => ...]`,
 * the role-based `authorize(roles)` of a widespread tutorial). Only a list made of middleware-shaped
 * elements: services return lists of data.
 */
function returnedRefOf(returned: ts.Expression, fn: FunctionNode, ctx: HandlerContext): HandlerRef | undefined {
  if (isCallExpression(returned)) {
    const ref = handlerRefOf(returned, ctx);
    // `createMiddleware(async (c, next) => ...)`: the function itself, whose factory's parameters its callers bind.
    return ref.kind === 'fn' ? handlerRefOf(returned, withFactoryParams(fn, ctx)) : ref;
  }
  if (!isArrayLiteralExpression(returned) || !returned.elements.some(isMiddlewareMade) || !returned.elements.every(isMiddlewareShaped)) return undefined;
  return { kind: 'list', items: handlerRefsOf(returned.elements, withFactoryParams(fn, ctx)) };
}

/**
 * `if (roles?.length) { ...; return applyDecorators(UseGuards(...)); }` before the function's own
 * `return`: what it returns when a test of its parameters holds (see `gatedReturn`).
 */
function gatedReturnOf(stmt: ts.Statement, fn: FunctionNode, ctx: HandlerContext): FunctionFact['gatedReturn'] {
  if (!isIfStatement(stmt) || stmt.elseStatement) return undefined;
  const then = stmt.thenStatement;
  const last = isBlock(then) ? then.statements[then.statements.length - 1] : then;
  const ref = last && isReturnStatement(last) && last.expression ? returnedRefOf(skipParens(last.expression), fn, ctx) : undefined;
  const gate = ref ? testGateOf(stmt.expression, ownParamOf(fn)) : undefined;
  return gate && ref ? { gate, ref } : undefined;
}

/**
 * `const { shouldBypass } = getAuthBypassStatus(fastify, request); if (shouldBypass) return;`: the
 * helper handed the request is asked a flag, and only that so far; no check has run before it.
 */
function flagAskedOf(stmt: ts.Statement, next: string | undefined, fact: FunctionFact, ctx: HandlerContext, asyncHook: boolean): { flagRef: string } | undefined {
  if (next === undefined || fact.rejects) return undefined;
  const bypass = bypassOf(stmt, next, ctx, asyncHook);
  if (bypass === undefined || typeof bypass === 'string' || Array.isArray(bypass)) return undefined;
  const dot = bypass.flagRef.indexOf('.');
  const helper = dot === -1 ? bypass.flagRef : bypass.flagRef.slice(0, dot);
  return fact.delegates.every((d) => d.kind === 'name' && d.name === helper) ? bypass : undefined;
}

/** A function's own parameters, by id (`fn#index`), as param-gates names them. */
function ownParamOf(fn: FunctionNode): FactoryParamOf {
  const id = functionIdOf(fn);
  return (name) => {
    const index = fn.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === name);
    return index === -1 ? undefined : `${id}#${index}`;
  };
}

/**
 * `return { requireAdmin, requireUser: (req, res, next) => ... }`: a factory of several guards.
 * Each member that is a function, written there or declared in the factory, is judged on its own;
 * undefined when no member is (a plain data object, as most returned objects are).
 */
function returnedMembersOf(obj: ts.ObjectLiteralExpression, fn: FunctionNode, ctx: HandlerContext, options: JudgeOptions): Record<string, HandlerRef> | undefined {
  const statements = fn.body && isBlock(fn.body) ? fn.body.statements : [];
  let members: Record<string, HandlerRef> | undefined;
  for (const p of obj.properties) {
    const name = p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
    if (name === undefined) continue;
    const value = isPropertyAssignment(p) ? skipParens(p.initializer) : undefined;
    const member = isMethodDeclaration(p) && p.body ? p : value && isFunctionExpression(value) ? value : isShorthandPropertyAssignment(p) ? localFunctionNamed(statements, name) : undefined;
    if (member) (members ??= {})[name] = { kind: 'fn', fact: judgeFunction(member, withFactoryParams(fn, ctx), options) };
  }
  return members;
}

function isMiddlewareMade(e: ts.Expression): boolean {
  const x = skipParens(e);
  return isCallExpression(x) || isArrowFunction(x) || isFunctionExpression(x);
}

function isMiddlewareShaped(e: ts.Expression): boolean {
  const x = skipParens(e);
  return isMiddlewareMade(x) || isIdentifier(x) || isPropertyAccessExpression(x);
}

/**
 * `unless(path, middleware)` returning `(req, res, next) => middleware(req, res, next)`: the
 * returned function hands the request to a parameter of the factory, which the guard judge binds
 * to the argument of each call (`unless('/login', verifyToken)`).
 */
function withFactoryParams(factory: FunctionNode, ctx: HandlerContext): HandlerContext {
  const names = factory.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : undefined));
  if (names.every((n) => n === undefined)) return ctx;
  const id = functionIdOf(factory);
  return {
    ...ctx,
    localHandlerOf: (name) => {
      const index = names.indexOf(name);
      return index === -1 ? ctx.localHandlerOf?.(name) : { kind: 'param', name, id: `${id}#${index}` };
    },
  };
}

/** The factory parameters of `withFactoryParams`, by id, for the paths a guard's test compares with them. */
function factoryParamOf(ctx: HandlerContext): FactoryParamOf {
  return (name) => {
    const ref = ctx.localHandlerOf?.(name);
    return ref?.kind === 'param' ? ref.id : undefined;
  };
}

/** Paths a guard lets through before its check: named ones, and factory parameters its callers bind. */
function addPathExceptions(fact: FunctionFact, paths: readonly PathTest[]): void {
  for (const x of paths) {
    if ('param' in x) fact.exceptParams = [...(fact.exceptParams ?? []), x.param];
    else fact.exceptions = [...(fact.exceptions ?? []), x];
  }
}

const ERROR_PARAM = /^(?:err|error|e|ex|exception)$/i;

/** Express error middleware: four parameters, the error first. */
function isErrorHandler(fn: FunctionNode): boolean {
  const first = fn.parameters[0];
  return fn.parameters.length === 4 && first !== undefined && isIdentifier(first.name) && ERROR_PARAM.test(first.name.text);
}

/**
 * `if (!isAdmin(req)) return res.sendStatus(403)` where `isAdmin` is an `async` function of the file
 * and the call is not awaited: a promise is always truthy, so the branch never runs: what runs is its
 * `else`, or nothing (`null`). Undefined for any other statement.
 */
function neverTakenBranch(stmt: ts.Statement, sf: ts.SourceFile): ts.Statement | null | undefined {
  const callee = negatedCallee(stmt);
  const fn = callee === undefined ? undefined : localFunctionNamed(sf.statements, callee);
  if (fn === undefined || !isAsyncFunction(fn)) return undefined;
  return (stmt as ts.IfStatement).elseStatement ?? null;
}

/**
 * `if (!isAdmin(req)) ...` or `const isValid = validateAdminToken(req); if (!isValid) ...`: the
 * name of the function whose un-awaited answer the test negates.
 */
function negatedCallee(stmt: ts.Statement): string | undefined {
  if (!isIfStatement(stmt)) return undefined;
  const test = skipParens(stmt.expression);
  if (!ts.isPrefixUnaryExpression(test) || test.operator !== SyntaxKind.ExclamationToken) return undefined;
  // `const isValid = validateAdminToken(req); if (!isValid) ...`: the promise held in a const.
  const operand = skipParens(test.operand);
  const held = isIdentifier(operand) ? scopedConstOf(operand) : undefined;
  const call = held ? skipParens(held) : operand;
  return isCallExpression(call) && isIdentifier(call.expression) ? call.expression.text : undefined;
}

/**
 * The same test of a function imported from another module (`import { validateAdminToken } from
 * './auth'`) and with no `else`: whether it is `async` is read where it is defined, so the
 * rejection under it counts only if it is not (FunctionFact.rejectsUnlessAsync).
 */
function importedNegatedCallee(stmt: ts.Statement, ctx: HandlerContext): string | undefined {
  const callee = isIfStatement(stmt) && !stmt.elseStatement ? negatedCallee(stmt) : undefined;
  const specifier = callee === undefined ? undefined : ctx.imports?.get(callee)?.specifier;
  return specifier !== undefined && isProjectSpecifier(specifier, ctx) && !localFunctionNamed(ctx.sf.statements, callee ?? '') ? callee : undefined;
}

/** A name the file defines or imports from a module of the project. */
function isProjectName(name: string, ctx: HandlerContext): boolean {
  const specifier = ctx.imports?.get(name)?.specifier;
  return specifier === undefined ? localFunctionNamed(ctx.sf.statements, name) !== undefined : isProjectSpecifier(specifier, ctx);
}

/** A module of the project, as the scan's path aliases say (relative only without them): a package's function is read as it is called. */
function isProjectSpecifier(specifier: string, ctx: HandlerContext): boolean {
  return ctx.isProjectModule?.(specifier) ?? specifier.startsWith('.');
}

function isAsyncFunction(fn: FunctionNode): boolean {
  return (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
}

/**
 * `if (!request.routeOptions.config.auth) return;` at the top of a Fastify hook: it checks only
 * routes whose options set `config: { auth: true }` (`required`); `if (request.routeOptions.config.public)
 * return;`: only the others. Also `request.routeConfig` (Fastify 4) and `reply.context.config`.
 */
function routeConfigGateOf(stmt: ts.Statement, next: string, asyncHook: boolean): { key: string; required: boolean } | undefined {
  if (!isIfStatement(stmt) || stmt.elseStatement || !passesOnAndStops(stmt.thenStatement, next, asyncHook)) return undefined;
  let test = skipParens(stmt.expression);
  const required = ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken;
  if (required) test = skipParens((test as ts.PrefixUnaryExpression).operand);
  if (!isPropertyAccessExpression(test) || !isRouteConfig(test.expression)) return undefined;
  return { key: test.name.text, required };
}

/** `request.routeOptions.config`, `request.routeConfig`, `reply.context.config`, `request.context.config`. */
function isRouteConfig(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  if (!isPropertyAccessExpression(e)) return false;
  if (e.name.text === 'routeConfig') return true;
  const holder = skipParens(e.expression);
  return e.name.text === 'config' && isPropertyAccessExpression(holder) && (holder.name.text === 'routeOptions' || holder.name.text === 'context');
}

/** `async (request, reply) => {...}`: a Fastify hook or handler, which goes on by returning (no `done`). */
function isAsyncFastifyHook(fn: FunctionNode): boolean {
  const reply = fn.parameters[1];
  return fn.parameters.length === 2 && reply !== undefined && isIdentifier(reply.name) && /^(reply|rep)$/.test(reply.name.text) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
}

/** `return;`: in an async Fastify hook, the request goes on. */
function isBareReturn(node: ts.Node): boolean {
  return isReturnStatement(node) && node.expression === undefined;
}

/** A `try` of the body whose `finally` calls `next` (not in a function of its own): it runs whatever the `try` and `catch` answered. */
function passesOnFinally(body: ts.Block, next: string | undefined): boolean {
  return next !== undefined && body.statements.some((stmt) => isTryStatement(stmt) && stmt.finallyBlock !== undefined && callsBare(stmt.finallyBlock, next));
}

/**
 * A `try` of the body that answers 401/403 after calling something that may throw (a check of the
 * project, `timingSafeEqual`, `jwt.verify`), and whose `catch` calls `next()`: whenever the check
 * throws, the request goes through. Reading the request or answering it throws nothing.
 */
function failsOpen(body: ts.Block, params: readonly string[], next: string | undefined): boolean {
  if (next === undefined) return false;
  const mayThrow = (n: ts.Node) => isCallExpression(n) && !params.includes(rootNameOf(n.expression) ?? '') && !NEVER_THROWING.has(rootNameOf(n.expression) ?? '');
  const inBlock = (n: ts.Node) => !ts.isFunctionLike(n);
  return body.statements.some((stmt) => isTryStatement(stmt) && stmt.catchClause !== undefined && someNode(stmt.tryBlock, (n) => rejectionOf(n, {}) !== undefined, inBlock) && someNode(stmt.tryBlock, mayThrow, inBlock) && callsBare(stmt.catchClause.block, next));
}
const NEVER_THROWING: ReadonlySet<string> = new Set(['String', 'Number', 'Boolean']);

/**
 * An error handler written as middleware: `try { await next(); } catch (err) { if (err.status ===
 * 401) ... }`, koa-jwt's `return next().catch((err) => { if (err.status === 401) ctx.status = 401 })`.
 * Its 401 answers what the handlers after it rejected; it checks nothing itself.
 */
function mapsDownstreamErrors(body: ts.Block, next: string | undefined): boolean {
  const [only] = body.statements;
  if (next === undefined || body.statements.length !== 1 || !only) return false;
  if (isTryStatement(only)) return only.catchClause !== undefined && only.tryBlock.statements.every((s) => isNextCall(statementExpression(s), next));
  const e = statementExpression(only);
  const call = e && skipParens(e);
  return call !== undefined && isCallExpression(call) && isPropertyAccessExpression(call.expression) && call.expression.name.text === 'catch' && isNextCall(call.expression.expression, next);
}

/** The expression an expression statement or `return` holds, awaited or not. */
function statementExpression(stmt: ts.Statement): ts.Expression | undefined {
  const e = ts.isExpressionStatement(stmt) ? stmt.expression : isReturnStatement(stmt) ? stmt.expression : undefined;
  return e && (ts.isAwaitExpression(skipParens(e)) ? (skipParens(e) as ts.AwaitExpression).expression : e);
}

/** `req` of `req.get('x')`, `res` of `res.status(401).send()`: the identifier a member chain starts from. */
export function rootNameOf(e: ts.Expression): string | undefined {
  let at = e;
  while (isPropertyAccessExpression(at) || isCallExpression(at) || isElementAccessExpression(at)) at = at.expression;
  return isIdentifier(at) ? at.text : undefined;
}

function callsBare(block: ts.Block, next: string): boolean {
  return someNode(block, (n) => isCallExpression(n) && isIdentifier(n.expression) && n.expression.text === next && n.arguments.length === 0, (n) => !ts.isFunctionLike(n));
}

function lastParamName(fn: FunctionNode): string | undefined {
  const last = nextParamOf(fn);
  return fn.parameters.length >= 2 && last && isIdentifier(last.name) ? last.name.text : undefined;
}

/** Names the third parameter of an Express param callback takes (its fourth is the value). */
const PARAM_CALLBACK_NEXT = /^(next|done|cb|callback)$/;

/**
 * The parameter that passes the request on: the last one, except in an Express param callback
 * `(req, res, next, value)` (`app.param('tenant', fn)`), where the value comes after `next`.
 * Error middleware `(err, req, res, next)` has `res` in third place.
 */
function nextParamOf(fn: FunctionNode): ts.ParameterDeclaration | undefined {
  const params = fn.parameters;
  const third = params.length === 4 ? params[2] : undefined;
  if (third && isIdentifier(third.name) && PARAM_CALLBACK_NEXT.test(third.name.text)) return third;
  const last = params[params.length - 1];
  // Express's `(req, res) => sendJson(res, rows)`: the response, not Hono's or Koa's `next`.
  return params.length === 2 && last && isIdentifier(last.name) && RESPONSE_PARAM.test(last.name.text) ? undefined : last;
}

/** Names Express's response parameter goes by: never a `next` (Fastify's `reply` stays: an async hook that returns hands the request on). */
const RESPONSE_PARAM = /^_*(?:res|resp|response)$/i;

/**
 * Whether any node under `root` matches. Never deeper on the stack than visitTree allows: a generated `a || b || ...` of
 * thousands of terms nests that deep and must not overflow the stack.
 */

/** `const check = bearerAuth(o)` inside the function: a later `check(c, next)` delegates to it. None: undefined. */
function localMiddlewareOf(fn: FunctionNode, ctx: HandlerContext): Map<string, HandlerRef> | undefined {
  if (!fn.body || !isBlock(fn.body)) return undefined;
  let locals: Map<string, HandlerRef> | undefined;
  for (const stmt of fn.body.statements) {
    if (!isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      const init = decl.initializer && skipParens(decl.initializer);
      if (isIdentifier(decl.name) && init && isCallExpression(init)) (locals ??= new Map()).set(decl.name.text, handlerRefOf(init, ctx));
    }
  }
  return locals;
}

/**
 * How a function uses its `next`: it passes the request on when it calls it without an error
 * (`next()`; `next(err)` only reports an error from an endpoint) or hands it to another call.
 * `handedTo`, when it never calls it itself: the named functions it hands it to (`ctl.create(req,
 * res, next)`), which decide whether it passes on; `promise.catch(next)` and `.then(ok, next)` only
 * report an error, and hand the request to nobody.
 */
function nextUseOf(fn: FunctionNode): { passesOn: boolean; handedTo?: string[] } {
  const last = nextParamOf(fn);
  if (fn.parameters.length < 2 || !last || !isIdentifier(last.name) || !fn.body) return { passesOn: false };
  const name = last.name.text;
  let handed = false;
  const callees: string[] = [];
  const callsItself = someNode(fn.body, (node) => {
    if (!isCallExpression(node)) return false;
    if (isIdentifier(node.expression) && node.expression.text === name && node.arguments.length === 0) return true;
    if (!node.arguments.some((a) => isIdentifier(a) && a.text === name)) return false;
    handed = true;
    const callee = skipParens(node.expression);
    const named = isPropertyAccessExpression(callee) && ERROR_CALLBACKS.has(callee.name.text) ? undefined : referenceName(callee);
    if (named !== undefined) callees.push(named);
    return false;
  });
  if (callsItself) return { passesOn: true };
  return handed ? { passesOn: true, handedTo: callees } : { passesOn: false };
}

/** Promise methods whose callbacks given `next` only report a failure to it. */
const ERROR_CALLBACKS: ReadonlySet<string> = new Set(['catch', 'then', 'finally']);

/** The function a factory returns: inline, or declared in its body and returned by name. */
function returnedFunction(stmt: ts.Statement, siblings: readonly ts.Statement[]): FunctionNode | undefined {
  if (!isReturnStatement(stmt) || !stmt.expression) return undefined;
  const e = skipParens(stmt.expression);
  if (isFunctionExpression(e)) return e;
  return isIdentifier(e) ? localFunctionNamed(siblings, e.text) : undefined;
}

/** `function mw(c, next) {...}` or `const mw = (c, next) => ...` among a body's (or a file's) statements. */
export function localFunctionNamed(statements: readonly ts.Statement[], name: string): FunctionNode | undefined {
  for (const stmt of statements) {
    if (isFunctionDeclaration(stmt) && stmt.name?.text === name && stmt.body) return stmt;
    if (!isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      const init = decl.initializer && skipParens(decl.initializer);
      if (isIdentifier(decl.name) && decl.name.text === name && init && isFunctionExpression(init)) return init;
    }
  }
  return undefined;
}

export function isFunctionExpression(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return isArrowFunction(node) || isPlainFunctionExpression(node);
}

/** Callees that read or verify a credential rather than act: allowed before an in-handler check. */
const READS_CREDENTIAL = /verify|decode|auth|token|session|user|header|cookie|parse|^get|split|slice|substr|trim|replace|startsWith/i;

/**
 * A declaration whose calls only read the request or verify a credential (`c.req.header('x')`,
 * `await verifyToken(t)`): a check right after it still runs before anything else happens.
 */
/**
 * `let isAuthorized = false; if (header === \`Bearer ${process.env.ADMIN_TOKEN}\`) isAuthorized = true;`:
 * a test that only sets flags the function starts as `false` (a later `if (!isAuthorized) return 401`
 * is the check). A flag that starts as anything else (`let ok = !process.env.HASH`) may start true.
 * Nested tests and declarations too, trying one credential after another (`if (token) { const
 * ok = await validateAdminToken(req); if (ok) isAuthorized = true; if (!isAuthorized) {...} }`),
 * as long as nothing in them answers, returns or throws.
 */
function isFlagSetting(stmt: ts.Statement, statements: readonly ts.Statement[], depth = 0): boolean {
  if (!isIfStatement(stmt) || depth > MAX_FLAG_DEPTH) return false;
  const branches = stmt.elseStatement ? [stmt.thenStatement, stmt.elseStatement] : [stmt.thenStatement];
  return branches.every((branch) => {
    const sets = isBlock(branch) ? branch.statements : [branch];
    return sets.length > 0 && sets.every((s) => isVariableStatement(s) || setsFalseStartingName(s, statements) || isFlagSetting(s, statements, depth + 1));
  });
}

/** Nesting of flag-setting tests followed. */
const MAX_FLAG_DEPTH = 4;

/** `isAuthorized = true;` or `userId = payload.sub;` of a name the function declares starting falsy. */
function setsFalseStartingName(s: ts.Statement, statements: readonly ts.Statement[]): boolean {
  return isExpressionStatement(s) && isBinaryExpression(s.expression) && s.expression.operatorToken.kind === SyntaxKind.EqualsToken && isIdentifier(s.expression.left) && startsFalse(s.expression.left.text, statements);
}

/** `let ok = false`, or `let userId: string | undefined` (no value yet): falsy until set. */
function startsFalse(name: string, statements: readonly ts.Statement[]): boolean {
  return statements.some((s) => isVariableStatement(s) && s.declarationList.declarations.some((d) => isIdentifier(d.name) && d.name.text === name && (d.initializer === undefined || d.initializer.kind === SyntaxKind.FalseKeyword)));
}

function isRequestRead(stmt: ts.Statement, params: readonly string[]): boolean {
  return !someNode(stmt, (node) => {
    if (!isCallExpression(node) || isParamRooted(node.expression, params)) return false;
    const callee = lastNameOf(node.expression) ?? '';
    return !READS_CREDENTIAL.test(callee) && !(PREDICATE.test(callee) && node.arguments.some((a) => isParamRooted(a, params)));
  });
}

/** A predicate asked about the request (`const ok = await isAdmin(c.req.raw)`): it answers, it does not act. */
const PREDICATE = /^(is|has|can|check|validate)([A-Z_]|$)/;

function isParamRooted(expr: ts.Expression, params: readonly string[]): boolean {
  const root = rootOf(expr);
  return isIdentifier(root) && params.includes(root.text);
}

/** `req` of `req.headers['x-key']` and `ctx.switchToHttp().getRequest()`: what a chain of reads and calls starts from. */
function rootOf(expr: ts.Expression): ts.Expression {
  let e: ts.Expression = expr;
  while (isPropertyAccessExpression(e) || isElementAccessExpression(e) || isCallExpression(e)) e = e.expression;
  return e;
}

interface Scan {
  rejects: boolean;
  delegates: HandlerRef[];
  /** Calls that reject by throwing (`jwt.verify(t, k)`): a catch around them decides what happens. */
  throws: boolean;
  verifies: HandlerRef[];
}

function scanNode(root: ts.Node, fn: FunctionNode, params: readonly string[], ctx: HandlerContext, options: JudgeOptions): Scan {
  const scan: Scan = { rejects: false, delegates: [], throws: false, verifies: [] };
  // Nested functions are callbacks (`jwt.verify(t, k, (err) => ...)`) acting for this one, but a
  // `return false` inside them says nothing about canActivate's own answer: they are walked
  // afterwards with plain options. Iterative walks: generated `a || b || ...` guards nest deep.
  const nestedRoots: ts.Node[] | undefined = options.falseRejects ? [] : undefined;
  visitTree(root, (node) => {
    if (nestedRoots && node !== root && isFunctionExpression(node)) {
      nestedRoots.push(node);
      return false;
    }
    if (node.kind === SyntaxKind.TryStatement && swallows(node as ts.TryStatement, fn, params, options)) {
      scanSwallowingTry(node as ts.TryStatement, fn, params, ctx, options, scan);
      return false;
    }
    if (node.kind === SyntaxKind.TryStatement && !mayThrow((node as ts.TryStatement).tryBlock, params, ctx.sf, 0)) {
      scanUnreachableCatch(node as ts.TryStatement, fn, params, ctx, options, scan);
      return false;
    }
    scanOne(node, fn, params, ctx, options, scan);
    return true;
  });
  for (const nested of nestedRoots ?? []) visitTree(nested, (node) => scanOne(node, fn, params, ctx, PLAIN, scan));
  return scan;
}

const PLAIN: JudgeOptions = {};

/**
 * `try { isAdmin(req); next(); } catch { return res.sendStatus(401); }` where nothing in the try can
 * throw: the catch never runs, so its 401 protects nothing. The try and finally blocks count.
 */
function scanUnreachableCatch(stmt: ts.TryStatement, fn: FunctionNode, params: readonly string[], ctx: HandlerContext, options: JudgeOptions, scan: Scan): void {
  scanBlocks([stmt.tryBlock, stmt.finallyBlock], fn, params, ctx, options, scan);
}

/** Scans each block on its own (a try's parts) and adds what it finds to `scan`. */
function scanBlocks(blocks: ReadonlyArray<ts.Block | undefined>, fn: FunctionNode, params: readonly string[], ctx: HandlerContext, options: JudgeOptions, scan: Scan): void {
  for (const block of blocks) {
    if (!block) continue;
    const inner = scanNode(block, fn, params, ctx, options);
    scan.rejects ||= inner.rejects;
    scan.throws ||= inner.throws;
    if (inner.delegates.length > 0) scan.delegates.push(...inner.delegates);
    if (inner.verifies.length > 0) scan.verifies.push(...inner.verifies);
  }
}

/** Methods of the request and response objects that read or answer, and never throw for a bad credential. */
const NON_THROWING_METHODS = /^(get|header|headers|json|send|sendStatus|status|end|set|setHeader|type|text|body|cookie|redirect)$/;

/** `process.env.ADMIN_KEY`: the environment is always there. */
function isProcessEnvRead(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const base = skipParens(node.expression);
  return isPropertyAccessExpression(base) && base.name.text === 'env' && isIdentifier(base.expression) && base.expression.text === 'process';
}

/** How deep mayThrow follows the file's own functions. */
const MAX_THROW_DEPTH = 3;

/**
 * Whether running `block` may throw. It may unless every call in it is the request's own (`next()`,
 * `req.get('x')`, `res.status(401)`) or of a function of this file that may not throw either;
 * a `throw`, an `await`, a `new`, a field read of a field (`req.session.user.id`) or any other
 * call may.
 */
function mayThrow(block: ts.Node, params: readonly string[], sf: ts.SourceFile, depth: number): boolean {
  return someNode(block, (node) => {
    if (isThrowStatement(node) || isAwaitExpression(node) || isNewExpression(node)) return true;
    // `req.session.user.id` throws when there is no user: a field of a field may be missing.
    if ((isPropertyAccessExpression(node) || isElementAccessExpression(node)) && !node.questionDotToken && !isIdentifier(skipParens(node.expression)) && !isProcessEnvRead(node)) return true;
    if (!isCallExpression(node)) return false;
    const callee = skipParens(node.expression);
    if (isIdentifier(callee) && params.includes(callee.text)) return false;
    if (isPropertyAccessExpression(callee) && isParamRooted(callee.expression, params) && NON_THROWING_METHODS.test(callee.name.text)) return false;
    const local = depth < MAX_THROW_DEPTH && isIdentifier(callee) ? localFunctionNamed(sf.statements, callee.text) : undefined;
    if (local?.body === undefined) return true;
    return mayThrow(local.body, paramNamesOf(local), sf, depth + 1);
  });
}

/**
 * `try { await request.jwtVerify() } catch (err) { log(err) }`: a catch that neither rethrows,
 * rejects, nor hands the error on (`reply.send(err)`, `next(err)`) swallows what the try throws.
 * One that ends middleware without calling `next` (`catch (e) { ctx.app.emit('error', e); return; }`)
 * stops the request there: the handler never runs, as after a 401.
 */
function swallows(stmt: ts.TryStatement, fn: FunctionNode, params: readonly string[], options: JudgeOptions): boolean {
  const clause = stmt.catchClause;
  if (!clause || stopsWithoutNext(clause.block, fn)) return false;
  const caught = clause.variableDeclaration && isIdentifier(clause.variableDeclaration.name) ? clause.variableDeclaration.name.text : undefined;
  return !someNode(clause.block, (node) => isThrowStatement(node) || rejectionOf(node, options) !== undefined || (caught !== undefined && isIdentifier(node) && node.text === caught && handsOn(node, params)));
}

/** A block of middleware that ends (returns) without passing on; an async Fastify hook's `return` passes on. */
function stopsWithoutNext(block: ts.Block, fn: FunctionNode): boolean {
  const next = lastParamName(fn);
  return next !== undefined && !isAsyncFastifyHook(fn) && endsFlow(block) && !callsBare(block, next);
}


/** The caught error given to the request's machinery (`next(err)`, `reply.send(err)`), not to a logger. */
function handsOn(caught: ts.Identifier, params: readonly string[]): boolean {
  let arg: ts.Node = caught;
  // `reply.send({ err })` and `next(err)` alike: the object or value the error sits in.
  while (arg.parent && (arg.parent.kind === SyntaxKind.ShorthandPropertyAssignment || arg.parent.kind === SyntaxKind.PropertyAssignment || arg.parent.kind === SyntaxKind.ObjectLiteralExpression)) arg = arg.parent;
  const call = arg.parent;
  if (!call || !isCallExpression(call) || !call.arguments.includes(arg as ts.Expression)) return false;
  // `handleError(err, res)`: a helper given the response too answers with the error.
  if (passesParam(call, params)) return true;
  return isParamRooted(call.expression, params) && !LOG_METHOD.test(lastNameOf(call.expression) ?? '');
}

/**
 * A swallowing try: what it throws (a thrown 401, `jwtVerify()`, `ctx.throw(401)`) and the calls
 * it makes rejects nothing; a 401 response it returns still does. Its catch and finally count.
 */
function scanSwallowingTry(stmt: ts.TryStatement, fn: FunctionNode, params: readonly string[], ctx: HandlerContext, options: JudgeOptions, scan: Scan): void {
  visitTree(stmt.tryBlock, (node) => {
    if (isThrowStatement(node) || (options.falseRejects && isFunctionExpression(node))) return false;
    if (isCallExpression(node) && (/^(jwtVerify|throw|assert)$/.test(lastNameOf(node.expression) ?? '') || isThrowingVerify(node, ctx))) return false;
    if (turnsAway(rejectionOf(node, options), node, fn)) scan.rejects = true;
    return true;
  });
  scanBlocks([stmt.catchClause?.block, stmt.finallyBlock], fn, params, ctx, options, scan);
}

function scanOne(node: ts.Node, fn: FunctionNode, params: readonly string[], ctx: HandlerContext, options: JudgeOptions, scan: Scan): void {
  // Most nodes are of no kind either check reads: they leave here, before any call.
  const kind = node.kind;
  if (kind !== SyntaxKind.Identifier && kind !== SyntaxKind.CallExpression && kind !== SyntaxKind.PropertyAccessExpression && kind !== SyntaxKind.NumericLiteral && kind !== SyntaxKind.NewExpression && kind !== SyntaxKind.ReturnStatement) return;
  if (turnsAway(rejectionOf(node, options), node, fn)) scan.rejects = true;
  if (kind === SyntaxKind.CallExpression && isThrowingVerify(node as ts.CallExpression, ctx)) scan.throws = true;
  if (kind === SyntaxKind.CallExpression) {
    const delegate = delegationOf(node as ts.CallExpression, params, ctx);
    if (delegate) scan.delegates.push(delegate);
    else {
      const verifier = verifierOf(node as ts.CallExpression, params);
      if (verifier) scan.verifies.push(verifier);
    }
  }
}

/** `verifyToken(t).catch(() => null)`, `.then(ok, fail)`: the promise chain takes the error, not the request. */
function isHandledInChain(call: ts.CallExpression): boolean {
  const parent = call.parent;
  return parent !== undefined && isPropertyAccessExpression(parent) && parent.expression === call && (parent.name.text === 'catch' || parent.name.text === 'then');
}

/** Callee names that may check a credential; the definition decides whether one does. */
const VERIFIER_NAME = /verif|authenticat|validate|token|session|jwt|credential/i;

/**
 * `verifyToken(token)`, `jwtService.verifyAccess(t)`, `auth_1.verifyToken(t)`: a call of a named
 * function, given values rather than the request, that may check a credential by throwing.
 */
function verifierOf(call: ts.CallExpression, params: readonly string[]): HandlerRef | undefined {
  if (call.arguments.length === 0 || isHandledInChain(call)) return undefined;
  const callee = skipParens(call.expression);
  // The name the call ends in first: few calls are named like a verifier, and spelling the whole
  // reference (`auth_1.verifyToken`) builds a string for every one.
  const last = lastNameOf(callee);
  if (last === undefined || !VERIFIER_NAME.test(last)) return undefined;
  const name = referenceName(callee);
  return name === undefined || isParamRooted(callee, params) ? undefined : { kind: 'name', name };
}

/** firebase-admin's token checks, which throw for a missing, forged or expired token (a set: asked of every call). */
const THROWING_VERIFY: ReadonlySet<string> = new Set(['verifyIdToken', 'verifySessionCookie']);

/**
 * A credential check that throws when the credential is missing or invalid: jsonwebtoken's
 * `jwt.verify(token, secret)` (without a callback, which gets the error instead; also a named
 * `verify` import and compiled `jsonwebtoken_1.default.verify`), hono/jwt's `verify`, firebase-admin's
 * `verifyIdToken(token)`. Unless a catch swallows it, the error ends the request before the
 * handler (Express's error path, `next(err)`), as `jwtVerify()` does in Fastify.
 */
function isThrowingVerify(call: ts.CallExpression, ctx: HandlerContext): boolean {
  if (isHandledInChain(call)) return false;
  const callee = skipParens(call.expression);
  const name = lastNameOf(callee);
  if (name !== undefined && THROWING_VERIFY.has(name)) return true;
  if (call.arguments.length < 2) return false;
  if (importedName(callee, name, ctx) !== 'verify') return isPromisifiedVerify(callee, name, ctx);
  const callback = call.arguments.find((a) => isFunctionExpression(skipParens(a)));
  if (callback && !rejectsItsPromise(call, skipParens(callback) as ts.ArrowFunction | ts.FunctionExpression)) return false;
  return isFromVerifyPackage(callee, ctx);
}

/** `jwt.verify`, `verify`, `jsonwebtoken_1.default.verify`: rooted at an import of a package in THROWING_VERIFY_PACKAGES. */
function isFromVerifyPackage(callee: ts.Expression, ctx: HandlerContext): boolean {
  let root: ts.Expression = callee;
  while (isPropertyAccessExpression(root)) root = skipParens(root.expression);
  const specifier = isIdentifier(root) ? ctx.imports?.get(root.text)?.specifier : undefined;
  return specifier !== undefined && THROWING_VERIFY_PACKAGES.has(specifier);
}

/**
 * `const verifyAsync = promisify(jwt.verify)` in the same file: the promise it returns rejects for
 * a bad token. Asked only of callees named like a verifier, so the file's statements are rarely read.
 */
function isPromisifiedVerify(callee: ts.Expression, name: string | undefined, ctx: HandlerContext): boolean {
  if (name === undefined || !isIdentifier(callee) || !name.includes('erify')) return false;
  const init = moduleConstOf(callee);
  if (!init || !isCallExpression(init) || lastNameOf(skipParens(init.expression)) !== 'promisify' || !init.arguments[0]) return false;
  const target = skipParens(init.arguments[0]);
  return lastNameOf(target) === 'verify' && isFromVerifyPackage(target, ctx);
}

/** Packages whose `verify(token, secret)` throws for a missing, forged or expired token: jsonwebtoken, hono's JWT helper. */
const THROWING_VERIFY_PACKAGES = new Set(['jsonwebtoken', 'hono/jwt', 'hono/utils/jwt']);

/** `import { verify as verifyJwt } from 'hono/jwt'`: the name the package gives a renamed import ending in "verify" (or "Verify": no lower-casing on this hot path). */
function importedName(callee: ts.Expression, name: string | undefined, ctx: HandlerContext): string | undefined {
  if (name === undefined || name === 'verify' || !isIdentifier(callee) || !name.endsWith('erify')) return name;
  return ctx.imports?.get(name)?.imported ?? name;
}

/**
 * `new Promise((resolve, reject) => jwt.verify(t, k, (err, p) => err ? reject(err) : resolve(p)))`:
 * the callback form wrapped in a promise that rejects, so `await verifyAsync(t)` throws for a bad
 * token as the plain form does. One whose callback only resolves (`resolve(err ? null : p)`) throws
 * nothing. Asked only of `verify` calls given a callback: the climb runs for those alone.
 */
function rejectsItsPromise(call: ts.CallExpression, callback: ts.ArrowFunction | ts.FunctionExpression): boolean {
  let node: ts.Node | undefined = call.parent;
  while (node && !isFunctionExpression(node)) node = node.parent;
  const executor = node;
  const promise = executor?.parent;
  if (!executor || !promise || !isNewExpression(promise) || promise.arguments?.[0] !== executor || !isIdentifier(promise.expression) || promise.expression.text !== 'Promise') return false;
  const reject = executor.parameters[1]?.name;
  if (!reject || !isIdentifier(reject)) return false;
  return someNode(callback, (n) => isCallExpression(n) && isIdentifier(n.expression) && n.expression.text === reject.text);
}

/**
 * 401 always means "not authenticated". 403 also answers a wrong Host, Origin or CSRF token, so it
 * counts only in code that deals with credentials (see credentialWords). A redirect elsewhere than
 * to log in (`req.flash('error', 'Admins only'); res.redirect('/')`) turns the request `away` only
 * when a check of the user decides it: unconditional, it is the handler's own answer; an HTTPS,
 * locale or trailing-slash redirect is about no user.
 */
type Rejection = 'unauthenticated' | 'forbidden' | 'away' | undefined;

/** Whether what rejectionOf found at `node` turns away the requests `fn` checks. */
function turnsAway(rejection: Rejection, node: ts.Node, fn: FunctionNode): boolean {
  if (rejection === 'unauthenticated') return true;
  if (rejection === 'forbidden') return credentialWords(fn) && !decidedByHostOrOrigin(node, fn);
  const decision = rejection === 'away' ? decisionOf(node, fn) : undefined;
  return decision !== undefined && USER_CHECK.test(decision.getText());
}

/** Headers that say where a request comes from or is addressed to, not who sends it. */
const HOST_OR_ORIGIN = /\b(?:origin|host|hostname|referr?er)\b/i;
/** A string literal written in code. */
const STRING_LITERAL = /(['"`])(?:(?!\1)[^\\]|\\.)*\1/g;

/**
 * `if (req.get('origin') !== 'https://admin.example.com') return res.sendStatus(403)`: a 403
 * decided by the Host, Origin or Referer header alone is a CORS or host check, whatever names the
 * function or the allowed address carry. Header names count as code; other strings (addresses)
 * do not.
 */
function decidedByHostOrOrigin(node: ts.Node, fn: FunctionNode): boolean {
  const decision = decisionOf(node, fn);
  if (decision === undefined) return false;
  const code = decision.getText().replace(STRING_LITERAL, (literal) => (/^.[\w-]+.$/.test(literal) ? literal : "''"));
  return HOST_OR_ORIGIN.test(code) && !CREDENTIAL_WORDS.test(code);
}

/** What a redirect elsewhere than login must be decided by: who the user is, not a locale cookie or a trailing slash. */
const USER_CHECK = /authori[sz]|authentic|\bauth|token|bearer|session|user|jwt|credential|logged|signed|admin|role|permission|principal|account/i;

/**
 * The condition `node` runs under: of an `if`, a `?:` or `&&`/`||` around it, or of an `if` at the
 * top of `fn` that leaves early before it (`if (req.user) return next();`).
 */
function decisionOf(node: ts.Node, fn: FunctionNode): ts.Expression | undefined {
  let child = node;
  for (let n = node.parent; n !== undefined && n !== fn; child = n, n = n.parent) {
    if (isIfStatement(n) && child !== n.expression) return n.expression;
    if (isConditionalExpression(n) && child !== n.condition) return n.condition;
    if (isBinaryExpression(n) && n.right === child && LOGICAL_OPERATORS.has(n.operatorToken.kind)) return n.left;
    if (isBlock(n) && n.parent === fn) {
      const before = n.statements.slice(0, n.statements.indexOf(child as ts.Statement));
      return before.find((s): s is ts.IfStatement => isIfStatement(s) && endsFlow(s.thenStatement))?.expression;
    }
  }
  return undefined;
}

const LOGICAL_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([SyntaxKind.AmpersandAmpersandToken, SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken]);


/** 401/403 used as a status (not compared), an auth error class, `jwtVerify()`, or a denying `canActivate`. */
function rejectionOf(node: ts.Node, options: JudgeOptions): Rejection {
  switch (node.kind) {
    case SyntaxKind.Identifier: {
      const text = (node as ts.Identifier).text;
      if (!mayNameRejectStatus(text) || !REJECT_STATUS_CONSTANT.test(text) || isCompared(node) || isVariableDeclaration(node.parent)) return undefined;
      return /unauthori/i.test(text) ? 'unauthenticated' : 'forbidden';
    }
    case SyntaxKind.NumericLiteral: {
      const text = (node as ts.NumericLiteral).text;
      if (!REJECT_STATUS.has(text) || isCompared(node)) return undefined;
      return text === '401' ? 'unauthenticated' : 'forbidden';
    }
    case SyntaxKind.PropertyAccessExpression: {
      const { name, expression } = node as ts.PropertyAccessExpression;
      if (!REJECT_STATUS_NAMES.has(name.text) || !/status|http|code/i.test(expression.getText()) || isCompared(node)) return undefined;
      return /unauthori/i.test(name.text) ? 'unauthenticated' : 'forbidden';
    }
    case SyntaxKind.NewExpression:
    case SyntaxKind.CallExpression: {
      const call = node as ts.NewExpression | ts.CallExpression;
      const name = lastNameOf(call.expression);
      if (name === undefined) return undefined;
      if (REJECT_CALLEE.test(name)) return UNAUTHENTICATED_CALLEE.test(name) ? 'unauthenticated' : 'forbidden';
      if (isCallExpression(call) && name === 'jwtVerify') return 'unauthenticated';
      if (isCallExpression(call) && name === 'redirect') return redirectsToLogin(call) ? 'unauthenticated' : 'away';
      return undefined;
    }
    case SyntaxKind.ReturnStatement: {
      // Nest: whatever canActivate returns other than `true` may deny the request.
      const expression = (node as ts.ReturnStatement).expression;
      return options.falseRejects && expression && !isTrueAnswer(expression) ? 'unauthenticated' : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * REJECT_STATUS_CONSTANT is case-sensitive and every name it accepts starts with F, H, S or U and
 * is at least nine characters long: one character read spares the regular expression for almost
 * every identifier of a function body.
 */
function mayNameRejectStatus(text: string): boolean {
  if (text.length < 9) return false;
  const first = text.charCodeAt(0);
  return first === 70 || first === 72 || first === 83 || first === 85;
}

const CREDENTIAL_WORDS = /authori[sz]|auth|token|bearer|cookie|session|user|api-?key|jwt|credential|password|secret|role|admin|principal|signature|permission|scope|claim|identity|account|login|x-[\w-]*key/i;
const credentialWordCache = new WeakMap<ts.Node, boolean>();

/** Whether code mentions credentials: a 403 there is an authorisation decision, not a Host check. */
function credentialWords(node: ts.Node): boolean {
  let found = credentialWordCache.get(node);
  if (found === undefined) {
    found = CREDENTIAL_WORDS.test(node.getText());
    credentialWordCache.set(node, found);
  }
  return found;
}

/** `c.redirect('/login')`, `res.redirect('/auth/signin?next=...')`: sending the anonymous user to log in. */
function redirectsToLogin(call: ts.CallExpression): boolean {
  const target = call.arguments[0];
  return target !== undefined && /log-?in|sign-?in|auth/i.test(target.getText());
}

function isCompared(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent || !isBinaryExpression(parent)) return isCaseClause(parent);
  const op = parent.operatorToken.kind;
  return (
    op === SyntaxKind.EqualsEqualsEqualsToken ||
    op === SyntaxKind.EqualsEqualsToken ||
    op === SyntaxKind.ExclamationEqualsEqualsToken ||
    op === SyntaxKind.ExclamationEqualsToken
  );
}

/**
 * `assertAdmin(req.user);`, `await requireRole(c.req.header('x-role'), 'admin');`, and a method of
 * the class or of a service it holds (`this.assertAdmin(req.headers.authorization)` in a Nest guard,
 * `this.auth.assertAdmin(...)`): a call given request data whose result is dropped can only act by
 * throwing or answering, as a guard does. So can one whose result is only attached to the request
 * (`req.user = await this.auth.validateAdmin(req.headers.authorization)`): nothing checks it here.
 * Either way the callee's own definition decides whether it rejects.
 */
function isAssertion(call: ts.CallExpression, params: readonly string[]): boolean {
  const parent = call.parent && isAwaitExpression(call.parent) ? call.parent.parent : call.parent;
  if (parent === undefined || !(isExpressionStatement(parent) || isAttachedToRequest(parent, params))) return false;
  const callee = skipParens(call.expression);
  if (!isIdentifier(callee) && !(isPropertyAccessExpression(callee) && thisMemberName(callee) !== undefined)) return false;
  return call.arguments.some((a) => isRequestData(a, params));
}

/** `req.user = <value>` as a statement of its own: the value is stored on the request. */
function isAttachedToRequest(node: ts.Node, params: readonly string[]): boolean {
  return isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && node.parent !== undefined && isExpressionStatement(node.parent) && (isPropertyAccessExpression(node.left) || isElementAccessExpression(node.left)) && isRequestData(node.left, params);
}

/**
 * Rooted at a parameter, or at a `const` read from one: a Nest guard gets the request as
 * `const req = ctx.switchToHttp().getRequest()` before it checks anything.
 */
function isRequestData(expr: ts.Expression, params: readonly string[]): boolean {
  const root = rootOf(expr);
  if (!isIdentifier(root)) return false;
  if (params.includes(root.text)) return true;
  const init = scopedConstOf(root);
  return init !== undefined && isParamRooted(init, params);
}

/** Whether a call is given one of the parameters as it is (`mw(req, res, next)`). A loop: asked of every call a judgement meets. */
function passesParam(call: ts.CallExpression, params: readonly string[]): boolean {
  for (const arg of call.arguments) if (isIdentifier(arg) && params.includes(arg.text)) return true;
  return false;
}

/**
 * A call that hands the request on: `verify(c)`, `mw(c, next)`, `bearerAuth(o)(c, next)`,
 * `passport.authenticate('jwt')(req, res, next)`. Calls on the request itself (`c.json`) and
 * calls of a parameter (`next()`) are not delegations.
 */
function delegationOf(call: ts.CallExpression, params: readonly string[], ctx: HandlerContext): HandlerRef | undefined {
  if (!passesParam(call, params) && !isAssertion(call, params)) return undefined;
  const callee = skipParens(call.expression);
  if (isIdentifier(callee)) return params.includes(callee.text) ? undefined : (ctx.localHandlerOf?.(callee.text) ?? { kind: 'name', name: callee.text });
  if (isCallExpression(callee)) return handlerRefOf(callee, ctx);
  if (!isPropertyAccessExpression(callee)) return undefined;
  if (isIdentifier(callee.expression)) return params.includes(callee.expression.text) ? undefined : { kind: 'name', name: `${callee.expression.text}.${callee.name.text}` };
  // `this.assertAdmin(...)`, `this.auth.assertAdmin(...)`: the method, as the graph names it.
  const member = thisMemberName(callee);
  return member === undefined ? undefined : { kind: 'name', name: member };
}
