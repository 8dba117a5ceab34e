import type { RelatedLocation } from '../findings/finding.js';
import type { Location } from '../findings/location.js';
import type { EnvState } from '../flow/env-guards.js';
import type { ClassFact, FlowFacts, NewFact, WriteFact } from '../flow/flow-facts.js';
import { plainName } from '../flow/function-keys.js';
import { accessOf, argumentOf, FlowIndex, isSameClassMethod, secretsOf, type Site } from '../flow/flow-index.js';
import { devOnlyModules } from '../flow/dev-only-modules.js';
import { opensSharedStream } from '../flow/shared-streams.js';
import { isDeveloperScript, localToolFiles } from '../flow/local-tool.js';
import { importedDataOf } from '../flow/lowdb-data.js';
import { unionTaint } from '../flow/propagate.js';
import { type ImportedGuard, importedGuardEnv, requiresOutsideProduction } from '../flow/value-choices.js';
import { leavesOptOutUnset } from '../flow/production-opt-out.js';
import { isStoreName, namesSecretPathByName } from '../flow/secret-paths.js';
import { createNameClassifier, SENSITIVE_NAMES_SCHEMA } from '../flow/sensitive-names.js';
import type { ParamItem, SecretItem, TaintItem } from '../flow/taint.js';
import { toTrace } from '../flow/trace.js';
import type { ProjectModel } from '../project/project-model.js';
import { defineRule, type RuleContext } from './rule.js';

export type MessageId = 'secretWrittenToFile' | 'fileStoreInProduction';

export default defineRule<MessageId>({
  meta: {
    id: 'no-file-storage-in-production',
    description: 'Finds tokens, secrets, credentials or session data written to the local file system on a path that runs in production.',
    cwe: 'CWE-922',
    severity: 'error',
    precision: 'high',
    securitySeverity: '6.5',
    messages: {
      secretWrittenToFile:
        '{{what}} is stored in a local file by `{{api}}` on a path that runs in production, where files outlive the process and leak through disks, images and backups; keep it in Redis or a secret manager, or guard the write with NODE_ENV !== \'production\'.',
      fileStoreInProduction:
        '`{{store}}` keeps {{what}} in local files and is chosen here on a path that runs in production, where files outlive the process and leak through disks, images and backups; use a Redis-backed store in production, or make `{{store}}` throw when NODE_ENV is \'production\'.',
    },
    schema: {
      sensitiveNames: SENSITIVE_NAMES_SCHEMA,
    },
  },
  reads: ['flow'],
  check(ctx) {
    const index = FlowIndex.of(ctx.project, createNameClassifier(ctx.config.sensitiveNames));
    const reported = new Set<string>();
    const report = (file: string, location: Location, messageId: MessageId, data: Record<string, string>, key: string, related: RelatedLocation[], secret?: SecretItem) => {
      const site = `${file}:${location.offset}`;
      if (reported.has(site)) return;
      reported.add(site);
      // The trace runs from the secret (when one flows) through the write inside the store to where the store is chosen.
      const steps = [...(secret?.trace ?? []), ...related.map((r) => ({ ...r })), { file, ...location, message: messageId === 'fileStoreInProduction' ? 'the file store is chosen here' : 'written to a file here' }];
      ctx.report({ file, location, messageId, data, key, related, trace: toTrace(steps, file) });
    };
    for (const [file, summary] of ctx.project.files) {
      if (summary.flow.news.length === 0 && summary.flow.writes.length === 0) continue;
      ctx.inFile(file, () => {
        if (runsOffServer(ctx.project, index, file)) return;
        for (const made of summary.flow.news) {
          if (made.filePackage === undefined || isOutsideProduction(ctx.project, file, made)) continue;
          // `configure() { return session({ store: new FileStore() }) }` of a class that refuses production: no instance runs it there.
          const ownerClass = made.ownerClass === undefined ? undefined : summary.flow.classes.find((c) => c.name === made.ownerClass);
          if (ownerClass !== undefined && (refusesProduction(ctx.project, index, file, ownerClass) || instancesChosenOutsideProduction(ctx.project, index, file, ownerClass.name))) continue;
          // `function devStore() { return new FileStore() }` called only under NODE_ENV guards. A
          // store-named factory's calls are all recorded (see recordProjectCall), so it qualifies exported too.
          if (made.owner !== undefined && (onlyCalledOutsideProduction(ctx.project, index, file, made.owner) || (isStoreName(plainName(made.owner)) && everyCallOutsideProduction(ctx.project, index, file, made.owner)))) continue;
          report(file, made.location, 'fileStoreInProduction', { store: `${made.callee} (${made.filePackage})`, what: 'sessions' }, `new ${made.filePackage}`, []);
        }
        for (const write of summary.flow.writes) {
          if (isOutsideProduction(ctx.project, file, write) || runsInGuardedCallback(index, file, write)) continue;
          if (write.importedStream !== undefined && !opensSharedStream(ctx.project, file, write.importedStream)) continue;
          checkWrite(ctx, index, file, summary.flow, write, report);
        }
      });
    }
  },
});

