import type { ResolvedConfig } from '../config/config.js';
import type { ProjectModel } from '../project/project-model.js';
import { resolveExceptions, type ResolvedException } from './excepts-request.js';
import type { FunctionFact } from './function-fact.js';
import { positionalArgsOf } from './positional-args.js';
import { answersUnder } from './endpoint-arity.js';
import { isAuthLikeName, isKnownGuard, isKnownNonGuard, KNOWN_FASTIFY_GUARD_DECORATIONS } from './known-guards.js';
import { soleRefOf, type PathExpr } from './path-expr.js';
import type { HandlerRef, RouteFacts } from './route-facts.js';
import { resolveMetadataKey } from './resolve-metadata-key.js';
import { resolvePathList } from './resolve-path-list.js';
import { runStackless, type Stackless } from './run-stackless.js';
import type { RequestException, UnlessOptions } from './unless-options.js';
import { declarationOf } from './resolve-path.js';
import { gateHolds, gateOpens, type LiteralArgs } from './param-gates.js';

/**
 * How a handler was found to authenticate, for messages and debugging. `exceptMethods`: HTTP
 * methods (lowercase) the guard lets through unchecked; `exceptRequests`: requests (paths, with
 * methods) it lets through unchecked (`auth.unless({ path })`).
 */
export type GuardVerdict =
  | {
      isGuard: true;
      why: string;
      exceptMethods?: readonly string[];
      exceptRequests?: readonly ResolvedException[];
      /** A Nest guard that never reads route metadata: `@Public()` does not switch it off. */
      ignoresRouteMetadata?: true;
      /** A Nest guard that reads the handler's metadata only: `@Public()` on the controller does not switch it off. */
      ignoresClassMetadata?: true;
      /**
       * A Nest guard that answers true when the metadata it reads is absent (`if (!roles) return
       * true`): it checks only routes (or controllers) that set one of these keys.
       */
      onlyWithMetadata?: readonly string[];
      /** Of `onlyWithMetadata`, the keys whose empty value the guard lets through too (a bare `@Roles()` on the method). */
      passesEmptyMetadata?: readonly string[];
      /** A guard that lets routes setting one of these keys through unchecked (Fastify's `config: { public: true }`). */
      exceptWithMetadata?: readonly string[];
      /** A Nest guard that answers true early for routes setting one of these keys (`if (isPublic) return true`): `@Public()` setting another opts nothing out. */
      honoursMetadata?: readonly string[];
    }
  | { isGuard: false };

const NOT_A_GUARD: GuardVerdict = { isGuard: false };
const NEST_GUARD_DECORATORS = new Set(['UseGuards', 'applyDecorators']);
const MIDDLEWARE_COMPOSERS = /^(koa-compose|compose-middleware)$/;
/**
 * Delegation steps followed before giving up. Judging runs on a heap stack (runStackless), so this
 * only ends pathological cycles that no cache entry breaks; a real chain of thousands of wrappers
 * is followed to its end. Giving up answers "not a guard": the route is reported, never hidden.
 */
const MAX_DEPTH = 100_000;

/** Hand-offs of `next` followed to learn whether a route's last handler passes on: real ones are one or two deep. */
const MAX_PASS_DEPTH = 4;

type Judging = Stackless<GuardVerdict>;

/** The call of a factory whose returned function is judged: its parameters stand for these arguments, read in `file`. */
interface FactoryCall {
  file: string;
  args: readonly HandlerRef[];
  /** The paths its literal arguments spell, by index (see `pathArgs` in route-facts.ts). */
  paths?: Readonly<Record<number, readonly PathExpr[]>>;
  /** Its literal arguments, for the parameter gates of the function it returns (see param-gates.ts). */
  literals?: LiteralArgs;
}

/** Where a name used in a file leads: a definition we can read, or a package / missing file we cannot. */
type Definition =
  | { kind: 'local'; file: string; name: string }
  | { kind: 'package'; specifier: string; imported: string; member?: string }
  | { kind: 'unreadable'; name: string };

/**
 * Decides whether a middleware, guard or handler authenticates, by reading its definition across
 * files: rejecting with 401/403, delegating to something that does, or being a known library
 * guard. Names alone count only when no definition can be read, or when configured.
 */
export class GuardJudge {
  readonly #cache = new Map<string, GuardVerdict>();
  readonly #decorations: Array<{ file: string; name: string; ref: HandlerRef }> = [];
  /** Passport strategies some file sets up to accept every credential (RouteFacts.openStrategies). */
  readonly #openStrategies = new Set<string>();

  constructor(
    private readonly project: ProjectModel,
    private readonly config: ResolvedConfig,
  ) {
    for (const [file, summary] of project.files) {
      for (const [name, ref] of Object.entries(summary.routes.decorations)) this.#decorations.push({ file, name, ref });
      for (const name of summary.routes.openStrategies ?? []) this.#openStrategies.add(name);
    }
  }

