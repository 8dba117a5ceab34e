import type { Location } from '../findings/location.js';
import { CONSTRUCTOR, plainName } from './function-keys.js';
import { locationOf } from '../findings/location.js';
import { namespaceConstsOf } from '../parse/namespace-members.js';
import { ts } from '../parse/typescript.js';
import { lastNameOf } from '../parse/last-name.js';
import { isStaticMember } from '../parse/static-member.js';
import { someNode } from '../parse/visit-tree.js';
import { noAliases } from '../project/path-aliases.js';
import type { ExtractContext } from '../summary/extract-context.js';
import { collectFile, declareField, enclosingFunction, requireOf, type CollectedFile } from './collect-file.js';
import { choiceEnvAt, type EnvState, envAt, importedChecksIn, importedChecksOf, moduleRefusesProduction, refusesProduction } from './env-guards.js';
import { chosenClassesOf, type ClassTableEntry, classTablesOf, envTableEntryOf, importedTableOf, keyedEnvOf } from './chosen-class.js';
import { injectedClassesOf } from './injected-classes.js';
import { optionsGivenOf, productionOptOutOf, type ProductionOptOut } from './production-opt-out.js';
import { constructorParamDefault, constructorPathParam } from './constructor-path-param.js';
import { fixedDataOf } from './fixed-data.js';
import { guardedImportsOf } from './guarded-imports.js';
import { renamedPathOf } from './renamed-path.js';
import { type CallbackSite, callbackOf, guardedCallbacksOf } from './guarded-callbacks.js';
import { importedStreamOf, moduleStreamHolderOf } from './shared-streams.js';
import { type ImportedDataPut, importedDataPutsOf, lowdbDataOf } from './lowdb-data.js';
import { isAddedTo } from './mutated-in-place.js';
import { writesRequestSession } from './request-session.js';
import { createEvaluator, type Evaluator } from './evaluate.js';
import { constValueOf, type FileContext, importOf, lookup, packageFunctionOf, textMentions } from './file-context.js';
import { wholeParams } from './whole-params.js';
import { type EnvNameValue, envNameValuesOf, type ImportedGuard, importedChoiceGuardAt, importedGuardAt, importedRequirementsOf, type ValueChoice, valueChoicesOf } from './value-choices.js';
import { COMPUTED_ENTRY, isCredentialCookie, unionTaint, wrapTaint } from './propagate.js';
import { isLiteralTree } from './sanitisers.js';
import { type ReplacedKeys, replacerKeysOf } from './json-stringify.js';
import { dottedNameOf, propertyNameOf, type ScopeMap, unwrap } from './scope.js';
import { extractModuleFacts, type ModuleFacts, specifiersOf } from '../summary/module-facts.js';
import { servesNetwork } from './network-server.js';
import { isScriptFile } from './script-file.js';
import { extendedClassOf } from '../parse/extended-class.js';
import { isStaticInitialized } from './instance-class.js';
import { shapeFieldsOf } from './schema-shape.js';
import { importedPathRefsOf, isStoreName, namesSecretFile, namesSecretPathByName, namesSecretStore } from './secret-paths.js';
import { type NameClassifier, nameClassifierFor } from './sensitive-names.js';
import type { FrameworkLogger, FrameworkRedact } from './framework-logger.js';
import { createSinkFinder, inspectsValues, type FsWrite, type RedactPath, type SinkFinder } from './sinks.js';
import type { Taint } from './taint.js';
import { labelOf } from './trace.js';
import { secretFieldsOfTypes, type TypeBase } from './typed-secret-fields.js';
import { isModuleExportsAssignment, isModuleExportsValue } from '../graph/function-id-of.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isArrowFunction, isAsExpression, isBinaryExpression, isBlock, isCallExpression, isClassDeclaration, isClassExpression, isClassLike, isConditionalExpression, isConstructorDeclaration, isElementAccessExpression, isEnumDeclaration, isExportAssignment, isExpressionStatement, isFunctionExpression, isIdentifier, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isShorthandPropertyAssignment, isSpreadElement, isStringLiteralLike, isTemplateExpression, isVariableDeclaration, isVariableStatement } = ts;

/** A project function other files may call: what it returns, and whether it guards production. */
export interface FunctionFact {
  key: string;
  location: Location;
  returns: Taint;
  /** What it throws (`throw new Error('bad token ' + token)`), for a caller's catch variable. */
  throws?: Taint;
  /** Parameters returned whole (`mask(x) { return x }`, `mask(x) { return '***' + x }` are not sanitisers). */
  whole: number[];
  storeName: boolean;
  /** It throws in production: a store factory, or a parameterless module-level check (`assertDevOnly()`) that others call first. */
  refusesProduction: boolean;
  /** A store factory's imported checks (see `importedChecksOf`): it refuses production if one does. */
  checks?: string[];
  /** Tests of imported flags it requires first (see `importedRequirementsOf`): it refuses production if one holds only outside it. */
  requires?: ImportedGuard[];
  /** The function's own name where callers know it by another key (`module.exports = function createSessionStore`). */
  name?: string;
  /** A module-level constant (`export const config = {...}`, `export default {...}`), read by importers, never called. */
  value?: true;
  /** Parameters it calls only outside production (`devOnly(fn)`, see guarded-callbacks.ts): a callback handed there runs only there. */
  guardedCallbacks?: number[];
  /** A class's getter: reading the field of an instance runs it (`settings.connection`). */
  getter?: true;
  /** Shaped as a `JSON.stringify` replacer that drops or keeps keys (see `replacerKeysOf`): importers pass it to `JSON.stringify`. */
  replacer?: ReplacedKeys;
}

/** A call to a log sink with what each argument carries. */
export interface LogCallFact {
  location: Location;
  sink: string;
  /** pino `redact` paths of the logger, applied to the first argument. */
  redact: RedactPath[];
  args: Taint[];
  /** The function the call sits in: the wrapper, when arguments carry its parameters. */
  owner?: string;
  /** The logger is imported under this local name: its `redact` is in its own file's `loggers`. */
  importedLogger?: string;
  /** A log call only if `importedLogger` is one of its own module's `loggers` (see `LogSink.unconfirmed`). */
  unconfirmed?: true;
  /** Fastify's logger: a request is serialised without its headers. */
  serializesRequests?: true;
  /** A framework's logger: the `redact` of the framework's options, wherever they are, apply (see `FlowFacts.frameworkRedact`). */
  framework?: FrameworkLogger;
}

/** A top-level logger (with its pino `redact` paths, maybe none), for the files that import it. */
export interface LoggerFact {
  name: string;
  redact: RedactPath[];
  /** A child of a logger this module imports under this local name (`logger.child({ module })`): that logger's `redact` applies too. */
  importedParent?: string;
}

/** A call of a project function (maybe a wrapper or a store factory), resolved by the rules. */
export interface CallFact {
  location: Location;
  callee: string;
  args: Taint[];
  /** Arguments whose literal text names a secret store file. */
  secretPathArgs: number[];
  /** Arguments that are a request's whole session (`saveSession(id, ctx.session)`): session data to a helper that writes them. */
  sessionArgs?: number[];
  owner?: string;
  env: EnvState;
  /** With `env` unknown: the test of an imported value the call sits under (see value-choices.ts). */
  importedGuard?: ImportedGuard;
}

/** A file-system write. */
export interface WriteFact {
  location: Location;
  api: string;
  data: Taint;
  path: Taint;
  pathLabel: string;
  secretPath: boolean;
  /** Constants of project modules the path is made of (see `importedPathRefsOf`): the rule reads their values. */
  importedPaths?: string[];
  env: EnvState;
  /** With `env` unknown: the test of an imported value the write sits under (see value-choices.ts). */
  importedGuard?: ImportedGuard;
  owner?: string;
  /** The class whose method writes. */
  ownerClass?: string;
  /** The method is static (`TokenStore.save(token)`): the class is called, never chosen by a `new`. */
  staticMethod?: true;
  /** The store-named factory whose returned closure writes. */
  factory?: string;
  /** The path comes from this parameter of the class's constructor: each `new` chooses the file. */
  ctorPathParam?: number;
  /** That parameter's default names a secret store (`constructor(dir = './sessions')`): a `new` leaving it out writes there. */
  ctorPathDefault?: true;
  /** The write sits in a callback handed to a project function (`devOnly(() => writeFileSync(...))`), which decides when it runs. */
  inCallback?: CallbackSite;
  /** The data is written out in full in the source, here (`true`) or in the module of this import (see fixed-data.ts). */
  fixedData?: true | string;
  /** The data is a request's whole session (`JSON.stringify(req.session)`): session data (see request-session.ts). */
  sessionData?: true;
  /** A lowdb adapter: the variables holding its database, which importers put data into (see `FlowFacts.importedDataPuts`). */
  databases?: string[];
  /**
   * `out.write(line)` of an `out` imported under this name from a project module: a write only when
   * that module holds a write stream under it (see `FlowFacts.streams`).
   */
  importedStream?: string;
}

export interface ClassFact {
  name: string;
  location: Location;
  storeName: boolean;
  /** Its constructor throws (or exits) in production. */
  refusesProduction: boolean;
  /** Its constructor's imported checks (see `importedChecksOf`): it refuses production if one does. */
  checks?: string[];
  /** Tests of imported flags its constructor requires (see `importedRequirementsOf`): it refuses production if one holds only outside it. */
  requires?: ImportedGuard[];
  /** Its constructor refuses production unless the caller sets this option: each `new` decides (see production-opt-out.ts). */
  optOut?: ProductionOptOut;
  /**
   * Static factories that refuse production (`static create() { if (isProd) throw ...; return new
   * X() }`): what they make is refused, a `new` written elsewhere is not.
   */
  refusingFactories?: string[];
  /** Instance methods that throw in production whatever they are given (see `refusingChecksOf`), for subclasses' constructors. */
  refusingChecks?: string[];
  /** The class it extends, as named in this file: its constructor runs first, and may refuse production. */
  base?: string;
  /** Methods of a base its constructor calls first (`this.ensureDev()`): it refuses production if a base's method does. */
  baseChecks?: string[];
}

/** `new X(...)`: where a store class may be chosen. */
export interface NewFact {
  location: Location;
  callee: string;
  env: EnvState;
  /** With `env` unknown: the test of an imported value the `new` sits under (see value-choices.ts). */
  importedGuard?: ImportedGuard;
  /** The class comes from a package that keeps sessions in files (`session-file-store`). */
  filePackage?: string;
  /**
   * A name around the `new` saying it is made to store tokens or sessions: the variable or field
   * it is assigned to (`const tokenStore = new FileStore()`) or the factory it sits in
   * (`createSessionStore()`).
   */
  storeContext?: string;
  /** The project function the `new` sits in. */
  owner?: string;
  /** A file store made by an instance member of this class: only an instance of it runs that code (see `filePackage`). */
  ownerClass?: string;
  /**
   * `new drivers[kind]()` of a table `callee` imported from a project module: each class of that
   * module's table (see `FlowFacts.classTables`) is made here; by the entry's key when `keyedByEnv`.
   */
  importedTable?: { keyedByEnv: boolean };
  /** Arguments whose literal text names a secret store file (`new JsonStore('data/sessions.json')`). */
  secretPathArgs?: number[];
  /** What each argument sets, for a constructor's opt-out of its production check (see production-opt-out.ts). */
  options?: Array<string[] | null>;
}