type Reporter = (file: string, location: Location, messageId: MessageId, data: Record<string, string>, key: string, related: RelatedLocation[], secret?: SecretItem) => void;

function checkWrite(ctx: RuleContext<MessageId>, index: FlowIndex, file: string, flow: FlowFacts, write: WriteFact, report: Reporter): void {
  // A lowdb database is also given data where other files import it (`db.data.grants.push(...)`).
  const importedPuts = write.databases === undefined ? [] : importedDataOf(ctx.project, file, write.databases);
  const resolved = unionTaint(index.resolve(file, write.data), ...importedPuts.map((put) => index.resolve(put.file, put.data)));
  const sessionData = write.sessionData === true || importedPuts.some((put) => put.sessionData);
  const secret = secretsOf(resolved)[0];
  // A static method is called as a function of its class (`TokenStore.save(t)`), never chosen by a `new`.
  const cls = write.ownerClass === undefined || write.staticMethod ? undefined : flow.classes.find((c) => c.name === write.ownerClass);
  const factory = write.factory === undefined ? undefined : flow.functions.find((f) => f.key === write.factory);
  // `writeFileSync('build/tokens.json', JSON.stringify(designTokens))`: data written out in the source stores nothing secret.
  const secretPath = (write.secretPath || importedPathNamesSecret(ctx.project, file, write)) && !(write.fixedData === true || (write.fixedData !== undefined && index.isLiteralConst(file, write.fixedData)));
  const what = secret ? `the secret \`${secret.label}\`` : secretPath ? `data for the secret file \`${write.pathLabel}\`` : sessionData ? 'a request\'s session data' : 'tokens or session data';
  const related: RelatedLocation[] = [{ file, ...write.location, message: `the file write inside the store (\`${write.api}\`)` }];

  if (cls) {
    const isSecretStore = checkClassWrite(ctx, index, file, cls, write, { secret, secretPath, sessionData, what }, related, report);
    // A generic writer class (`storage.saveJson(file, data)`): the method is a write helper, judged at its calls.
    if (isSecretStore === false && write.owner !== undefined) checkWrapperCalls(ctx, index, file, write, resolved, report);
    return;
  }
  if (factory && factory.storeName) {
    if (refusesItself(ctx.project, file, factory) || callsRefusingCheck(ctx.project, index, file, factory.checks)) return;
    for (const site of productionSites(ctx.project, index, index.callsOf(file, factory.key))) {
      report(site.file, site.fact.location, 'fileStoreInProduction', { store: factory.name ?? factory.key, what }, `${factory.key}()`, related, secret);
    }
    return;
  }
  // `export const fileTokenStore = { save(t) { writeFile(...) } }`: an object named as a store.
  const holder = write.owner?.includes('.') ? write.owner.split('.')[0] : undefined;
  if (secret || secretPath || sessionData || (holder !== undefined && isStoreName(holder))) {
    if (write.owner !== undefined && (onlyCalledOutsideProduction(ctx.project, index, file, write.owner) || runsThroughObjectChosenOutsideProduction(ctx.project, index, file, write.owner))) return;
    report(file, write.location, 'secretWrittenToFile', { what: capitalise(what), api: write.api }, `${write.api}\0${secret?.label ?? write.pathLabel}`, [], secret);
    return;
  }
  if (write.owner !== undefined) checkWrapperCalls(ctx, index, file, write, resolved, report);
}

/** What a write puts in a file, as far as it makes the writer a store of secrets. */
interface WriteFinding {
  secret: SecretItem | undefined;
  secretPath: boolean;
  sessionData: boolean;
  what: string;
}

/**
 * A write in a method of class `cls`: reported at each `new` of it (or of a subclass) that runs in
 * production, when the class is a store of secrets or is made as one. Undefined when the class
 * refuses production or the method is only called outside it; else whether it is such a store.
 */
