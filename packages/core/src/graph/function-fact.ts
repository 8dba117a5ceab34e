import type { Location } from '../findings/location.js';
import type { ParamGate } from './param-gates.js';
import type { PathExpr } from './path-expr.js';
import type { HandlerRef } from './route-facts.js';
import type { RequestException } from './unless-options.js';

/**
 * What a function does with a request, for judging whether it authenticates. Built from its body
 * where it is defined; the route graph resolves the delegations across files.
 */
export interface FunctionFact {
  /** Its body rejects with 401/403 (a response, a thrown HTTP error, `ctx.throw(401)`, ...). */
  rejects: boolean;
  /** Its leading statements reject before anything else happens (an in-handler guard). */
  rejectsFirst: boolean;
  /** Functions it hands the request to (`mw(c, next)`, `verifyToken(req)`, `bearerAuth(o)(c, next)`). */
  delegates: HandlerRef[];
  /** Delegations in the leading statements (an in-handler `await requireAdmin(c)`). */
  delegatesFirst: HandlerRef[];
  /**
   * Project functions it asks to check a credential it read (`verifyToken(token)`, not handed the
   * request), where a throw would stop the request: one whose readable definition rejects (it
   * calls jsonwebtoken's `verify`) makes this function a guard. A name alone counts for nothing.
   */
  verifies?: HandlerRef[];
  /**
   * Methods it passes on before any check (`if (req.method === 'GET') return next()`): it guards
   * every other method only. OPTIONS and HEAD are left out: they carry no admin action.
   */
  passesMethods?: string[];
  /** An environment flag production may set lets every request through before the check. */
  bypassedByFlag?: true;
  /**
   * Imported names that let every request through before the check when true (`if (isDevAuth())
   * return next()`, `if (config.skipAuth)`): a bypass when their module defines them as an
   * environment flag (`RouteFacts.envFlags`).
   */
  flagRefs?: string[];
  /** Paths its own list lets through before the check (`if (PUBLIC.includes(req.path)) return next()`). */
  exceptions?: RequestException[];
  /**
   * Factory parameters (ids `fn#index`) whose value it lets through before the check (`path ===
   * req.path ? next() : mw(...)` in `unless(path, mw)`): the paths each call passes for them.
   */
  exceptParams?: string[];
  /**
   * Factory parameters that switch the check off (`if (!enforce) return next()`, or every check
   * written `if (role && ...)`): a call whose arguments open one (`requireRole()`) checks nothing.
   */
  paramGates?: ParamGate[];
  /** A request without a credential goes on before any check (`if (!token) return next()`): it fails open. */
  passesAnonymous?: true;
  /** Its last statement calls `next()` only when a check holds (`if (req.session.isAdmin) next()`): other requests stop there. */
  passesOnlyWhenChecked?: true;
  /** A Fastify decoration that calls `done(error)`: as an @fastify/auth strategy, that answers 401. */
  failsWithError?: true;
  /**
   * Nest guard classes only: whether the class reads route metadata (`reflector.getAllAndOverride(
   * IS_PUBLIC_KEY, ...)`). One that does not cannot be switched off by a `@Public()` decorator.
   */
  readsRouteMetadata?: boolean;
  /**
   * Nest guard classes only: it reads the metadata of the handler alone (`reflector.get(KEY,
   * context.getHandler())`, no `getClass()`): `@Public()` on the controller does not switch it off.
   */
  ignoresClassMetadata?: true;
  /**
   * Nest guard classes only: the metadata keys whose absence makes `canActivate` answer true
   * before any check (`if (!roles) return true`), each with its alternative spellings (see
   * route-metadata.ts). Such a guard checks only the routes that carry one of them.
   */
  requiresMetadata?: PathExpr[];
  /**
   * Nest guard classes only: of `requiresMetadata`, the keys whose empty value (read handler first)
   * also answers true (`!roles || roles.length === 0`): a route whose method sets one empty is not checked.
   */
  passesEmptyMetadata?: PathExpr[];
  /**
   * Nest guard classes only: the metadata keys whose presence makes `canActivate` answer true
   * before any check (`if (isPublic) return true`), each with its alternative spellings (see
   * route-metadata.ts): a `@Public()` setting another key opts nothing out.
   */
  honoursMetadata?: PathExpr[][];
  /**
   * A Fastify hook that returns before its check for routes whose `config` sets one of these keys
   * (`if (request.routeOptions.config.public) return`): it checks only the other routes.
   */
  exceptMetadata?: PathExpr[];
  /**
   * Nest guard classes only: `canActivate` returns what these functions answer (`return
   * this.auth.isAdmin(req)`): it denies only when one of them may answer other than true.
   */
  answeredBy?: HandlerRef[];
  /**
   * Rejections under the negated, un-awaited answer of a function imported from another module
   * (`if (!validateAdminToken(req)) return 401`): they count only if that function is not `async`
   * (a promise is always truthy). `first`: the test comes first in the body (an in-handler guard).
   */
  rejectsUnlessAsync?: Array<{ name: string; first: boolean }>;
  /** It is declared `async`: a call not awaited answers a promise. */
  isAsync?: true;
  /** Its only answer is `true`, with nothing called or thrown on the way (a stub: `isAdmin() { return true; }`). */
  answersOnlyTrue?: true;
  /** It calls its last parameter without an error (`next()`): middleware, not an endpoint. */
  passesOn: boolean;
  /**
   * It never calls `next()` itself, only hands it to these functions (`(req, res, next) =>
   * ctl.create(req, res, next)`): it passes on when one of them does. A callee without a name
   * (`passport.authenticate('jwt')(req, res, next)`) is not listed.
   */
  passesNextTo?: string[];
  /**
   * It takes the request but no `next` (this many parameters) and answers with content: given to
   * `use` (`app.use('/admin/stats', adminStats)`), it is an endpoint (see endpoint-arity.ts).
   */
  endpointArity?: number;
  /** A factory: the function it returns (`createAuth(opts)` returning `async (c, next) => ...`). */
  returnsFn?: FunctionFact;
  /** A factory returning another call's result (`return jwt({ secret })`). */
  returnsRef?: HandlerRef;
  /**
   * What it returns first under a test of its parameters, `if (roles?.length) { return
   * applyDecorators(UseGuards(...)) }`: `ref` for a call whose arguments make the test hold,
   * `returnsRef` (what it returns after) for one whose arguments do not.
   */
  gatedReturn?: { gate: ParamGate; ref: HandlerRef };
  /**
   * A factory of several middleware (`return { requireAdmin, requireUser }`): the function-shaped
   * members of the object it returns, by name (see `field` of a call's HandlerRef).
   */
  returnsMembers?: Record<string, HandlerRef>;
  location: Location;
}

/** The fact of a function that checks nothing and hands the request to nobody (`passesOn` when it calls `next()`). */
export function checksNothing(location: Location, passesOn = false): FunctionFact {
  return { rejects: false, rejectsFirst: false, delegates: [], delegatesFirst: [], passesOn, location };
}