/** `const name = new ClassName(...)` at the top level; the class as named in this file. */
export interface InstanceFact {
  name: string;
  className: string;
}

/**
 * Per-file value-flow facts: log calls and file writes with the taint of their arguments, project
 * functions' returns, calls that may reach wrappers or store factories, classes and `new`. Flow
 * inside the file is resolved here; cross-file edges stay as call/param items for the rules.
 */
export interface FlowFacts {
  functions: FunctionFact[];
  logCalls: LogCallFact[];
  loggers: LoggerFact[];
  calls: CallFact[];
  writes: WriteFact[];
  classes: ClassFact[];
  news: NewFact[];
  /** `redact` paths this file's framework options (`Fastify({ logger })`, `pinoHttp()`, hapi-pino) give the framework's loggers. */
  frameworkRedact?: FrameworkRedact;
  /** Module-level constants holding an instance of a class (`export const audit = new AuditLog()`): `audit.write()` is `AuditLog.write`. */
  instances: InstanceFact[];
  /** A developer script (shebang, `scripts/`, `bin/`): never part of the production server. */
  script: boolean;
  /** The module throws as it loads in production (see `moduleRefusesProduction`): none of its code runs there. */
  refusesProduction?: true;
  /**
   * Module-level lists of string literals, by const name (`REDACT_PATHS`) or const object field
   * (`config.redactPaths`): importers may hand them to pino as its `redact` paths.
   */
  pathLists?: Record<string, string[]>;
  /** Tests of imported flags the module requires as it loads (see `importedRequirementsOf`): it refuses production if one holds only outside it. */
  requires?: ImportedGuard[];
  /** Imported checks the module calls as it loads (`assertNotProduction('dev-store')`, see `importedChecksIn`): it refuses production if one does. */
  checks?: string[];
  /**
   * Callees imported from project modules that this file calls at least once outside a NODE_ENV
   * guard, each once: an exported helper none of whose callers in the project appears here runs
   * only outside production (recorded calls alone cannot say so: uninteresting calls are not kept).
   */
  importsCalledInProduction?: string[];
  /**
   * Values imported from project modules that this file reads, each once, and whether a read sits
   * outside a NODE_ENV guard: a store object no importer reads outside one is chosen only outside
   * production (`isProduction ? redisStorage : fileStorage`, see `FlowIndex.importUseOf`).
   */
  importUses?: ImportUse[];
  /** Module-level const objects of classes (`export const drivers = { file: FileSessionStore }`), which importers pick from. */
  classTables?: Record<string, ClassTableEntry[]>;
  /** Module-level consts picked by a NODE_ENV condition, which importers compare (see value-choices.ts). */
  choices?: ValueChoice[];
  /** Module-level consts and functions whose value is the environment's name, which importers compare (see value-choices.ts). */
  envNames?: EnvNameValue[];
  /**
   * Module-level consts holding a write stream made here to a file naming no secret store (`export
   * const auditFile = createWriteStream(...)`): what importers write to them is written to the file.
   */
  streams?: string[];
  /** What this file puts into the `data` of a database it imports (`db.data.grants.push(...)`), by the imported name. */
  importedDataPuts?: ImportedDataPut[];
  /**
   * Module-level consts named as secrets whose value is written out in full (`export const tokens =
   * { color: { primary: { value: '#0055ff' } } }`): importers read no secret from them.
   */
  literalConsts?: string[];
  /**
   * Module-level consts (and fields of const objects) holding a file path built in code, where
   * whether it names a secret store differs from what the name says (`STORE_PATH = join(dir,
   * 'credentials.json')`: true; `TOKEN_FILE = 'data/cache.json'`: false). See `recordPathConsts`.
   * Functions returning a path are keyed with a call's parentheses (`tokenFile()`).
   */
  pathConsts?: Record<string, boolean>;
  /**
   * Module-level consts (and fields of const objects and enums) holding the name of a credential
   * header, cookie or variable (`export const API_KEY_HEADER = 'x-api-key'`, `HEADERS.AUTH`): an
   * importer reading an entry by such a name reads a credential (see `SecretItem.entryNamedBy`).
   */
  entryNames?: Array<{ name: string; value: string }>;
  /**
   * `import('./dev-store.js')`, `import('express')` and `require()` calls, each with the NODE_ENV guard
   * around it: what the file loads besides its top-level imports (see dev-only-modules.ts, local-tool.ts).
   */
  dynamicImports?: DynamicImportFact[];
  /** Project modules imported only for code under NODE_ENV guards (see guarded-imports.ts), by specifier. */
  guardedImports?: string[];
  /**
   * The paths of the secret-named fields of the file's top-level interfaces, object type aliases
   * and classes (`LoginDto: [['password']]`): what a value typed so holds in an importing file (see
   * `SecretItem.typedBy`).
   */
  typeSecrets?: Record<string, string[][]>;
  /** Bases of those types that other modules declare (`class RegisterDto extends PartialType(CreateUserDto)`). */
  typeBases?: Record<string, TypeBase[]>;
  /** Types of `typeSecrets` that are classes with a `toJSON()`: their fields are printed only by util.inspect. */
  typeInspected?: string[];
}

/** A read of an imported project value (see `FlowFacts.importUses`). */
export interface ImportUse {
  name: string;
  inProduction: boolean;
  /** Every read sits under a test of an imported value (`isProd ? memory : fileStorage`): its module says whether it excludes production. */
  importedGuard?: ImportedGuard;
}

export interface DynamicImportFact {
  specifier: string;
  env: EnvState;
  /** With `env` unknown: the test of an imported value the load sits under (see value-choices.ts). */
  importedGuard?: ImportedGuard;
}

export function emptyFlowFacts(): FlowFacts {
  return { functions: [], logCalls: [], loggers: [], calls: [], writes: [], classes: [], news: [], instances: [], script: false };
}

/**
 * Summarises one file's value flow in one walk plus evaluation of the expressions that matter
 * (sink arguments, writes, returns). Files without a single call carry no flow: skipped cheaply.
 * `module` is the file's module facts when the caller has them already.
 */