  /** As middleware: anywhere in its body. As an endpoint: only a check before anything else happens. */
  judge(file: string, ref: HandlerRef, asEndpoint = false): GuardVerdict {
    return runStackless(this.judgeRef(file, ref, asEndpoint), MAX_DEPTH, NOT_A_GUARD);
  }

  private *judgeRef(file: string, ref: HandlerRef, asEndpoint: boolean): Judging {
    switch (ref.kind) {
      case 'fn':
        return yield this.judgeFact(file, ref.fact, asEndpoint);
      case 'name':
        return yield this.judgeName(file, ref.name, asEndpoint);
      case 'call':
        return yield this.judgeCall(file, ref);
      case 'decorated':
        return yield this.judgeDecorated(ref, file);
      case 'list': {
        const verdicts: GuardVerdict[] = [];
        for (const item of ref.items) verdicts.push(yield this.judgeRef(file, item, false));
        const guard = strongest(verdicts);
        if (ref.every) return verdicts.length > 0 && verdicts.every((v) => v.isGuard) ? (guard ?? NOT_A_GUARD) : NOT_A_GUARD;
        return guard ?? NOT_A_GUARD;
      }
      case 'at':
        return yield this.judgeRef(ref.file, ref.ref, asEndpoint);
      case 'param':
        // Its definition is at the callers: like a package's, only its name and the config speak.
        if (this.isConfigured(ref.name)) return { isGuard: true, why: `configured authMiddleware ${ref.name}` };
        return isAuthLikeName(ref.name) ? { isGuard: true, why: `parameter ${ref.name}` } : NOT_A_GUARD;
      case 'module': {
        if (ref.field !== undefined) return yield this.judgeProductMember(this.moduleDefault(file, ref.specifier), ref.field);
        if (ref.member !== undefined) return yield this.judgeDefinition(this.moduleExport(file, ref.specifier, ref.member), ref.specifier, asEndpoint);
        const def = this.moduleDefault(file, ref.specifier);
        if (!ref.called) return yield this.judgeDefinition(def, ref.specifier, asEndpoint);
        return def.kind === 'local' ? yield this.judgeProduct(def.file, def.name) : yield this.judgeDefinition(def, ref.specifier, false);
      }
      case 'unless': {
        const verdict: GuardVerdict = yield this.judgeRef(file, ref.guard, false);
        return verdict.isGuard ? this.withExceptions(file, verdict, ref) : verdict;
      }
      default:
        return NOT_A_GUARD;
    }
  }

  /** A guard's verdict narrowed by the requests it exempts (`unless` options, hono/combine `except` paths). */
  private withExceptions(file: string, verdict: Extract<GuardVerdict, { isGuard: true }>, ref: UnlessOptions): GuardVerdict {
    const requests = ref.exceptions ? this.resolveRequests(file, ref.exceptions) : [];
    return {
      ...verdict,
      ...(ref.exceptMethods ? { exceptMethods: [...(verdict.exceptMethods ?? []), ...ref.exceptMethods] } : {}),
      ...(requests.length > 0 ? { exceptRequests: [...(verdict.exceptRequests ?? []), ...requests] } : {}),
    };
  }

  /**
   * Exceptions as written in `file` resolved to paths and patterns: a name that stands for a list
   * with RegExp or `{ url, methods }` entries (in this file or another) is those entries, read
   * where the list is; any other reference is the path or list of paths it resolves to.
   */
  private resolveRequests(file: string, exceptions: readonly RequestException[]): ResolvedException[] {
    const out: ResolvedException[] = [];
    for (const x of exceptions) {
      const ref = 'path' in x ? soleRefOf(x.path) : undefined;
      const listed = ref === undefined ? undefined : declarationOf(this.project, file, ref, (facts) => facts.patterns);
      if (!listed) {
        out.push(...resolveExceptions([x], (p) => resolvePathList(this.project, file, p)));
        continue;
      }
      // The entries keep what the use adds: how its strings are matched (a prefix, a Hono pattern), the methods it names.
      const matching = 'path' in x ? { ...(x.prefix ? { prefix: true as const } : {}), ...(x.hono ? { hono: true as const } : {}) } : {};
      const entries = listed.value.map((e) => ({ ...e, ...('path' in e ? matching : {}), ...(x.methods && !e.methods ? { methods: x.methods } : {}) }));
      out.push(...resolveExceptions(entries, (p) => resolvePathList(this.project, listed.file, p)));
    }
    return out;
  }

  /**
   * A guard that lets routes without its metadata through checks only the routes that set it.
   * When no key it reads resolves, which routes carry it is unknown: it counts for every route,
   * as before such guards were modelled.
   */
  private withMetadataGate(file: string, verdict: GuardVerdict, keys: readonly PathExpr[], emptyKeys: readonly PathExpr[] = []): GuardVerdict {
    const resolve = (list: readonly PathExpr[]) => list.flatMap((k) => resolveMetadataKey(this.project, file, k) ?? []);
    const resolved = resolve(keys);
    if (!verdict.isGuard || resolved.length === 0) return verdict;
    const empty = resolve(emptyKeys);
    return { ...verdict, onlyWithMetadata: resolved, ...(empty.length > 0 ? { passesEmptyMetadata: empty } : {}) };
  }