function checkClassWrite(ctx: RuleContext<MessageId>, index: FlowIndex, file: string, cls: ClassFact, write: Pick<WriteFact, 'owner' | 'ctorPathParam' | 'ctorPathDefault'>, found: WriteFinding, related: RelatedLocation[], report: Reporter): boolean | undefined {
  if (refusesProduction(ctx.project, index, file, cls) || (write.owner !== undefined && methodOnlyCalledOutsideProduction(index, file, write.owner))) return undefined;
  const { secret, what } = found;
  // A generic file store is a token/session store where it is made for one (`const tokenStore = new FileStore()`).
  const isSecretStore = cls.storeName || secret !== undefined || found.secretPath || found.sessionData;
  // `class SessionStore extends JsonFile`: what a subclass makes writes through the base's methods, as a store when it is named one.
  const made = [{ file, cls }, ...index.subclassesOf(file, cls.name).filter((sub) => !refusesProduction(ctx.project, index, sub.file, sub.cls))];
  for (const { file: madeFile, cls: madeCls } of made) {
    const isStore = isSecretStore || madeCls.storeName;
    for (const site of productionSites(ctx.project, index, index.instantiationsOf(madeFile, madeCls.name))) {
      // `new JsonStore('data/sessions.json')`: this instance's file is a secret store (a subclass's constructor takes other parameters).
      const givenSecretPath = madeCls === cls && write.ctorPathParam !== undefined && givesSecretPath(site.fact, write.ctorPathParam, write.ctorPathDefault === true);
      if (!isStore && !givenSecretPath && site.fact.storeContext === undefined) continue;
      if (site.fact.owner !== undefined && (onlyCalledOutsideProduction(ctx.project, index, site.file, site.fact.owner) || isRefusingFactory(madeCls, site.fact.owner))) continue;
      // `export const tokenStore = new FileTokenStore()` that importers choose only outside production.
      if (moduleInstanceChosenOutsideProduction(ctx.project, index, site)) continue;
      // `new FileStore(dir)` of a store that throws in production unless `opts.allowInProduction` is set.
      if (madeCls.optOut !== undefined && leavesOptOutUnset(madeCls.optOut, site.fact.options)) continue;
      const store = isStore || givenSecretPath ? madeCls.name : `${madeCls.name} (as ${site.fact.storeContext})`;
      const siteWhat = isStore || !givenSecretPath ? what : 'data for the secret file it is given';
      report(site.file, site.fact.location, 'fileStoreInProduction', { store, what: siteWhat }, `new ${madeCls.name}`, related, secret);
    }
  }
  return isSecretStore;
}

/** `new JsonStore('data/sessions.json')`, or `new FileStore()` leaving out a parameter whose default is one (`dir = './sessions'`). */
function givesSecretPath(site: NewFact, param: number, secretDefault: boolean): boolean {
  if (site.secretPathArgs?.includes(param) === true) return true;
  return secretDefault && site.options !== undefined && site.options.length <= param;
}