export function extractFlowFacts(sf: ts.SourceFile, ctx: ExtractContext, module?: ModuleFacts): FlowFacts {
  const facts = emptyFlowFacts();
  // A file with no call carries no flow, unless it holds environment values (`export default { jwtSecret: process.env.JWT_SECRET }`)
  // or a class extending another (`class SessionStore extends JsonFile {}`: the base's writes, as a store),
  // or a choice on an imported flag (`tokenStore: isProd ? 'redis' : 'file'`, `useFileStore = !isProd`).
  // Whether the file is a developer script matters to the files it imports, calls or not (see local-tool.ts).
  facts.script = isScriptFile(sf.text, ctx.path, () => specifiersOf(module ?? extractModuleFacts(sf)).some(servesNetwork));
  const types = secretFieldsOfTypes(sf, nameClassifierFor(ctx.config.sensitiveNames));
  if (types.secrets) facts.typeSecrets = types.secrets;
  if (types.bases) facts.typeBases = types.bases;
  if (types.inspected) facts.typeInspected = types.inspected;
  const pathLists = pathListsOf(sf);
  if (pathLists !== undefined) facts.pathLists = pathLists;
  if (!sf.text.includes('(') && !sf.text.includes('process.env') && !sf.text.includes(' extends ') && !/[?!]/.test(sf.text) && !mayHoldCredentialUrl(sf.text)) {
    // A file of constants (`export const tokens = {...}`) often has no call: its literal consts still matter to importers.
    const values = moduleValues(sf, NO_KEYS);
    const names = nameClassifierFor(ctx.config.sensitiveNames);
    recordLiteralConsts(values, names, facts, () => false);
    recordEntryNames(sf, values, names, facts);
    // Without calls a path is written out: its text says what it names.
    recordPathConsts(values, (e) => { const path = unwrap(e); return isStringLiteralLike(path) && namesSecretFile(path.text); }, facts);
    // Not walked: whatever it imports may be read anywhere (`export const storage = fileStorage`).
    const imported = projectImportsOf(module ?? extractModuleFacts(sf), ctx);
    if (imported.size > 0 && !facts.script) facts.importUses = [...imported].map((name) => ({ name, inProduction: true }));
    return facts;
  }
  const collected = collectFile(sf, projectImportsOf(module ?? extractModuleFacts(sf), ctx));
  for (const assignment of collected.assignments) recordAssignment(assignment, collected.scopes);
  for (const call of collected.calls) {
    if (!isCallExpression(call)) continue;
    recordKeyedSet(call, collected.scopes);
    recordArrayAdd(call, collected.scopes);
    recordObjectAssign(call, collected.scopes);
  }
  const aliases = ctx.aliases ?? noAliases;
  const isProjectModule = (specifier: string) => aliases.isProject(ctx.path, specifier);
  const fc: FileContext = { sf, file: ctx.path, names: nameClassifierFor(ctx.config.sensitiveNames), config: ctx.config, collected, isProjectModule, earlyExits: new Map() };
  const ev = createEvaluator(fc);
  const sinks = createSinkFinder(fc);
  const streams = new Map<ts.CallExpression | ts.NewExpression, Taint>();
  const foreignStreamWrites: ForeignStreamWrite[] = [];
  const projectCalls: ts.CallExpression[] = [];
  for (const call of collected.calls) {
    if (isNewExpression(call)) recordNew(call, fc, facts);
    else if (!recordFileStoreFactory(call, fc, facts) && !recordSinkCall(call, fc, ev, sinks, facts, streams, foreignStreamWrites)) projectCalls.push(call);
    if (isCallExpression(call)) recordInjectedClasses(call, fc, facts);
    // nedb-promises' `Datastore.create(...)` is the one file store made by a member call.
    const adapter = call.expression.kind === SyntaxKind.Identifier || (isPropertyAccessExpression(call.expression) && call.expression.name.text === 'create') ? sinks.fileAdapterOf(call) : undefined;
    if (adapter) {
      const lowdb = lowdbDataOf(call, fc, ev);
      recordWrite(call, adapter, fc, ev, facts, lowdb.data, lowdb.databases, lowdb.sessionData);
    }
    else if (isCallExpression(call) && isModuleLoad(call, fc)) recordDynamicImport(call, fc, facts);
  }
  for (const [create, data] of streams) {
    const write = sinks.streamWriteOf(create);
    if (write) recordWrite(create, write, fc, ev, facts, data);
    // A stream to a secret store's path is reported where it is made, whatever importers write to it.
    const holder = write && !namesSecretStore(write.pathArg, fc) ? moduleStreamHolderOf(create) : undefined;
    if (holder !== undefined) (facts.streams ??= []).push(holder);
  }
  for (const assignment of collected.assignments) {
    recordLoggerMeta(assignment, fc, ev, sinks, facts);
    const setter = sinks.storeSetterOf(assignment);
    if (setter) recordWrite(assignment, setter, fc, ev, facts, ev.taintOf(assignment.right));
  }
  // `function emit(evt) { out.write(JSON.stringify(evt)) }` on a stream opened elsewhere in the file:
  // a write of its own function, judged at that function's calls as any write helper. A stream to a
  // secret store's path is reported where it is made already, whatever is written to it.
  for (const { call, create, data } of foreignStreamWrites) {
    const write = sinks.streamWriteOf(create);
    if (write && !namesSecretStore(write.pathArg, fc)) recordWrite(call, write, fc, ev, facts, data);
  }
  // Options where the app is made configure loggers that log in other files (route modules).
  const frameworkRedact = sinks.frameworkRedact();
  if (Object.keys(frameworkRedact).length > 0) facts.frameworkRedact = frameworkRedact;
  // Only log calls are wanted (a file scanned alone, for no-secrets-in-logs) and none carries a
  // value: calls and functions could only feed a wrapper, and this file has no wrapper to feed.
  if (ctx.sections?.has('flow') === false && facts.logCalls.length === 0) return facts;
  // Local functions that write files or make objects: whether all their callers are guarded matters.
  const writers = new Set([...facts.writes.map((w) => w.owner), ...facts.news.map((n) => n.owner)]);
  const calledInProduction = new Set<string>();
  for (const call of projectCalls) recordProjectCall(call, fc, ev, facts, writers, calledInProduction);
  if (writers.size > 0) recordWritersPassed(collected.calls, fc, ev, facts, writers);
  if (calledInProduction.size > 0 && !facts.script) facts.importsCalledInProduction = [...calledInProduction];
  const importUses = importUsesOf(collected.importRefs, fc, facts.script);
  if (importUses.length > 0) facts.importUses = importUses;
  const importedDataPuts = importedDataPutsOf(fc, ev);
  if (importedDataPuts.length > 0) facts.importedDataPuts = importedDataPuts;
  facts.loggers = topLevelLoggers(sf, collected, sinks, module ?? extractModuleFacts(sf));
  facts.instances = topLevelInstances(sf, fc);
  const choices = valueChoicesOf(fc);
  if (choices.length > 0) facts.choices = choices;
  const classTables = classTablesOf(fc);
  if (classTables !== undefined) facts.classTables = classTables;
  const envNames = envNameValuesOf(fc);
  if (envNames.length > 0) facts.envNames = envNames;
  if (moduleRefusesProduction(fc)) facts.refusesProduction = true;
  else {
    const requires = importedRequirementsOf(sf.statements, fc);
    if (requires.length > 0) facts.requires = requires;
    const checks = importedChecksIn(sf.statements, fc);
    if (checks.length > 0) facts.checks = checks;
  }
  const guardedImports = guardedImportsOf(fc);
  if (guardedImports.length > 0) facts.guardedImports = guardedImports;
  const guardedCallbacks = guardedCallbacksOf(fc);
  for (const fn of collected.functions) {
    const fact = functionFact(fn.key, fn.node, fc, ev, guardedCallbacks.get(fn.node));
    if (fact) facts.functions.push(fact);
  }
  const values = moduleValues(sf, collected.functionKeySet);
  recordLiteralConsts(values, fc.names, facts, (node) => isVariableDeclaration(node) && isIdentifier(node.name) && isAddedToBinding(node.name, fc));
  recordEntryNames(sf, values, fc.names, facts);
  recordPathConsts(values, (e) => namesSecretStore(e, fc), facts);
  recordPathFunctions(collected, (e) => namesSecretStore(e, fc), facts);
  recordSchemaSecrets(values, fc, facts);
  for (const [key, node, expr] of values) {
    const returns = ev.taintOf(expr);
    if (returns.length > 0) facts.functions.push({ key, location: locationOf(node, sf), returns, whole: [], storeName: false, refusesProduction: false, value: true });
  }
  // `class Settings { static apiKey = process.env.API_KEY }`: importers read the class's static fields as a module value.
  for (const cls of collected.classes) {
    if (!isClassDeclaration(cls) || cls.name === undefined || cls.parent !== sf || !cls.members.some((m) => isStaticInitialized(m) || (ts.isGetAccessorDeclaration(m) && isStaticMember(m)))) continue;
    const returns = ev.taintOf(cls.name);
    if (returns.length > 0) facts.functions.push({ key: cls.name.text, location: locationOf(cls, sf), returns, whole: [], storeName: false, refusesProduction: false, value: true });
  }
  recordConstructed(collected, fc, ev, facts);
  const writingClasses = new Set(facts.writes.map((w) => w.ownerClass));
  for (const cls of collected.classes) {
    const fact = classFact(cls, fc);
    if (fact.storeName || fact.refusesProduction || fact.refusingFactories || fact.refusingChecks || writingClasses.has(fact.name)) facts.classes.push(fact);
  }
  return facts;
}

/**
 * `new MailClient(key)` in a file that imports the class: what the instance holds, as a function of
 * the constructor's arguments (`MailClient.constructor`, a key no constructor has otherwise: the flow
 * does not follow constructors as functions). Top-level classes only: others cannot be imported.
 */
function recordConstructed(collected: CollectedFile, fc: FileContext, ev: Evaluator, facts: FlowFacts): void {
  for (const cls of collected.classes) {
    if (!isClassDeclaration(cls) || cls.name === undefined || cls.parent !== fc.sf) continue;
    const key = `${cls.name.text}.${CONSTRUCTOR}`;
    const returns = ev.constructedTaint(cls);
    if (returns.length > 0) facts.functions.push({ key, location: locationOf(cls, fc.sf), returns, whole: [], storeName: false, refusesProduction: false });
  }
}

/** `x = e`, `x += e`, `obj.field = e`: more values for the binding of `x` / `obj`. */
function recordAssignment(assignment: ts.BinaryExpression, scopes: ScopeMap): void {
  const wrap: string[] = [];
  let target = unwrap(assignment.left);
  while (isPropertyAccessExpression(target) || isElementAccessExpression(target)) {
    wrap.unshift(propertyNameOf(isPropertyAccessExpression(target) ? target.name : target.argumentExpression) ?? '*');
    target = unwrap(target.expression);
  }
  // `api.defaults.headers.common.Authorization = ...`: deep enough for an axios instance's default headers.
  if (wrap.length > 4) return;
  if (target.kind === SyntaxKind.ThisKeyword) {
    // `this.headers = {...}` inside a class: a value of the field `this.headers`.
    const [field, ...rest] = wrap;
    const cls = classLikeOf(assignment);
    if (field !== undefined && cls) declareField(scopes, cls, field).values.push({ expr: assignment.right, path: [], wrap: rest, at: assignment });
    return;
  }
  if (!isIdentifier(target)) return;
  const binding = scopes.lookup(target.text, target);
  if (binding?.kind === 'var') binding.values.push({ expr: assignment.right, path: [], wrap, at: assignment });
  // `config.headers.Authorization = token` in an axios interceptor: the parameter object now holds it;
  // so does an imported object (`axios.defaults.headers.common.Authorization = token`).
  else if ((binding?.kind === 'param' || binding?.kind === 'import') && wrap.length > 0) (binding.assigned ??= []).push({ expr: assignment.right, path: [], wrap, at: assignment });
}

/** Methods that store a value under a key of their receiver: `Headers`, `Map`, `URLSearchParams`, `FormData`. */
const KEYED_SETTERS: ReadonlySet<string> = new Set(['set', 'append']);

/**
 * `headers.set('Authorization', value)`, `secrets.set('jwt', value)`: like `headers.Authorization =
 * value`, one more value of the local variable, under that key. Printing the object
 * (`Object.fromEntries(headers)`, `console.log(secrets)`) prints its entries.
 */
function recordKeyedSet(call: ts.CallExpression, scopes: ScopeMap): void {
  const callee = unwrap(call.expression);
  const [key, value] = call.arguments;
  if (!isPropertyAccessExpression(callee) || !KEYED_SETTERS.has(callee.name.text) || key === undefined || value === undefined || call.arguments.length !== 2) return;
  const receiver = unwrap(callee.expression);
  // `url.searchParams.set('key', apiKey)`: the URL's own query, which `url.toString()` prints.
  const query = isPropertyAccessExpression(receiver) && receiver.name.text === 'searchParams' ? unwrap(receiver.expression) : undefined;
  const target = query ?? receiver;
  const name = unwrap(key);
  const binding = collectionBindingOf(target, scopes);
  // `kv.set(id, token)` on an instance of some other class (`const kv = new Kv()`) is a call of its
  // method, which the value flow follows as such.
  if (binding?.kind !== 'var' || (query === undefined && binding.values.some((v) => madeByOtherClass(v.expr)))) return;
  // A computed key (`sessions.set(id, token)`) files the value under a key no property read names:
  // printing the whole map prints it, `sessions.size` does not read it.
  const entry = isStringLiteralLike(name) ? name.text : COMPUTED_ENTRY;
  binding.values.push({ expr: value, path: [], wrap: query ? ['searchParams', entry] : [entry], at: call });
}

/** The variable a collection is held in: a local (`sessions`), or a field of the class (`this.cache`). */
function collectionBindingOf(target: ts.Expression, scopes: ScopeMap): ReturnType<ScopeMap['lookup']> {
  if (isIdentifier(target)) return scopes.lookup(target.text, target);
  return isPropertyAccessExpression(target) && target.expression.kind === SyntaxKind.ThisKeyword ? scopes.lookup(`this.${target.name.text}`, target) : undefined;
}

/** The built-in classes whose `set`/`append`/`push` keep a value: keyed collections, and arrays. */
const KEYED_CLASSES: ReadonlySet<string> = new Set(['Map', 'WeakMap', 'Headers', 'URLSearchParams', 'FormData', 'Array', 'Set']);

/** `new Kv()`: an instance of a class other than the built-in collections. */
function madeByOtherClass(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return isNewExpression(e) && !(isIdentifier(e.expression) && KEYED_CLASSES.has(e.expression.text));
}


/** Methods that add elements to an array (or a Set) in place. */
const ARRAY_ADDERS: ReadonlySet<string> = new Set(['push', 'unshift', 'add']);

/**
 * `parts.push(token)`, `lines.unshift(...more)`: like `parts = [...parts, token]`, more values of the
 * local array, which a later `parts.join(' ')` or `console.log(parts)` prints.
 */
