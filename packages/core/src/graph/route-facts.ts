import type { Location } from '../findings/location.js';
import type { ts } from '../parse/typescript.js';
import type { ExtractContext } from '../summary/extract-context.js';
import { extractModuleFacts, type ModuleFacts } from '../summary/module-facts.js';
import type { CallerTest, CallerValue } from './caller-tests.js';
import type { FunctionFact } from './function-fact.js';
import type { LiteralArgs } from './param-gates.js';
import type { PathExpr } from './path-expr.js';
import type { RequestException, UnlessOptions } from './unless-options.js';
import { walkRoutes } from './walk-routes.js';

export type FrameworkName = 'hono' | 'express' | 'fastify' | 'koa' | 'nest';

/**
 * What a registration is made on. `instance` is an app/router created in this file (ids are unique
 * per file); `name` is a top-level or imported identifier the route graph resolves across files;
 * `call` is the value returned by calling a function (`createAdminRouter()`).
 */
export type TargetRef =
  | { instance: string; fresh?: true }
  | { name: string }
  /**
   * The result of a call: `site` is the variable it is bound to (`const users = makeRouter()`), so
   * that each product of a factory is its own router; `fresh` (in `returnsInstance` only) when the
   * function makes a new instance on every call. `field`: the app is a field of what the call
   * returns (`const { app } = createServer()`, `server.app` of `const server = createServer()`).
   */
  | { call: string; member?: string; site?: string; field?: string; fresh?: true }
  /** `require('./admin-router')` used in place; `member` for one of its exports (`require('./admin').router`). */
  | { module: string; member?: string }
  /** A folder of plugin files (@fastify/autoload), as a relative specifier ending in `/`: see MountRegistration.autoload. */
  | { dir: string };

/** A TargetRef to what a call returns. */
export type CallTarget = Extract<TargetRef, { call: string }>;

/** The key of `returnsInstance` for the field `field` of what function `fn` returns. */
export function returnedFieldKey(fn: string, field: string): string {
  return `${fn}().${field}`;
}

/**
 * A middleware or handler as written at a registration. Inline functions are judged where they
 * stand; names and calls are resolved by the route graph (local definitions, other files, known
 * library guards).
 */