/** A plain function that writes its parameter: each call passing a secret (or a secret file path) is a write. */
function checkWrapperCalls(ctx: RuleContext<MessageId>, index: FlowIndex, file: string, write: WriteFact, resolvedData: TaintItem[], report: Reporter): void {
  const owner = write.owner ?? '';
  // `add(item) { this.items.push(item) }` and `save() { writeFileSync(f, JSON.stringify(this.items)) }`:
  // what another method of the class keeps in a field is written too, from that method's calls.
  const inClass = (fn: string) => fn === owner || (write.ownerClass !== undefined && isSameClassMethod(fn, owner));
  const dataParams = resolvedData.filter((i): i is ParamItem => i.k === 'param' && inClass(i.fn));
  const pathParams = index.resolve(file, write.path).filter((i): i is ParamItem => i.k === 'param' && i.fn === owner);
  if (dataParams.length === 0 && pathParams.length === 0) return;
  for (const fn of new Set([owner, ...dataParams.map((p) => p.fn)])) {
    for (const site of productionSites(ctx.project, index, index.callsOf(file, fn))) {
      const call = site.fact;
      const secret = dataParams.filter((p) => p.fn === fn).flatMap((p) => secretsOf(index.access(index.resolve(site.file, argumentOf(call.args, p.index, p.rest === true)), accessOf(p))))[0];
      const secretPath = fn === owner && pathParams.some((p) => call.secretPathArgs.includes(p.index));
      // `saveSession(id, ctx.session)`: the helper writes a request's whole session.
      const sessionData = dataParams.some((p) => p.fn === fn && p.proj.length === 0 && (call.sessionArgs?.includes(p.index) ?? false));
      const related: RelatedLocation[] = [{ file, ...write.location, message: `the file write inside \`${owner}\` (\`${write.api}\`)` }];
      // `class CredentialStore { set(k, v) { writeJson(this.file, this.data) } }`: the helper's write is the store's.
      const storeClass = fn === owner ? storeClassOf(index, site.file, call.owner) : undefined;
      if (storeClass !== undefined && call.owner !== undefined) {
        const found = { secret, secretPath, sessionData, what: secret ? `the secret \`${secret.label}\`` : 'tokens or session data' };
        checkClassWrite(ctx, index, site.file, storeClass, { owner: call.owner }, found, [{ file: site.file, ...call.location, message: `the store writes through \`${fn}\` here` }, ...related], report);
        continue;
      }
      // `export const fileTokenStore = { set(k, v) { writeAll(all) } }`: the helper's write is the store object's.
      const storeObject = fn === owner && call.owner !== undefined && isStoreObjectMethod(index, site.file, call.owner);
      if (!secret && !secretPath && !sessionData && !storeObject) continue;
      if (storeObject && call.owner !== undefined && runsThroughObjectChosenOutsideProduction(ctx.project, index, site.file, call.owner)) continue;
      const what = secret ? `The secret \`${secret.label}\`` : secretPath ? 'Data for a secret file' : sessionData ? "A request's session data" : 'Tokens or session data';
      report(site.file, call.location, 'secretWrittenToFile', { what, api: `${fn}() → ${write.api}` }, `${fn}\0${secret?.label ?? 'path'}`, related, secret);
    }
  }
}

/** `owner` is a method of an object named as a store (`fileTokenStore.set`), not of a class. */
function isStoreObjectMethod(index: FlowIndex, file: string, owner: string): boolean {
  const dot = owner.indexOf('.');
  const holder = dot > 0 ? owner.slice(0, dot) : undefined;
  return holder !== undefined && isStoreName(holder) && !(index.project.files.get(file)?.flow.classes.some((c) => c.name === holder) ?? true);
}

/** The store-named class of `file` whose method `owner` is (`CredentialStore.set`). */
function storeClassOf(index: FlowIndex, file: string, owner: string | undefined): ClassFact | undefined {
  if (owner === undefined) return undefined;
  const method = plainName(owner);
  return index.project.files.get(file)?.flow.classes.find((c) => c.storeName && method.startsWith(`${c.name}.`));
}

/**
 * A helper whose every call in the project sits under a NODE_ENV guard runs only outside
 * production. An exported one may also be called from outside the project: it qualifies only when
 * the project does import and call it, and no importer calls it outside a guard (each file lists
 * the imported helpers it calls unguarded, kept or not as calls).
 */
function onlyCalledOutsideProduction(project: ProjectModel, index: FlowIndex, file: string, owner: string): boolean {
  const [name = owner] = owner.split('.', 1);
  const exported = project.files.get(file)?.module.exports.some((e) => e.local === name) ?? false;
  if (exported && (index.importCalledInProduction(file, owner) || !index.callsOf(file, owner).some((c) => c.file !== file))) return false;
  return everyCallOutsideProduction(project, index, file, owner);
}

/**
 * `if (process.env.NODE_ENV !== 'production') this.persist()`: a store method that writes, called
 * only from its own class's file and only under guards (never unguarded from an importer).
 */
function methodOnlyCalledOutsideProduction(index: FlowIndex, file: string, method: string): boolean {
  const calls = index.callsOf(file, method);
  return calls.length > 0 && calls.every((c) => c.file === file && isOutsideProduction(index.project, c.file, c.fact)) && !index.importCalledInProduction(file, method);
}

/**
 * A store object its module exports (`export const fileStorage = { save() {...} }`, a class's
 * instance `export default new FileSessionStore()`) that project files read only under NODE_ENV
 * guards (`storage = isProduction ? redisStorage : fileStorage`): it is chosen only outside production.
 */
function exportedChosenOutsideProduction(project: ProjectModel, index: FlowIndex, file: string, name: string): boolean {
  const exported = project.files.get(file)?.module.exports.some((e) => e.local === name) ?? false;
  return exported && index.importUseOf(file, name) === 'guarded';
}

/**
 * The write's function runs only through such an object: it is the object's method (its own file
 * calling it only under guards too), or a function the file keeps to itself (`flush()`) that only
 * such methods, or guarded code, call.
 */