function recordArrayAdd(call: ts.CallExpression, scopes: ScopeMap): void {
  const callee = unwrap(call.expression);
  if (!isPropertyAccessExpression(callee) || !ARRAY_ADDERS.has(callee.name.text)) return;
  const binding = collectionBindingOf(unwrap(callee.expression), scopes);
  // `queue.push(job)` on an instance of a class (`const queue = new JobQueue()`) calls its method.
  if (binding?.kind !== 'var' || binding.values.some((v) => madeByOtherClass(v.expr))) return;
  for (const arg of call.arguments) binding.values.push({ expr: isSpreadElement(arg) ? arg.expression : arg, path: [], wrap: [], at: call });
}

/**
 * `Object.assign(meta, { token }, extra)`: the sources' fields become fields of the local target,
 * which a later `console.log(meta)` prints.
 */
function recordObjectAssign(call: ts.CallExpression, scopes: ScopeMap): void {
  // Asked of every call: the name first, so that other calls copy no argument list.
  if (dottedNameOf(unwrap(call.expression)) !== 'Object.assign') return;
  const [target, ...sources] = call.arguments;
  if (target === undefined) return;
  const object = unwrap(target);
  const binding = isIdentifier(object) ? scopes.lookup(object.text, object) : undefined;
  if (binding?.kind !== 'var') return;
  for (const source of sources) if (!isSpreadElement(source)) binding.values.push({ expr: source, path: [], wrap: [], at: call });
}

function classLikeOf(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) if (isClassLike(n)) return n;
  return undefined;
}

function ownerOf(node: ts.Node, fc: FileContext): string | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const key = fc.collected.functionKeys.get(fn);
    if (key !== undefined) return key;
  }
  return undefined;
}

/** A write to a stream made in another function (or at the top level) of the file: the write call, the stream's making, what is written. */
interface ForeignStreamWrite {
  call: ts.CallExpression;
  create: ts.CallExpression | ts.NewExpression;
  data: Taint;
}

/** Log calls, file writes and stream writes; false when the call is none of them. */
function recordSinkCall(call: ts.CallExpression, fc: FileContext, ev: Evaluator, sinks: SinkFinder, facts: FlowFacts, streams: Map<ts.CallExpression | ts.NewExpression, Taint>, foreign: ForeignStreamWrite[]): boolean {
  // Most calls of no arguments log nothing; one of a function with arguments bound to it may.
  const boundFirst = call.arguments.length === 0 ? sinks.boundArgumentsOf(call) : undefined;
  if (boundFirst?.length === 0) return false;
  const scheduled = sinks.scheduledLogOf(call);
  const direct = scheduled?.sink ?? sinks.logSinkOf(call);
  const passed = direct ? undefined : sinks.callbackSinkOf(call);
  const made = direct || passed ? undefined : sinks.loggerMetaOf(call);
  const sink = passed ?? direct ?? made?.sink;
  if (sink) {
    // A log function passed as a callback logs what the receiver holds (its elements, its value).
    const written = scheduled?.args ?? [...(boundFirst ?? sinks.boundArgumentsOf(call)), ...call.arguments];
    // A JSON logger writes an instance as its `toJSON()` returns (`logger.info({ session })`).
    const logged = inspectsValues(sink.label) ? (a: ts.Expression) => ev.taintOf(a) : (a: ts.Expression) => unionTaint(ev.taintOf(a), ev.toJsonTaint(a));
    const args = made ? [unionTaint(...made.meta.map((m) => (m.key === undefined ? ev.taintOf(m.expr) : wrapTaint(ev.taintOf(m.expr), m.key))))] : passed ? [ev.taintOf((unwrap(call.expression) as ts.PropertyAccessExpression).expression)] : written.map(logged);
    // `morgan(':method :url :req[authorization]')`: the format itself names the credential headers each line holds.
    for (const header of scheduled?.headers ?? []) args.push([{ k: 'secret', label: `:req[${header}]`, path: [], trace: [{ ...locationOf(call, fc.sf), message: `the log format writes the request's \`${header}\` header` }] }]);
    if (args.some((t) => t.length > 0)) {
      const owner = ownerOf(call, fc);
      facts.logCalls.push({
        location: locationOf(call, fc.sf),
        sink: sink.label,
        redact: sink.redact,
        args,
        ...(owner !== undefined && { owner }),
        ...(sink.importedLogger !== undefined && { importedLogger: sink.importedLogger }),
        ...(sink.unconfirmed && { unconfirmed: true }),
        ...(sink.serializesRequests && { serializesRequests: true }),
        ...(sink.framework !== undefined && { framework: sink.framework }),
      });
    }
    // An unconfirmed receiver may instead be a project object whose method wraps a logger: keep the call for that too.
    return !sink.unconfirmed;
  }
  const write = sinks.fsWriteOf(call);
  if (write) {
    if (write.isStream) streams.set(call, streams.get(call) ?? []);
    else recordWrite(call, write, fc, ev, facts, write.dataArg ? ev.taintOf(write.dataArg) : []);
    return true;
  }
  const stream = sinks.streamOf(call);
  const piped = stream ? undefined : sinks.pipedStreamOf(call);
  const into = stream ?? piped?.stream;
  if (!into) {
    // `auditFile.write(line)` of an imported `auditFile`: maybe a stream its module opens, maybe a
    // project object whose method the call runs (kept as a project call too).
    const shared = importedStreamOf(call, fc);
    if (shared !== undefined) recordWrite(call, { method: 'write', label: labelOf(call.expression, fc.sf), pathArg: undefined, dataArg: call.arguments[0], isStream: false }, fc, ev, facts, unionTaint(...call.arguments.map((a) => ev.taintOf(a))), [], false, shared);
    return false;
  }
  const data = (piped?.sources ?? call.arguments).map((a) => ev.taintOf(a));
  const written = unionTaint(...data);
  const writer = ownerOf(call, fc);
  // What a function writes of its parameters is judged at its calls, as any write helper's data;
  // the rest is the stream's, reported where it is made.
  const params = writer !== undefined && writer !== ownerOf(into, fc) ? written.filter((item) => item.k === 'param') : [];
  if (params.length > 0) foreign.push({ call, create: into, data: params });
  streams.set(into, unionTaint(streams.get(into) ?? [], params.length > 0 ? written.filter((item) => item.k !== 'param') : written));
  return true;
}

/** The field of a logger whose value every line it writes carries: winston's `defaultMeta`. */
const LOGGER_META_FIELDS: ReadonlySet<string> = new Set(['defaultMeta']);

/**
 * `logger.defaultMeta = { tenantApiKey }` on a logger made elsewhere in the file: from then on every
 * line carries the value, as it would given at `createLogger({ defaultMeta })`; reported here.
 */
function recordLoggerMeta(assignment: ts.BinaryExpression, fc: FileContext, ev: Evaluator, sinks: SinkFinder, facts: FlowFacts): void {
  const target = unwrap(assignment.left);
  if (!isPropertyAccessExpression(target) || !LOGGER_META_FIELDS.has(target.name.text)) return;
  const redact = sinks.redactOfLogger(target.expression);
  const meta = redact === undefined ? [] : ev.taintOf(assignment.right);
  if (redact === undefined || meta.length === 0) return;
  const owner = ownerOf(assignment, fc);
  facts.logCalls.push({ location: locationOf(assignment, fc.sf), sink: `${labelOf(target, fc.sf)} =`, redact, args: [meta], ...(owner !== undefined && { owner }) });
}

/** The locals this file imports from project modules (by the scan's path aliases). */
function projectImportsOf(module: ModuleFacts, ctx: ExtractContext): Set<string> {
  const aliases = ctx.aliases ?? noAliases;
  return new Set(module.imports.filter((i) => aliases.isProject(ctx.path, i.specifier)).map((i) => i.local));
}

/**
 * Each imported project value the file reads, once, and whether one read sits outside a NODE_ENV
 * guard (a developer script's reads never run in production), or under which imported flag it sits.
 */
function importUsesOf(refs: readonly ts.Identifier[], fc: FileContext, script: boolean): ImportUse[] {
  const uses = new Map<string, ImportUse>();
  for (const ref of refs) {
    const seen = uses.get(ref.text);
    if (seen?.inProduction === true) continue;
    const env = script ? 'nonprod' : envAt(ref, fc);
    const { importedGuard } = guardOf(ref, env, fc);
    // Reads under different imported tests (or one under a test, one under none) are not followed: taken as in production.
    const sameGuard = seen === undefined || isSameGuard(seen.importedGuard, importedGuard);
    const inProduction = !sameGuard || (env !== 'nonprod' && importedGuard === undefined);
    uses.set(ref.text, { name: ref.text, inProduction, ...(!inProduction && importedGuard !== undefined && { importedGuard }) });
  }
  return [...uses.values()];
}

function isSameGuard(a: ImportedGuard | undefined, b: ImportedGuard | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.local === b.local && a.member === b.member && a.value === b.value && a.equal === b.equal && a.called === b.called && (a.orValues ?? []).join('\0') === (b.orValues ?? []).join('\0');
}

/**
 * A call of a project function, kept only when a rule can use it: it passes something tainted
 * (wrapper sinks), a secret file path (write helpers), calls a store factory, or calls a local
 * function that writes files (to learn whether all its callers are NODE_ENV-guarded).
 */
function recordProjectCall(call: ts.CallExpression, fc: FileContext, ev: Evaluator, facts: FlowFacts, writers: ReadonlySet<string | undefined>, calledInProduction: Set<string>): void {
  const callee = ev.projectCalleeOf(call.expression);
  if (callee === undefined) return;
  const imported = callsProjectImport(call.expression, fc);
  // Only imported callees need the environment of every call (see `importsCalledInProduction`).
  const env = imported && !calledInProduction.has(callee) ? envAt(call, fc) : undefined;
  // Under an imported flag (`if (isDev)`) the flag's own file decides: the call is kept with its guard for the rules.
  const guard = env === undefined ? undefined : guardOf(call, env, fc);
  if (env !== undefined && env !== 'nonprod' && guard?.importedGuard === undefined) calledInProduction.add(callee);
  const args = call.arguments.map((a) => ev.taintOf(a));
  const secretPathArgs = secretPathArgsOf(call.arguments, fc);
  const sessionArgs = call.arguments.flatMap((a, i) => (writesRequestSession(a, fc) ? [i] : []));
  // A guarded call of an imported helper is kept whatever it passes: it shows the helper is called outside production.
  const useful = args.some((t) => t.length > 0) || secretPathArgs.length > 0 || sessionArgs.length > 0 || isStoreName(plainName(callee)) || writers.has(callee) || importsStore(call.expression, fc) || env === 'nonprod' || guard?.importedGuard !== undefined;
  if (!useful) return;
  const owner = ownerOf(call, fc);
  const callEnv = env ?? envAt(call, fc);
  facts.calls.push({ location: locationOf(call, fc.sf), callee, args, secretPathArgs, ...(sessionArgs.length > 0 && { sessionArgs }), env: callEnv, ...(guard ?? guardOf(call, callEnv, fc)), ...(owner !== undefined && { owner }) });
}