export type HandlerRef =
  | { kind: 'fn'; fact: FunctionFact }
  | { kind: 'name'; name: string }
  /**
   * `failsOpen`: its options let anonymous requests through (`expressjwt({ credentialsRequired: false })`).
   * `exceptions`: the paths hono/combine's `except('/admin/health', mw)` exempts (hono-except-paths.ts).
   */
  | {
      kind: 'call';
      callee: string;
      member?: string;
      args?: HandlerRef[];
      /**
       * Where each argument's ref sits in `args` (-1 for a value that is not a function, or a
       * list), when `args` leaves some out or flattens a list: what a factory's parameters are
       * bound to (see positional-args.ts). Indices, not refs: a ref written twice would double the
       * summary at every level of nested calls (`__spreadArray(__spreadArray(...), ...)`).
       */
      positions?: number[];
      failsOpen?: true;
      exceptions?: RequestException[];
      /** The passport strategies `passport.authenticate(...)` / Nest `AuthGuard(...)` names (see passport-strategies.ts). */
      strategies?: string[];
      /**
       * A member of what the call returns (`const auth = createAuth(o); app.use(auth.requireAdmin)`,
       * `const { requireAdmin } = createAuth(o)`): judged by `FunctionFact.returnsMembers`.
       */
      field?: string;
      /**
       * The paths literal arguments spell, by argument index (`unless(['/login', '/health'], auth)`):
       * what a factory's parameter stands for when the function it returns lets that path through.
       * Written only for calls that also pass a function.
       */
      pathArgs?: Record<number, PathExpr[]>;
      /** Its arguments where written as literals, for the parameter gates of the factory it calls (see param-gates.ts). */
      literals?: LiteralArgs;
    }
  /**
   * A value decorated onto a Fastify instance (`fastify.authenticate`, `fastify.basicAuth`);
   * `relation: 'and'` for `fastify.auth([a, b], { relation: 'and' })`.
   */
  | {
      kind: 'decorated';
      name: string;
      args?: HandlerRef[];
      relation?: 'and';
      /**
       * Read from a parameter of the enclosing function (`options.guard`, `fastify.authenticate`),
       * `fn#index`: when a call binds it to an object (`reg(app, { guard })`), that object's field.
       */
      param?: string;
    }
  /** `router.routes()` / `router.middleware()` of Koa, or a router passed as middleware. */
  | { kind: 'instance'; target: TargetRef }
  /**
   * A constant array of middleware (`const adminChain = [auth, audit]`): authenticates if any item
   * does. With `every`, all must (the two branches of `flag ? auth : other`).
   */
  | { kind: 'list'; items: HandlerRef[]; every?: boolean }
  /**
   * A parameter of the enclosing function (`id` is `fn#index`, like a parameter instance): the
   * graph binds it to the argument when it walks the function from a call; otherwise only its
   * name speaks.
   */
  | {
      kind: 'param';
      name: string;
      id: string;
      /** A field of the parameter: `{ isAdmin }` destructured, or `options.guard` read. */
      field?: string;
    }
  /**
   * An object literal passed to a function that registers routes (`registerAdminRoutes(app, {
   * guard: requireAdmin })`): what each field holds, for the parameters that read one.
   */
  | { kind: 'fields'; fields: Record<string, HandlerRef> }
  /**
   * `require('./auth')` used in place: the module's default export; `called` for
   * `require('./routes')(deps)`; `member` for one of its exports (`require('./auth').gate`);
   * `field` for a member of what the called export returns (`require('./permission')(app).validate`).
   */
  | { kind: 'module'; specifier: string; called?: true; member?: string; field?: string }
  /**
   * express-unless / koa-unless `guard.unless(options)`: the guard, except for the requests the
   * options list (see unless-options.ts for what is read).
   */
  | ({ kind: 'unless'; guard: HandlerRef } & UnlessOptions)
  /**
   * Made by the route graph, never in a summary: a ref written in another file than the
   * registration it belongs to (a route-table row's handler, registered by a loop in another file).
   */
  | { kind: 'at'; file: string; ref: HandlerRef }
  | { kind: 'unknown'; reason: string };

/**
 * Whether a registration runs in production: `prod` under a condition true in production,
 * `nonProd` under one false in production (`NODE_ENV !== 'production'`), `unknown` under any other
 * condition (a feature flag: production can end up either way).
 */
export type Condition = 'always' | 'prod' | 'nonProd' | 'unknown';

export interface InstanceFact {
  id: string;
  framework: FrameworkName | undefined;
  /** Router prefix (`new Router({ prefix })`, Nest `@Controller('x')`, Hono `basePath`). */
  prefix?: PathExpr;
  /**
   * Paths that `prefix` does not apply to (Nest `setGlobalPrefix('api', { exclude })`), relative
   * to the instance; `method` limits an entry to one HTTP method.
   */
  prefixExclude?: PrefixExclusion[];
  /** For `app.basePath('/x')`: the instance whose routes this one shares. */
  baseOf?: TargetRef;
  /** Fastify: a plugin wrapped in `fastify-plugin` shares its parent's context (hooks leak up). */
  sharesParentContext?: boolean;
  /**
   * Express: its own layers match paths case-sensitively (`Router({ caseSensitive: true })`, or
   * `app.set('case sensitive routing', true)` before its first route): `use('/admin')` misses `/Admin`.
   */
  caseSensitive?: true;
  location: Location;
}

export interface PrefixExclusion {
  path: PathExpr;
  method?: string;
}

interface RegistrationBase {
  target: TargetRef;
  location: Location;
  /** `unknown` under a caller test (see `callerTests`), which no caller in view may decide. */
  condition: Condition;
  /**
   * Tests of its function's parameters it sits under (`if (devMode)`): each call decides them
   * with its arguments; `ownCondition` is the condition of the other tests around it.
   */
  callerTests?: CallerTest[];
  ownCondition?: Condition;
}