  /** The keys a guard's early `return true` reads, when every one resolves: otherwise any `@Public()` may be one of them. */
  private withHonouredMetadata(file: string, verdict: Extract<GuardVerdict, { isGuard: true }>, keys: readonly PathExpr[][]): GuardVerdict {
    const resolved = keys.map((spellings) => spellings.flatMap((k) => resolveMetadataKey(this.project, file, k) ?? []));
    return resolved.every((k) => k.length > 0) ? { ...verdict, honoursMetadata: resolved.flat() } : verdict;
  }

  private *judgeFact(file: string, fact: FunctionFact, asEndpoint: boolean, call?: FactoryCall): Judging {
    // As with `flag ? bypass : guard`: production may run without the check. And a guard that lets
    // requests without a credential through checks only the callers who bother to send one.
    if (fact.bypassedByFlag || fact.passesAnonymous || fact.flagRefs?.some((ref) => this.isEnvFlag(file, ref))) return NOT_A_GUARD;
    // `requireRole()` of `if (role && ...)`, `requireRole('admin', false)` of `if (!enforce) return next()`.
    const { literals } = call ?? {};
    if (literals && fact.paramGates?.some((g) => gateOpens(g, literals))) return NOT_A_GUARD;
    const body: GuardVerdict = yield this.judgeBody(file, fact, asEndpoint, call);
    if (!body.isGuard) return body;
    // A guard class that reads route metadata may honour `@Public()`, whatever the guard it extends does.
    const { ignoresRouteMetadata: _inherited, ...rest } = body;
    const read = fact.readsRouteMetadata === undefined ? body : fact.readsRouteMetadata ? { ...rest, ...(fact.ignoresClassMetadata && { ignoresClassMetadata: true as const }) } : { ...rest, ignoresRouteMetadata: true as const };
    const honoured = fact.honoursMetadata && read.isGuard ? this.withHonouredMetadata(file, read, fact.honoursMetadata) : read;
    const gated = fact.requiresMetadata ? this.withMetadataGate(file, honoured, fact.requiresMetadata, fact.passesEmptyMetadata) : honoured;
    const verdict = fact.exceptMetadata && gated.isGuard ? { ...gated, exceptWithMetadata: fact.exceptMetadata.flatMap((k) => resolveMetadataKey(this.project, file, k) ?? []) } : gated;
    // Its own list of public paths works as `unless` exceptions do.
    const own = fact.exceptions && verdict.isGuard ? this.withExceptions(file, verdict, { exceptions: fact.exceptions }) : verdict;
    // The paths it lets through that its factory's caller named (`unless('/login', auth)`), read where the call is.
    const bound = fact.exceptParams && call?.paths ? boundPaths(fact.exceptParams, call.paths) : [];
    const narrowed = bound.length > 0 && own.isGuard && call ? this.withExceptions(call.file, own, { exceptions: bound.map((path) => ({ path })) }) : own;
    if (!fact.passesMethods || !narrowed.isGuard) return narrowed;
    return { ...narrowed, exceptMethods: [...(narrowed.exceptMethods ?? []), ...fact.passesMethods] };
  }

  private *judgeBody(file: string, fact: FunctionFact, asEndpoint: boolean, call?: FactoryCall): Judging {
    // A "handler" that calls next() is middleware registered as a route (`app.all('/admin/*', auth)`).
    const strict = asEndpoint && !fact.passesOn;
    if (strict ? fact.rejectsFirst : fact.rejects) return { isGuard: true, why: 'rejects with 401/403' };
    if (fact.rejectsUnlessAsync?.some((r) => (!strict || r.first) && !this.isAsync(file, r.name))) return { isGuard: true, why: 'rejects with 401/403' };
    if (!strict && fact.passesOnlyWhenChecked) return { isGuard: true, why: 'passes on only when its check holds' };
    for (const d of strict ? fact.delegatesFirst : fact.delegates) {
      const bound = call && d.kind === 'param' ? call.args[Number(d.id.slice(d.id.lastIndexOf('#') + 1))] : undefined;
      const v = bound ? yield this.judgeRef(call?.file ?? file, bound, false) : yield this.judgeRef(file, d, false);
      if (v.isGuard) return v;
    }
    // canActivate's `return this.auth.isAdmin(req)` denies unless the method only ever answers true.
    const answering = strict ? undefined : fact.answeredBy?.find((ref) => !this.answersOnlyTrue(file, ref));
    if (answering) return { isGuard: true, why: `answers what ${answering.kind === 'name' ? answering.name : 'a check'} answers` };
    for (const ref of strict ? [] : (fact.verifies ?? [])) {
      const v: GuardVerdict = ref.kind === 'name' ? yield this.judgeVerifier(file, ref.name) : NOT_A_GUARD;
      if (v.isGuard) return { isGuard: true, why: `${ref.kind === 'name' ? ref.name : 'a verifier'} throws for a bad credential` };
    }
    return NOT_A_GUARD;
  }