/**
 * `setInterval(saveTokens, 1000)`, `oauth2.on('tokens', saveTokens)`: a local writer handed to
 * something that calls it, kept as a call where it is handed over (with nothing known of what it
 * will be given), so that its other calls being guarded does not make it so.
 */
function recordWritersPassed(calls: ReadonlyArray<ts.CallExpression | ts.NewExpression>, fc: FileContext, ev: Evaluator, facts: FlowFacts, writers: ReadonlySet<string | undefined>): void {
  for (const call of calls) {
    for (const arg of call.arguments ?? []) {
      const passed = unwrap(arg);
      if (!isIdentifier(passed) && !isPropertyAccessExpression(passed)) continue;
      const callee = ev.projectCalleeOf(passed);
      if (callee === undefined || !writers.has(callee)) continue;
      const env = envAt(arg, fc);
      const owner = ownerOf(arg, fc);
      facts.calls.push({ location: locationOf(arg, fc.sf), callee, args: [], secretPathArgs: [], env, ...guardOf(arg, env, fc), ...(owner !== undefined && { owner }) });
    }
  }
}

/** `helper()` / `helpers.save()` where `helper(s)` comes from a project module (ESM or CommonJS). */
function callsProjectImport(callee: ts.Expression, fc: FileContext): boolean {
  const e = unwrap(callee);
  const head = isPropertyAccessExpression(e) ? unwrap(e.expression) : e;
  return isIdentifier(head) && importsProjectModule(head, fc);
}

/**
 * `import { createFileTokenStore as makeStore }`, `const { createFileTokenStore: makeStore } =
 * require('./stores')`: the factory's exported name says it makes a store, whatever the alias.
 * `import createStore from './store-factory'` and `const createStore = require('./store-factory')`
 * call a module's default export, whose own name only its file knows: kept for the rules to resolve.
 */
function importsStore(callee: ts.Expression, fc: FileContext): boolean {
  const origin = importOf(fc, callee);
  if (origin === undefined) return false;
  if (origin.imported === 'default' || origin.imported === '*') return isIdentifier(unwrap(callee)) && fc.isProjectModule(origin.specifier);
  return isStoreName(origin.imported);
}

/** The arguments whose literal text names a secret store file (`new JsonStore('data/sessions.json')`). */
function secretPathArgsOf(args: readonly ts.Expression[], fc: FileContext): number[] {
  return args.flatMap((a, i) => (isLiteralPath(a) && namesSecretStore(a, fc) ? [i] : []));
}

function isLiteralPath(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return isStringLiteralLike(e) || isTemplateExpression(e) || isCallExpression(e) || isIdentifier(e);
}

function recordWrite(call: ts.CallExpression | ts.NewExpression | ts.BinaryExpression, write: FsWrite, fc: FileContext, ev: Evaluator, facts: FlowFacts, data: Taint, databases: string[] = [], sessionData = false, importedStream?: string): void {
  const owner = ownerOf(call, fc);
  const ownerClass = classOf(call);
  const staticMethod = ownerClass !== undefined && inStaticMember(call);
  const factory = factoryOf(call, fc);
  const ctorPathParam = ownerClass === undefined ? undefined : constructorPathParam(write.pathArg);
  const env = envAt(call, fc);
  const inCallback = env === 'unknown' ? callbackOf(call, ev) : undefined;
  // Only a write to a secret file asks: the data then decides whether the file stores anything.
  // `writeFile(tmp, data); rename(tmp, TOKENS_PATH)`: the file is kept where it is moved to.
  const pathArg = renamedPathOf(write.pathArg, fc) ?? write.pathArg;
  const importedPaths = importedPathRefsOf(pathArg, fc);
  const secretPath = namesSecretStore(pathArg, fc);
  const ctorPathDefault = ctorPathParam !== undefined && write.pathArg !== undefined && namesSecretStore(constructorParamDefault(write.pathArg, ctorPathParam), fc);
  const fixedData = secretPath || importedPaths.length > 0 ? fixedDataOf(write.dataArg, fc) : undefined;
  facts.writes.push({
    location: locationOf(call, fc.sf),
    api: write.label,
    data,
    path: write.pathArg ? ev.taintOf(write.pathArg) : [],
    pathLabel: pathArg ? labelOf(pathArg, fc.sf) : '',
    secretPath,
    ...(importedPaths.length > 0 && { importedPaths }),
    env,
    ...guardOf(call, env, fc),
    ...(owner !== undefined && { owner }),
    ...(ownerClass !== undefined && { ownerClass }),
    ...(staticMethod && { staticMethod: true }),
    ...(factory !== undefined && { factory }),
    ...(ctorPathParam !== undefined && { ctorPathParam }),
    ...(ctorPathDefault && { ctorPathDefault: true }),
    ...(inCallback !== undefined && { inCallback }),
    ...(fixedData !== undefined && { fixedData }),
    ...(databases.length > 0 && { databases }),
    ...(importedStream !== undefined && { importedStream }),
    ...((sessionData || writesRequestSession(write.dataArg, fc) || writesStoredSession(call, write.dataArg, fc)) && { sessionData: true }),
  });
}

/**
 * A write of the session a session middleware hands its `store` (koa-session's `session({ store: {
 * get, set(key, sess) {...}, destroy } }, app)`, the store in place or in a const of the file,
 * `session({ store }, app)`): data made from the `set` method's session parameter.
 */
function writesStoredSession(call: ts.Node, data: ts.Expression | undefined, fc: FileContext): boolean {
  const fn = enclosingFunction(call);
  const session = fn?.parameters[1]?.name;
  if (!data || !fn || !session || !isIdentifier(session) || !someNode(data, (n) => isIdentifier(n) && n.text === session.text)) return false;
  const member = isMethodDeclaration(fn) ? fn : isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  const object = member?.parent;
  if (!object || !isObjectLiteralExpression(object)) return false;
  const holder = object.parent;
  if (isPropertyAssignment(holder) && propertyNameOf(holder.name) === 'store') return isSessionOptions(holder.parent);
  if (!isVariableDeclaration(holder) || !isIdentifier(holder.name) || !textMentions(fc, 'session')) return false;
  // `const store = {...}` named as the `store` option of a session middleware of the file.
  const name = holder.name.text;
  return fc.collected.calls.some((c) => isCallExpression(c) && c.arguments.some((a) => {
    const options = unwrap(a);
    if (isObjectLiteralExpression(options)) return isSessionOptions(options) && storeOptionName(options) === name;
    // `const options = {}; options.store = store; session(options, app)`: the options held in a variable.
    return isIdentifier(options) && isSessionCallWith(c, a) && givesStore(options, name, fc);
  }));
}

/**
 * The variable holding session options is given `name` as its store: in its object (`{ store }`), or
 * by `options.store = store` (also on a parameter: a wrapper of the middleware filling in its store).
 */
function givesStore(options: ts.Identifier, name: string, fc: FileContext): boolean {
  const binding = lookup(fc, options);
  const values = binding?.kind === 'var' ? binding.values : binding?.kind === 'param' ? (binding.assigned ?? []) : [];
  return values.some((v) => {
    const value = unwrap(v.expr);
    if (v.path.length > 0) return false;
    if (v.wrap.length === 0) return isObjectLiteralExpression(value) && storeOptionName(value) === name;
    // `if (NODE_ENV === 'development') options.store = store`: production keeps the default store.
    return v.wrap.length === 1 && v.wrap[0] === 'store' && isIdentifier(value) && value.text === name && (v.at === undefined || envAt(v.at, fc) !== 'nonprod');
  });
}

/** The name a session middleware's options give as their `store`: `{ store }`, `{ store: fileStore }`. */
function storeOptionName(options: ts.ObjectLiteralExpression): string | undefined {
  for (const p of options.properties) {
    if (isShorthandPropertyAssignment(p) && p.name.text === 'store') return 'store';
    const value = isPropertyAssignment(p) && propertyNameOf(p.name) === 'store' ? unwrap(p.initializer) : undefined;
    if (value && isIdentifier(value)) return value.text;
  }
  return undefined;
}

/** `import('./x.js')`, or `require('./x')` (top-level ones are imports too: see module-facts.ts). */
function isModuleLoad(call: ts.CallExpression, fc: FileContext): boolean {
  const callee = call.expression;
  return callee.kind === SyntaxKind.ImportKeyword || (isIdentifier(callee) && callee.text === 'require' && lookup(fc, callee) === undefined);
}

/** `await import('./dev-file-store.js')`, a `require()` inside a branch: a module loaded here, under the guard around the call. */
function recordDynamicImport(call: ts.CallExpression, fc: FileContext, facts: FlowFacts): void {
  const [arg] = call.arguments;
  if (arg === undefined || !isStringLiteralLike(arg)) return;
  const env = envAt(call, fc);
  (facts.dynamicImports ??= []).push({ specifier: arg.text, env, ...guardOf(call, env, fc) });
}

/** Where NODE_ENV says nothing here, the test of an imported value around `node`, if any: the rules resolve it across files. */
function guardOf(node: ts.Node, env: EnvState, fc: FileContext): { importedGuard?: ImportedGuard } {
  return guardFound(env, () => importedGuardAt(node, fc));
}

/** Where NODE_ENV says nothing, the imported test `find` finds, as a fact's field: the rules resolve it across files. */
function guardFound(env: EnvState, find: () => ImportedGuard | undefined): { importedGuard?: ImportedGuard } {
  const importedGuard = env === 'unknown' ? find() : undefined;
  return importedGuard === undefined ? {} : { importedGuard };
}

function classOf(node: ts.Node): string | undefined {
  for (let n = node.parent; n; n = n.parent) if (isClassLike(n)) return classNameOf(n);
  return undefined;
}

/** A class's name as its file's facts know it: `default` for `module.exports = class FileStore {...}`, as importers reach it. */
function classNameOf(cls: ts.ClassLikeDeclaration): string {
  return isModuleExportsValue(cls) ? 'default' : (cls.name?.text ?? 'default');
}

/** The store-named function a write sits in through a returned closure (`createFileTokenStore`). */
function factoryOf(node: ts.Node, fc: FileContext): string | undefined {
  const immediate = enclosingFunction(node);
  for (let fn = immediate && enclosingFunction(immediate); fn; fn = enclosingFunction(fn)) {
    const key = fc.collected.functionKeys.get(fn);
    if (key !== undefined && isStoreName(ownNameOf(fn, key))) return key;
  }
  return undefined;
}

/**
 * The name a function is defined with: `module.exports = function createSessionStore() {}` is keyed
 * `default` (how importers reach it) but named for what it makes.
 */
