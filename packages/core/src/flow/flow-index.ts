import type { ProjectModel } from '../project/project-model.js';
import { equalityEnv } from '../env/production-condition.js';
import { importedGuardEnv } from './value-choices.js';
import type { CallFact, ClassFact, FunctionFact, LogCallFact, LoggerFact, NewFact } from './flow-facts.js';
import { flattenTaint, isAuthorizationHeader, isCredentialCookie, omitKeys, projectTaint, unionTaint, wrapTaint } from './propagate.js';
import type { NameClassifier } from './sensitive-names.js';
import { type FrameworkLogger, redactArgOf } from './framework-logger.js';
import type { ImportedPathList, RedactPath } from './sinks.js';
import type { CallItem, FlowStep, KeyPattern, SecretItem, Taint, TaintItem } from './taint.js';
import { inFile } from './trace.js';
import { CONSTRUCTOR, plainName } from './function-keys.js';
import { keepsField } from './typed-secret-fields.js';
import { replacedTaint, withoutMatchingKeys } from './json-stringify.js';

/** Reading a value: property path `proj`, then placing it at `path`, then maybe stringifying it. */
export interface Access {
  proj: string[];
  path: string[];
  flat: boolean;
  /** Keys an object rest left out, applied after `proj`. */
  omit?: string[];
  /** Keys a replacer dropped by a regular expression, at any depth (see `ParamItem.omitMatching`). */
  omitMatching?: KeyPattern;
  /** Secrets by their name alone are dropped (see `ParamItem.unnamed`). */
  unnamed?: true;
}

/** A parameter of a wrapper that ends up in a log sink, and how it is read on the way. */
export interface WrapperSink {
  param: number;
  /** The parameter is a rest parameter: every argument from `param` on. */
  rest: boolean;
  accesses: Access[];
  sink: string;
  /** pino redact paths, when the parameter lands in the logger's first argument. */
  redact: string[];
  trace: FlowStep[];
  /** The functions on the way from the parameter to the sink (see ownerKeysOf). */
  owners: SinkOwners;
}

/**
 * A function on the way from a wrapper's parameter to a log sink (`file\0key`), and the paths it
 * goes on by: shared between the sinks of every wrapper above it, so a bundle's deep helper chains
 * cost one node per function and level, not a list of every function per sink.
 */
export interface SinkOwners {
  key: string;
  via: readonly SinkOwners[];
}

/** `Client.constructor` of method `Client.authHeader`: the key a class's constructor parameters are read by (see `CONSTRUCTOR`). */
function constructorOf(method: string): string {
  return `${method.slice(0, method.lastIndexOf('.'))}.${CONSTRUCTOR}`;
}

/** Every function of an owners graph, each once, outermost first. */
export function ownerKeysOf(owners: SinkOwners): string[] {
  const seen = new Set<SinkOwners>();
  const keys = new Set<string>();
  const stack = [owners];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (seen.has(node)) continue;
    seen.add(node);
    keys.add(node.key);
    for (let i = node.via.length - 1; i >= 0; i--) stack.push(node.via[i] as SinkOwners);
  }
  return [...keys];
}

/** The log calls and calls of one file, by the function they are in (facts outside any function are left out). */
interface OwnedFacts {
  logCalls: Map<string, LogCallFact[]>;
  calls: Map<string, CallFact[]>;
}

/** A fact and the file it was found in. */
export interface Site<T> {
  file: string;
  fact: T;
}

export interface ResolvedFunction {
  file: string;
  fact: FunctionFact;
}

/** Which function's parameters `args` stand for while resolving that function's returns. */
interface ParamBinding {
  fn: string;
  args: Taint[];
  /** A method run on an instance made here: its constructor's key and arguments, which the fields it reads hold (see `CallItem.self`). */
  self?: { fn: string; args: Taint[] };
}

/**
 * Functions followed through returns and wrappers. Real helper chains (format → wrap → quote) run a
 * few levels deep, which 6 cut short; the work budget, not this, keeps fan-out in check.
 */
const MAX_DEPTH = 64;
const RESOLVE_BUDGET = 5_000;
/** Bases of a type followed into other modules: DTO hierarchies are a few levels deep. */
const MAX_TYPE_BASES = 4;
/** Modules a chain of child loggers is followed through (`logger.ts` → `auth/log.ts` → its importers). */
const MAX_LOGGER_CHAIN = 4;

/**
 * Cross-file value flow over the summaries: substitutes call results with what the project function
 * returns (following imports), decides whether a sanitiser-named function really sanitises, and finds
 * wrappers (functions passing a parameter to a log sink, also through other wrappers).
 */
export class FlowIndex {
  readonly #functions = new Map<string, Map<string, FunctionFact>>();
  readonly #wrappers = new Map<string, WrapperSink[]>();
  #newSites: Map<string, Site<NewFact>[]> | undefined;
  #callSites: Map<string, Site<CallFact>[]> | undefined;
  #importedInProduction: Set<string> | undefined;

  constructor(
    readonly project: ProjectModel,
    readonly names: NameClassifier,
  ) {}

  static of(project: ProjectModel, names: NameClassifier): FlowIndex {
    return project.memo('flow-index', () => new FlowIndex(project, names));
  }