export interface RouteRegistration extends RegistrationBase {
  kind: 'route';
  methods: string[];
  /** One or more paths; empty path (`''`) is the instance root. */
  paths: PathExpr[];
  /** Middleware in the route's own list, in order (also Fastify `onRequest`/`preHandler`). */
  guards: HandlerRef[];
  handler: HandlerRef | undefined;
  /** Nest: the method opts out of global/class guards (`@Public()`, `@SkipAuth()`). */
  skipsInheritedGuards?: boolean;
  /** Nest: only its controller is marked so (a guard reading the handler's metadata alone still runs). */
  publicByClass?: true;
  /** Nest: the keys set by the decorators that mark it public (`@Public()`): a guard reading other keys still runs. */
  publicMetadata?: PathExpr[];
  /** Nest: the keys its own decorators set to an empty list (`@Roles()`), overriding the controller's under `getAllAndOverride`. */
  emptyMetadata?: PathExpr[];
  /** Nest: the metadata keys its decorators set (`@Roles('admin')`), as the graph resolves them. */
  metadata?: PathExpr[];
  /** Nest: the metadata keys its controller's decorators set: a guard reading `context.getHandler()` alone never sees them. */
  classMetadata?: PathExpr[];
}

export interface UseRegistration extends RegistrationBase {
  kind: 'use';
  /** Path patterns; undefined means every path. */
  paths: PathExpr[] | undefined;
  /** In order. A handler that resolves to an app/router is a mount. */
  handlers: HandlerRef[];
  /** Fastify hooks and Nest guards apply to the whole context whatever the order. */
  orderless?: boolean;
  /** Express `app.param(name, fn)`: it runs only for paths that capture that parameter (param-callback.ts). */
  param?: string;
}

export interface MountRegistration extends RegistrationBase {
  kind: 'mount';
  prefix: PathExpr | undefined;
  child: TargetRef;
  /** Fastify `register`: the child gets its own context. */
  encapsulated: boolean;
  /** How @fastify/autoload loads the plugin files of a `{ dir }` child. */
  autoload?: AutoloadOptions;
  /** Nest: a module a `@Module` imports (its own controllers are served at their own paths). */
  moduleImport?: true;
  /** Nest `RouterModule.register`: the path is given to the module's own controllers, not to the modules it imports. */
  ownControllersOnly?: true;
}

/** The @fastify/autoload options that decide which files load and under what prefix. */
export interface AutoloadOptions {
  /** `dirNameRoutePrefix` (default true): a subfolder's name prefixes its plugins' routes. */
  dirNamePrefix: boolean;
  /** `autoHooks`: an `autohooks` file's hooks apply to the plugins of its folder. */
  autoHooks: boolean;
  /** `cascadeHooks`: ... and of its subfolders. */
  cascadeHooks: boolean;
  /**
   * Not @fastify/autoload but a loop over the folder's listing (`readdirSync(dir).forEach(...)`):
   * the folder's own modules (a subfolder by its index), each under its file name when `fileNamePrefix`.
   */
  readdir?: { fileNamePrefix: boolean };
}

/** `registerRoutes(app)`: a function that registers on its parameter, called with an instance. */
export interface InvokeRegistration extends RegistrationBase {
  kind: 'invoke';
  callee: string;
  member?: string;
  /** `require('./routes')(app)`: the module whose default export is called (`callee` is empty). */
  module?: string;
  argIndex: number;
  /** Every argument of the call, so the parameters the function registers with are bound to them. */
  args: HandlerRef[];
  /** What the arguments give the function's caller tests (see caller-tests.ts). */
  values?: Record<string, CallerValue>;
  /** The object literal arguments without a spread: a field they do not write is left out. */
  closed?: number[];
}

/** Nest `app.useGlobalGuards(...)` or an `APP_GUARD` provider: guards every controller. */
export interface GlobalGuardRegistration extends RegistrationBase {
  kind: 'globalGuard';
  handlers: HandlerRef[];
  /** `APP_GUARD`: the `@Module` class that provides it; Nest installs it only if the application's module tree holds that module. */
  module?: string;
}

/** A construct the adapter recognised but could not resolve. Never silently dropped. */
export interface UnknownRegistration extends RegistrationBase {
  kind: 'unknown';
  reason: string;
}