function ownNameOf(fn: ts.SignatureDeclaration, key: string): string {
  return isFunctionExpression(fn) && fn.name !== undefined ? fn.name.text : key;
}

/**
 * Packages' functions that make a session store kept in files: Remix's and React Router's
 * `createFileSessionStorage({ dir, cookie })`. Exported for the text prefilter.
 */
export const FILE_STORE_FACTORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['@remix-run/node', new Set(['createFileSessionStorage'])],
  ['@react-router/node', new Set(['createFileSessionStorage'])],
]);
const FILE_STORE_FACTORY_NAMES: ReadonlySet<string> = new Set([...FILE_STORE_FACTORIES.values()].flatMap((names) => [...names]));

/**
 * Packages whose session stores (express-session, koa-generic-session) keep sessions in local files
 * (the text prefilter reads it too): JSON files (`session-file-store`, `express-session-json`,
 * `koa-generic-session-file`, koa-session's `koa-filestore`), a SQLite database file (`connect-sqlite3`), a LokiJS, lowdb or NeDB
 * file (`connect-loki`, `connect-lowdb`, `connect-nedb-session`).
 */
export const FILE_STORE_PACKAGES: ReadonlySet<string> = new Set([
  'session-file-store',
  'express-session-json',
  'koa-generic-session-file',
  'koa-filestore',
  'connect-sqlite3',
  'connect-loki',
  'connect-lowdb',
  'connect-nedb-session',
]);

/**
 * `const FileStore = require('session-file-store')(session)`, its ESM and namespace forms
 * (`sfs.default(session)`), or the factory called in place: `new (require('session-file-store')(session))()`.
 */
function fileStorePackageOf(callee: ts.Expression, fc: FileContext): string | undefined {
  const e = unwrap(callee);
  if (isCallExpression(e)) return filePackageOfMaker(e.expression, fc);
  if (!isIdentifier(e)) return undefined;
  const binding = lookup(fc, e);
  if (binding?.kind === 'import') return FILE_STORE_PACKAGES.has(binding.specifier) ? binding.specifier : undefined;
  if (binding?.kind !== 'var') return undefined;
  for (const v of binding.values) {
    const init = unwrap(v.expr);
    // `const FileStore = require('koa-generic-session-file')`: a package whose export is the store class.
    const required = v.path.length === 0 ? requireOf(init)?.specifier : undefined;
    if (required !== undefined && FILE_STORE_PACKAGES.has(required)) return required;
    const found = isCallExpression(init) ? filePackageOfMaker(init.expression, fc) : undefined;
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The file-store package whose factory `maker` is: an import, a `require()`, or a member of either. */
function filePackageOfMaker(maker: ts.Expression, fc: FileContext): string | undefined {
  const m = unwrap(maker);
  const origin = isIdentifier(m) ? importOf(fc, m) : (requireOf(m) ?? (isPropertyAccessExpression(m) ? importOf(fc, m.expression) : undefined));
  return origin && FILE_STORE_PACKAGES.has(origin.specifier) ? origin.specifier : undefined;
}

function recordNew(call: ts.NewExpression, fc: FileContext, facts: FlowFacts): void {
  const callee = unwrap(call.expression);
  const filePackage = fileStorePackageOf(callee, fc);
  if (filePackage !== undefined) {
    recordFileStore(call, isIdentifier(callee) ? callee.text : 'FileStore', filePackage, fc, facts);
    return;
  }
  const made = projectClassOf(callee, fc);
  // `new Store()` after `const Store = isProd ? RedisTokenStore : FileTokenStore`: each class as guarded where it is chosen.
  const chosen = made === undefined ? chosenClassesOf(callee, fc).filter((id) => projectClassOf(id, fc) !== undefined) : [];
  // Most `new`s make a Map, a Date or an Error: the environment is worked out only for project classes.
  if (made === undefined && chosen.length === 0) {
    recordTableNew(call, fc, facts);
    return;
  }
  const env = envTableEntryOf(call) ?? choiceEnvAt(call, fc);
  const classes = made !== undefined ? [{ callee: made, env, ...madeGuardOf(call, env, fc) }] : chosen.map((id) => chosenClass(id, call, keyedEnvOf(callee, id, fc) ?? env, fc));
  const storeContext = storeContextOf(call, fc);
  const owner = ownerOf(call, fc);
  const secretPathArgs = secretPathArgsOf(call.arguments ?? [], fc);
  const options = optionsGivenOf(call.arguments ?? []);
  for (const cls of classes) {
    facts.news.push({
      location: locationOf(call, fc.sf),
      ...cls,
      ...(storeContext !== undefined && { storeContext }),
      ...(owner !== undefined && { owner }),
      ...(secretPathArgs.length > 0 && { secretPathArgs }),
      options,
    });
  }
}

/** `new drivers[process.env.SESSION_DRIVER]()` of a table imported from a project module: resolved by the rules (see `NewFact.importedTable`). */
function recordTableNew(call: ts.NewExpression, fc: FileContext, facts: FlowFacts): void {
  const table = importedTableOf(call.expression, fc);
  if (table === undefined) return;
  const env = choiceEnvAt(call, fc);
  const storeContext = storeContextOf(call, fc);
  const owner = ownerOf(call, fc);
  facts.news.push({
    location: locationOf(call, fc.sf),
    callee: table.local,
    env,
    ...madeGuardOf(call, env, fc),
    ...(storeContext !== undefined && { storeContext }),
    ...(owner !== undefined && { owner }),
    importedTable: { keyedByEnv: table.keyedByEnv },
    options: optionsGivenOf(call.arguments ?? []),
  });
}

/** `@Module({ providers: [...] })`, `container.register(T, { useClass: X })`: each project class a DI container makes, where it is named. */
function recordInjectedClasses(call: ts.CallExpression, fc: FileContext, facts: FlowFacts): void {
  const classes = injectedClassesOf(call, fc);
  if (classes.length === 0) return;
  const env = envAt(call, fc);
  for (const id of classes) {
    if (projectClassOf(id, fc) === undefined) continue;
    facts.news.push({ location: locationOf(id, fc.sf), ...chosenClass(id, call, env, fc) });
  }
}

/** The project class a `new` callee names, as named in this file: package classes (`new Hono()`) are never the project's file stores. */
function projectClassOf(callee: ts.Expression, fc: FileContext): string | undefined {
  if (isIdentifier(callee)) return lookup(fc, callee)?.kind === 'class' || importsProjectModule(callee, fc) ? callee.text : undefined;
  if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression) && importsProjectModule(callee.expression, fc)) return `${callee.expression.text}.${callee.name.text}`;
  return undefined;
}

/** A class picked by a ternary is chosen under the ternary's condition; otherwise where it is constructed. */
function chosenEnv(choice: ts.Identifier, constructedEnv: EnvState, fc: FileContext): EnvState {
  const env = envAt(choice, fc);
  return env === 'unknown' ? constructedEnv : env;
}

/** A package's file store made here (`new FileStore()` of session-file-store, Remix's `createFileSessionStorage()`). */
function recordFileStore(made: ts.NewExpression | ts.CallExpression, callee: string, filePackage: string, fc: FileContext, facts: FlowFacts): void {
  const owner = ownerOf(made, fc);
  const env = choiceEnvAt(made, fc);
  const ownerClass = inStaticMember(made) ? undefined : classOf(made);
  facts.news.push({ location: locationOf(made, fc.sf), callee, env, ...madeGuardOf(made, env, fc), filePackage, ...(owner !== undefined && { owner }), ...(ownerClass !== undefined && { ownerClass }) });
}

/** `createFileSessionStorage({ dir })` of FILE_STORE_FACTORIES; false for any other call. */
function recordFileStoreFactory(call: ts.CallExpression, fc: FileContext, facts: FlowFacts): boolean {
  const callee = unwrap(call.expression);
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === undefined || !FILE_STORE_FACTORY_NAMES.has(name)) return false;
  const origin = packageFunctionOf(fc, callee);
  if (origin === undefined || FILE_STORE_FACTORIES.get(origin.specifier)?.has(origin.name) !== true) return false;
  recordFileStore(call, name, origin.specifier, fc, facts);
  return true;
}

/** The test of an imported value around a `new`, or around every read of the const it is kept in (see `choiceEnvAt`). */
function madeGuardOf(made: ts.NewExpression | ts.CallExpression, env: EnvState, fc: FileContext): { importedGuard?: ImportedGuard } {
  return guardFound(env, () => importedGuardAt(made, fc) ?? importedChoiceGuardAt(made, fc));
}

/**
 * A class picked by a ternary (`useClass: isProduction ? RedisStore : FileStore`, `const Store = isDev
 * ? FileStore : RedisStore`): chosen under the ternary's condition, else where it is made. Its test of an
 * imported value, found the same way, is resolved by the rules in the module defining the flag.
 */
function chosenClass(choice: ts.Identifier, site: ts.Node, siteEnv: EnvState, fc: FileContext): Pick<NewFact, 'callee' | 'env' | 'importedGuard'> {
  const env = siteEnv === 'nonprod' ? siteEnv : chosenEnv(choice, siteEnv, fc);
  return { callee: choice.text, env, ...guardFound(env, () => importedGuardAt(choice, fc) ?? importedGuardAt(site, fc)) };
}

/** `import { X } from './x'`, `const { X } = require('./x')`, `const x = require('./x')`: a binding from a project module. */
function importsProjectModule(id: ts.Identifier, fc: FileContext): boolean {
  const origin = importOf(fc, id);
  return origin !== undefined && fc.isProjectModule(origin.specifier);
}

/** The store-named variable, field or factory a `new` sits in, if any. */
function storeContextOf(call: ts.NewExpression, fc: FileContext): string | undefined {
  let node: ts.Node = call;
  while (isParenthesizedExpression(node.parent) || isAsExpression(node.parent) || isConditionalExpression(node.parent) || isBinaryExpression(node.parent)) node = node.parent;
  const holder = node.parent;
  let name: string | undefined;
  if (isVariableDeclaration(holder) && isIdentifier(holder.name)) name = holder.name.text;
  else if (isPropertyAssignment(holder) || isPropertyDeclaration(holder)) name = propertyNameOf(holder.name);
  else if (isBinaryExpression(holder) && isPropertyAccessExpression(holder.left)) name = holder.left.name.text;
  if (name !== undefined && isStoreName(name)) return name;
  if (name === 'store' && isPropertyAssignment(holder) && isSessionOptions(holder.parent)) return 'session store';
  const owner = ownerOf(call, fc);
  return owner !== undefined && isStoreName(plainName(owner)) ? owner : undefined;
}

/**
 * The options of a session middleware: `session({ store })` (express-session, koa-session's
 * `session(opts, app)`), `fastify.register(fastifySession, { store })`. What it is given as its
 * `store` keeps the sessions.
 */