  /** `f` or `ns.f` as written in `file`, followed to its definition. */
  functionOf(file: string, callee: string): ResolvedFunction | undefined {
    if (callee.endsWith('()')) {
      const product = this.#productTarget(file, callee);
      return product && this.#find(product.file, product.key);
    }
    const [head = '', member] = callee.split('.', 2);
    const origin = this.project.originOf(file, head);
    if (origin.kind !== 'local') return undefined;
    if (member === undefined) return this.#find(origin.file, this.#calledName(origin.file, origin.name));
    if (origin.name !== '*' && !this.#isDefaultObjectMember(origin.file, origin.name, member)) {
      const cls = this.#instanceClass(origin.file, origin.name);
      return cls === undefined ? this.#find(origin.file, `${origin.name}.${member}`) : this.functionOf(origin.file, `${cls}.${member}`);
    }
    const target = this.project.files.get(origin.file);
    const exp = target?.module.exports.find((e) => e.exported === member);
    const ofValue = exp === undefined ? this.#memberOfModuleValue(origin, member) : undefined;
    if (ofValue !== undefined) return this.functionOf(origin.file, ofValue);
    if (exp?.from !== undefined) {
      const inner = this.project.originOfExport(origin.file, exp.from, exp.imported ?? member, new Set());
      return inner.kind === 'local' ? this.#find(inner.file, inner.name) : undefined;
    }
    return this.#find(origin.file, exp?.local ?? member);
  }