function runsThroughObjectChosenOutsideProduction(project: ProjectModel, index: FlowIndex, file: string, owner: string, depth = 0): boolean {
  const calls = index.callsOf(file, owner);
  const dot = owner.indexOf('.');
  if (dot > 0) {
    return exportedChosenOutsideProduction(project, index, file, owner.slice(0, dot)) && calls.every((c) => c.file !== file || isOutsideProduction(project, c.file, c.fact));
  }
  // An exported function may be called from outside the project: `onlyCalledOutsideProduction` judges those.
  const exported = project.files.get(file)?.module.exports.some((e) => e.local === owner) ?? false;
  if (depth >= MAX_HOPS || calls.length === 0 || exported) return false;
  return calls.every((c) => isOutsideProduction(project, c.file, c.fact) || (c.file === file && c.fact.owner !== undefined && c.fact.owner !== owner && runsThroughObjectChosenOutsideProduction(project, index, file, c.fact.owner, depth + 1)));
}

/** Every `new` of the class makes an instance its module exports and importers choose only outside production: its instance methods never run there. */
function instancesChosenOutsideProduction(project: ProjectModel, index: FlowIndex, file: string, className: string): boolean {
  const sites = index.instantiationsOf(file, className);
  return sites.length > 0 && sites.every((site) => moduleInstanceChosenOutsideProduction(project, index, site));
}

/** A module-level `new` that is the file's one instance of its class (`export default new X()`), exported and chosen only outside production. */
function moduleInstanceChosenOutsideProduction(project: ProjectModel, index: FlowIndex, site: Site<NewFact>): boolean {
  if (site.fact.owner !== undefined) return false;
  const flow = project.files.get(site.file)?.flow;
  const made = flow?.news.filter((n) => n.owner === undefined && n.callee === site.fact.callee) ?? [];
  const instances = flow?.instances.filter((i) => i.className === site.fact.callee) ?? [];
  return made.length === 1 && instances.length === 1 && instances[0] !== undefined && exportedChosenOutsideProduction(project, index, site.file, instances[0].name);
}

/** Functions followed from a write to the store object's methods that call it: real helpers sit one or two deep. */
const MAX_HOPS = 3;

/** The function has recorded calls, and each sits under a NODE_ENV guard or in a developer script. */
function everyCallOutsideProduction(project: ProjectModel, index: FlowIndex, file: string, owner: string): boolean {
  const calls = index.callsOf(file, owner);
  return calls.length > 0 && calls.every((c) => isOutsideProduction(project, c.file, c.fact) || runsOffServer(project, index, c.file));
}

/** The class, or a class it extends (`class FileTokenStore extends DevOnlyStore`), throws in its constructor in production. */
function refusesProduction(project: ProjectModel, index: FlowIndex, file: string, cls: ClassFact, depth = 0): boolean {
  if (refusesItself(project, file, cls) || callsRefusingCheck(project, index, file, cls.checks)) return true;
  if (depth >= MAX_BASES) return false;
  const base = baseOf(project, index, file, cls);
  if (base === undefined) return false;
  // `constructor() { super(); this.ensureDev(); }`: a check the base declares.
  if (cls.baseChecks?.some((method) => declaresRefusingCheck(project, index, base, method))) return true;
  return refusesProduction(project, index, base.file, base.cls, depth + 1);
}

/** The class `cls` extends, as the scan recorded it (a class that may refuse production, or writes). */
function baseOf(project: ProjectModel, index: FlowIndex, file: string, cls: ClassFact): { file: string; cls: ClassFact } | undefined {
  const target = cls.base === undefined ? undefined : index.calleeTarget(file, cls.base);
  const base = target === undefined ? undefined : project.files.get(target.file)?.flow.classes.find((c) => c.name === target.key);
  return target === undefined || base === undefined ? undefined : { file: target.file, cls: base };
}

/** `method` is a check refusing production that the class or one of its bases declares. */
function declaresRefusingCheck(project: ProjectModel, index: FlowIndex, owner: { file: string; cls: ClassFact }, method: string, depth = 0): boolean {
  if (owner.cls.refusingChecks?.includes(method)) return true;
  const base = depth < MAX_BASES ? baseOf(project, index, owner.file, owner.cls) : undefined;
  return base !== undefined && declaresRefusingCheck(project, index, base, method, depth + 1);
}

