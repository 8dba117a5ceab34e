import { posix } from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import type { Location } from '../findings/location.js';
import type { ProjectModel } from '../project/project-model.js';
import { modulePathOf } from '../project/resolve-module.js';
import { pathAlternatives } from './optional-groups.js';
import { autoloadedPlugins } from './autoload-plugins.js';
import { callerTestCondition, type CallerValue } from './caller-tests.js';
import { positionalArgsOf } from './positional-args.js';
import { andConditions } from './classify-condition.js';
import { exceptsRequest } from './excepts-request.js';
import { endpointPathsOf } from './endpoint-arity.js';
import { GuardJudge, type GuardVerdict } from './guard-judge.js';
import { coversPath, isCaseSensitive, joinPaths, patternModeOf, segmentsOf, type PathPattern } from './match-path.js';
import { capturesParam, type ParamCallback } from './param-callback.js';
import type { PathExpr } from './path-expr.js';
import { resolveMetadataKey } from './resolve-metadata-key.js';
import { resolvePath } from './resolve-path.js';
import { runStackless, type Stackless } from './run-stackless.js';
import { tableRoutes } from './table-routes.js';
import {
  returnedFieldKey,
  type CallTarget,
  type Condition,
  type FrameworkName,
  type HandlerRef,
  type InstanceFact,
  type InvokeRegistration,
  type MountRegistration,
  type RegistrationFact,
  type RouteFacts,
  type RouteRegistration,
  type TargetRef,
} from './route-facts.js';

/** A mount on the way from a root app to a route: the `related` location of a finding. */
export interface MountStep {
  file: string;
  location: Location;
  prefix: string;
}

/** One way a route is reached: its full path, the mounts on the way, and what guards it. */
export interface RouteOccurrence {
  /** Undefined when a part of the path could not be resolved. */
  path: string | undefined;
  mounts: MountStep[];
  /** The first guard that runs before the handler, if any. */
  guard: GuardVerdict;
  /** Guards that would cover the route but only run outside production. */
  nonProdGuard: boolean;
}

export interface GraphRoute {
  file: string;
  location: Location;
  methods: string[];
  framework: FrameworkName | undefined;
  condition: Condition;
  occurrences: RouteOccurrence[];
}

/** A construct no adapter or resolution step could follow. Rules decide what it means. */
export interface UnknownEdge {
  file: string;
  location: Location;
  reason: string;
}

export interface RouteGraph {
  routes: GraphRoute[];
  unknown: UnknownEdge[];
}

/**
 * Runs the part of the build that belongs to one file; a failure there is reported for that file
 * (a rule's `inFile`) and the rest of the graph is still built.
 */
export type FileWork = (file: string, work: () => void) => void;

const unisolated: FileWork = (_file, work) => work();

/** The route graph of a scan, built once whichever rule asks first. */
export function getRouteGraph(project: ProjectModel, config: ResolvedConfig, inFile: FileWork = unisolated): RouteGraph {
  return project.memo('route-graph', (p) => buildRouteGraph(p, config, inFile));
}

interface Entry {
  pattern: PathPattern;
  methods: string[] | undefined;
  guard: GuardVerdict;
  condition: Condition;
  /** An `app.param` callback: it covers only the routes that capture its parameter. */
  param?: ParamCallback;
}

interface Visit {
  prefix: string | undefined;
  chain: Entry[];
  mounts: MountStep[];
  framework: FrameworkName | undefined;
  condition: Condition;
  stack: Set<string>;
  /** Parameters of the function the walk entered through a call (`mountAdmin(app, adminRouter)`), by global id. */
  bound?: ReadonlyMap<string, BoundArgument>;
  /** That function (its global id) and what the call's arguments give its caller tests (see caller-tests.ts). */
  called?: { fn: string; values: Readonly<Record<string, CallerValue>>; closed: readonly number[]; count: number };
  /** The outermost call the walk entered a function through: its body runs there, in program order. */
  calledAt?: { file: string; offset: number };
  /** Hono copies a sub-app's routes when `route()` runs: later registrations in that file are not copied. */
  copiedAt?: { file: string; offset: number };
  /** Nest `setGlobalPrefix(p, { exclude })`: routes matching an exclusion are served without `p`. */
  prefixExclusion?: PrefixExclusionAt;
  /** Nest: a module entered through `RouterModule.register`, whose imports are served elsewhere. */
  ownControllersOnly?: true;
  /** Express: the instance visited matches its own layers case-sensitively (InstanceFact.caseSensitive). */
  caseSensitive?: true;
}

interface PrefixExclusionAt {
  /** The path before the prefix was added, and with it. */
  outer: string;
  prefixed: string;
  entries: Array<{ pattern: PathPattern; method?: string }>;
}

/** The argument a call passes for a parameter, read in the calling file. */
interface BoundArgument {
  file: string;
  ref: HandlerRef;
}

interface IndexedRegistration {
  file: string;
  reg: RegistrationFact;
  /** Extra prefix of a `basePath` alias the registration was made on. */
  aliasPrefix: string | undefined;
}

interface Instance {
  file: string;
  fact: InstanceFact;
}

/** Aliases followed when resolving a name to an app or router (`const a = b`, `basePath` of a basePath). */
const MAX_MOUNT_DEPTH = 32;
/**
 * Mounts followed below a root. The walk runs on a heap stack (runStackless): a router mounted
 * through thousands of routers is walked to its routes; only absurd depths stop it.
 */
const MAX_MOUNT_NESTING = 100_000;

/**
 * The file that makes an app runs its registrations when it loads, before any file that imports
 * the app can add its own (`export const app = express(); app.use(auth)`, then `app.use('/admin',
 * admin)` in index.ts): those come after, in the order the files were indexed.
 */