  /** `makeLogger()`: the function `makeLogger` makes, keyed so in the file that defines `makeLogger`. */
  #productTarget(file: string, callee: string): { file: string; key: string } | undefined {
    const origin = this.project.originOf(file, callee.slice(0, -2));
    return origin.kind === 'local' ? { file: origin.file, key: `${this.#calledName(origin.file, origin.name)}()` } : undefined;
  }

  /** A whole module called as a function (`const createStore = require('./store-factory')`) is its default export. */
  #calledName(file: string, name: string): string {
    return name === '*' ? (this.project.valueNameOf(file) ?? name) : name;
  }

  #find(file: string, key: string): ResolvedFunction | undefined {
    let byKey = this.#functions.get(file);
    if (!byKey) {
      byKey = new Map((this.project.files.get(file)?.flow.functions ?? []).map((f) => [f.key, f]));
      this.#functions.set(file, byKey);
    }
    const fact = byKey.get(key) ?? this.#memberOfDefault(byKey, key);
    return fact ? { file, fact } : undefined;
  }

  /**
   * `const { db } = require('./config')` of `module.exports = { db: { url: '...' } }`: the member of
   * the module's value (module facts export it as `default.db`), read from that value.
   */
  #memberOfDefault(byKey: Map<string, FunctionFact>, key: string): FunctionFact | undefined {
    if (!key.startsWith('default.')) return undefined;
    const member = key.slice('default.'.length);
    const whole = member.includes('.') ? undefined : byKey.get('default');
    if (whole?.value !== true) return undefined;
    const fact: FunctionFact = { ...whole, key, returns: projectTaint(whole.returns, member, this.names, key) };
    byKey.set(key, fact);
    return fact;
  }

  /** Secrets (and, outside any binding, the current function's parameters) a taint stands for. */
  resolve(file: string, taint: Taint, binding?: ParamBinding, depth = 0): Taint {
    // Each top-level question gets a bounded amount of work: generated code where every function
    // calls several others must not make resolution exponential.
    this.#budget = RESOLVE_BUDGET;
    return this.#resolve(file, taint, binding, depth);
  }

  #resolve(file: string, taint: Taint, binding: ParamBinding | undefined, depth: number): Taint {
    const parts: Taint[] = [];
    for (const item of taint) parts.push(this.#resolveItem(file, item, binding, depth));
    return unionTaint(...parts);
  }

  #budget = RESOLVE_BUDGET;

  #resolveItem(file: string, item: TaintItem, binding: ParamBinding | undefined, depth: number): Taint {
    if (--this.#budget < 0) return [];
    if (item.k === 'secret') {
      if (item.importedAs !== undefined && (this.isLiteralConst(file, item.importedAs) || this.#holdsSecretName(file, item.importedAs))) return [];
      if (item.entryNamedBy) return this.#namedEntry(file, item);
      if (item.typedBy !== undefined) return this.#typedFields(file, item);
      return [{ ...item, trace: inFile(item.trace, file) }];
    }
    if (item.k === 'param') {
      if (!binding) return [{ ...item, trace: inFile(item.trace, file) }];
      const given = item.fn === binding.fn ? binding.args : item.fn === binding.self?.fn ? binding.self.args : undefined;
      if (!given) return [];
      const arg = argumentOf(given, item.index, item.rest === true);
      return this.access(withTrace(arg, inFile(item.trace, file)), accessOf(item));
    }
    if (depth >= MAX_DEPTH) return [];
    const getter = this.#getterRead(file, item);
    if (getter !== undefined) return this.#resolveItem(file, getter, binding, depth + 1);
    const member = item.value === true ? this.#namespaceMemberRead(file, item) : undefined;
    if (member !== undefined) return this.#resolveItem(file, member, binding, depth);
    const whole = item.value === true && item.proj.length === 0 ? this.#wholeNamespace(file, item, binding, depth) : undefined;
    if (whole !== undefined) return this.access(withTrace(whole, inFile(item.trace, file)), accessOf(item));
    const args = item.args.map((a) => this.#resolve(file, a, binding, depth));
    const found = this.functionOf(file, item.callee);
    // An imported constant reads a value fact; a call never does (and a value is never called).
    const fn = found && (found.fact.value === true) === (item.value === true) ? found : undefined;
    let result: Taint;
    if (item.replacer) {
      // An imported replacer that drops keys writes the rest; any other writes everything.
      const written = args[0] ?? [];
      result = fn?.fact.replacer ? replacedTaint(written, fn.fact.replacer, this.names) : written;
    } else if (item.sanitizer) {
      // A redaction helper counts unless the project's own definition hands its input back whole.
      result = fn ? unionTaint(...fn.fact.whole.map((i) => args[i] ?? [])) : [];
    } else if (fn) {
      const self = item.self && { fn: constructorOf(fn.fact.key), args: item.self.map((a) => this.#resolve(file, a, binding, depth)) };
      result = this.#resolve(fn.file, item.thrown ? (fn.fact.throws ?? []) : fn.fact.returns, { fn: fn.fact.key, args, ...(self && { self }) }, depth + 1);
    } else {
      result = [];
    }
    return this.access(withTrace(result, inFile(item.trace, file)), accessOf(item));
  }

  /**
   * `settings.connection` of `new Settings()` made here of an imported class, or of `export const
   * settings = new Settings()` imported: a field read that runs the class's getter, which its
   * module keys as a method. An instance's fields, which the class lists, never hold a getter.
   */
  #getterRead(file: string, item: CallItem): CallItem | undefined {
    const [field, ...rest] = item.proj;
    if (field === undefined || (item.value !== true && !item.callee.endsWith(`.${CONSTRUCTOR}`))) return undefined;
    const owner = item.value === true ? item.callee : item.callee.slice(0, -CONSTRUCTOR.length - 1);
    const callee = `${owner}.${field}`;
    if (this.functionOf(file, callee)?.fact.getter !== true) return undefined;
    const { value: _value, ...read } = item;
    // A getter of an instance made here reads what its constructor was given.
    return { ...read, callee, args: [], proj: rest, ...(item.value !== true && { self: item.args }) };
  }

  /**
   * `secrets.stripe` of `import { secrets } from './settings'`, where settings re-exports a whole
   * module (`export * as secrets from './secrets'`): the import is a namespace, and the member read
   * is that module's export, as for `import * as secrets`.
   */
  #namespaceMemberRead(file: string, item: CallItem): CallItem | undefined {
    const [member, ...rest] = item.proj;
    if (member === undefined || item.callee.includes('.')) return undefined;
    const origin = this.project.originOf(file, item.callee);
    return origin.kind === 'local' && origin.name === '*' ? { ...item, callee: `${item.callee}.${member}`, proj: rest } : undefined;
  }

  /**
   * `console.log(settings)` of `import * as settings from './settings'`: the module object, which
   * holds every value the module exports, each under its name.
   */
  #wholeNamespace(file: string, item: CallItem, binding: ParamBinding | undefined, depth: number): Taint | undefined {
    if (item.callee.includes('.')) return undefined;
    const origin = this.project.originOf(file, item.callee);
    if (origin.kind !== 'local' || origin.name !== '*') return undefined;
    const values = (this.project.files.get(origin.file)?.flow.functions ?? []).filter((f) => f.value === true);
    // A CommonJS module's object is its `module.exports` (its default value), read the usual way.
    if (values.some((f) => f.key === 'default')) return undefined;
    return unionTaint(...values.map((f) => wrapTaint(this.#resolveItem(file, { ...item, callee: `${item.callee}.${f.key}` }, binding, depth + 1), f.key)));
  }

  /** `tokens` imported in `file` is a const its module writes out in full (a design token tree). */
  isLiteralConst(file: string, local: string): boolean {
    const origin = this.project.originOf(file, local);
    return origin.kind === 'local' && (this.project.files.get(origin.file)?.flow.literalConsts?.includes(origin.name) ?? false);
  }

  /**
   * `EnvNames.MSI_SECRET` imported, given `{ MSI_SECRET: 'MSI_SECRET' }` in its module: the member
   * holds the name of a secret (an environment variable's, a header's), not the secret.
   */
  #holdsSecretName(file: string, local: string): boolean {
    const value = this.importedEntryName(file, local);
    return typeof value === 'string' && this.names.isSecretName(value);
  }

  /**
   * An entry read by an imported constant's name: a secret when the constant names a credential of
   * its container. A module that cannot be found (a file linted alone) leaves only the constant's
   * own name to judge by (`process.env[JWT_SECRET]`).
   */
  #namedEntry(file: string, item: SecretItem): Taint {
    const { entryNamedBy, authScheme, ...rest } = item;
    if (!entryNamedBy) return [];
    const found = this.importedEntryName(file, entryNamedBy.local);
    const name = found === undefined ? entryNamedBy.local.split('.').at(-1) : found;
    if (name === undefined || name === null) return [];
    const { container } = entryNamedBy;
    const isSecret = container === 'headers' ? this.names.isSecretHeader(name) : container === 'cookies' ? isCredentialCookie(name, this.names) : this.names.isSecretName(name);
    if (!isSecret) return [];
    // Only an Authorization header's value keeps a scheme first (set while the name was unknown).
    return [{ ...rest, trace: inFile(item.trace, file), ...(authScheme && isAuthorizationHeader(name) && { authScheme }) }];
  }

  /** A value typed with an imported type: one secret per secret-named field the type's module declares it with. */
  #typedFields(file: string, item: SecretItem): Taint {
    const { typedBy, omit, json, ...rest } = item;
    if (typedBy === undefined) return [];
    // A class with a `toJSON()` is written as JSON by it, its fields printed by util.inspect only.
    const inspected = this.#rendersItself(file, typedBy);
    if (inspected && json) return [];
    const paths = this.#secretPathsOf(file, typedBy, 0).filter((path) => omit === undefined || !omit.includes(path[0] ?? ''));
    return paths.map((path) => ({ ...rest, label: `${item.label}.${path.join('.')}`, path: [...item.path, ...path], ...(inspected && { inspected: true }), trace: inFile(item.trace, file) }));
  }

  #rendersItself(file: string, type: string): boolean {
    const origin = this.project.originOf(file, type);
    return origin.kind === 'local' && (this.project.files.get(origin.file)?.flow.typeInspected?.includes(origin.name) ?? false);
  }

  /** The secret fields of the type `name` names in `file`, with those of its bases in other modules (a few levels up). */
  #secretPathsOf(file: string, name: string, depth: number): string[][] {
    const origin = this.project.originOf(file, name);
    if (origin.kind !== 'local' || depth > MAX_TYPE_BASES) return [];
    const flow = this.project.files.get(origin.file)?.flow;
    const own = flow?.typeSecrets?.[origin.name] ?? [];
    const inherited = (flow?.typeBases?.[origin.name] ?? []).flatMap((base) => this.#secretPathsOf(origin.file, base.name, depth + 1).filter((path) => keepsField(base, path[0])));
    return inherited.length === 0 ? own : [...own, ...inherited];
  }

  /**
   * The entry name an imported constant holds (`API_KEY_HEADER`, `HEADERS.AUTH`, `C.API_KEY_HEADER`
   * of a namespace import) as written in `file`, from its module's `entryNames`: null when the
   * module gives it no credential's name, undefined when the module is not in the project.
   */
  importedEntryName(file: string, local: string): string | null | undefined {
    const [head = '', ...members] = local.split('.');
    let origin = this.project.originOf(file, head);
    if (origin.kind === 'local' && origin.name === '*') {
      const [member, ...more] = members;
      if (member === undefined) return null;
      origin = this.project.originOfMember(origin.file, member);
      members.splice(0, members.length, ...more);
    }
    const target = origin.kind === 'local' ? this.project.files.get(origin.file) : undefined;
    if (origin.kind !== 'local' || !target) return undefined;
    const name = [origin.name, ...members].join('.');
    return target.flow.entryNames?.find((e) => e.name === name)?.value ?? null;
  }

  /** Applies a read (`proj`), a placement (`path`) and stringification to resolved items. */
  access(taint: Taint, a: Access): Taint {
    let t = taint;
    for (const p of a.proj) t = t.flatMap((item) => projectTaint([item], p, this.names, item.k === 'secret' ? `${item.label}.${p}` : p));
    // Keys a copy left out (`const { authorization, cookie, ...rest } = h` of a parameter given `req.headers`).
    if (a.omit) t = omitKeys(t, a.omit);
    if (a.omitMatching) t = withoutMatchingKeys(t, a.omitMatching);
    if (a.unnamed) t = t.filter((item) => item.k !== 'secret' || item.path.length > 0 || item.container !== undefined);
    for (const w of [...a.path].reverse()) t = wrapTaint(t, w);
    return a.flat ? flattenTaint(t) : t;
  }

  /**
   * The log sinks each parameter of function `key` in `file` reaches, directly or via other
   * wrappers: one per way the parameter is read on its way to a log (with every path that reads it
   * so in its owners). A helper reached through many paths, as in a bundle where every function
   * calls a few others, would otherwise be listed once per path, and each level above would
   * multiply them; the way is keyed before a sink is made, so a repeated one costs a lookup.
   */
  wrapperSinks(file: string, key: string, depth = 0): WrapperSink[] {
    const memoKey = `${file}\0${key}`;
    const hit = this.#wrappers.get(memoKey);
    if (hit) return hit;
    this.#wrappers.set(memoKey, []); // cycle guard: a recursive wrapper adds nothing new
    const owned = this.#ownedIn(file);
    const ways = new SinkWays(memoKey);
    for (const log of owned.logCalls.get(key) ?? []) {
      if (!this.isLogCall(file, log)) continue;
      log.args.forEach((arg, i) => {
        for (const p of this.#paramsOf(file, arg, key)) {
          const redact = i === redactArgOf(log.framework) ? this.redactOf(file, log) : [];
          ways.add(p.index, p.rest === true, [accessOf(p)], redact, undefined, () => ({ sink: log.sink, trace: [...p.trace, { file, ...log.location, message: `logged by \`${log.sink}\`` }] }));
        }
      });
    }
    if (depth < MAX_DEPTH) {
      for (const call of owned.calls.get(key) ?? []) {
        const fn = this.calleeTarget(file, call.callee);
        if (!fn) continue;
        for (const inner of this.wrapperSinks(fn.file, fn.key, depth + 1)) {
          for (const p of this.#paramsOf(file, argumentOf(call.args, inner.param, inner.rest), key)) {
            const accesses = composedAccesses(accessOf(p), inner.accesses);
            ways.add(p.index, p.rest === true, accesses, inner.redact, inner.owners, () => ({ sink: `${plainName(call.callee)}() → ${inner.sink}`, trace: boundedTrace([...p.trace, ...inner.trace]) }));
          }
        }
      }
    }
    const sinks = ways.sinks();
    this.#wrappers.set(memoKey, sinks);
    return sinks;
  }

  readonly #owned = new Map<string, OwnedFacts>();

  /**
   * A file's log calls and calls by the function they are in, indexed once: a bundle has tens of
   * thousands of functions in one file, and scanning every call of the file for each of them made
   * the wrapper search quadratic (39 s for one 7.6 MB bundle).
   */
  #ownedIn(file: string): OwnedFacts {
    let owned = this.#owned.get(file);
    if (!owned) {
      const flow = this.project.files.get(file)?.flow;
      owned = { logCalls: new Map(), calls: new Map() };
      for (const log of flow?.logCalls ?? []) {
        if (log.owner === undefined) continue;
        pushTo(owned.logCalls, log.owner, log);
        // `add(e) { this.events.push(e) }` and `dump() { console.log(this.events) }`: what another
        // method of the class kept in a field is logged too, a wrapper sink of that method.
        for (const fn of otherMethodsKeptIn(log.args, log.owner)) pushTo(owned.logCalls, fn, log);
      }
      for (const call of flow?.calls ?? []) if (call.owner !== undefined) pushTo(owned.calls, call.owner, call);
      this.#owned.set(file, owned);
    }
    return owned;
  }

  /** The parameters (or rests) the sinks of wrapper `key` read, each once. */
  wrapperParams(file: string, key: string): Array<{ param: number; rest: boolean }> {
    const memoKey = `${file}\0${key}`;
    let params = this.#wrapperParams.get(memoKey);
    if (!params) {
      const seen = new Map<number, { param: number; rest: boolean }>();
      for (const { param, rest } of this.wrapperSinks(file, key)) seen.set(argumentKey(param, rest), { param, rest });
      params = [...seen.values()];
      this.#wrapperParams.set(memoKey, params);
    }
    return params;
  }

  readonly #wrapperParams = new Map<string, Array<{ param: number; rest: boolean }>>();

  /** Wrappers have no return facts, so `functionOf` may miss them: resolve the name only. */
  #wrapperTarget(file: string, callee: string): { file: string; key: string } | undefined {
    if (callee.endsWith('()')) return this.#productTarget(file, callee);
    const [head = '', member] = callee.split('.', 2);
    const origin = this.project.originOf(file, head);
    if (origin.kind !== 'local') return undefined;
    if (member === undefined) return { file: origin.file, key: this.#calledName(origin.file, origin.name) };
    if (origin.name !== '*' && !this.#isDefaultObjectMember(origin.file, origin.name, member)) {
      const cls = this.#instanceClass(origin.file, origin.name);
      return cls === undefined || cls === origin.name ? { file: origin.file, key: `${origin.name}.${member}` } : this.calleeTarget(origin.file, `${cls}.${member}`);
    }
    const exp = this.project.files.get(origin.file)?.module.exports.find((e) => e.exported === member);
    const ofValue = exp === undefined ? this.#memberOfModuleValue(origin, member) : undefined;
    if (ofValue !== undefined) return this.#wrapperTarget(origin.file, ofValue);
    if (exp?.from !== undefined) {
      const inner = this.project.originOfExport(origin.file, exp.from, exp.imported ?? member, new Set());
      return inner.kind === 'local' ? { file: inner.file, key: inner.name } : undefined;
    }
    return { file: origin.file, key: exp?.local ?? member };
  }

  /**
   * `const JsonDB = require('./jsondb'); new JsonDB().push(x)`: a member of a whole module that
   * is a class or object of its own (`module.exports = JsonDB`), named in that module (`JsonDB.push`).
   */
  #memberOfModuleValue(origin: { file: string; name: string }, member: string): string | undefined {
    if (origin.name !== '*') return undefined;
    const whole = this.#calledName(origin.file, '*');
    if (whole !== '*' && whole !== 'default') return `${whole}.${member}`;
    // `module.exports = new FileSessionStore()`: a method of the instance's class.
    const cls = this.#instanceClass(origin.file, 'default');
    return cls === undefined ? undefined : `${cls}.${member}`;
  }

  /**
   * `telemetry.send` of `import telemetry from './telemetry'` given `export default { send }`: the
   * module's object lists `send` among its exports, which name the function.
   */
  #isDefaultObjectMember(file: string, name: string, member: string): boolean {
    return name === 'default' && (this.project.files.get(file)?.module.exports.some((e) => e.exported === member) ?? false);
  }

  /** The class a module-level constant of `file` is an instance of (`export const audit = new AuditLog()`). */
  #instanceClass(file: string, name: string): string | undefined {
    return this.project.files.get(file)?.flow.instances.find((i) => i.name === name)?.className;
  }

  /** Every `new C(...)` in the project whose class is `className` defined in `file`; resolved once per scan. */
  instantiationsOf(file: string, className: string): Site<NewFact>[] {
    if (!this.#newSites) {
      this.#newSites = new Map();
      for (const [from, summary] of this.project.files) {
        for (const fact of summary.flow.news) {
          if (fact.importedTable !== undefined) {
            for (const site of this.#tableSites(from, fact)) pushTo(this.#newSites, `${site.target.file}\0${site.target.key}`, { file: from, fact: site.fact });
            continue;
          }
          const target = this.calleeTarget(from, fact.callee);
          if (target) pushTo(this.#newSites, `${target.file}\0${target.key}`, { file: from, fact });
        }
      }
    }
    return this.#newSites.get(`${file}\0${className}`) ?? [];
  }

  /**
   * `new drivers[kind]()` of a table another module exports: a `new` of each of its classes, made
   * where its key names when the key is the environment's name (`production` in production).
   */
  #tableSites(file: string, fact: NewFact): Array<{ target: { file: string; key: string }; fact: NewFact }> {
    const origin = this.project.originOf(file, fact.callee);
    const entries = origin.kind === 'local' ? (this.project.files.get(origin.file)?.flow.classTables?.[origin.name] ?? []) : [];
    return entries.flatMap((entry) => {
      const target = origin.kind === 'local' ? this.calleeTarget(origin.file, entry.cls) : undefined;
      const keyed = fact.importedTable?.keyedByEnv === true ? equalityEnv(entry.key).whenTrue : 'unknown';
      return target === undefined ? [] : [{ target, fact: { ...fact, callee: entry.cls, ...(keyed !== 'unknown' && { env: keyed }) } }];
    });
  }

  /** The project's classes that extend class `className` of `file` (`class SessionStore extends JsonFile`), each with its file; resolved once per scan. */
  subclassesOf(file: string, className: string): Array<{ file: string; cls: ClassFact }> {
    if (!this.#subclasses) {
      this.#subclasses = new Map();
      for (const [from, summary] of this.project.files) {
        for (const cls of summary.flow.classes) {
          const target = cls.base === undefined ? undefined : this.calleeTarget(from, cls.base);
          if (target) pushTo(this.#subclasses, `${target.file}\0${target.key}`, { file: from, cls });
        }
      }
    }
    return this.#subclasses.get(`${file}\0${className}`) ?? [];
  }

  #subclasses: Map<string, Array<{ file: string; cls: ClassFact }>> | undefined;

  /** Every recorded call in the project of function `key` defined in `file`; resolved once per scan. */
  callsOf(file: string, key: string): Site<CallFact>[] {
    if (!this.#callSites) {
      this.#callSites = new Map();
      for (const [from, summary] of this.project.files) {
        for (const fact of summary.flow.calls) {
          const target = this.calleeTarget(from, fact.callee);
          if (target) pushTo(this.#callSites, `${target.file}\0${target.key}`, { file: from, fact });
        }
      }
    }
    return this.#callSites.get(`${file}\0${key}`) ?? [];
  }

  /** Whether some file imports function `key` of `file` and calls it outside a NODE_ENV guard; resolved once per scan. */
  importCalledInProduction(file: string, key: string): boolean {
    if (!this.#importedInProduction) {
      this.#importedInProduction = new Set();
      for (const [from, summary] of this.project.files) {
        for (const callee of summary.flow.importsCalledInProduction ?? []) {
          const target = this.calleeTarget(from, callee);
          if (target) this.#importedInProduction.add(`${target.file}\0${target.key}`);
        }
      }
    }
    return this.#importedInProduction.has(`${file}\0${key}`);
  }

  /**
   * How project files read the value `name` of `file` (`export const fileStorage = {...}`, `default`
   * of `export default new FileSessionStore()`): `'production'` when one reads it (or its whole
   * module, `import * as stores`) outside a NODE_ENV guard, `'guarded'` when every read is guarded,
   * undefined when no file reads it; resolved once per scan.
   */
  importUseOf(file: string, name: string): 'production' | 'guarded' | undefined {
    if (!this.#importUses) {
      this.#importUses = new Map();
      for (const [from, summary] of this.project.files) {
        for (const use of summary.flow.importUses ?? []) {
          const origin = this.project.originOf(from, use.name);
          if (origin.kind !== 'local') continue;
          const key = `${origin.file}\0${origin.name}`;
          const guarded = !use.inProduction && (use.importedGuard === undefined || importedGuardEnv(this.project, from, use.importedGuard) === 'nonprod');
          if (!guarded) this.#importUses.set(key, 'production');
          else if (!this.#importUses.has(key)) this.#importUses.set(key, 'guarded');
        }
      }
    }
    if (this.#importUses.get(`${file}\0*`) === 'production') return 'production';
    return this.#importUses.get(`${file}\0${name}`);
  }

  #importUses: Map<string, 'production' | 'guarded'> | undefined;

  /** Whether a recorded log call logs: an unconfirmed one only when its imported receiver is a logger in its own module. */
  isLogCall(file: string, log: LogCallFact): boolean {
    if (!log.unconfirmed || log.importedLogger === undefined) return true;
    return this.#importedLoggerOf(file, log.importedLogger) !== undefined;
  }

  /** The logger a module exports under the name `local` is imported by (`module.exports = pino()` for a whole-module `require`). */
  #importedLoggerOf(file: string, local: string): { file: string; logger: LoggerFact } | undefined {
    // `BaseService.out`: a field of an imported class (see sinks' `inheritedFieldOf`); `forModule()`:
    // what an imported function returns.
    const returned = local.endsWith('()');
    const dotted = returned ? local.slice(0, -2) : local;
    const [root = dotted, ...rest] = dotted.split('.');
    const origin = this.project.originOf(file, root);
    if (origin.kind !== 'local') return undefined;
    // A whole-module `require`: the module's value, maybe a local it exports (`module.exports = logger`).
    const head = origin.name === '*' ? (this.project.valueNameOf(origin.file) ?? 'default') : origin.name;
    const name = [head, ...rest].join('.') + (returned ? '()' : '');
    const logger = this.project.files.get(origin.file)?.flow.loggers.find((l) => l.name === name);
    return logger && { file: origin.file, logger };
  }

  /**
   * A log call's pino `redact` paths, with those of a logger imported from its own module and, for a
   * framework's logger, those the framework's options give it (which apply to argument `redactArgOf`).
   */
  redactOf(file: string, log: LogCallFact): string[] {
    const framework = log.framework === undefined ? [] : this.#frameworkRedact()[log.framework];
    const own = this.#pathsIn(file, log.redact);
    if (log.importedLogger === undefined) return framework.length === 0 ? own : [...own, ...framework];
    const inherited: string[] = [];
    // A child exported by one module, of a logger imported from another (`export const authLog = logger.child(...)`): each parent's paths too.
    let imported = this.#importedLoggerOf(file, log.importedLogger);
    for (let depth = 0; imported !== undefined && depth < MAX_LOGGER_CHAIN; depth++) {
      inherited.push(...this.#pathsIn(imported.file, imported.logger.redact));
      imported = imported.logger.importedParent === undefined ? undefined : this.#importedLoggerOf(imported.file, imported.logger.importedParent);
    }
    return [...own, ...inherited, ...framework];
  }

  /** The paths of `redact` as written in `file`, with the lists it imports read in their own modules. */
  #pathsIn(file: string, redact: readonly RedactPath[]): string[] {
    return redact.every((path) => typeof path === 'string') ? (redact as string[]) : redact.flatMap((path) => (typeof path === 'string' ? [path] : this.#importedList(file, path)));
  }

  /** `REDACT_PATHS`, `config.redactPaths` or `ns.REDACT_PATHS` imported into `file`: the strings its module lists. */
  #importedList(file: string, ref: ImportedPathList): string[] {
    const origin = this.project.originOf(file, ref.list);
    if (origin.kind !== 'local') return [];
    const target = ref.member !== undefined && origin.name === '*' ? this.project.originOfMember(origin.file, ref.member) : origin;
    if (target.kind !== 'local') return [];
    const key = ref.member === undefined || origin.name === '*' ? target.name : `${target.name}.${ref.member}`;
    return this.project.files.get(target.file)?.flow.pathLists?.[key] ?? [];
  }

  #frameworkPaths: Record<FrameworkLogger, string[]> | undefined;

  /**
   * The framework options of every file: an app is made once (`Fastify({ logger })`, `pinoHttp()`,
   * hapi-pino's registration), and its route modules log through what it made.
   */
  #frameworkRedact(): Record<FrameworkLogger, string[]> {
    if (this.#frameworkPaths) return this.#frameworkPaths;
    const out: Record<FrameworkLogger, string[]> = { pino: [], hapi: [], hapiEvent: [] };
    for (const [file, summary] of this.project.files) {
      const found = summary.flow.frameworkRedact;
      if (!found) continue;
      for (const kind of ['pino', 'hapi', 'hapiEvent'] as const) out[kind].push(...this.#pathsIn(file, found[kind] ?? []));
    }
    this.#frameworkPaths = out;
    return out;
  }

  /** Resolves a callee to the function key wrappers are indexed by. */
  calleeTarget(file: string, callee: string): { file: string; key: string } | undefined {
    const fn = this.functionOf(file, callee);
    return fn ? { file: fn.file, key: fn.fact.key } : this.#wrapperTarget(file, callee);
  }

  #paramsOf(file: string, arg: Taint, key: string) {
    // Resolving substitutes callees' parameters by the arguments written here: a parameter of `key`
    // comes out only if one is written in `arg`. Most arguments hold none, and skip the work.
    if (!mentionsParamOf(arg, key)) return [];
    return this.resolve(file, arg).filter((i): i is Extract<TaintItem, { k: 'param' }> => i.k === 'param' && i.fn === key);
  }
}

/** The other methods of `owner`'s class whose parameters the arguments hold (kept in a field by them). */
function otherMethodsKeptIn(args: readonly Taint[], owner: string): Set<string> {
  const methods = new Set<string>();
  for (const arg of args) for (const item of arg) if (item.k === 'param' && item.fn !== owner && isSameClassMethod(item.fn, owner) && item.fn !== constructorOf(owner)) methods.add(item.fn);
  return methods;
}

/**
 * `Trail.add` of owner `Trail.dump`: a method of the same class, which may keep in a field what the
 * owner reads (function keys name methods `Class.method`).
 */
export function isSameClassMethod(fn: string, owner: string): boolean {
  const dot = owner.lastIndexOf('.');
  return dot > 0 && fn.length > dot && fn.startsWith(owner.slice(0, dot + 1));
}

/**
 * Ways kept per function. A real logging wrapper reads its parameters a handful of ways; in a
 * minified bundle, where every helper reads its argument's fields and calls a few others, the
 * ways compose level by level (65,000 for one function of Monaco's editor.main.js). The first
 * ones found are kept: beyond this, a secret passed to such a helper may go unreported.
 */
const MAX_WAYS = 64;

/** The sinks of one function, one per way a parameter is read (param, accesses, redact paths). */
class SinkWays {
  readonly #byWay = new Map<string, { sink: Omit<WrapperSink, 'owners'>; via: Set<SinkOwners> }>();

  constructor(private readonly owner: string) {}

  /** `via`: the owners of the inner wrapper the way goes on to; `make` builds the rest, once per way. */
  add(param: number, rest: boolean, accesses: Access[], redact: string[], via: SinkOwners | undefined, make: () => Pick<WrapperSink, 'sink' | 'trace'>): void {
    const way = `${argumentKey(param, rest)}\0${accesses.map(accessKeyOf).join('\0')}\0${redact.join('\0')}`;
    let kept = this.#byWay.get(way);
    if (!kept) {
      if (this.#byWay.size >= MAX_WAYS) return;
      kept = { sink: { param, rest, accesses, redact, ...make() }, via: new Set() };
      this.#byWay.set(way, kept);
    }
    if (via) kept.via.add(via);
  }

  sinks(): WrapperSink[] {
    return [...this.#byWay.values()].map(({ sink, via }) => ({ ...sink, owners: { key: this.owner, via: [...via] } }));
  }
}

const accessKeys = new WeakMap<Access, string>();

/** A string that tells accesses apart, made once per access object (inner wrappers' accesses are shared). */
function accessKeyOf(a: Access): string {
  let key = accessKeys.get(a);
  if (key === undefined) {
    key = JSON.stringify([a.proj, a.path, a.flat, a.omit, a.unnamed]);
    accessKeys.set(a, key);
  }
  return key;
}

/** A read that changes nothing (`x` passed on as it is): left out of a chain of reads. */
function isIdentityAccess(a: Access): boolean {
  return a.proj.length === 0 && a.path.length === 0 && !a.flat && a.omit === undefined && !a.unnamed;
}

function composedAccesses(outer: Access, inner: readonly Access[]): Access[] {
  const rest = inner.filter((a) => !isIdentityAccess(a));
  return isIdentityAccess(outer) ? (rest.length > 0 ? rest : [outer]) : [outer, ...rest];
}

/** Where a secret comes from and where it is logged matter; a long chain of wrappers in between is cut. */
const TRACE_ENDS = 6;

function boundedTrace(steps: FlowStep[]): FlowStep[] {
  return steps.length <= 2 * TRACE_ENDS ? steps : [...steps.slice(0, TRACE_ENDS), ...steps.slice(-TRACE_ENDS)];
}

function mentionsParamOf(taint: Taint, fn: string): boolean {
  return taint.some((item) => (item.k === 'param' ? item.fn === fn : item.k === 'call' && item.args.some((a) => mentionsParamOf(a, fn))));
}

/** Whether resolving can find a secret in a taint written outside any function binding: only secrets and call results can hold one. */
export function mayHoldSecret(taint: Taint): boolean {
  return taint.some((item) => item.k !== 'param');
}

/** A parameter, or the rest of the arguments from it on, as one number. */
export function argumentKey(param: number, rest: boolean): number {
  return rest ? -1 - param : param;
}

/** The argument a parameter receives; a rest parameter receives all the remaining ones. */
export function argumentOf(args: Taint[], index: number, rest: boolean): Taint {
  return rest ? unionTaint(...args.slice(index)) : (args[index] ?? []);
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** How a parameter or call item reads the value substituted for it. */
export function accessOf(item: { proj: string[]; path: string[]; flat?: boolean; omit?: string[]; omitMatching?: KeyPattern; unnamed?: true }): Access {
  return { proj: item.proj, path: item.path, flat: item.flat === true, ...(item.omit && { omit: item.omit }), ...(item.omitMatching && { omitMatching: item.omitMatching }), ...(item.unnamed && { unnamed: true }) };
}

/** Steps a resolved item keeps: where it was last seen matters most. */
const KEPT_STEPS = 8;

function withTrace(taint: Taint, steps: FlowStep[]): Taint {
  return taint.map((item) => ({ ...item, trace: lastSteps(item.trace, steps) }));
}

/** The last KEPT_STEPS of `before` then `after`, copying no more than those. */
function lastSteps(before: FlowStep[], after: FlowStep[]): FlowStep[] {
  const fromBefore = KEPT_STEPS - after.length;
  if (fromBefore <= 0) return after.slice(-KEPT_STEPS);
  return before.length === 0 ? after : [...before.slice(-fromBefore), ...after];
}

/** Only the secrets of a resolved taint. */
export function secretsOf(taint: Taint): SecretItem[] {
  return taint.filter((i): i is SecretItem => i.k === 'secret');
}

/** Drops secrets that a pino `redact` path covers: `password`, `req.headers.authorization`, `*.token`. */
export function unredacted(items: SecretItem[], redact: readonly string[]): SecretItem[] {
  if (redact.length === 0) return items;
  const patterns = redact.map(parseRedactPath);
  const covers = (path: string[]) => patterns.some((pattern) => pattern.length <= path.length && pattern.every((seg, i) => seg === '*' || seg === path[i]));
  return items.filter((item) => {
    // Headers logged whole are safe once both credentials they carry are redacted: the Authorization
    // header and the Cookie header (a session). `req.headers.authorization` alone leaves the cookies
    // in every line. Headers logged as the object itself (`logger.info(req.headers)`) have them at the top.
    if (item.container === 'headers' && covers([...item.path, 'authorization']) && covers([...item.path, 'cookie'])) return false;
    return item.path.length === 0 || !covers(item.path);
  });
}

function parseRedactPath(path: string): string[] {
  return path
    .replace(/\[\s*["']([^"']+)["']\s*\]/g, '.$1')
    .replace(/\[\s*\*\s*\]/g, '.*')
    .split('.')
    .filter(Boolean);
}