function isSessionOptions(options: ts.Node): boolean {
  const call = options.parent;
  if (!isObjectLiteralExpression(options) || !call || !isCallExpression(call) || !call.arguments.includes(options)) return false;
  return isSessionCallWith(call, options);
}

/** `session(options)`, `register(fastifySession, options)`, `register(require('@fastify/session'), options)`: a session middleware given `options`. */
function isSessionCallWith(call: ts.CallExpression, options: ts.Node): boolean {
  const named = (e: ts.Expression) => /session/i.test(lastNameOf(unwrap(e)) ?? '') || /session/i.test(requireOf(unwrap(e))?.specifier ?? '');
  return named(call.expression) || call.arguments.some((a) => a !== options && named(a));
}

function functionFact(key: string, node: ts.SignatureDeclaration & { body?: ts.Node }, fc: FileContext, ev: Evaluator, guardedCallbacks: number[] = []): FunctionFact | undefined {
  const returns = fc.collected.returns.get(node) ?? [];
  const taint = unionTaint(ev.declaredReturnTaint(node), ...returns.map((r) => ev.taintOf(r)));
  const throws = unionTaint(...(fc.collected.throws.get(node) ?? []).map((t) => ev.taintOf(t.expression)));
  const whole = wholeParams(node, returns, fc);
  const name = ownNameOf(node, key);
  const storeName = isStoreName(name);
  const mayRefuse = storeName || isCheckShaped(node, fc.sf);
  const refuses = mayRefuse && refusesProduction(node, fc);
  const requires = mayRefuse && !refuses ? requirementsOf(node, fc) : [];
  const replacer = isReplacerShaped(node) ? replacerKeysOf(node, (e) => constValueOf(fc, e)) : undefined;
  if (taint.length === 0 && throws.length === 0 && whole.length === 0 && !storeName && !refuses && requires.length === 0 && guardedCallbacks.length === 0 && !replacer) return undefined;
  const checks = storeName && !refuses ? importedChecksOf(node, fc) : [];
  return {
    key,
    location: locationOf(node, fc.sf),
    returns: taint,
    ...(throws.length > 0 && { throws }),
    whole,
    storeName,
    refusesProduction: refuses,
    ...(checks.length > 0 && { checks }),
    ...(requires.length > 0 && { requires }),
    ...(name !== key && { name }),
    ...(guardedCallbacks.length > 0 && { guardedCallbacks }),
    ...(ts.isGetAccessorDeclaration(node) && { getter: true }),
    ...(replacer && { replacer }),
  };
}

/** A module-level function of two parameters, `(key, value)`, as a replacer is written. */
function isReplacerShaped(node: ts.SignatureDeclaration): node is ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression {
  return node.parameters.length === 2 && (ts.isFunctionDeclaration(node) || isArrowFunction(node) || isFunctionExpression(node)) && enclosingFunction(node) === undefined;
}

/** What a function or constructor body requires of imported flags before anything else (see `importedRequirementsOf`). */
function requirementsOf(fn: { body?: ts.Node }, fc: FileContext): ImportedGuard[] {
  return fn.body !== undefined && isBlock(fn.body) ? importedRequirementsOf(fn.body.statements, fc) : [];
}

/**
 * A module-level function, which a constructor or factory of another module may call as its check
 * (by an imported name: never a class member): `assertDevOnly()`, `assertNotProduction('file store')`.
 * One that takes parameters is read only when its own text throws, exits or asserts: modules have
 * dozens of such functions, and a parameterless check may hand the work to a helper of its file.
 */
function isCheckShaped(node: ts.SignatureDeclaration & { body?: ts.Node }, sf: ts.SourceFile): boolean {
  if (isClassLike(node.parent) || enclosingFunction(node) !== undefined) return false;
  return node.parameters.length === 0 || (node.body !== undefined && CHECK_TEXT.test(sf.text.slice(node.body.pos, node.body.end)));
}

/** What a check that refuses production must write itself: a throw, an exit, an assertion. */
const CHECK_TEXT = /\bthrow\b|\bexit\b|\babort\b|assert|invariant/;

/**
 * The module-level constants other files may import, with their values: `const config = {...}`
 * (exported here or by an `export { config }` list) and `export default <expression>`. Read from the
 * file's top-level statements only; functions and classes have their own facts.
 */
function moduleValues(sf: ts.SourceFile, functionKeys: ReadonlySet<string>): Array<[string, ts.Node, ts.Expression]> {
  const out: Array<[string, ts.Node, ts.Expression]> = [];
  for (const stmt of sf.statements) {
    if (isExportAssignment(stmt) && !stmt.isExportEquals && !functionKeys.has('default') && !isFunctionValue(stmt.expression)) out.push(['default', stmt, stmt.expression]);
    // `module.exports = { apiKey: process.env.API_KEY }`: the value `require()` gives.
    const exported = commonJsDefaultOf(stmt);
    if (exported && !functionKeys.has('default') && !isFunctionValue(exported)) out.push(['default', stmt, exported]);
    if (!isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (!isIdentifier(decl.name) || !decl.initializer || functionKeys.has(decl.name.text) || isFunctionValue(decl.initializer)) continue;
      out.push([decl.name.text, decl, decl.initializer]);
    }
  }
  // `namespace Paths { export const TOKENS = '...' }`: importers read `Paths.TOKENS`, as a const object's field.
  for (const [ns, members] of namespaceConstsOf(sf)) for (const [member, value] of members) if (!isFunctionValue(value)) out.push([`${ns}.${member}`, value.parent, value]);
  return out;
}

/** `postgres://user:pass@host` written in the file: a constants file whose values an importer may log. */
function mayHoldCredentialUrl(text: string): boolean {
  return text.includes('://') && text.includes('@');
}

/** The object literal of `module.exports = { ... }`. */
function commonJsDefaultOf(stmt: ts.Statement): ts.Expression | undefined {
  return isModuleExportsAssignment(stmt) && isObjectLiteralExpression(unwrap(stmt.expression.right)) ? stmt.expression.right : undefined;
}

/**
 * The module-level consts named as secrets whose value is written out in full (see
 * `FlowFacts.literalConsts`), unless the file adds to them (`tokens.push(t)`).
 */
function recordLiteralConsts(values: ReadonlyArray<[string, ts.Node, ts.Expression]>, names: NameClassifier, facts: FlowFacts, isAddedToHere: (decl: ts.Node) => boolean): void {
  for (const [key, node, expr] of values) if (names.isSecretName(key) && isLiteralTree(expr) && !isAddedToHere(node)) (facts.literalConsts ??= []).push(key);
}

/**
 * The module's consts (and fields of const objects) holding a file path built in code (`join(DATA,
 * 'tokens.json')`, a template), whether they name a secret store: an importer writing to
 * `STORE_PATH` writes to what it holds. Kept when that differs from what their names say.
 */
function recordPathConsts(values: ReadonlyArray<[string, ts.Node, ts.Expression]>, namesStore: (path: ts.Expression) => boolean, facts: FlowFacts): void {
  // `config.paths.credentials`: fields of nested const objects too, a few levels down.
  const record = (key: string, expr: ts.Expression, depth: number): void => {
    const e = unwrap(expr);
    if (isObjectLiteralExpression(e)) {
      if (depth < MAX_PATH_CONST_DEPTH) for (const p of e.properties) if (isPropertyAssignment(p) && propertyNameOf(p.name) !== undefined) record(`${key}.${propertyNameOf(p.name)}`, p.initializer, depth + 1);
      return;
    }
    if (!isPathShaped(e)) return;
    const secret = namesStore(e);
    if (secret !== namesSecretPathByName(key)) (facts.pathConsts ??= {})[key] = secret;
  };
  for (const [key, , expr] of values) record(key, expr, 0);
}

const MAX_PATH_CONST_DEPTH = 4;

/**
 * The module's functions returning a file path (`tokenFile() { return join(dir, 'tokens.json'); }`),
 * recorded as `tokenFile()` like a path const: an importer writing to `tokenFile()` writes there.
 */
function recordPathFunctions(collected: CollectedFile, namesStore: (path: ts.Expression) => boolean, facts: FlowFacts): void {
  for (const fn of collected.functions) {
    const returned = fn.className === undefined ? collected.returns.get(fn.node) : undefined;
    if (returned === undefined || !returned.some(isPathShaped)) continue;
    const key = `${fn.key}()`;
    const secret = returned.some(namesStore);
    if (secret !== namesSecretPathByName(key)) (facts.pathConsts ??= {})[key] = secret;
  }
}

/**
 * The secret-named fields of the module's zod schemas (`export const ConnectShape = { password:
 * z.string() }`, `z.object({...})`), kept with the secret fields of its types: a tool whose input
 * schema another module defines, and a parameter typed `z.infer` of one, hold them.
 */
function recordSchemaSecrets(values: ReadonlyArray<[string, ts.Node, ts.Expression]>, fc: FileContext, facts: FlowFacts): void {
  if (!textMentions(fc, 'zod')) return;
  for (const [key, , expr] of values) {
    if (!isZodSchema(expr)) continue;
    const secrets = (shapeFieldsOf(expr, fc) ?? []).filter((f) => fc.names.isSecretName(f));
    if (secrets.length > 0) (facts.typeSecrets ??= {})[key] = secrets.map((f) => [f]);
  }
}

/** `z.object({...})`, or a shape whose every field is a `z.` schema: `{ apiKey: z.string(), port: z.number().optional() }`. */
function isZodSchema(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  const rootOf = (x: ts.Expression): string | undefined => {
    let at = unwrap(x);
    while (isCallExpression(at) || isPropertyAccessExpression(at)) at = unwrap(at.expression);
    return isIdentifier(at) ? at.text : undefined;
  };
  if (isCallExpression(e)) return rootOf(e) === 'z' && isPropertyAccessExpression(e.expression) && /^(?:object|strictObject)$/.test(e.expression.name.text);
  return isObjectLiteralExpression(e) && e.properties.length > 0 && e.properties.every((p) => isPropertyAssignment(p) && rootOf(p.initializer) === 'z');
}

/** A string or a path built from parts: `'data/x.json'`, a template, `join(...)`, `a + b`. */
function isPathShaped(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (isStringLiteralLike(e) || isTemplateExpression(e) || (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken)) return true;
  return isCallExpression(e) && /^(?:join|resolve)$/.test(lastNameOf(e.expression) ?? '');
}

/** Names of entries, as short as real header and variable names: not sentences that mention a session. */
const ENTRY_NAME = /^[\w.-]{1,64}$/;