  /**
   * `verifyToken(token)` asked by a guard: a guard when its definition rejects (or hands on to one
   * that does). A project function whose definition cannot be read (a file outside the scan, as in
   * the editor) counts by its name, as middleware does; a package's function never does: its
   * name (`jwtDecode`) says nothing about throwing.
   */
  private *judgeVerifier(file: string, name: string): Judging {
    // Cached like judgeName: verifiers that call one another (a service's `verify*` methods) would
    // otherwise be judged once per path through them, which grows exponentially with their number.
    const key = `${file}\0${name}\0verifier`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    this.#cache.set(key, NOT_A_GUARD); // cycles end as "not a guard"
    const verdict = yield this.judgeVerifierDefinition(this.definitionOf(file, name));
    this.#cache.set(key, verdict);
    return verdict;
  }

  private *judgeVerifierDefinition(def: Definition): Judging {
    if (def.kind === 'unreadable') return isAuthLikeName(def.name) ? { isGuard: true, why: `${def.name} (definition not in scan)` } : NOT_A_GUARD;
    if (def.kind !== 'local') return NOT_A_GUARD;
    const fact = this.routesOf(def.file)?.functions[def.name];
    return fact ? yield this.judgeFact(def.file, fact, false) : NOT_A_GUARD;
  }

  /** A function the project defines (a stub `isAdmin() { return true; }`) whose only answer is true; unreadable ones may answer anything. */
  private answersOnlyTrue(file: string, ref: HandlerRef): boolean {
    const def = ref.kind === 'name' ? this.definitionOf(file, ref.name) : undefined;
    return def?.kind === 'local' && this.routesOf(def.file)?.functions[def.name]?.answersOnlyTrue === true;
  }

  /** A function of the project declared `async`; one we cannot read is taken for a plain check. */
  private isAsync(file: string, name: string): boolean {
    const def = this.definitionOf(file, name);
    return def.kind === 'local' && this.routesOf(def.file)?.functions[def.name]?.isAsync === true;
  }