/**
 * Routes registered by a loop over a table imported from another file (`AppRoutes.forEach((r) =>
 * app[r.method](r.path, r.action))`): the graph makes one route per row of the table's file.
 */
export interface TableRegistration extends RegistrationBase {
  kind: 'table';
  /** The table as named in this file (an import). */
  table: string;
  /** The method the call names (`router.get`), or the row field that holds it. */
  method: { name: string } | { field: string };
  /** The row fields that may hold the path, the first one a row has counting (Fastify: `url`, else `path`). */
  pathFields: string[];
  /** The call's arguments after the path, in order: row fields (spread or not), or values written at the call. */
  handlers: TableArg[];
}

export type TableArg = { field: string; spread?: true } | { ref: HandlerRef };

/** A row of a module-level table of route objects (`export const AppRoutes = [{ path, method, action }]`). */
export interface TableRowFact {
  location: Location;
  /** String fields as written (`method: 'get'`). */
  texts: Record<string, string>;
  /** Fields that read as paths. */
  paths: Record<string, PathExpr>;
  /** Fields that hold middleware or handlers, lists flattened. */
  refs: Record<string, HandlerRef[]>;
}

export type RegistrationFact =
  | RouteRegistration
  | TableRegistration
  | UseRegistration
  | MountRegistration
  | InvokeRegistration
  | GlobalGuardRegistration
  | UnknownRegistration;

/**
 * Per-file route facts: app/router instances, registrations (routes and middleware, in program
 * order), mounts, module-level path constants and guard-relevant function facts. The route graph
 * joins every file's facts.
 */
export interface RouteFacts {
  frameworks: FrameworkName[];
  instances: InstanceFact[];
  /** Top-level names bound to an instance or to a call that returns one (`const app = createApp()`). */
  bindings: Record<string, TargetRef>;
  /**
   * Functions that return an instance they create (`function createAdmin() { ...; return r }`),
   * and, keyed by returnedFieldKey, the instances in the fields of an object they return
   * (`return { app, server }`).
   */
  returnsInstance: Record<string, TargetRef>;
  registrations: RegistrationFact[];
  /** Top-level functions, middleware constants and guard classes by name (`default` for the default export). */
  functions: Record<string, FunctionFact>;
  /** Top-level constants bound to a call (`const auth = bearerAuth({ token })`). */
  aliases: Record<string, HandlerRef>;
  /** Fastify `decorate('name', fn)`: project-wide by name. */
  decorations: Record<string, HandlerRef>;
  /** Module-level string constants, so other files can resolve imported path constants. */
  constants: Record<string, PathExpr>;
  /** Module-level tables of route objects, for the files that register routes from them. */
  tables: Record<string, TableRowFact[]>;
  /**
   * Module-level lists with RegExp or `{ url, methods }` entries, by constant name, for the files
   * whose unless options or guard allowlists name them (see collectExceptionLists).
   */
  patterns: Record<string, RequestException[]>;
  /**
   * Module-level consts (and fields of const objects) holding an environment flag production may
   * set, and helpers returning one (`isDevAuth()`), for guards in other files that pass requests on
   * when they are true (see `FunctionFact.flagRefs`).
   */
  envFlags?: string[];
  /**
   * Passport strategies this file sets up with a verify callback that accepts every credential
   * (see passport-strategies.ts): project-wide by name, like decorations.
   */
  openStrategies?: string[];
}

export function emptyRouteFacts(): RouteFacts {
  return {
    frameworks: [],
    instances: [],
    bindings: {},
    returnsInstance: {},
    registrations: [],
    functions: {},
    aliases: {},
    decorations: {},
    constants: {},
    tables: {},
    patterns: {},
  };
}

/**
 * One walk of the file's raw syntax tree, fanned out to the adapters of the frameworks it imports.
 * `module` is the file's module facts when the caller already has them (a file summary does).
 */
export function extractRouteFacts(sf: ts.SourceFile, ctx: ExtractContext, module: ModuleFacts = extractModuleFacts(sf)): RouteFacts {
  return walkRoutes(sf, ctx, module.imports);
}