/** The module's consts naming a credential entry (see `FlowFacts.entryNames`). */
function recordEntryNames(sf: ts.SourceFile, values: ReadonlyArray<[string, ts.Node, ts.Expression]>, names: NameClassifier, facts: FlowFacts): void {
  const record = (name: string, expr: ts.Expression | undefined) => {
    const e = expr && unwrap(expr);
    if (e && isStringLiteralLike(e) && ENTRY_NAME.test(e.text) && (names.isSecretHeader(e.text) || isCredentialCookie(e.text, names))) (facts.entryNames ??= []).push({ name, value: e.text });
  };
  for (const [key, , expr] of values) {
    const e = unwrap(expr);
    if (!isObjectLiteralExpression(e)) record(key, e);
    else for (const p of e.properties) if (isPropertyAssignment(p)) record(`${key}.${propertyNameOf(p.name) ?? ''}`, p.initializer);
  }
  // `export enum Header { ApiKey = 'x-api-key' }`
  for (const stmt of sf.statements) if (isEnumDeclaration(stmt)) for (const m of stmt.members) record(`${stmt.name.text}.${propertyNameOf(m.name) ?? ''}`, m.initializer);
}

function isAddedToBinding(name: ts.Identifier, fc: FileContext): boolean {
  const binding = lookup(fc, name);
  return binding !== undefined && isAddedTo(binding, fc);
}

const NO_KEYS: ReadonlySet<string> = new Set();

function isFunctionValue(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return isArrowFunction(e) || isFunctionExpression(e) || isClassExpression(e);
}

function classFact(cls: ts.ClassLikeDeclaration, fc: FileContext): ClassFact {
  const name = classNameOf(cls);
  const heritage = (cls.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(fc.sf)));
  const storeName = [name, ...heritage].some(isStoreName);
  const ctor = cls.members.find(isConstructorDeclaration);
  const refusing = ctor !== undefined && refusesProduction(ctor, fc);
  const checks = ctor !== undefined && !refusing ? importedChecksOf(ctor, fc) : [];
  const requires = ctor !== undefined && !refusing ? requirementsOf(ctor, fc) : [];
  const optOut = ctor !== undefined && !refusing ? productionOptOutOf(ctor, fc) : undefined;
  const refusingFactories = cls.members.flatMap((m) => {
    const method = isMethodDeclaration(m) && isStaticMember(m) ? propertyNameOf(m.name) : undefined;
    return method !== undefined && refusesProduction(m, fc) ? [method] : [];
  });
  const refusingChecks = refusingChecksOf(cls, fc);
  const base = extendedClassOf(cls);
  const baseName = base !== undefined && (isIdentifier(base) || isPropertyAccessExpression(base)) ? base.getText(fc.sf) : undefined;
  const baseChecks = ctor !== undefined && !refusing && baseName !== undefined ? inheritedChecksOf(ctor, cls) : [];
  return {
    name,
    location: locationOf(cls.name ?? cls, fc.sf),
    storeName,
    refusesProduction: refusing,
    ...(checks.length > 0 && { checks }),
    ...(requires.length > 0 && { requires }),
    ...(optOut !== undefined && { optOut }),
    ...(refusingFactories.length > 0 && { refusingFactories }),
    ...(refusingChecks.length > 0 && { refusingChecks }),
    ...(baseName !== undefined && !refusing && { base: baseName }),
    ...(baseChecks.length > 0 && { baseChecks }),
  };
}

/**
 * `protected ensureDev() { if (process.env.NODE_ENV === 'production') throw ... }`: instance methods
 * that throw in production whatever they are given, which a subclass's constructor may call first.
 * Only methods whose text can throw are read.
 */
function refusingChecksOf(cls: ts.ClassLikeDeclaration, fc: FileContext): string[] {
  return cls.members.flatMap((m) => {
    const method = isMethodDeclaration(m) && !isStaticMember(m) && m.body !== undefined && CHECK_TEXT.test(fc.sf.text.slice(m.body.pos, m.body.end)) ? propertyNameOf(m.name) : undefined;
    return method !== undefined && refusesProduction(m, fc) ? [method] : [];
  });
}

/** `constructor() { super(); this.ensureDev(); }`: methods the constructor calls first, unconditionally, that the class does not declare (a base's). */
function inheritedChecksOf(ctor: ts.ConstructorDeclaration, cls: ts.ClassLikeDeclaration): string[] {
  const own = new Set(cls.members.flatMap((m) => (m.name === undefined ? [] : [propertyNameOf(m.name)])));
  return (ctor.body?.statements ?? []).flatMap((stmt) => {
    const call = isExpressionStatement(stmt) ? unwrap(stmt.expression) : undefined;
    const callee = call !== undefined && isCallExpression(call) ? unwrap(call.expression) : undefined;
    const method = callee !== undefined && isPropertyAccessExpression(callee) && callee.expression.kind === SyntaxKind.ThisKeyword ? callee.name.text : undefined;
    return method === undefined || own.has(method) ? [] : [method];
  });
}

/** The file's module-level consts (and their object fields) that hold lists of string literals: see `FlowFacts.pathLists`. */
function pathListsOf(sf: ts.SourceFile): Record<string, string[]> | undefined {
  let lists: Record<string, string[]> | undefined;
  const add = (key: string, value: ts.Expression) => {
    const strings = stringListOf(value);
    if (strings !== undefined) (lists ??= {})[key] = strings;
  };
  for (const stmt of sf.statements) {
    if (!isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (!isIdentifier(decl.name) || decl.initializer === undefined) continue;
      const init = unwrap(decl.initializer);
      if (!isObjectLiteralExpression(init)) add(decl.name.text, init);
      else for (const p of init.properties) if (isPropertyAssignment(p) && propertyNameOf(p.name) !== undefined) add(`${decl.name.text}.${propertyNameOf(p.name)}`, p.initializer);
    }
  }
  return lists;
}

/** `['req.headers.authorization', '*.password']` (maybe `as const`): the strings, when every element is one. */
function stringListOf(value: ts.Expression): string[] | undefined {
  const e = unwrap(value);
  if (!isArrayLiteralExpression(e) || e.elements.length === 0) return undefined;
  const strings = e.elements.flatMap((el) => (isStringLiteralLike(el) ? [el.text] : []));
  return strings.length === e.elements.length ? strings : undefined;
}

/** `export const logger = pino({ redact: [...] })`, `export default pino()`: top-level loggers other files may import. */
function topLevelLoggers(sf: ts.SourceFile, collected: CollectedFile, sinks: SinkFinder, module: ModuleFacts): LoggerFact[] {
  const out: LoggerFact[] = [];
  const record = (name: string, value: ts.Expression) => {
    const redact = sinks.redactOfLogger(value);
    if (redact) out.push({ name, redact });
  };
  // The module's value: `export default pino()`, CommonJS's `module.exports = require('pino')()`, and
  // the members of an object there (`module.exports = { log: pino() }`), named as module-facts does.
  const recordDefault = (expr: ts.Expression) => {
    const value = unwrap(expr);
    if (!isObjectLiteralExpression(value)) {
      if (!isIdentifier(value)) record('default', value);
      return;
    }
    for (const p of value.properties) {
      const key = isPropertyAssignment(p) ? propertyNameOf(p.name) : undefined;
      if (key !== undefined && isPropertyAssignment(p)) record(`default.${key}`, p.initializer);
    }
  };
  // `namespace Telemetry { export const out = pino() }`: imported and used as `Telemetry.out`.
  for (const [ns, members] of namespaceConstsOf(sf)) for (const [member, value] of members) record(`${ns}.${member}`, value);
  // `export function forModule(name) { return root.child({ module: name }) }`: importers log through
  // `forModule()`. Only exported functions: the file's own calls find the logger where they are.
  const exported = new Set(module.exports.flatMap((e) => (e.local === undefined ? [] : [e.local])));
  for (const fn of collected.functions) {
    if (fn.className !== undefined || !exported.has(fn.key)) continue;
    const returned = (collected.returns.get(fn.node) ?? []).find((r) => sinks.redactOfLogger(r) !== undefined);
    if (returned) record(`${fn.key}()`, returned);
  }
  for (const stmt of sf.statements) {
    // `class BaseService { protected out = pino() }`: a logger its subclasses in other files use as `this.out`.
    if (ts.isClassDeclaration(stmt) && stmt.name) recordClassFields(stmt.name.text, stmt, record);
    if (isExportAssignment(stmt) && !stmt.isExportEquals) recordDefault(stmt.expression);
    if (isModuleExportsAssignment(stmt)) recordDefault(stmt.expression.right);
    if (!isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (!isIdentifier(decl.name) || !decl.initializer) continue;
      const redact = sinks.redactOfLogger(decl.initializer);
      const importedParent = redact ? sinks.importedParentOf(decl.initializer) : undefined;
      if (redact) out.push({ name: decl.name.text, redact, ...(importedParent !== undefined && { importedParent }) });
    }
  }
  return out;
}

/** A class's fields given a value where declared or as a constructor parameter property's default, as `Class.field`. */
function recordClassFields(name: string, cls: ts.ClassDeclaration, record: (name: string, value: ts.Expression) => void): void {
  // Loggers are made by a call (`pino()`, `new Logger()`, `logger.child()`) or named (`= logger`):
  // literals, lists and functions, most fields of a service, are not asked about.
  const mayBeLogger = (e: ts.Expression) => isCallExpression(e) || isNewExpression(e) || isIdentifier(e) || isPropertyAccessExpression(e);
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && member.initializer && mayBeLogger(unwrap(member.initializer)) && (isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) record(`${name}.${member.name.text}`, member.initializer);
    if (!ts.isConstructorDeclaration(member)) continue;
    for (const p of member.parameters) if (p.modifiers !== undefined && isIdentifier(p.name) && p.initializer && mayBeLogger(unwrap(p.initializer))) record(`${name}.${p.name.text}`, p.initializer);
  }
}

/** `export const audit = new AuditLog()`: instances other files call methods on, when the class is the project's. */
function topLevelInstances(sf: ts.SourceFile, fc: FileContext): InstanceFact[] {
  const out: InstanceFact[] = [];
  const add = (name: string, value: ts.Expression | undefined) => {
    const init = value && unwrap(value);
    if (init && isNewExpression(init) && isIdentifier(init.expression) && (lookup(fc, init.expression)?.kind === 'class' || importsProjectModule(init.expression, fc))) out.push({ name, className: init.expression.text });
  };
  for (const stmt of sf.statements) {
    // `module.exports = new FileSessionStore()`, `export default new X()`: the module's value, named `default`.
    if (isModuleExportsAssignment(stmt)) add('default', stmt.expression.right);
    else if (isExportAssignment(stmt) && !stmt.isExportEquals) add('default', stmt.expression);
    if (!isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const decl of stmt.declarationList.declarations) if (isIdentifier(decl.name)) add(decl.name.text, decl.initializer);
  }
  return out;
}

/** The class member `node` sits in is static (`static save(t) {...}`, `static save = (t) => ...`). */
function inStaticMember(node: ts.Node): boolean {
  for (let n = node.parent; n?.parent; n = n.parent) if (isClassLike(n.parent)) return (isMethodDeclaration(n) || isPropertyDeclaration(n)) && isStaticMember(n);
  return false;
}