  private *judgeName(file: string, name: string, asEndpoint: boolean): Judging {
    if (this.isConfigured(name)) return { isGuard: true, why: `configured authMiddleware ${name}` };
    const key = `${file}\0${name}\0${asEndpoint}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;
    this.#cache.set(key, NOT_A_GUARD); // cycles end as "not a guard"
    const verdict = yield this.judgeDefinition(this.definitionOf(file, name), name, asEndpoint);
    this.#cache.set(key, verdict);
    return verdict;
  }

  private *judgeDefinition(def: Definition, name: string, asEndpoint: boolean): Judging {
    if (def.kind === 'package') {
      if (isKnownNonGuard(def.specifier, def.imported, def.member)) return NOT_A_GUARD;
      // @nestjs/passport's AuthGuard reads no route metadata: `@Public()` alone does not skip it.
      if (isKnownGuard(def.specifier, def.imported, def.member)) return { isGuard: true, why: `${def.specifier} guard`, ...(def.specifier === '@nestjs/passport' ? { ignoresRouteMetadata: true as const } : {}) };
      return isAuthLikeName(def.member ?? (def.imported === 'default' || def.imported === '*' ? name : def.imported))
        ? { isGuard: true, why: `${name} from ${def.specifier}` }
        : NOT_A_GUARD;
    }
    if (def.kind === 'unreadable') return isAuthLikeName(def.name) ? { isGuard: true, why: `${def.name} (definition not in scan)` } : NOT_A_GUARD;
    const facts = this.routesOf(def.file);
    const fact = facts?.functions[def.name];
    if (fact) return yield this.judgeFact(def.file, fact, asEndpoint);
    const alias = facts?.aliases[def.name];
    if (alias) return yield this.judgeRef(def.file, alias, asEndpoint);
    const dot = def.name.indexOf('.');
    // A Nest middleware class (`consumer.apply(AuthMiddleware)`) acts through its `use` method.
    const use = dot === -1 ? facts?.functions[`${def.name}.use`] : undefined;
    if (use) return yield this.judgeFact(def.file, use, false);
    if (dot === -1) {
      // `require('./auth').required` of a CommonJS `module.exports = auth` (or `= { required }`): a member of the default export.
      const owner = facts?.aliases['default'];
      const member = owner?.kind === 'name' ? `${owner.name}.${def.name}` : `default.${def.name}`;
      const found = def.name !== 'default' && (facts?.functions[member] !== undefined || facts?.aliases[member] !== undefined);
      return found ? yield this.judgeDefinition({ ...def, name: member }, name, asEndpoint) : NOT_A_GUARD;
    }
    const viaValue = this.valueMemberOf(def.file, def.name);
    if (viaValue !== def.name) return yield this.judgeDefinition({ ...def, name: viaValue }, name, asEndpoint);
    // `auth.check` where `const auth = new AuthService()`: the class's method.
    const owner = facts?.aliases[def.name.slice(0, dot)];
    if (owner?.kind === 'name') return yield this.judgeDefinition(this.definitionOf(def.file, `${owner.name}${def.name.slice(dot)}`), name, asEndpoint);
    // `auth.requireAdmin` where `const auth = createAuth(o)`: a member of what the factory returns.
    if (owner?.kind === 'call' && owner.field === undefined && !def.name.includes('.', dot + 1)) return yield this.judgeCall(def.file, { ...owner, field: def.name.slice(dot + 1) });
    // `permission.validate` where `const permission = require('./permission')(app)`: the same, of the module's default export.
    if (owner?.kind === 'module' && owner.called && owner.member === undefined && !def.name.includes('.', dot + 1)) return yield this.judgeProductMember(this.moduleDefault(def.file, owner.specifier), def.name.slice(dot + 1));
    // An object we cannot read (a package's instance, a computed value): as unreadable as a package.
    return facts?.functions[def.name.slice(0, dot)] || owner ? NOT_A_GUARD : yield this.judgeDefinition({ kind: 'unreadable', name: def.name.slice(dot + 1) }, name, asEndpoint);
  }

  private *judgeCall(file: string, ref: Extract<HandlerRef, { kind: 'call' }>): Judging {
    // `createAuth(o).requireAdmin`: the member of the object a project factory returns.
    if (ref.field !== undefined) return yield this.judgeProductMember(this.definitionOf(file, ref.member !== undefined ? `${ref.callee}.${ref.member}` : ref.callee), ref.field);
    const shown = ref.member ?? ref.callee;
    if (this.isConfigured(shown) || this.isConfigured(ref.callee)) return { isGuard: true, why: `configured authMiddleware ${shown}` };
    let def = this.definitionOf(file, ref.member !== undefined ? `${ref.callee}.${ref.member}` : ref.callee);
    // The package export called: `every`, or `common_1.UseGuards` of a namespace (compiled CommonJS).
    const exported = def.kind === 'package' ? (def.imported === '*' && def.member !== undefined ? def.member : def.imported) : undefined;
    if (def.kind === 'package' && /^hono\/combine$/.test(def.specifier) && exported !== undefined) {
      // `except(condition, ...mw)` drops its first argument, which `args` leaves out when it is a path.
      const args = exported === 'except' ? positionalArgsOf(ref) : (ref.args ?? []);
      const verdict: GuardVerdict = yield this.judgeCombinator(file, exported, args);
      return verdict.isGuard && exported === 'except' ? this.withExceptions(file, verdict, ref) : verdict;
    }
    // koa-compose / compose-middleware: `compose([auth, audit])` runs each in turn, as an array would.
    if (def.kind === 'package' && MIDDLEWARE_COMPOSERS.test(def.specifier)) return yield this.judgeCombinator(file, 'every', ref.args ?? []);
    // Nest: `UseGuards(A)` and `applyDecorators(..., UseGuards(A))` in a composed decorator guard with A.
    if (def.kind === 'package' && def.specifier === '@nestjs/common' && exported !== undefined && NEST_GUARD_DECORATORS.has(exported)) return yield this.judgeCombinator(file, 'every', ref.args ?? []);
    // A guard factory told to let anonymous requests through (a library's or the project's own:
    // a body that checks `opts.verifyToken(t)` checks nothing when it always answers true).
    if (ref.failsOpen) return NOT_A_GUARD;
    if (def.kind === 'local') def = { ...def, name: this.valueMemberOf(def.file, def.name) };
    // `passport.authenticate('headerapikey')` of a strategy whose verify callback accepts every key:
    // passport lets the request through when any strategy it names does.
    if (ref.strategies?.some((s) => this.#openStrategies.has(s))) return NOT_A_GUARD;
    if (def.kind !== 'local') return yield this.judgeDefinition(def, shown, false);
    // `keycloak.protect()` where `const keycloak = new Keycloak(o)`: a method of an instance, read through its class.
    const facts = this.routesOf(def.file);
    if (def.name.includes('.') && !facts?.functions[def.name] && !facts?.aliases[def.name]) return yield this.judgeDefinition(def, shown, false);
    return yield this.judgeProduct(def.file, def.name, { file, args: positionalArgsOf(ref), ...(ref.pathArgs ? { paths: ref.pathArgs } : {}), ...(ref.literals ? { literals: ref.literals } : {}) });
  }

  /**
   * `middleware.ensure` of a module whose value is an object held by a name (`const auth =
   * (module.exports = { middleware: { ensure() {...} } })`, facts under `auth.middleware.ensure`,
   * or `default.` for `module.exports = {...}`): the name its facts are kept under. A dotted name
   * the file has facts for as written, or whose head is a name of its own, is left as it is.
   */
  private valueMemberOf(file: string, name: string): string {
    const facts = this.routesOf(file);
    const dot = name.indexOf('.');
    if (!facts || dot === -1 || facts.functions[name] || facts.aliases[name] || facts.functions[name.slice(0, dot)] || facts.aliases[name.slice(0, dot)]) return name;
    const value = facts.aliases['default'];
    const held = value?.kind === 'name' ? `${value.name}.${name}` : `default.${name}`;
    return facts.functions[held] || facts.aliases[held] ? held : name;
  }

  /**
   * The member `field` of what the function `factory` names returns (FunctionFact.returnsMembers).
   * A factory we cannot read (a package's) leaves the member's name to speak, as for any
   * unreadable definition.
   */
  private *judgeProductMember(factory: Definition, field: string): Judging {
    const member = factory.kind === 'local' ? this.routesOf(factory.file)?.functions[factory.name]?.returnsMembers?.[field] : undefined;
    if (factory.kind === 'local' && member) return yield this.judgeRef(factory.file, member, false);
    return yield this.judgeDefinition({ kind: 'unreadable', name: field }, field, false);
  }

  /**
   * What a call of the project function `name` returns: a factory counts by the function it
   * returns, not its own body; its parameters stand for the call's arguments when `call` says them.
   */
  private *judgeProduct(file: string, name: string, call?: FactoryCall): Judging {
    const facts = this.routesOf(file);
    const fact = facts?.functions[name];
    if (fact?.returnsFn) return yield this.judgeFact(file, fact.returnsFn, false, call);
    const gated = fact?.gatedReturn;
    // `UseAuth(['SUDO'])` takes the `if (roles?.length)` branch, `UseAuth()` the return after it; unknown arguments either.
    const holds = gated && call?.literals ? gateHolds(gated.gate, call.literals) : undefined;
    if (gated && holds !== false) {
      const taken: GuardVerdict = yield this.judgeRef(file, gated.ref, false);
      if (holds === true || taken.isGuard) return taken;
    }
    // A wrapped function (`createMiddleware(fn)`) is judged as one returned bare: with the call's arguments.
    if (fact?.returnsRef?.kind === 'fn') return yield this.judgeFact(file, fact.returnsRef.fact, false, call);
    if (fact?.returnsRef) return yield this.judgeRef(file, fact.returnsRef, false);
    const alias = facts?.aliases[name];
    if (alias?.kind === 'call') return yield this.judgeCall(file, alias);
    // `module.exports = createAuth`, `export default { authenticate }` called as `middlewares.authenticate()`,
    // and compiled `exports.default = { authenticate: authenticate_1.default }`: the name it stands
    // for, wherever that is defined (a package's function is judged as a call of it).
    if (alias?.kind === 'name' && alias.name !== name) {
      const def = this.definitionOf(file, alias.name);
      return def.kind === 'local' ? yield this.judgeProduct(def.file, def.name, call) : yield this.judgeDefinition(def, alias.name, false);
    }
    return NOT_A_GUARD;
  }

  /**
   * hono/combine: `every(a, b)` authenticates if any part does; `some(a, b)` only if all do;
   * `except(condition, ...mw)` runs its middleware except where the condition (a path test, read
   * as the public exceptions) holds.
   */
  private *judgeCombinator(file: string, combinator: string, args: readonly HandlerRef[]): Judging {
    if (combinator === 'except') return yield this.judgeCombinator(file, 'every', args.slice(1));
    const verdicts: GuardVerdict[] = [];
    for (const a of args) verdicts.push(yield this.judgeRef(file, a, false));
    const guard = strongest(verdicts);
    if (combinator === 'every' && guard?.isGuard) return { isGuard: true, why: 'every(...) with a guard', ...(guard.onlyWithMetadata ? { onlyWithMetadata: guard.onlyWithMetadata } : {}) };
    if (combinator === 'some' && verdicts.length > 0 && verdicts.every((v) => v.isGuard)) return { isGuard: true, why: 'some(...) of guards' };
    return NOT_A_GUARD;
  }

  /** `fastify.authenticate` (found via `decorate`), `fastify.basicAuth`, `fastify.auth([a, b])`. */
  private *judgeDecorated(ref: Extract<HandlerRef, { kind: 'decorated' }>, file: string): Judging {
    if (this.isConfigured(ref.name)) return { isGuard: true, why: `configured authMiddleware ${ref.name}` };
    const decoration = this.#decorations.find((d) => d.name === ref.name);
    // A plugin's own decoration (`basicAuth`) is a guard, unless the project's options open it (see the Fastify adapter).
    if (KNOWN_FASTIFY_GUARD_DECORATIONS.has(ref.name) && !decoration) return { isGuard: true, why: `fastify.${ref.name}` };
    if (ref.name === 'auth' && ref.args && !decoration) {
      // @fastify/auth passes when one strategy does (relation "or", the default): all must
      // authenticate. With relation "and" every strategy must pass: one guard is enough.
      const verdicts: boolean[] = [];
      // A strategy is a decoration (`fastify.verifyJwt`) or a function given in place or by name (`auth([verifyJwt])`).
      for (const a of ref.args) verdicts.push(a.kind === 'decorated' ? (yield this.judgeDecorated(a, file)).isGuard || this.failsAsStrategy(a.name) : (yield this.judgeRef(file, a, false)).isGuard || this.refFailsAsStrategy(file, a));
      const passes = ref.relation === 'and' ? verdicts.some(Boolean) : verdicts.length > 0 && verdicts.every(Boolean);
      return passes ? { isGuard: true, why: '@fastify/auth strategies' } : NOT_A_GUARD;
    }
    if (decoration) return yield this.judgeRef(decoration.file, decoration.ref, false);
    // `app.apiKeys.requiresAuthentication` of `decorate('apiKeys', { requiresAuthentication })`.
    const dot = ref.name.indexOf('.');
    const holder = dot === -1 ? undefined : this.#decorations.find((d) => d.name === ref.name.slice(0, dot));
    const field = holder?.ref.kind === 'fields' ? holder.ref.fields[ref.name.slice(dot + 1)] : undefined;
    if (holder && field) return yield this.judgeRef(holder.file, field, false);
    return isAuthLikeName(ref.name) ? { isGuard: true, why: `fastify.${ref.name} (decoration not in scan)` } : NOT_A_GUARD;
  }

  /** `isDevAuth` or `config.skipAuth` imported into `file`: its module defines it as an environment flag. */
  private isEnvFlag(file: string, ref: string): boolean {
    const [root = '', ...rest] = ref.split('.');
    const origin = this.project.originOf(file, root);
    if (origin.kind !== 'local' || origin.file === file) return false;
    // A whole CommonJS module (`const config = require('./config')`) is its `module.exports`.
    const name = origin.name === '*' ? (this.project.valueNameOf(origin.file) ?? 'default') : origin.name;
    return this.routesOf(origin.file)?.envFlags?.includes([name, ...rest].join('.')) ?? false;
  }

  /** An @fastify/auth strategy that calls `done(error)`: the plugin answers 401 for it. */
  private failsAsStrategy(name: string): boolean {
    const ref = this.#decorations.find((d) => d.name === name)?.ref;
    return ref?.kind === 'fn' && ref.fact.failsWithError === true;
  }

  /** The same of a strategy function given in place or declared in the project. */
  private refFailsAsStrategy(file: string, ref: HandlerRef): boolean {
    if (ref.kind === 'fn') return ref.fact.failsWithError === true;
    const def = ref.kind === 'name' ? this.definitionOf(file, ref.name) : undefined;
    return def?.kind === 'local' && this.routesOf(def.file)?.functions[def.name]?.failsWithError === true;
  }

  /**
   * Whether a route's last handler is middleware (it calls `next`), as in `app.all('/admin/*', log)`:
   * such a "route" is not an endpoint of its own.
   */
  passesOn(file: string, ref: HandlerRef, depth = 0): boolean {
    if (ref.kind === 'at') return this.passesOn(ref.file, ref.ref, depth);
    if (ref.kind === 'fn') return this.factPassesOn(file, ref.fact, depth);
    if (ref.kind !== 'name') return false;
    const def = this.definitionOf(file, ref.name);
    const fact = def.kind === 'local' ? this.routesOf(def.file)?.functions[def.name] : undefined;
    return def.kind === 'local' && fact !== undefined && this.factPassesOn(def.file, fact, depth);
  }

  /**
   * A function that only hands `next` on (`(req, res, next) => ctl.create(req, res, next)`) passes
   * on when a function it hands it to does; one whose definition cannot be read is taken for an
   * endpoint, as the last handler of a route is.
   */
  private factPassesOn(file: string, fact: FunctionFact, depth: number): boolean {
    if (!fact.passesOn) return false;
    if (fact.passesNextTo === undefined) return true;
    return depth < MAX_PASS_DEPTH && fact.passesNextTo.some((name) => this.passesOn(file, { kind: 'name', name }, depth + 1));
  }

  /** `app.use('/admin/stats', adminStats)` of a project function that takes no `next` and answers: an endpoint. */
  answersItself(file: string, ref: HandlerRef, framework: string | undefined): boolean {
    if (ref.kind === 'at') return this.answersItself(ref.file, ref.ref, framework);
    // A name, or a module's default export used in place (`app.use('/admin/stats', require('./stats'))`).
    const def = ref.kind === 'name' ? this.definitionOf(file, ref.name) : ref.kind === 'module' && !ref.called ? this.moduleDefault(file, ref.specifier) : undefined;
    return def?.kind === 'local' && answersUnder(this.routesOf(def.file)?.functions[def.name]?.endpointArity, framework);
  }

  private isConfigured(name: string): boolean {
    return this.config.authMiddleware.includes(name);
  }

  private routesOf(file: string): RouteFacts | undefined {
    const summary = this.project.files.get(file);
    return summary?.routes;
  }

  /** The default export of `require(specifier)` seen from `file`. */
  moduleDefault(file: string, specifier: string): Definition {
    const target = this.project.resolveModule(file, specifier);
    // `export default async function adminRoutes(app)`: the function the module defines by that name.
    const named = target !== undefined ? this.project.originOfMember(target, 'default') : undefined;
    if (named?.kind === 'local') return named;
    if (target !== undefined) return { kind: 'local', file: target, name: 'default' };
    if (this.project.isProjectSpecifier(file, specifier)) return { kind: 'unreadable', name: specifier.split('/').pop() ?? specifier };
    return { kind: 'package', specifier, imported: 'default' };
  }

  /** `require('./auth').gate`, `require('express-jwt').expressjwt` used in place: that export of the module. */
  moduleExport(file: string, specifier: string, member: string): Definition {
    const target = this.project.resolveModule(file, specifier);
    if (target !== undefined) return this.namespaceMember(target, member);
    if (this.project.isProjectSpecifier(file, specifier)) return { kind: 'unreadable', name: member };
    return { kind: 'package', specifier, imported: member };
  }

  /** `ns.requireAdmin` (or `ns.auth.required`) of a namespace import of `moduleFile`, wherever the module re-exports it from. */
  private namespaceMember(moduleFile: string, member: string): Definition {
    const dot = member.indexOf('.');
    const first = dot === -1 ? member : member.slice(0, dot);
    const rest = dot === -1 ? '' : member.slice(dot);
    const origin = this.project.originOfMember(moduleFile, first);
    if (origin.kind === 'package') return { kind: 'package', specifier: origin.specifier, imported: origin.imported, ...(rest ? { member: rest.slice(1) } : {}) };
    if (origin.kind === 'unresolved') return { kind: 'unreadable', name: first };
    if (origin.file === moduleFile && origin.name === first && this.isMemberOfDefault(moduleFile, first)) return { kind: 'local', file: moduleFile, name: `default.${member}` };
    return { kind: 'local', file: origin.file, name: origin.name === '*' ? rest.slice(1) || 'default' : `${origin.name}${rest}` };
  }

  /**
   * `require('./admin.route').router` where the module is `module.exports = AdminRoute`: what
   * `require` returns is the default export, so a name the module neither exports nor defines is a
   * member of that (`AdminRoute.router`).
   */
  private isMemberOfDefault(moduleFile: string, name: string): boolean {
    const module = this.project.files.get(moduleFile)?.module;
    const routes = this.routesOf(moduleFile);
    if (!module || !routes || !module.exports.some((e) => e.exported === 'default') || module.exports.some((e) => e.exported === name)) return false;
    return routes.functions[name] === undefined && routes.bindings[name] === undefined && routes.aliases[name] === undefined;
  }

  /** Follows imports (and `ns.member` of namespace imports) to a definition. */
  definitionOf(file: string, name: string): Definition {
    const dot = name.indexOf('.');
    const root = dot === -1 ? name : name.slice(0, dot);
    const member = dot === -1 ? undefined : name.slice(dot + 1);
    const origin = this.project.originOf(file, root);
    if (origin.kind === 'package') return { kind: 'package', specifier: origin.specifier, imported: origin.imported, ...(member !== undefined ? { member } : {}) };
    if (origin.kind === 'unresolved') return { kind: 'unreadable', name: member ?? root };
    // `ns.fn` of a namespace import (through the module's re-exports), or `obj.fn` of an object / static class member.
    if (member !== undefined && origin.name === '*') return this.namespaceMember(origin.file, member);
    if (member !== undefined) return { kind: 'local', file: origin.file, name: `${origin.name}.${member}` };
    // A whole module used as a value is a CommonJS `module.exports = ...`: its default export.
    return { kind: 'local', file: origin.file, name: origin.name === '*' ? 'default' : origin.name };
  }
}

/**
 * The guard of several that all run (`@UseGuards(RolesGuard, JwtGuard)`): one that checks every
 * route before one that checks only routes with its metadata.
 */
function strongest(verdicts: readonly GuardVerdict[]): GuardVerdict | undefined {
  return verdicts.find((v) => v.isGuard && !v.onlyWithMetadata) ?? verdicts.find((v) => v.isGuard);
}

/** The paths a call passed for the factory parameters `ids` (`fn#index`); a parameter it passed no literal for names none. */
function boundPaths(ids: readonly string[], paths: Readonly<Record<number, readonly PathExpr[]>>): PathExpr[] {
  return ids.flatMap((id) => paths[Number(id.slice(id.lastIndexOf('#') + 1))] ?? []);
}