/** `constructor() { assertDevOnly(); }`: one of the imported checks it calls first throws in production. */
function callsRefusingCheck(project: ProjectModel, index: FlowIndex, file: string, checks: readonly string[] | undefined): boolean {
  return (checks ?? []).some((name) => {
    const target = index.calleeTarget(file, name);
    return target !== undefined && (project.files.get(target.file)?.flow.functions.some((f) => f.key === target.key && refusesItself(project, target.file, f)) ?? false);
  });
}

/**
 * The constructor, function or module throws in production: by a test its file decides, or by one of
 * an imported flag that the flag's own module decides (`assert.ok(!isProduction)`).
 */
function refusesItself(project: ProjectModel, file: string, fact: { refusesProduction?: boolean; requires?: readonly ImportedGuard[] }): boolean {
  return fact.refusesProduction === true || requiresOutsideProduction(project, file, fact.requires);
}

/** `FileStore.create` of a class whose static `create()` refuses production: the `new` inside it is refused. */
function isRefusingFactory(cls: ClassFact, owner: string): boolean {
  return cls.refusingFactories?.some((m) => owner === `${cls.name}.${m}`) ?? false;
}

/** Class chains followed to a refusing base: real hierarchies are shallow. */
const MAX_BASES = 4;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Code that never runs in a production server: a developer script or test support, a module only
 * such scripts and local stdio MCP servers run (on a developer's or user's own machine, see
 * local-tool.ts), one only loaded by an `import()` under a NODE_ENV guard (see dev-only-modules.ts),
 * or one that throws as it loads in production (itself, or by an imported check it calls then).
 */
function runsOffServer(project: ProjectModel, index: FlowIndex, file: string): boolean {
  const flow = project.files.get(file)?.flow;
  return isDeveloperScript(project, file) || localToolFiles(project).has(file) || devOnlyModules(project).has(file) || refusesItself(project, file, flow ?? {}) || callsRefusingCheck(project, index, file, flow?.checks);
}

/** The sites that run in production: not under a NODE_ENV guard, not in a developer script or local tool. */
function productionSites<T extends GuardedFact>(project: ProjectModel, index: FlowIndex, sites: Site<T>[]): Site<T>[] {
  return sites.filter((s) => !isOutsideProduction(project, s.file, s.fact) && !runsOffServer(project, index, s.file));
}

interface GuardedFact {
  env: EnvState;
  importedGuard?: ImportedGuard;
}

/**
 * Under a NODE_ENV guard of its file, or under a test of a value another module picks by NODE_ENV
 * (`config.tokenStore === 'file'` given `tokenStore: isProduction ? 'redis' : 'file'`).
 */
function isOutsideProduction(project: ProjectModel, file: string, fact: GuardedFact): boolean {
  return fact.env === 'nonprod' || (fact.importedGuard !== undefined && importedGuardEnv(project, file, fact.importedGuard) === 'nonprod');
}

/** `devOnly(() => writeFileSync(...))`: the write is handed to a function that calls it only outside production. */
function runsInGuardedCallback(index: FlowIndex, file: string, write: WriteFact): boolean {
  const site = write.inCallback;
  return site !== undefined && (index.functionOf(file, site.callee)?.fact.guardedCallbacks?.includes(site.arg) ?? false);
}

/**
 * A written path made of another module's constants names a secret store by their values
 * (`export const DATA_FILE = 'data/tokens.json'`), as the module that defines them recorded them
 * (`FlowFacts.pathConsts`, kept where the value says otherwise than the name); by the name it is
 * read through where the module records nothing.
 */
function importedPathNamesSecret(project: ProjectModel, file: string, write: WriteFact): boolean {
  return (write.importedPaths ?? []).some((ref) => pathConstOf(project, file, ref) ?? namesSecretPathByName(ref));
}

/** What the defining module recorded of a path const, through the import that reads it. */
function pathConstOf(project: ProjectModel, file: string, ref: string): boolean | undefined {
  // `tokenFile()`: a function returning the path, recorded with the call's parentheses.
  const call = ref.endsWith('()') ? '()' : '';
  const [root = '', ...rest] = ref.slice(0, ref.length - call.length).split('.');
  let origin = project.originOf(file, root);
  if (origin.kind === 'local' && origin.name === '*' && rest.length > 0) origin = project.originOfMember(origin.file, rest.shift() ?? '');
  if (origin.kind !== 'local' || origin.file === file) return undefined;
  return project.files.get(origin.file)?.flow.pathConsts?.[[origin.name, ...rest].join('.') + call];
}