function ownFileFirst(list: IndexedRegistration[], file: string | undefined): IndexedRegistration[] {
  if (file === undefined || list.every((r) => r.file === file)) return list;
  return [...list.filter((r) => r.file === file), ...list.filter((r) => r.file !== file)];
}

/** Walking an instance yields the walks of the instances mounted into it; each returns the entries it added. */
type Walk<R = readonly Entry[]> = Stackless<readonly Entry[], R>;
const NO_ENTRIES: readonly Entry[] = [];

export function buildRouteGraph(project: ProjectModel, config: ResolvedConfig, inFile: FileWork = unisolated): RouteGraph {
  return new RouteGraphBuilder(project, config, inFile).build();
}

class RouteGraphBuilder {
  readonly #judge: GuardJudge;
  readonly #instances = new Map<string, Instance>();
  readonly #registrations = new Map<string, IndexedRegistration[]>();
  readonly #children = new Set<string>();
  /** Whether some Nest module is mounted (imported, or given to `NestFactory.create`): see isInstalledModule. */
  #nestTreeSeen: boolean | undefined;
  readonly #globalGuards: Array<{ file: string; handlers: HandlerRef[]; condition: Condition; module?: string }> = [];
  readonly #routes = new Map<string, GraphRoute>();
  readonly #unknown: UnknownEdge[] = [];
  readonly #autoloaded = new Map<string, Array<{ id: string; prefix: string; hooks: string[] }>>();
  /** A factory's product (`const users = makeRouter()`) and the instance the factory makes. */
  readonly #templateOf = new Map<string, string>();

  constructor(
    private readonly project: ProjectModel,
    config: ResolvedConfig,
    private readonly inFile: FileWork,
  ) {
    this.#judge = new GuardJudge(project, config);
  }

  build(): RouteGraph {
    for (const [file, summary] of this.project.files) {
      for (const fact of summary.routes.instances) this.#instances.set(globalId(file, fact.id), { file, fact });
    }
    for (const [file, summary] of this.project.files) this.indexIsolated(file, summary.routes);
    for (const [id, list] of this.#registrations) this.#registrations.set(id, ownFileFirst(list, this.#instances.get(id)?.file));
    // A factory's own instance is walked through its products, each where it is mounted. Roots are
    // fixed before walking: resolving a handler on the way may make a product.
    const templates = new Set(this.#templateOf.values());
    const roots = [...this.#instances].filter(([id, instance]) => !this.#children.has(id) && !instance.fact.baseOf && !templates.has(id));
    for (const [id, instance] of roots) {
      // A failure walking one app costs the routes not reached yet from that app, not the others'.
      this.inFile(instance.file, () => {
        const root = this.visit(id, { prefix: '', chain: this.rootChain(instance), mounts: [], framework: instance.fact.framework, condition: 'always', stack: new Set() });
        runStackless(root, MAX_MOUNT_NESTING, NO_ENTRIES);
      });
    }
    return { routes: [...this.#routes.values()], unknown: this.#unknown };
  }

  /**
   * Indexes one file's registrations; when that fails, none of them: half a file (its routes
   * without the `use` after them) would be judged wrongly.
   */
  private indexIsolated(file: string, facts: RouteFacts): void {
    let indexed = false;
    this.inFile(file, () => {
      this.index(file, facts);
      indexed = true;
    });
    if (indexed) return;
    for (const [id, list] of this.#registrations) this.#registrations.set(id, list.filter((r) => r.file !== file));
    this.#globalGuards.splice(0, this.#globalGuards.length, ...this.#globalGuards.filter((g) => g.file !== file));
  }

  /** Groups registrations by the instance they land on (a `basePath` alias lands on its base). */
  private index(file: string, facts: RouteFacts): void {
    for (const reg of facts.registrations) {
      if (reg.kind === 'globalGuard') {
        const module = reg.module !== undefined ? this.resolveTarget(file, { name: reg.module }) : undefined;
        this.#globalGuards.push({ file, handlers: reg.handlers, condition: reg.condition, ...(module !== undefined ? { module } : {}) });
        continue;
      }
      const resolved = this.resolveTarget(file, reg.target);
      if (!resolved) {
        if (reg.kind !== 'invoke') this.#unknown.push({ file, location: reg.location, reason: `cannot resolve the app or router of this ${reg.kind}` });
        continue;
      }
      const { id, aliasPrefix } = this.baseOf(resolved);
      const list = this.#registrations.get(id) ?? [];
      if (reg.kind === 'table') {
        // The routes live in the table's file (their rows, paths and handlers are written there).
        const origin = this.tableOrigin(file, reg.table);
        const rows = origin.kind === 'local' ? this.project.files.get(origin.file)?.routes.tables[origin.name] : undefined;
        if (origin.kind === 'local' && rows) for (const route of tableRoutes(reg, file, rows)) list.push({ file: origin.file, reg: route, aliasPrefix });
      } else {
        list.push({ file, reg, aliasPrefix });
      }
      this.#registrations.set(id, list);
      for (const child of this.childrenOf(file, reg)) this.#children.add(this.baseOf(child).id);
    }
  }

  /** Where a table named in `file` is defined: an import, or a member of a namespace import (`routes.list`). */
  private tableOrigin(file: string, name: string): ReturnType<ProjectModel['originOf']> {
    const dot = name.indexOf('.');
    if (dot < 0) return this.project.originOf(file, name);
    const origin = this.project.originOf(file, name.slice(0, dot));
    if (origin.kind !== 'local') return origin;
    return origin.name === '*' ? this.project.originOfMember(origin.file, name.slice(dot + 1)) : { ...origin, name: `${origin.name}${name.slice(dot)}` };
  }

  private childrenOf(file: string, reg: RegistrationFact): string[] {
    if (reg.kind === 'mount' && reg.autoload) return this.autoloaded(file, reg).flatMap((p) => [p.id, ...p.hooks]);
    if (reg.kind === 'mount') return optional(this.resolveTarget(file, reg.child));
    if (reg.kind === 'invoke') return optional(this.invokedInstance(file, reg, reg.argIndex));
    if (reg.kind === 'use') return reg.handlers.flatMap((h) => optional(this.instanceOfHandler(file, h)));
    return [];
  }

  /** Follows `basePath` aliases to the instance whose router they share, collecting their prefixes. */
  private baseOf(id: string): { id: string; aliasPrefix: string | undefined } {
    let current = id;
    let prefix: string | undefined = '';
    for (let i = 0; i < MAX_MOUNT_DEPTH; i++) {
      const inst = this.#instances.get(current);
      if (!inst?.fact.baseOf) break;
      const own = this.pathOf(inst.file, inst.fact.prefix);
      prefix = prefix === undefined || own === undefined ? undefined : joinPaths(own, prefix);
      const base = this.resolveTarget(inst.file, inst.fact.baseOf);
      if (!base) break;
      current = base;
    }
    return { id: current, aliasPrefix: prefix === '' ? undefined : prefix };
  }

  /** Nest controllers start with every global guard (`useGlobalGuards`, `APP_GUARD`). */
  private rootChain(instance: Instance): Entry[] {
    if (instance.fact.framework !== 'nest') return [];
    return this.#globalGuards.filter((g) => g.module === undefined || this.isInstalledModule(g.module)).flatMap((g) =>
      g.handlers.map((h) => ({ pattern: { path: undefined, mode: 'prefix' as const, caseSensitive: false }, methods: undefined, guard: this.#judge.judge(g.file, h), condition: g.condition })),
    );
  }

  /**
   * A Nest module whose `APP_GUARD` the application installs: one some module imports (or
   * `NestFactory.create` is given), or one that serves something itself. A module that stands
   * alone, imported by no module of a tree the scan sees, is never part of the application.
   */
  private isInstalledModule(id: string): boolean {
    if (this.#children.has(id) || (this.#registrations.get(id)?.length ?? 0) > 0) return true;
    // Without a module tree in the scan (no module mounted: a library, the editor's one file), any may be installed.
    this.#nestTreeSeen ??= [...this.#children].some((child) => this.#instances.get(child)?.fact.framework === 'nest');
    return !this.#nestTreeSeen;
  }

  /** Visits an instance under a mount; returns the middleware entries its own registrations added. */
  private *visit(mounted: string, v: Visit): Walk {
    // Mounting `app.basePath('/v1')` mounts the app it shares its routes with.
    const id = this.baseOf(mounted).id;
    const instance = this.#instances.get(id);
    if (!instance || v.stack.has(id)) return NO_ENTRIES;
    const framework = instance.fact.framework ?? v.framework;
    const ownPrefix = this.pathOf(instance.file, instance.fact.prefix);
    const prefix = v.prefix === undefined || ownPrefix === undefined ? undefined : joinPaths(v.prefix, ownPrefix);
    const { copiedAt, bound, calledAt, ...rest } = v;
    // The call that entered a function binds the registrations made in it, on its parameters (also
    // on a router the function makes: `makeAdminRouter(requireAdmin)`); an app or router created elsewhere has its own.
    const inCall = id.includes('#') ? { ...(bound && { bound }), ...(calledAt && { calledAt }) } : this.#templateOf.has(id) && bound ? { bound } : {};
    // A router prefix, basePath or controller path is where a route becomes administrative, too.
    const mounts = ownPrefix ? [...v.mounts, { file: instance.file, location: instance.fact.location, prefix: prefix ?? '?' }] : v.mounts;
    const exclusion = this.prefixExclusionOf(instance, v.prefix, prefix);
    const { caseSensitive: _parent, ...outer } = rest;
    const here: Visit = { ...outer, ...inCall, ...(exclusion && { prefixExclusion: exclusion }), ...(instance.fact.caseSensitive && { caseSensitive: true as const }), prefix, framework, mounts, chain: [...v.chain], stack: new Set([...v.stack, id]) };
    const all = this.registrationsOf(id);
    const regs = copiedAt ? all.filter((r) => r.file !== copiedAt.file || r.reg.location.offset < copiedAt.offset) : all;
    // Fastify hooks and Nest class guards apply to the whole context whatever their position.
    for (const r of this.contextHooks(id, new Set())) yield* this.addUse(here, r, withAlias(prefix, r.aliasPrefix), true);
    const inherited = here.chain.length;
    for (const r of regs) yield* this.apply(here, r);
    return here.chain.slice(inherited);
  }

  /** What is registered on an instance: for a factory's product, what the factory did first. */
  private registrationsOf(id: string): readonly IndexedRegistration[] {
    const own = this.#registrations.get(id) ?? [];
    const template = this.#templateOf.get(id);
    return template === undefined ? own : [...this.registrationsOf(template), ...own];
  }

  private prefixExclusionOf(instance: Instance, outer: string | undefined, prefixed: string | undefined): PrefixExclusionAt | undefined {
    const exclude = instance.fact.prefixExclude;
    if (!exclude || exclude.length === 0 || outer === undefined || prefixed === undefined) return undefined;
    const entries = exclude.map((x) => ({
      // Nest's path-to-regexp spellings of "anything from here": `(.*)`, `*splat`, `{*splat}`.
      pattern: { path: joinPaths('/', this.pathOf(instance.file, x.path).replace(/\(\.\*\)/g, '*')), mode: 'exact' as const, caseSensitive: false },
      ...(x.method !== undefined ? { method: x.method } : {}),
    }));
    return { outer, prefixed, entries };
  }

  /** The path a route is served at when a global-prefix exclusion takes the prefix off it. */
  private servedPath(v: Visit, full: string, methods: readonly string[]): string {
    const x = v.prefixExclusion;
    if (!x || !(full === x.prefixed || full.startsWith(`${x.prefixed.replace(/\/$/, '')}/`))) return full;
    const rest = joinPaths('/', full.slice(x.prefixed.length));
    const excluded = x.entries.some((e) => coversPath(e.pattern, rest) && (e.method === undefined || methods.every((m) => m === e.method)));
    return excluded ? joinPaths(x.outer, rest) : full;
  }

  /**
   * Express routers run their middleware for every request under their mount path, and Hono
   * copies a sub-app's middleware into the parent: either way it also guards what is registered
   * on the parent afterwards. Koa routers and Fastify plugins keep theirs to themselves.
   */
  private inheritFromChild(v: Visit, added: readonly Entry[]): void {
    // A sub-router's param callbacks are its own: they never run for the parent's layers.
    if (v.framework === 'express' || v.framework === 'hono') v.chain.push(...added.filter((e) => e.methods === undefined && !e.param));
  }

  /** Orderless hooks of an instance and of the `fastify-plugin` children that share its context. */
  private contextHooks(id: string, seen: Set<string>): IndexedRegistration[] {
    if (seen.has(id)) return [];
    seen.add(id);
    const out: IndexedRegistration[] = [];
    for (const r of this.registrationsOf(id)) {
      if (r.reg.kind === 'use' && r.reg.orderless) out.push(r);
      if (r.reg.kind === 'mount' && r.reg.autoload) {
        // Autoload registers each plugin on this instance: one wrapped in fastify-plugin shares its context.
        for (const plugin of this.autoloaded(r.file, r.reg)) if (this.#instances.get(plugin.id)?.fact.sharesParentContext) out.push(...this.contextHooks(plugin.id, seen));
      } else if (r.reg.kind === 'mount' && this.#instances.get(id)?.fact.framework === 'fastify') {
        const child = this.resolveTarget(r.file, r.reg.child);
        const shares = child !== undefined && (!r.reg.encapsulated || this.#instances.get(child)?.fact.sharesParentContext === true);
        if (child && shares) out.push(...this.contextHooks(child, seen));
      }
    }
    return out;
  }

  private *apply(v: Visit, r: IndexedRegistration): Walk<void> {
    const { reg, file } = r;
    const own = registrationCondition(v, file, reg);
    // `if (devMode) router.post(...)` of a call passing `devMode: false`: not registered there.
    if (own === 'never') return;
    const at: Visit = { ...v, prefix: withAlias(v.prefix, r.aliasPrefix), condition: andConditions(v.condition, own) };
    switch (reg.kind) {
      case 'route':
        return this.addRoute(at, file, reg);
      case 'use':
        if (!reg.orderless) yield* this.addUse(at, r, at.prefix, false);
        return;
      case 'mount': {
        if (reg.autoload) {
          yield* this.visitAutoloaded(at, file, reg);
          return;
        }
        if (at.ownControllersOnly && reg.moduleImport) return;
        const child = this.mountedChild(at, file, reg.child);
        if (!child) {
          this.#unknown.push({ file, location: reg.location, reason: 'mounted app or router could not be resolved' });
          return;
        }
        // A Fastify plugin wrapped in fastify-plugin shares its parent's context, prefix included: `prefix` is ignored.
        const prefix = reg.prefix && !this.#instances.get(child)?.fact.sharesParentContext ? this.pathOf(file, reg.prefix) : '';
        const full = at.prefix === undefined || prefix === undefined ? undefined : joinPaths(at.prefix, prefix);
        const step: MountStep = { file, location: reg.location, prefix: full ?? '?' };
        // A Fastify child context inherits hooks added to its parent after `register`, too.
        const copiedAt = at.framework === 'hono' ? (at.calledAt ?? { file, offset: reg.location.offset }) : undefined;
        const { ownControllersOnly: _entered, ...outer } = at;
        const scope = reg.ownControllersOnly ? { ownControllersOnly: true as const } : {};
        this.inheritFromChild(at, yield this.visit(child, { ...outer, ...scope, prefix: full, mounts: [...at.mounts, step], ...(copiedAt ? { copiedAt } : {}) }));
        return;
      }
      case 'invoke': {
        const child = this.invokedInstance(file, reg, reg.argIndex);
        if (child) {
          const calledAt = at.calledAt ?? { file, offset: reg.location.offset };
          const called = { fn: child.slice(0, child.lastIndexOf('#')), values: reg.values ?? {}, closed: reg.closed ?? [], count: reg.args.length };
          this.inheritFromChild(at, yield this.visit(child, { ...at, bound: this.bindArguments(at, file, child, reg.args), calledAt, called }));
        }
        return;
      }
      case 'unknown':
        this.#unknown.push({ file, location: reg.location, reason: reg.reason });
        return;
      default:
        return;
    }
  }

  /**
   * The plugins a `register(autoload, { dir })` loads, each under the mount's prefix and its folder's,
   * after the hooks of its folder's `autohooks` files.
   */
  private *visitAutoloaded(at: Visit, file: string, reg: MountRegistration): Walk<void> {
    const prefix = reg.prefix ? this.pathOf(file, reg.prefix) : '';
    for (const plugin of this.autoloaded(file, reg)) {
      const base = at.prefix === undefined || prefix === undefined ? undefined : joinPaths(at.prefix, prefix);
      const full = base === undefined ? undefined : joinPaths(base, plugin.prefix);
      const here: Visit = { ...at, chain: [...at.chain] };
      for (const hook of plugin.hooks) for (const r of this.contextHooks(hook, new Set())) yield* this.addUse(here, r, full, true);
      const step: MountStep = { file, location: reg.location, prefix: full ?? '?' };
      yield this.visit(plugin.id, { ...here, prefix: full, mounts: [...at.mounts, step] });
    }
  }

  /** The instances of the plugin files an autoload mount loads (their default exports), memoised. */
  private autoloaded(file: string, reg: MountRegistration): Array<{ id: string; prefix: string; hooks: string[] }> {
    if (!('dir' in reg.child) || !reg.autoload) return [];
    const key = `${file}\0${reg.location.offset}`;
    let plugins = this.#autoloaded.get(key);
    if (!plugins) {
      // A plugin file's default export, through `export default function name` and re-exports.
      const idOf = (f: string) => {
        const origin = this.project.originOfExport(f, `./${posix.basename(f)}`, 'default', new Set());
        return origin.kind === 'local' ? this.resolveName(origin.file, origin.name, 0) : undefined;
      };
      const dir = modulePathOf(file, reg.child.dir).replace(/\/$/, '');
      plugins = autoloadedPlugins(this.project.files.keys(), dir, reg.autoload).flatMap((p) => {
        const id = idOf(p.file);
        return id === undefined ? [] : [{ id, prefix: p.prefix, hooks: p.hooks.flatMap((h) => optional(idOf(h))) }];
      });
      this.#autoloaded.set(key, plugins);
    }
    return plugins;
  }

  /** Middleware joins the chain; a handler that is itself an app/router is a mount. */
  private *addUse(v: Visit, r: IndexedRegistration, base: string | undefined, orderless: boolean): Walk<void> {
    const reg = r.reg;
    if (reg.kind !== 'use') return;
    const own = registrationCondition(v, r.file, reg);
    if (own === 'never') return;
    const condition = andConditions(v.condition, own);
    const paths = reg.paths ? reg.paths.flatMap((p) => this.pathsOf(v, r.file, p)) : [undefined];
    for (const [index, written] of reg.handlers.entries()) {
      const { file, ref: handler } = argumentFor(v, r.file, written);
      const child = orderless ? undefined : this.instanceOfHandler(file, handler);
      for (const path of paths) {
        const full = base === undefined ? undefined : path === undefined ? (reg.paths ? undefined : base) : joinPaths(base, path);
        if (child) {
          const step: MountStep = { file: r.file, location: reg.location, prefix: full ?? '?' };
          const bound = this.factoryArguments(v, file, handler);
          this.inheritFromChild(v, yield this.visit(child, { ...v, prefix: full, condition, mounts: [...v.mounts, step], ...(bound ? { bound } : {}) }));
          continue;
        }
        const param = reg.param !== undefined && base !== undefined ? { name: reg.param, from: segmentsOf(base).length, depth: v.mounts.length } : undefined;
        this.addEntry(v, full, reg.paths === undefined, 'use', undefined, this.#judge.judge(file, handler), condition, param);
      }
      // A function of the project that answers by itself is an endpoint under the path, after the
      // middleware before it in the call (one written in place was made a route where it was read).
      if (!child && !orderless && this.#judge.answersItself(file, handler, v.framework)) {
        this.addRoute({ ...v, condition }, r.file, { kind: 'route', target: reg.target, methods: ['all'], paths: endpointPathsOf(reg.paths, v.framework), guards: reg.handlers.slice(0, index), handler: written, location: reg.location, condition: reg.condition });
      }
    }
  }

  private addEntry(v: Visit, full: string | undefined, wholeSubtree: boolean, kind: 'use' | 'route', methods: string[] | undefined, guard: GuardVerdict, condition: Condition, param?: ParamCallback): void {
    // A path-less `use` covers the instance's subtree; Hono spells that `/prefix/*`.
    const path = full === undefined ? '\0unresolved' : wholeSubtree && v.framework === 'hono' ? joinPaths(full, '*') : full;
    const mode = wholeSubtree ? (v.framework === 'hono' ? 'hono' : 'prefix') : patternModeOf(v.framework, kind);
    const covered = guard.isGuard && guard.exceptMethods ? methodsBesides(guard.exceptMethods, methods) : methods;
    v.chain.push({ pattern: { path: wholeSubtree && full === '/' ? undefined : path, mode, caseSensitive: isCaseSensitive(v.framework) || v.caseSensitive === true }, methods: covered, guard, condition, ...(param && { param }) });
  }

  private addRoute(v: Visit, file: string, reg: RouteRegistration): void {
    const key = `${file}\0${reg.location.offset}\0${reg.location.endLine}:${reg.location.endColumn}`;
    let route = this.#routes.get(key);
    if (!route) {
      route = { file, location: reg.location, methods: reg.methods, framework: v.framework, condition: v.condition, occurrences: [] };
      this.#routes.set(key, route);
    }
    const keys = this.metadataOf(file, reg);
    const publicKeys = this.publicKeysOf(file, reg);
    const own = this.ownGuard(v, file, reg, keys);
    const isMiddleware = reg.handler !== undefined && this.#judge.passesOn(file, reg.handler);
    for (const path of reg.paths.flatMap((p) => this.pathsOf(v, file, p))) {
      const full = v.prefix === undefined || path === undefined ? undefined : this.servedPath(v, joinPaths(v.prefix, path), reg.methods);
      const covering = full === undefined ? [] : v.chain.filter((e) => coversPath(e.pattern, full) && sharesMethod(e.methods, reg.methods) && (!e.param || capturesParam(e.param, full, v.mounts.map((m) => m.prefix))) && !(reg.skipsInheritedGuards && e.pattern.path === undefined && skipsForPublic(e.guard, reg.publicByClass === true, publicKeys)));
      const checks = (e: Entry): boolean => guardsRoute(e.guard, full, reg.methods, e.pattern) && carriesMetadata(e.guard, keys);
      const counted = covering.find((e) => checks(e) && (e.condition === 'always' || e.condition === 'prod'));
      if (!isMiddleware) route.occurrences.push({
        path: full,
        mounts: v.mounts,
        guard: guardsRoute(own, full, reg.methods) ? own : (counted?.guard ?? { isGuard: false }),
        nonProdGuard: !counted && covering.some((e) => checks(e) && e.condition === 'nonProd'),
      });
      // In Hono and Express a route whose handlers call next() acts as middleware for later routes:
      // a pattern route (`app.all('/admin/*', auth)`) or one whose handler passes on
      // (`app.route('/admin/users').all(requireAdmin).get(h)`). Other exact routes are not added,
      // which keeps the chain short on apps with thousands of routes.
      if (full !== undefined && (isMiddleware || /[*:]/.test(full))) this.addEntry(v, full, false, 'route', reg.methods, own.isGuard ? own : this.#judge.judge(file, reg.handler ?? { kind: 'unknown', reason: 'no handler' }), v.condition);
    }
  }

  /** Nest: the metadata keys the route and its controller set, resolved (see resolve-metadata-key.ts). */
  private metadataOf(file: string, reg: RouteRegistration): RouteMetadata {
    const resolve = (keys: readonly PathExpr[] | undefined) => keys?.flatMap((k) => resolveMetadataKey(this.project, file, k) ?? []) ?? [];
    const handler = resolve(reg.metadata);
    return { handler, all: reg.classMetadata ? [...handler, ...resolve(reg.classMetadata)] : handler, empty: resolve(reg.emptyMetadata) };
  }

  /** Nest: the keys the route's `@Public()` sets, when every one resolves (see skipsForPublic). */
  private publicKeysOf(file: string, reg: RouteRegistration): readonly string[] | undefined {
    const keys = reg.publicMetadata?.map((k) => resolveMetadataKey(this.project, file, k));
    return keys?.every((k) => k !== undefined) ? (keys as string[]) : undefined;
  }

  /** Middleware in the route's own list, or a check at the top of its handler. */
  private ownGuard(v: Visit, file: string, reg: RouteRegistration, keys: RouteMetadata): GuardVerdict {
    for (const written of reg.guards) {
      const g = argumentFor(v, file, written);
      const verdict = this.#judge.judge(g.file, g.ref);
      if (verdict.isGuard && carriesMetadata(verdict, keys) && sharesMethod(verdict.exceptMethods && methodsBesides(verdict.exceptMethods, undefined), reg.methods)) return verdict;
    }
    return reg.handler ? this.#judge.judge(file, reg.handler, true) : { isGuard: false };
  }

  /** A mount's child; a parameter of a function entered through a call is the argument passed for it. */
  private mountedChild(v: Visit, file: string, child: TargetRef): string | undefined {
    const bound = 'instance' in child ? v.bound?.get(globalId(file, child.instance)) : undefined;
    return bound ? this.instanceOfHandler(bound.file, bound.ref) : this.resolveTarget(file, child);
  }

  /**
   * `mountAdmin(app, adminRouter)` walks `mountAdmin` with its parameters bound to the arguments
   * (`invoked` is the id of the parameter the app was passed as). An argument that is itself a
   * parameter of the caller is bound through the caller's call.
   */
  private bindArguments(v: Visit, file: string, invoked: string, args: readonly HandlerRef[]): ReadonlyMap<string, BoundArgument> {
    const fn = invoked.slice(0, invoked.lastIndexOf('#'));
    return new Map(args.map((arg, i) => [`${fn}#${i}`, argumentFor(v, file, arg)]));
  }

  /**
   * `app.use('/admin', makeAdminRouter(requireAdmin))`: the router the factory makes registers with
   * its parameters bound to the call's arguments, as a function called with the app does.
   */
  private factoryArguments(v: Visit, file: string, handler: HandlerRef): ReadonlyMap<string, BoundArgument> | undefined {
    if (handler.kind !== 'call' || !handler.args || handler.field !== undefined) return undefined;
    const def = this.#judge.definitionOf(file, handler.member !== undefined ? `${handler.callee}.${handler.member}` : handler.callee);
    return def.kind === 'local' ? this.bindArguments(v, file, globalId(def.file, `${def.name}#0`), positionalArgsOf(handler)) : undefined;
  }

  /** A registration's path, as each concrete path it stands for: Express 5's optional groups are two. */
  private pathsOf(v: Visit, file: string, path: PathExpr): string[] {
    const written = this.pathOf(file, path);
    return v.framework === 'express' ? pathAlternatives(written) : [written];
  }

  private pathOf(file: string, path: PathExpr | undefined): string {
    if (!path) return '';
    return resolvePath(this.project, file, path);
  }

  /** The instance a registration target denotes, across files. */
  resolveTarget(file: string, target: TargetRef, depth = 0): string | undefined {
    if (depth > MAX_MOUNT_DEPTH) return undefined;
    if ('instance' in target) {
      const id = globalId(file, target.instance);
      return this.#instances.has(id) ? id : undefined;
    }
    if ('name' in target) return this.resolveName(file, target.name, depth);
    if ('dir' in target) return undefined; // many plugins: see autoloaded()
    if ('module' in target) {
      const def = target.member !== undefined ? this.#judge.moduleExport(file, target.module, target.member) : this.#judge.moduleDefault(file, target.module);
      return def.kind === 'local' ? this.resolveName(def.file, def.name, depth + 1) : undefined;
    }
    const def = this.#judge.definitionOf(file, target.member !== undefined ? `${target.call}.${target.member}` : target.call);
    if (def.kind !== 'local') return undefined;
    return this.instanceMadeBy(def.file, def.name, file, target, depth + 1);
  }

  /**
   * The instance a call of `name` (defined in `defFile`) returns, seen from the calling file: a
   * product of its own when the function makes a new one on every call.
   */
  private instanceMadeBy(defFile: string, name: string, file: string, call: CallTarget, depth: number): string | undefined {
    const returned = this.returnedInstanceOf(defFile, name, call.field);
    if (!returned) return undefined;
    const made = this.resolveTarget(defFile, returned, depth);
    return made !== undefined && 'fresh' in returned && returned.fresh ? this.productOf(file, call, made) : made;
  }

  /** `require('./admin/app')(deps)`: the instance the module's default export returns. */
  private calledModuleInstance(file: string, specifier: string): string | undefined {
    const def = this.#judge.moduleDefault(file, specifier);
    return def.kind === 'local' ? this.instanceMadeBy(def.file, def.name, file, { call: `require(${specifier})` }, 1) : undefined;
  }

  /**
   * What a function returns, or the field `field` of the object it returns, through the names it
   * is exported as (`module.exports = make`).
   */
  private returnedInstanceOf(file: string, name: string, field: string | undefined): TargetRef | undefined {
    const facts = this.project.files.get(file)?.routes;
    let current = name;
    for (let i = 0; facts && i < MAX_MOUNT_DEPTH; i++) {
      const returned = facts.returnsInstance[field === undefined ? current : returnedFieldKey(current, field)];
      if (returned) return returned;
      // `routes.getRouter` where `routes` is `new AdminRoutes()` (or `AdminRoutes` is the default export): the class's method.
      const dot = current.indexOf('.');
      const alias = facts.aliases[current] ?? (dot > 0 ? withMember(facts.aliases[current.slice(0, dot)], current.slice(dot)) : undefined);
      if (alias?.kind !== 'name') return undefined;
      current = alias.name;
    }
    return undefined;
  }

  /**
   * The instance a call of a factory makes, one per call site: registrations on `users` (`const
   * users = makeRouter()`) and on `stats` land on two routers, each mounted where it is. A call
   * written in place (`app.use(makeRouter())`) is one product per file and callee.
   */
  private productOf(file: string, call: CallTarget, template: string): string {
    const id = globalId(file, `=${call.site ?? ''}=${call.call}${call.member === undefined ? '' : `.${call.member}`}()${call.field === undefined ? '' : `.${call.field}`}`);
    const instance = this.#instances.get(template);
    if (!instance || id === template) return template;
    if (!this.#templateOf.has(id)) {
      this.#instances.set(id, instance);
      this.#templateOf.set(id, template);
    }
    return id;
  }

  private resolveName(file: string, name: string, depth: number): string | undefined {
    if (depth > MAX_MOUNT_DEPTH) return undefined;
    const def = this.#judge.definitionOf(file, name);
    if (def.kind !== 'local') return undefined;
    const facts = this.project.files.get(def.file)?.routes;
    if (!facts) return undefined;
    const bound = facts.bindings[def.name];
    if (bound && !('name' in bound && bound.name === def.name && def.file === file)) {
      const resolved = this.resolveTarget(def.file, bound, depth + 1);
      if (resolved) return resolved;
    }
    // A plugin or route-registering function referenced by name: its first parameter.
    const param = globalId(def.file, `${def.name}#0`);
    if (this.#instances.has(param)) return param;
    const alias = facts.aliases[def.name];
    if (alias?.kind === 'name') return this.resolveName(def.file, alias.name, depth + 1);
    // `AdminRoutes.router` where `AdminRoutes` stands for a class (`export default AdminRoutes`,
    // `export const routes = new AdminRoutes()`): that class's field.
    const dot = def.name.indexOf('.');
    const owner = dot > 0 ? withMember(facts.aliases[def.name.slice(0, dot)], def.name.slice(dot)) : undefined;
    return owner ? this.resolveName(def.file, owner.name, depth + 1) : undefined;
  }

  /** `registerRoutes(app)`: the instance that stands for the function's parameter. */
  private invokedInstance(file: string, { callee, member, module }: InvokeRegistration, argIndex: number): string | undefined {
    const def = module !== undefined ? this.#judge.moduleDefault(file, module) : this.#judge.definitionOf(file, member !== undefined ? `${callee}.${member}` : callee);
    if (def.kind !== 'local') return undefined;
    const id = globalId(def.file, `${def.name}#${argIndex}`);
    return this.#instances.has(id) ? id : undefined;
  }

  private instanceOfHandler(file: string, handler: HandlerRef): string | undefined {
    if (handler.kind === 'at') return this.instanceOfHandler(handler.file, handler.ref);
    if (handler.kind === 'instance') return this.resolveTarget(file, handler.target);
    if (handler.kind === 'name') return this.resolveName(file, handler.name, 0);
    // A member of what the module's function returns (`require('./permission')(app).validate`) is middleware, not its app.
    if (handler.kind === 'module' && handler.field !== undefined) return undefined;
    if (handler.kind === 'module' && handler.called) return this.calledModuleInstance(file, handler.specifier);
    if (handler.kind === 'module') return this.resolveTarget(file, { module: handler.specifier, ...(handler.member !== undefined && { member: handler.member }) });
    if (handler.kind === 'call' && (handler.member === 'routes' || handler.member === 'middleware')) return this.resolveName(file, handler.callee, 0);
    if (handler.kind === 'call') return this.resolveTarget(file, { call: handler.callee, ...(handler.member !== undefined ? { member: handler.member } : {}) });
    return undefined;
  }
}

/** `.router` of an alias that names a class or instance (`export default AdminRoutes`, `const routes = new AdminRoutes()`): the same member of what it names. */
function withMember(alias: HandlerRef | undefined, member: string): { kind: 'name'; name: string } | undefined {
  return alias?.kind === 'name' ? { kind: 'name', name: `${alias.name}${member}` } : undefined;
}

function globalId(file: string, id: string): string {
  return `${file}::${id}`;
}

/**
 * Where a registration runs: under its caller tests, what the call the walk came through passes
 * (`never` when it is not registered there); without that call, `unknown` for them.
 */
function registrationCondition(v: Visit, file: string, reg: RegistrationFact): CallerValue {
  const called = v.called;
  if (!reg.callerTests || !called) return reg.condition;
  let condition: Condition = reg.ownCondition ?? 'always';
  for (const test of reg.callerTests) {
    const global = globalId(file, test.param);
    const value = global.slice(0, global.lastIndexOf('#')) === called.fn ? callerTestCondition(test, called.values, called.closed, called.count) : 'unknown';
    if (value === 'never') return 'never';
    condition = andConditions(condition, value);
  }
  return condition;
}

/** A parameter bound by the call the walk came through stands for its argument; anything else for itself. */
function argumentFor(v: Visit, file: string, ref: HandlerRef): BoundArgument {
  if (ref.kind === 'at') return argumentFor(v, ref.file, ref.ref);
  const param = ref.kind === 'param' ? ref.id : ref.kind === 'decorated' && !ref.args ? ref.param : undefined;
  if (param === undefined) return { file, ref };
  const bound = v.bound?.get(globalId(file, param));
  const read = ref.kind === 'param' ? ref.field : (ref as { name: string }).name;
  if (!bound || read === undefined) return bound ?? { file, ref };
  // A parameter read with a dot may be an app (`fastify.authenticate`): only an object's field then.
  const field = ref.kind === 'decorated' && bound.ref.kind === 'name' ? undefined : fieldOf(bound.ref, read);
  return field ? { file: bound.file, ref: field } : { file, ref };
}

/**
 * The field a parameter reads of the argument bound to it: of an object literal, of a module or a
 * named object (`middleware.isAdmin` of `const middleware = require('./middleware')`), or of the
 * caller's own parameter. Undefined when the argument cannot be read so.
 */
function fieldOf(arg: HandlerRef, field: string): HandlerRef | undefined {
  switch (arg.kind) {
    case 'fields':
      return arg.fields[field] ?? { kind: 'unknown', reason: `no field ${field} in the argument` };
    case 'name':
      return { kind: 'name', name: `${arg.name}.${field}` };
    case 'module':
      return arg.member === undefined && arg.field === undefined ? (arg.called ? { ...arg, field } : { ...arg, member: field }) : undefined;
    case 'param':
      return arg.field === undefined ? { ...arg, name: `${arg.name}.${field}`, field } : undefined;
    default:
      return undefined;
  }
}

function withAlias(prefix: string | undefined, aliasPrefix: string | undefined): string | undefined {
  return prefix === undefined || aliasPrefix === undefined ? prefix : joinPaths(prefix, aliasPrefix);
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

const HTTP_METHODS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'];

/** The methods an entry covers once a guard lets `except` through unchecked. */
function methodsBesides(except: readonly string[], methods: string[] | undefined): string[] {
  const base = !methods || methods.includes('all') ? HTTP_METHODS : methods;
  return base.filter((m) => !except.includes(m));
}

/**
 * Nest `@Public()` routes skip the global and class guards that read route metadata (or may:
 * unreadable ones); not one whose early `return true` reads another key than the decorator sets.
 */
function skipsForPublic(guard: GuardVerdict, byClass: boolean, publicKeys: readonly string[] | undefined): boolean {
  if (!guard.isGuard) return true;
  const honoured = guard.honoursMetadata;
  if (honoured && publicKeys && !publicKeys.some((k) => honoured.includes(k))) return false;
  return !(guard.ignoresRouteMetadata || (byClass && guard.ignoresClassMetadata));
}

/**
 * Whether a guard checks requests to the route: one whose exceptions (`unless`, its own public
 * paths) name it lets them through. Under `use('/admin', guard)` Express hands the guard the path
 * below the mount (`req.path`) as well as the whole one (`req.originalUrl`): either may be named.
 */
function guardsRoute(guard: GuardVerdict, full: string | undefined, methods: readonly string[], mountedAt?: PathPattern): boolean {
  if (!guard.isGuard) return false;
  if (full === undefined || !guard.exceptRequests) return true;
  const base = mountedAt?.mode === 'prefix' ? mountedAt.path : undefined;
  const below = base !== undefined && base !== '/' && full.toLowerCase().startsWith(base.toLowerCase()) ? joinPaths('/', full.slice(base.length)) : undefined;
  const excepts = (path: string, outside: boolean) => exceptsRequest(guard.exceptRequests, path, methods, outside);
  if (excepts(full, false) || (below !== undefined && excepts(below, false))) return false;
  // A guard that checks only its own subtree (`if (req.path.startsWith('/admin')) { ...check... }`)
  // checks the route when either reading of the path is in it.
  return !(excepts(full, true) && (below === undefined || excepts(below, true)));
}

/** A Nest route's metadata keys: its handler's own, those with its controller's, and those its handler sets empty (`@Roles()`). */
interface RouteMetadata {
  handler: readonly string[];
  all: readonly string[];
  empty: readonly string[];
}

/**
 * A guard that checks only routes with its metadata (`if (!roles) return true`) checks this one
 * only if it sets a key (on the handler, for a guard that reads `context.getHandler()` alone), and
 * not to an empty list the guard lets through (`metadata.empty`, set by the method).
 */
function carriesMetadata(guard: GuardVerdict, metadata: RouteMetadata): boolean {
  if (!guard.isGuard) return true;
  const keys = guard.ignoresClassMetadata ? metadata.handler : metadata.all;
  if (guard.exceptWithMetadata?.some((k) => keys.includes(k))) return false;
  const emptied = (k: string) => metadata.empty.includes(k) && guard.passesEmptyMetadata?.includes(k) === true;
  return !guard.onlyWithMetadata || guard.onlyWithMetadata.some((k) => keys.includes(k) && !emptied(k));
}

function sharesMethod(entryMethods: string[] | undefined, routeMethods: string[]): boolean {
  if (!entryMethods || entryMethods.includes('all')) return true;
  return routeMethods.every((m) => entryMethods.includes(m));
}
