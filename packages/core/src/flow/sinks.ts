import { returnedExpressionOf } from '../parse/returned-expression.js';
import { ts } from '../parse/typescript.js';
import { constFieldOf, constValueOf, wholeConstValueOf, type FileContext, importOf, importsAnyOf, lookup, packageFunctionNamed, packageFunctionOf, textMentions } from './file-context.js';
import type { FrameworkLogger, FrameworkRedact } from './framework-logger.js';
import { HAPI_MODULES, isHapiLogHolder } from './hapi-loggers.js';
import { extendedClassOf } from '../parse/extended-class.js';
import { enclosingClass, instanceClassOf, localFunctionOf } from './instance-class.js';
import { namesSecretStore } from './secret-paths.js';
import { type Binding, dottedNameOf, propertyNameOf, unwrap } from './scope.js';
import { splitWords } from './sensitive-names.js';
import { requiredSpecifier } from '../summary/module-facts.js';

/**
 * A pino `redact` path, or a list of them imported from a project module (`redact: REDACT_PATHS`,
 * `{ paths: config.redactPaths }`), whose strings are read in the module that exports it once the
 * project is (see `FlowFacts.pathLists` and `FlowIndex.redactOf`).
 */
export type RedactPath = string | ImportedPathList;

/** `REDACT_PATHS` (`list`), or `config.redactPaths` (`list` and `member`), imported from a project module. */
export interface ImportedPathList {
  list: string;
  member?: string;
}

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isCallExpression, isConditionalExpression, isElementAccessExpression, isFunctionExpression, isIdentifier, isMethodDeclaration, isNewExpression, isNumericLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSpreadAssignment, isSpreadElement, isStringLiteralLike } = ts;

/** A log sink as found at a call: what to call it in messages, and pino `redact` paths it honours. */
export interface LogSink {
  label: string;
  redact: RedactPath[];
  /** The logger object is imported from a project file (its `redact` lives there): the local name. */
  importedLogger?: string;
  /** Fastify's logger (`request.log`, `app.log` of a Fastify app): it serialises a request without its headers. */
  serializesRequests?: true;
  /**
   * Nothing in this file says the imported receiver is a logger (`import { out } from './o11y'`):
   * it is one only if its own module makes it one, which the rules check across files.
   */
  unconfirmed?: true;
  /** A logger a framework hands out, configured where the app is made (maybe in another file). */
  framework?: FrameworkLogger;
}

/** A file-system write call: the module function used and which arguments are the path and data. */
export interface FsWrite {
  method: string;
  label: string;
  pathArg: ts.Expression | undefined;
  dataArg: ts.Expression | undefined;
  /**
   * `createWriteStream(path)`, or `open(path, 'w')` of `fs/promises`: the data arrives later through
   * `stream.write()` / `.end()`, or the file handle's `write()` / `writeFile()` / `appendFile()`.
   */
  isStream: boolean;
}

interface LoggerInfo {
  redact: RedactPath[];
}

// Exported for the text prefilter (engine/text-prefilter.ts): a file naming none of these has no log sink.
export const CONSOLE_METHODS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']);
export const LOG_METHODS: ReadonlySet<string> = new Set([
  'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'verbose', 'silly', 'notice', 'critical', 'success',
  // consola's other log types, log4js's `mark` level
  'start', 'ready', 'fail', 'box', 'mark',
]);
const MORGAN: ReadonlySet<string> = new Set(['morgan']);

/** `logger.child({ ... })`: a child logger, which logs through its parent's options. */
function isChildCall(expr: ts.Expression): boolean {
  const callee = isCallExpression(expr) ? unwrap(expr.expression) : undefined;
  return callee !== undefined && isPropertyAccessExpression(callee) && callee.name.text === 'child';
}

/** Packages whose default export is itself a usable logger object (`winston.info`, `consola.warn`). */
const LOGGER_OBJECT_PACKAGES = new Set(['winston', 'consola', 'loglevel', 'signale', 'npmlog', '@nestjs/common']);
/** Factory functions per package: calling one makes a logger. */
const LOGGER_FACTORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['pino', new Set(['default', '*', 'pino'])],
  ['winston', new Set(['createLogger'])],
  ['bunyan', new Set(['createLogger'])],
  ['log4js', new Set(['getLogger'])],
  ['consola', new Set(['createConsola', 'create', 'withTag'])],
  ['tslog', new Set(['Logger'])],
]);
/** The names of all of them, which most calls (asked whether they make a logger) are not. */
const LOGGER_FACTORY_NAMES: ReadonlySet<string> = new Set([...LOGGER_FACTORIES.values()].flatMap((names) => [...names]));
/** Stands for bunyan's way: the options themselves, but for the ones it reads (BUNYAN_OPTIONS). */
const BUNYAN_FIELDS = '...fields';
/** The factory option whose fields every line of the logger carries: pino's `base`, winston's `defaultMeta`, bunyan's extra fields. */
const LOGGER_META_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['pino', 'base'],
  ['winston', 'defaultMeta'],
  ['bunyan', BUNYAN_FIELDS],
]);
/** The options bunyan's `createLogger` reads; any other field is written with every record. */
const BUNYAN_OPTIONS: ReadonlySet<string> = new Set(['name', 'level', 'stream', 'streams', 'serializers', 'src']);

/** A value a logger writes on every line: an option's value, or one field (`key`) of its options. */
export interface LoggerMeta {
  key?: string;
  expr: ts.Expression;
}
/** Frameworks whose options configure the request logger's pino `redact`. */
const FRAMEWORK_LOGGER_PACKAGES = new Set(['fastify', 'pino-http', 'hono-pino', 'express-pino-logger', 'koa-pino-logger']);
/** NestJS's pino module: `LoggerModule.forRoot({ pinoHttp })`, then an injected `PinoLogger` (or its `Logger`). */
const NESTJS_PINO = 'nestjs-pino';
const NEST_MODULE_FACTORIES: ReadonlySet<string> = new Set(['forRoot', 'forRootAsync']);
/**
 * Where those options put the pino logger or its options: Fastify's `logger` and `loggerInstance`,
 * pino-http's `logger`, hono-pino's `pino`, hapi-pino's `instance` (pino-http and hapi-pino also take
 * pino's options, `redact`, themselves).
 */
const FRAMEWORK_LOGGER_KEYS = ['logger', 'loggerInstance', 'pino', 'instance'];
/** The Hapi plugin that logs with pino: `server.register({ plugin: require('hapi-pino'), options })`. */
const HAPI_PINO = 'hapi-pino';
/** A string naming one of those packages: a file without one configures no framework logger. */
const FRAMEWORK_PACKAGE_STRING = new RegExp(`['"\`](?:${[...FRAMEWORK_LOGGER_PACKAGES, HAPI_PINO, NESTJS_PINO].join('|')})['"\`]`);
const FASTIFY_MODULES: ReadonlySet<string> = new Set(['fastify', 'fastify-plugin']);
const FASTIFY_LOG_HOLDERS: ReadonlySet<string> = new Set(['request', 'reply', 'fastify']);
/** Methods that call their callback with the receiver's elements or resolved value (and `forEach` the array too). */
const VALUE_CALLBACKS: ReadonlySet<string> = new Set(['then', 'forEach', 'map', 'flatMap', 'filter', 'find', 'some', 'every']);
/** `debug('app:auth')` makes a log function, called directly. */
const DEBUG_PACKAGE = 'debug';

// Exported for the text prefilter: a file quoting none of these modules writes no file.
export const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'fs-extra/esm', 'graceful-fs']);
const WRITE_METHODS = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'outputFile', 'outputFileSync', 'outputJson',
  'outputJsonSync', 'outputJSON', 'outputJSONSync', 'writeJson', 'writeJsonSync', 'writeJSON', 'writeJSONSync',
  'createWriteStream',
  // `fs.writeSync(fd, data)` and `fs.write(fd, data, cb)`: the path is the descriptor `openSync(path, 'w')` gave.
  'writeSync', 'write',
]);
const FD_WRITES: ReadonlySet<string> = new Set(['writeSync', 'write']);
const STANDARD_STREAMS: ReadonlySet<string> = new Set(['stdout', 'stderr']);

/** `fs.writeSync(1, text)`, `fs.writeSync(process.stdout.fd, text)`: the terminal, not a file. */
function isStandardStream(fd: ts.Expression | undefined): boolean {
  const e = fd && unwrap(fd);
  if (e === undefined) return false;
  if (isNumericLiteral(e)) return true;
  const stream = isPropertyAccessExpression(e) && e.name.text === 'fd' ? unwrap(e.expression) : undefined;
  return stream !== undefined && isPropertyAccessExpression(stream) && STANDARD_STREAMS.has(stream.name.text);
}
/**
 * lowdb's file adapters, each a JSON (or text) file the database is written to on `db.write()`:
 * `new JSONFile(path)`, `JSONFilePreset(path, defaults)`, lowdb 1's `new FileSync(path)`. Exported
 * for the text prefilter, like FS_MODULES.
 */
export const FILE_ADAPTER_MODULES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['lowdb/node', new Set(['JSONFile', 'JSONFileSync', 'TextFile', 'TextFileSync', 'JSONFilePreset', 'JSONFileSyncPreset'])],
  ['lowdb/adapters/FileSync', new Set(['default', '*'])],
  ['lowdb/adapters/FileAsync', new Set(['default', '*'])],
]);
/**
 * Packages other than `fs` that write a whole file from a path and the data: each with the methods
 * that do, `default` for the package called itself (`writeFileAtomic(path, data)`,
 * `writeFileAtomic.sync(path, data)`, `jsonfile.writeFileSync(path, obj)`, Bun's
 * `import { write } from 'bun'`), node-persist, whose `storage.setItem(key, value)` writes the
 * value to a file named for the key, and the settings stores conf and configstore, whose `set(key,
 * value)` (or `set({ key: value })`) rewrites a JSON file in the user's config folder. Exported for
 * the text prefilter, like FS_MODULES.
 */
export const FILE_WRITER_PACKAGES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['write-file-atomic', new Set(['default', 'sync'])],
  ['jsonfile', new Set(['writeFile', 'writeFileSync'])],
  ['bun', new Set(['write'])],
  ['node-persist', new Set(['setItem', 'updateItem', 'set'])],
  ['conf', new Set(['set'])],
  ['configstore', new Set(['set'])],
]);
/** The settings stores' properties whose assignment rewrites the whole file: conf's `store`, configstore's `all`. */
const WHOLE_STORE_SETTERS: ReadonlyMap<string, string> = new Map([['conf', 'store'], ['configstore', 'all']]);
/** The setter names of WHOLE_STORE_SETTERS, asked of every assignment to a field. */
const STORE_SETTER_NAMES: ReadonlySet<string> = new Set(WHOLE_STORE_SETTERS.values());
/**
 * Writer classes made from a path, whose `write(data)` replaces the file: steno's `new Writer(path)`
 * (the atomic writer lowdb uses). Exported for the text prefilter, like FS_MODULES.
 */
export const WRITER_CLASSES: ReadonlyMap<string, ReadonlySet<string>> = new Map([['steno', new Set(['Writer'])]]);
/**
 * The runtimes' global file writes, path first: Bun's `Bun.write(path, data)`, Deno's
 * `Deno.writeTextFile(path, text)`. No import names them (exported for the text prefilter).
 */
export const RUNTIME_WRITES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Bun', new Set(['write'])],
  ['Deno', new Set(['writeTextFile', 'writeTextFileSync', 'writeFile', 'writeFileSync'])],
]);
/** A string naming one of FILE_WRITER_PACKAGES, or a runtime global: a file without one writes through none. */
const FILE_WRITER_PACKAGE_STRING = new RegExp(`['"\`](?:${[...FILE_WRITER_PACKAGES.keys()].join('|')})['"\`]|\\b(?:${[...RUNTIME_WRITES.keys()].join('|')})\\.`);
/**
 * SQLite databases opened on a file (`new Database('data/sessions.db')` of better-sqlite3, Bun's and
 * node's own): a file store only where the file names one, for a SQLite file is as often the app's
 * own database. Exported for the text prefilter, like FS_MODULES.
 */
export const SQLITE_MODULES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['better-sqlite3', new Set(['default', '*'])],
  ['bun:sqlite', new Set(['Database'])],
  ['node:sqlite', new Set(['DatabaseSync'])],
]);
/**
 * Key-value and document stores kept in one file, with the option that names it: keyv-file's `new
 * KeyvFile({ filename })` (Keyv's store, a JSON file), NeDB's `new Datastore({ filename })` (also
 * given the file name alone) and nedb-promises' `Datastore.create(...)`. Like a SQLite file, a file
 * store only where the file names one (`tokens.json`, `sessions.db`): a cache of HTTP responses is
 * no secret store. Exported for the text prefilter, like FS_MODULES.
 */
const NEDB = new Map([['default', 'filename'], ['*', 'filename']]);
export const FILE_KV_STORES: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['keyv-file', new Map([['KeyvFile', 'filename'], ['default', 'filename']])],
  ['nedb', NEDB],
  ['@seald-io/nedb', NEDB],
  ['nedb-promises', new Map([...NEDB, ['create', 'filename']])],
]);
/** `fs/promises`' `open(path, flags)`: a file handle, written to when its flags write or append. */
const HANDLE_OPENER = 'open';
/** What data goes through on a stream or file handle. */
const STREAM_WRITES = new Set(['write', 'end', 'writeFile', 'appendFile']);

const PIPELINE = new Set(['pipeline']);

/** Node's modules with `pipeline`. */
const STREAM_MODULES = new Set(['stream', 'node:stream', 'stream/promises', 'node:stream/promises']);

export interface SinkFinder {
  logSinkOf(call: ts.CallExpression): LogSink | undefined;
  /** A logger factory call whose option every line carries (`pino({ base })`): that option, as the logged value. */
  loggerMetaOf(call: ts.CallExpression): { sink: LogSink; meta: LoggerMeta[] } | undefined;
  /** `promise.then(console.log)`, `tokens.forEach(logger.info)`: a log function handed what the receiver holds. */
  callbackSinkOf(call: ts.CallExpression): LogSink | undefined;
  /** `setTimeout(console.log, 0, 'token', token)`: a log function scheduled with the arguments it is handed. */
  scheduledLogOf(call: ts.CallExpression): { sink: LogSink; args: readonly ts.Expression[]; headers?: string[] } | undefined;
  /** `later()` of `const later = console.log.bind(console, 'key', apiKey)`: the arguments bound in front of the call's own. */
  boundArgumentsOf(call: ts.CallExpression): readonly ts.Expression[];
  fsWriteOf(call: ts.CallExpression): FsWrite | undefined;
  /**
   * `new JSONFile('sessions.json')`: a lowdb adapter, the file its database is written to; a SQLite
   * database or a key-value store file (`new KeyvFile({ filename })`) on a secret file (`sessions.db`).
   */
  fileAdapterOf(made: ts.CallExpression | ts.NewExpression): FsWrite | undefined;
  /** `stream.write(x)` / `stream.end(x)` on a `createWriteStream` result (or a writer of WRITER_CLASSES): the creating call. */
  streamOf(call: ts.CallExpression): ts.CallExpression | ts.NewExpression | undefined;
  /** `src.pipe(out)` / `pipeline(src, out)` into such a stream: the creating call, and the streams piped into it. */
  pipedStreamOf(call: ts.CallExpression): { stream: ts.CallExpression | ts.NewExpression; sources: ts.Expression[] } | undefined;
  /**
   * The file write a stream or writer made so stands for (`createWriteStream(path)`, steno's `new
   * Writer(path)`): its `write(data)` calls write that file.
   */
  streamWriteOf(made: ts.CallExpression | ts.NewExpression): FsWrite | undefined;
  /** `conf.store = {...}`, `config.all = {...}`: an assignment that rewrites a settings store's file. */
  storeSetterOf(assignment: ts.BinaryExpression): FsWrite | undefined;
  /** The pino `redact` paths (maybe none) when `expr` is a logger or a log function, for loggers other files import. */
  redactOfLogger(expr: ts.Expression): RedactPath[] | undefined;
  /** `logger.child({...})` of a logger imported under this local name (its `redact` applies too, read in its module). */
  importedParentOf(expr: ts.Expression): string | undefined;
  /** The `redact` paths this file's framework options give framework loggers, anywhere in the project. */
  frameworkRedact(): FrameworkRedact;
}

/** Functions that call the function they are given later, with the arguments after this many. */
const SCHEDULERS: ReadonlyMap<string, number> = new Map([['setTimeout', 2], ['setInterval', 2], ['setImmediate', 1], ['process.nextTick', 1]]);

/**
 * `console.log(grant)` prints a value's fields with util.inspect, which ignores `toJSON()`; the
 * JSON loggers (pino, winston, bunyan) write what it returns. The sink that logs last decides
 * (`audit() → console.log`).
 */
export function inspectsValues(sink: string): boolean {
  return (sink.split(' → ').at(-1) ?? sink).startsWith('console.');
}

/** A project module named for logging: `./logger`, `../lib/log.js`, `./logging/index.js`. */
function isLoggerModule(specifier: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const parts = specifier.replace(/\.[cm]?[jt]sx?$/, '').split('/');
  const base = parts.at(-1) === 'index' ? parts.at(-2) : parts.at(-1);
  const last = base === undefined ? undefined : splitWords(base).at(-1);
  return last === 'logger' || last === 'log' || last === 'logging';
}

function isLoggerName(name: string, fc: FileContext): boolean {
  if (fc.config.loggers.includes(name)) return true;
  const lower = name.toLowerCase();
  if (lower === 'log' || lower === 'logger' || lower === 'audit') return true;
  // `requestLogger`, `auditLog`, `appLog`: only log methods are sinks, so `changeLog.push()` is not.
  const last = splitWords(name).at(-1);
  return last === 'logger' || last === 'log';
}

export function createSinkFinder(fc: FileContext): SinkFinder {
  const seen = new Set<ts.Node>();
  /** Local functions followed for the logger they return, now (see madeByLocalFunction). */
  let factoryDepth = 0;
  const seenAliases = new Set<ts.Node>();

  function loggerOf(expr: ts.Expression): LoggerInfo | undefined {
    const e = unwrap(expr);
    if (seen.has(e)) return undefined;
    seen.add(e);
    try {
      return loggerOfUncached(e);
    } finally {
      seen.delete(e);
    }
  }

  function loggerOfUncached(e: ts.Expression): LoggerInfo | undefined {
    if (isIdentifier(e)) return identifierLogger(e) ?? typedLogger(e);
    if (isPropertyAccessExpression(e)) return isLoggerName(e.name.text, fc) ? { redact: [] } : (fieldLogger(e) ?? typedLogger(e));
    if (isCallExpression(e)) return callLogger(e);
    // `req.log ?? console`, `verbose ? pino() : console`: a logger whichever side is taken.
    if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) {
      return loggerOf(e.left) ?? loggerOf(e.right);
    }
    if (isConditionalExpression(e)) return loggerOf(e.whenTrue) ?? loggerOf(e.whenFalse);
    if (isNewExpression(e)) {
      const name = dottedNameOf(e.expression);
      return name !== undefined && /Logger$/.test(name) ? { redact: [] } : undefined;
    }
    return undefined;
  }

  function identifierLogger(id: ts.Identifier): LoggerInfo | undefined {
    const binding = lookup(fc, id);
    if (!binding && id.text === 'console') return { redact: [] };
    if (binding?.kind === 'var') {
      for (const v of binding.values) {
        if (v.wrap.length > 0) continue;
        // `const { logger: l } = deps`: the destructured key says what it is.
        if (v.path.length > 0) {
          if (isLoggerName(v.path.at(-1) ?? '', fc)) return { redact: [] };
          continue;
        }
        const made = loggerOf(v.expr);
        if (made) return made;
      }
    }
    if (binding?.kind === 'import' && LOGGER_OBJECT_PACKAGES.has(binding.specifier)) return { redact: [] };
    // `import { appLogger as l } from './logger'`: the exported name says what it is.
    if (binding?.kind === 'import' && isLoggerName(binding.imported, fc)) return { redact: [] };
    // `import l from './logging'`: a module's default export is what the module is named for.
    if (binding?.kind === 'import' && binding.imported === 'default' && isLoggerModule(binding.specifier)) return { redact: [] };
    return isLoggerName(id.text, fc) ? { redact: [] } : undefined;
  }

  /**
   * `this.base` given `private readonly base = pino()` or `this.base = parent.child(...)`: a field
   * holding a logger; `Telemetry.out` given `const Telemetry = { out: pino() }` or a namespace's
   * `export const out = pino()`: a logger a const of the file holds.
   */
  function fieldLogger(e: ts.PropertyAccessExpression): LoggerInfo | undefined {
    const owner = unwrap(e.expression);
    if (owner.kind === SyntaxKind.ThisKeyword) return classFieldLogger(e, e.name.text, 0);
    const held = isIdentifier(owner) ? constFieldOf(fc, owner, e.name.text) : undefined;
    return held && loggerOf(held);
  }

  /**
   * A logger the class around `at` keeps in a field: given to it in the class (an initialiser, an
   * assignment), as a constructor parameter property's default (`constructor(private sink = pino())`),
   * or by a base class of this file (`class Service extends BaseService`).
   */
  function classFieldLogger(at: ts.Node, name: string, depth: number): LoggerInfo | undefined {
    const field = fc.collected.scopes.lookup(`this.${name}`, at);
    if (field?.kind === 'var') {
      for (const v of field.values) {
        const made = v.path.length === 0 && v.wrap.length === 0 ? loggerOf(v.expr) : undefined;
        if (made) return made;
      }
    }
    const cls = enclosingClass(at);
    if (!cls) return undefined;
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    const property = ctor?.parameters.find((p) => p.modifiers !== undefined && isIdentifier(p.name) && p.name.text === name && p.initializer !== undefined);
    const given = property?.initializer && loggerOf(property.initializer);
    if (given) return given;
    const base = extendedClassOf(cls);
    const baseClass = base && isIdentifier(base) && depth < MAX_BASE_DEPTH ? lookup(fc, base) : undefined;
    const firstMember = baseClass?.kind === 'class' ? baseClass.node.members[0] : undefined;
    return firstMember ? classFieldLogger(firstMember, name, depth + 1) : undefined;
  }

  /**
   * A value declared or constructed as a logger type, whatever its own name: NestJS
   * `constructor(private readonly out: Logger)`, `l: PinoLogger`, `this.sink = new AppLogger()`,
   * an `AppLogger` interface. A class of this file is left to the wrapper analysis, which sees
   * what its methods really do.
   */
  function typedLogger(e: ts.Expression): LoggerInfo | undefined {
    const cls = instanceClassOf(e, fc);
    if (cls === undefined || !isLoggerName(cls, fc)) return undefined;
    return fc.collected.scopes.lookup(cls, e)?.kind === 'class' ? undefined : { redact: [] };
  }

  function callLogger(call: ts.CallExpression): LoggerInfo | undefined {
    const callee = unwrap(call.expression);
    if (isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'child') {
        const parent = loggerOf(callee.expression);
        // `logger.child(bindings, { redact })`: pino's child options add paths of their own.
        return parent ? { redact: [...parent.redact, ...redactOf(call.arguments[0]), ...redactOf(call.arguments[1])] } : undefined;
      }
      if (method === 'get' && call.arguments.length === 1) {
        const key = call.arguments[0] && propertyNameOf(unwrap(call.arguments[0]));
        if (key !== undefined && isLoggerName(key, fc)) return { redact: [] };
      }
    }
    const factory = factoryPackageOf(callee);
    if (factory !== undefined) return { redact: factory === 'pino' ? redactOf(call.arguments[0]) : [] };
    // `const winston = require('winston')`: the package's default logger, as its default import is.
    const required = requiredSpecifier(call);
    if (required !== undefined && LOGGER_OBJECT_PACKAGES.has(required)) return { redact: [] };
    const made = madeByLocalFunction(callee);
    if (made) return made;
    const name = dottedNameOf(callee);
    return name !== undefined && /^(?:get|create|make)\w*Logger$/.test(name.split('.').at(-1) ?? '') ? { redact: [] } : undefined;
  }

  /**
   * `function mk() { return pino() }` (an arrow in a const, a method `this.mk()`): the logger a local function returns,
   * a few factories deep (generated code chains thousands of functions that return each other's calls).
   */
  function madeByLocalFunction(callee: ts.Expression): LoggerInfo | undefined {
    if (factoryDepth >= MAX_FACTORY_DEPTH) return undefined;
    const fn = localFunctionOf(callee, fc);
    const returned = fn && fc.collected.returns.get(fn);
    if (!returned) return undefined;
    factoryDepth++;
    try {
      for (const r of returned) {
        const logger = loggerOf(r);
        if (logger) return logger;
      }
      return undefined;
    } finally {
      factoryDepth--;
    }
  }

  /**
   * `pino({ base: { apiKey } })`, `winston.createLogger({ defaultMeta: { token } })`: fields a logger
   * is made with and writes on every line, like a child's bindings. Only that option: the others
   * (a transport's credentials) configure the logger and are never written.
   */
  function loggerMetaOf(call: ts.CallExpression): { sink: LogSink; meta: LoggerMeta[] } | undefined {
    const factory = factoryPackageOf(unwrap(call.expression));
    if (factory === undefined) return customPropsOf(call);
    const option = factory === undefined ? undefined : LOGGER_META_OPTIONS.get(factory);
    const options = option === undefined ? undefined : call.arguments[0] && constValueOf(fc, call.arguments[0]);
    if (options === undefined || !isObjectLiteralExpression(options) || option === undefined) return undefined;
    const meta: LoggerMeta[] = option === BUNYAN_FIELDS ? bunyanFieldsOf(options) : optionValue(options, option);
    const label = option === BUNYAN_FIELDS ? `${labelOf(call.expression)}({ ...fields })` : `${labelOf(call.expression)}({ ${option} })`;
    return meta.length === 0 ? undefined : { sink: { label, redact: factory === 'pino' ? redactOf(options) : [] }, meta };
  }

  /** pino-http's `customProps: (req) => ({ ... })`: what it returns is written with every request line. */
  function customPropsOf(call: ts.CallExpression): { sink: LogSink; meta: LoggerMeta[] } | undefined {
    const options = call.arguments.length === 1 && call.arguments[0] ? constValueOf(fc, call.arguments[0]) : undefined;
    const fn = options && isObjectLiteralExpression(options) ? functionPropertyOf(options, 'customProps') : undefined;
    if (!fn || packageFunctionOf(fc, call.expression)?.specifier !== 'pino-http') return undefined;
    const meta = (fc.collected.returns.get(fn) ?? []).map((expr) => ({ expr }));
    return meta.length === 0 ? undefined : { sink: { label: `${labelOf(call.expression)}({ customProps })`, redact: [] }, meta };
  }

  function optionValue(options: ts.ObjectLiteralExpression, option: string): LoggerMeta[] {
    const value = propertyValueOf(options, option);
    return value === undefined ? [] : [{ expr: value }];
  }

  /** bunyan writes every field of `createLogger`'s options it does not read itself (`{ name, apiKey }`). */
  function bunyanFieldsOf(options: ts.ObjectLiteralExpression): LoggerMeta[] {
    return options.properties.flatMap((p): LoggerMeta[] => {
      const key = p.name && propertyNameOf(p.name);
      if (key === undefined || BUNYAN_OPTIONS.has(key)) return [];
      if (isPropertyAssignment(p)) return [{ key, expr: p.initializer }];
      return isShorthandPropertyAssignment(p) ? [{ key, expr: p.name }] : [];
    });
  }

  /** The logging package whose factory `callee` is (`pino`, `winston.createLogger`, `require('pino')`). */
  function factoryPackageOf(callee: ts.Expression): string | undefined {
    const fn = packageFunctionNamed(fc, callee, LOGGER_FACTORY_NAMES);
    return fn && LOGGER_FACTORIES.get(fn.specifier)?.has(fn.name) ? fn.specifier : undefined;
  }

  /** pino's `redact` option: `{ redact: [...] }`, `{ redact: { paths, censor } }`, also held in consts. */
  function redactOf(options: ts.Expression | undefined): RedactPath[] {
    const e = options && constValueOf(fc, options);
    if (!e || !isObjectLiteralExpression(e)) return [];
    const value = propertyValueOf(e, 'redact');
    if (!value) return serializedAway(e);
    const redact = constValueOf(fc, value);
    if (isObjectLiteralExpression(redact)) {
      const paths = propertyValueOf(redact, 'paths');
      return [...(paths ? pathsOf(paths) : []), ...serializedAway(e)];
    }
    return [...pathsOf(redact), ...serializedAway(e)];
  }

  /** `key: (x) => ...`, `key: function (x) {...}` or `key(x) {...}` of an object literal. */
  function functionPropertyOf(object: ts.ObjectLiteralExpression, key: string): ts.FunctionLikeDeclaration | undefined {
    const p = object.properties.find((m) => m.name !== undefined && propertyNameOf(m.name) === key);
    if (p !== undefined && isMethodDeclaration(p)) return p;
    const init = p !== undefined && isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
    return init !== undefined && (isArrowFunction(init) || isFunctionExpression(init)) ? init : undefined;
  }

  /**
   * pino's `serializers`: a key's serializer that returns an object of its own fields without the
   * headers (`req: (r) => ({ method: r.method, url: r.url })`) logs no headers under that key.
   */
  function serializedAway(options: ts.ObjectLiteralExpression): RedactPath[] {
    const value = propertyValueOf(options, 'serializers');
    const serializers = value && constValueOf(fc, value);
    if (!serializers || !isObjectLiteralExpression(serializers)) return [];
    return serializers.properties.flatMap((p) => {
      const key = p.name && propertyNameOf(p.name);
      const fn = key === undefined ? undefined : functionPropertyOf(serializers, key);
      const made = fn && returnedExpressionOf(fn);
      const result = made && unwrap(made);
      const dropsHeaders = result !== undefined && isObjectLiteralExpression(result) && result.properties.every((f) => !isSpreadAssignment(f) && f.name !== undefined && propertyNameOf(f.name) !== 'headers');
      return key !== undefined && dropsHeaders ? [`${key}.headers`] : [];
    });
  }

  /** The strings of an array literal (or a const holding one, maybe imported), spreads of such arrays included. */
  function pathsOf(expr: ts.Expression, depth = 0): RedactPath[] {
    const e = constValueOf(fc, expr);
    if (!isArrayLiteralExpression(e)) return importedListOf(e);
    if (depth > MAX_SPREAD_DEPTH) return [];
    return e.elements.flatMap((el) => {
      if (isSpreadElement(el)) return pathsOf(el.expression, depth + 1);
      const value = constValueOf(fc, el);
      return isStringLiteralLike(value) ? [value.text] : [];
    });
  }

  /** `REDACT_PATHS` or `config.redactPaths` imported from a project module: a list read in that module. */
  function importedListOf(e: ts.Expression): ImportedPathList[] {
    const head = isPropertyAccessExpression(e) ? unwrap(e.expression) : e;
    const origin = isIdentifier(head) ? importOf(fc, head) : undefined;
    if (!isIdentifier(head) || origin === undefined || !fc.isProjectModule(origin.specifier)) return [];
    return isPropertyAccessExpression(e) ? [{ list: head.text, member: e.name.text }] : [{ list: head.text }];
  }

  /** A framework's options object (or a const holding one): the pino `redact` paths it gives its loggers. */
  function frameworkOptionsRedact(options: ts.Expression | undefined): RedactPath[] {
    const e = options && constValueOf(fc, options);
    if (!e || !isObjectLiteralExpression(e)) return [];
    const paths = redactOf(e);
    for (const key of FRAMEWORK_LOGGER_KEYS) {
      const value = propertyValueOf(e, key);
      if (!value) continue;
      // `logger: { redact }` holds pino's options; `logger: pino({ redact })` or `logger` a made logger.
      const inner = constValueOf(fc, value);
      paths.push(...(isObjectLiteralExpression(inner) ? redactOf(inner) : (loggerOf(value)?.redact ?? [])));
    }
    return paths;
  }

  /** A function value that logs when called: `console.log`, `logger.info.bind(logger)`, `debug('x')`. */
  function logFunctionOf(expr: ts.Expression, path: string[]): LogSink | undefined {
    const e = unwrap(expr);
    if (path.length === 1 && path[0] !== undefined) {
      // `const { info } = logger`
      const logger = LOG_METHODS.has(path[0]) ? loggerOf(e) : undefined;
      return logger ? { label: `${labelOf(e)}.${path[0]}`, redact: logger.redact } : undefined;
    }
    if (path.length > 0) return undefined;
    if (isPropertyAccessExpression(e) || isElementAccessExpression(e)) return methodSink(e);
    if (isCallExpression(e)) {
      const callee = unwrap(e.expression);
      if (isPropertyAccessExpression(callee) && callee.name.text === 'bind') return logFunctionOf(callee.expression, []);
      // `debug('app').extend('auth')`: debug's child, a log function of its own.
      if (isPropertyAccessExpression(callee) && callee.name.text === 'extend' && logFunctionOf(callee.expression, [])) return { label: labelOf(e), redact: [] };
      const origin = importOf(fc, callee);
      if (origin?.specifier === DEBUG_PACKAGE && (origin.imported === 'default' || origin.imported === '*')) return { label: labelOf(e), redact: [] };
      // `util.debuglog('auth')`: Node's own `debug`.
      if (isNodeUtil(callee, 'debuglog')) return { label: labelOf(e), redact: [] };
    }
    if (isIdentifier(e)) return identifierSink(e);
    return undefined;
  }

  function identifierSink(id: ts.Identifier): LogSink | undefined {
    if (fc.config.loggers.includes(id.text)) return { label: id.text, redact: [] };
    const binding = lookup(fc, id);
    // `import { log as trace } from './debug'` given `export const log = debug('app')`: confirmed across files.
    if (binding?.kind === 'import' && fc.isProjectModule(binding.specifier)) return { label: id.text, redact: [], importedLogger: id.text, unconfirmed: true };
    if (binding?.kind !== 'var') return undefined;
    for (const v of binding.values) {
      if (seenAliases.has(v.expr)) continue;
      seenAliases.add(v.expr);
      const sink = logFunctionOf(v.expr, v.path);
      seenAliases.delete(v.expr);
      if (sink) return { label: id.text, redact: sink.redact };
    }
    return undefined;
  }

  /**
   * `console.log`, `logger.info`, `console['warn']`, and `logger[level]` with a computed level
   * (undefined `method`): on a logger, whatever level it picks is a log call.
   */
  function methodSink(callee: ts.PropertyAccessExpression | ts.ElementAccessExpression): LogSink | undefined {
    const method = isPropertyAccessExpression(callee) ? callee.name.text : literalKeyOf(callee.argumentExpression);
    const receiver = unwrap(callee.expression);
    if (isGlobalConsole(receiver)) {
      return method === undefined || CONSOLE_METHODS.has(method) ? { label: labelOf(callee), redact: [] } : undefined;
    }
    // `const out = { write: console.error }; out.write(token)`, `sinks[0](token)`: a log function a const literal holds.
    const held = method !== undefined ? constFieldOf(fc, receiver, method) : undefined;
    const heldSink = held && logFunctionOf(held, []);
    if (heldSink) return heldSink;
    if (fc.config.loggers.length > 0) {
      const dotted = dottedNameOf(callee);
      if (dotted !== undefined && fc.config.loggers.includes(dotted)) return { label: dotted, redact: [] };
    }
    // `logger.child({ token })`, pino's `logger.setBindings({ token })`: the bindings are written with every line it logs.
    if (method !== undefined && !LOG_METHODS.has(method) && method !== 'child' && method !== 'setBindings') return undefined;
    const logger = loggerOf(receiver);
    // Hapi's `request.log(tags, data)` / `server.log(tags, data)`: the object itself logs.
    if (!logger && method === 'log' && importsHapi() && isHapiLogHolder(receiver, fc)) return { label: labelOf(callee), redact: [], framework: 'hapiEvent' };
    const imported = importedRootOf(receiver);
    if (!logger) return method !== undefined && imported !== undefined ? { label: labelOf(callee), redact: [], importedLogger: imported, unconfirmed: true } : undefined;
    const framework = frameworkLoggerOf(receiver);
    return {
      label: labelOf(callee),
      redact: logger.redact,
      ...(imported !== undefined && { importedLogger: imported }),
      ...(isFastifyLog(receiver) && { serializesRequests: true }),
      ...(framework !== undefined && { framework }),
    };
  }

  /**
   * `req.log`, `request.log`, `app.log` (pino-based framework loggers), hono-pino's `c.var.logger` /
   * `c.get('logger')`, nestjs-pino's injected loggers, hapi-pino's `request.logger` / `server.logger`.
   */
  function frameworkLoggerOf(receiver: ts.Expression): FrameworkLogger | undefined {
    const e = unwrap(receiver);
    if (isCallExpression(e)) {
      const callee = unwrap(e.expression);
      const key = e.arguments.length === 1 && e.arguments[0] ? unwrap(e.arguments[0]) : undefined;
      return isPropertyAccessExpression(callee) && callee.name.text === 'get' && key && isStringLiteralLike(key) && key.text === 'logger' ? 'pino' : undefined;
    }
    if (isNestjsPinoLogger(e)) return 'pino';
    if (!isPropertyAccessExpression(e)) return undefined;
    // `this.log` is a class's own logger, made in its file with options of its own; in a Fastify
    // file it is the app's (a route handler or plugin written as a `function`).
    if (e.name.text === 'log') return unwrap(e.expression).kind !== SyntaxKind.ThisKeyword || importsFastify() ? 'pino' : undefined;
    if (e.name.text !== 'logger') return undefined;
    const base = unwrap(e.expression);
    if (isPropertyAccessExpression(base) && base.name.text === 'var') return 'pino';
    return importsHapi() && isHapiLogHolder(base, fc) ? 'hapi' : undefined;
  }

  /** `console`, `globalThis.console`, `window.console`: the global one, not a local of that name. */
  function isGlobalConsole(e: ts.Expression): boolean {
    if (isIdentifier(e)) return e.text === 'console' && !lookup(fc, e);
    if (!isPropertyAccessExpression(e) || e.name.text !== 'console') return false;
    const base = unwrap(e.expression);
    return isIdentifier(base) && (base.text === 'globalThis' || base.text === 'window' || base.text === 'global') && !lookup(fc, base);
  }

  /**
   * `request.log`, `reply.log`, `fastify.log` (also through `.child()`), or any `x.log` in a file
   * that imports Fastify: Fastify's loggers serialise a request as method, url and host.
   */
  function isFastifyLog(receiver: ts.Expression): boolean {
    let e = unwrap(receiver);
    while (isChildCall(e)) e = unwrap((unwrap((e as ts.CallExpression).expression) as ts.PropertyAccessExpression).expression);
    if (!isPropertyAccessExpression(e) || e.name.text !== 'log') return false;
    const base = unwrap(e.expression);
    if (isIdentifier(base) && FASTIFY_LOG_HOLDERS.has(base.text)) return true;
    return importsFastify();
  }

  let fastifyFile: boolean | undefined;
  function importsFastify(): boolean {
    // The text test keeps the statement scan off files that never name the package.
    fastifyFile ??= /['"]fastify(?:-plugin)?['"]/.test(fc.sf.text) && importsAnyOf(fc, FASTIFY_MODULES);
    return fastifyFile;
  }

  let hapiFile: boolean | undefined;
  function importsHapi(): boolean {
    // Asked only for a `.log()` on something that is not a logger; the text test spares the import scan.
    hapiFile ??= fc.sf.text.includes('hapi') && importsAnyOf(fc, HAPI_MODULES);
    return hapiFile;
  }

  let namesNestjsPino: boolean | undefined;
  /** `constructor(private readonly logger: PinoLogger)` with `PinoLogger` (or `Logger`) imported from nestjs-pino. */
  function isNestjsPinoLogger(receiver: ts.Expression): boolean {
    // Asked for every log call: the instance's class is looked for only in files that name the package.
    namesNestjsPino ??= fc.sf.text.includes(NESTJS_PINO);
    if (!namesNestjsPino) return false;
    const cls = instanceClassOf(receiver, fc);
    const binding = cls === undefined ? undefined : fc.collected.scopes.lookup(cls.split('.')[0] ?? cls, receiver);
    return binding?.kind === 'import' && binding.specifier === NESTJS_PINO;
  }

  /** `LoggerModule.forRoot({ pinoHttp })`, `forRootAsync({ useFactory: () => ({ pinoHttp }) })`: pino-http's options, maybe `[options, stream]`. */
  function nestjsPinoHttpOptionsOf(call: ts.CallExpression): ts.Expression | undefined {
    const callee = unwrap(call.expression);
    if (!isPropertyAccessExpression(callee) || !NEST_MODULE_FACTORIES.has(callee.name.text) || importOf(fc, callee.expression)?.specifier !== NESTJS_PINO) return undefined;
    let options = call.arguments[0] && constValueOf(fc, call.arguments[0]);
    if (options && isObjectLiteralExpression(options) && callee.name.text === 'forRootAsync') {
      const factory = propertyValueOf(options, 'useFactory');
      const made = factory && unwrap(factory);
      options = made && (isArrowFunction(made) || isFunctionExpression(made)) ? (fc.collected.returns.get(made) ?? []).map((x) => constValueOf(fc, x)).find(isObjectLiteralExpression) : undefined;
    }
    const pinoHttp = options && isObjectLiteralExpression(options) ? propertyValueOf(options, 'pinoHttp') : undefined;
    const value = pinoHttp && constValueOf(fc, pinoHttp);
    return value && isArrayLiteralExpression(value) ? value.elements[0] : value;
  }

  let frameworkPaths: FrameworkRedact | undefined;
  /**
   * `Fastify({ logger: { redact } })`, `pinoHttp({ redact })`, hapi-pino's registration options in
   * this file: the framework's loggers honour those paths, in whichever file they log.
   */
  function frameworkRedact(): FrameworkRedact {
    if (frameworkPaths) return frameworkPaths;
    // Every such option is given to a package the file names in a string: most files name none.
    if (!FRAMEWORK_PACKAGE_STRING.test(fc.sf.text)) return (frameworkPaths = {});
    const out: Required<FrameworkRedact> = { pino: [], hapi: [], hapiEvent: [] };
    const mayRegisterHapiPino = fc.sf.text.includes(HAPI_PINO);
    const mayConfigureNestjsPino = fc.sf.text.includes(NESTJS_PINO);
    for (const call of fc.collected.calls) {
      if (!isCallExpression(call)) continue;
      const callee = unwrap(call.expression);
      const origin = importOf(fc, callee);
      const nestPinoHttp = mayConfigureNestjsPino ? nestjsPinoHttpOptionsOf(call) : undefined;
      if (origin && FRAMEWORK_LOGGER_PACKAGES.has(origin.specifier)) out.pino.push(...frameworkOptionsRedact(call.arguments[0]));
      else if (nestPinoHttp) out.pino.push(...frameworkOptionsRedact(nestPinoHttp));
      else if (mayRegisterHapiPino && isPropertyAccessExpression(callee) && callee.name.text === 'register' && call.arguments[0]) {
        for (const options of hapiPinoOptionsOf(call.arguments[0])) {
          const paths = frameworkOptionsRedact(options);
          out.hapi.push(...paths);
          out.hapiEvent.push(...hapiEventPaths(paths, isTrueOption(options, 'mergeHapiLogData')));
        }
      }
    }
    frameworkPaths = Object.fromEntries(Object.entries(out).filter(([, paths]) => paths.length > 0));
    return frameworkPaths;
  }

  /** `server.register({ plugin: require('hapi-pino'), options })`, also in an array of plugins: the options. */
  function hapiPinoOptionsOf(plugins: ts.Expression): ts.Expression[] {
    const e = constValueOf(fc, plugins);
    const entries = isArrayLiteralExpression(e) ? e.elements.map((x) => constValueOf(fc, x)) : [e];
    return entries.flatMap((entry) => {
      if (!isObjectLiteralExpression(entry)) return [];
      const plugin = propertyValueOf(entry, 'plugin');
      const options = propertyValueOf(entry, 'options');
      const origin = plugin && importOf(fc, unwrap(plugin));
      return origin?.specifier === HAPI_PINO && options ? [options] : [];
    });
  }

  /** `{ mergeHapiLogData: true }`. */
  function isTrueOption(options: ts.Expression, key: string): boolean {
    const e = constValueOf(fc, options);
    const value = isObjectLiteralExpression(e) ? propertyValueOf(e, key) : undefined;
    return value !== undefined && unwrap(value).kind === SyntaxKind.TrueKeyword;
  }

  /** `logger` in `logger.info()` / `logger.child().info()` when `logger` is imported from a project file. */
  function importedRootOf(receiver: ts.Expression): string | undefined {
    const inherited = inheritedFieldOf(receiver);
    if (inherited !== undefined) return inherited;
    let e = unwrap(receiver);
    // `const authLog = logger.child({ module: 'auth' })` of an imported logger: that logger's child, with its `redact`.
    const held = isIdentifier(e) && lookup(fc, e)?.kind === 'var' ? constValueOf(fc, e) : undefined;
    if (held && isChildCall(held)) e = held;
    while (isCallExpression(e) && isPropertyAccessExpression(unwrap(e.expression))) e = unwrap((unwrap(e.expression) as ts.PropertyAccessExpression).expression);
    // `const out = forModule('billing')`, `forModule('billing').info(...)`: the logger an imported
    // function returns, recorded by its module as `forModule()`.
    const made = isIdentifier(e) && lookup(fc, e)?.kind === 'var' ? constValueOf(fc, e) : e;
    const maker = isCallExpression(made) ? unwrap(made.expression) : undefined;
    const makerOrigin = maker && isIdentifier(maker) ? importOf(fc, maker) : undefined;
    if (maker && isIdentifier(maker) && makerOrigin !== undefined && fc.isProjectModule(makerOrigin.specifier)) return `${maker.text}()`;
    // `Telemetry.out` of an imported namespace or object: the member the module records (`Telemetry.out`).
    const member = isPropertyAccessExpression(e) && isIdentifier(unwrap(e.expression)) ? e.name.text : undefined;
    if (member !== undefined) e = unwrap((e as ts.PropertyAccessExpression).expression);
    if (!isIdentifier(e)) return undefined;
    // `import log from './log'`, and CommonJS's `const log = require('./log')`.
    const origin = importOf(fc, e);
    if (origin === undefined || !fc.isProjectModule(origin.specifier)) return undefined;
    return member === undefined ? e.text : `${e.text}.${member}`;
  }

  /**
   * `this.out` in a class extending one imported from a project module (`class OAuthService extends
   * BaseService`): the base's field, recorded there as `BaseService.out` when it holds a logger.
   */
  function inheritedFieldOf(receiver: ts.Expression): string | undefined {
    const e = unwrap(receiver);
    if (!isPropertyAccessExpression(e) || unwrap(e.expression).kind !== SyntaxKind.ThisKeyword) return undefined;
    const cls = enclosingClass(e);
    const base = cls && extendedClassOf(cls);
    const origin = base && isIdentifier(base) ? importOf(fc, base) : undefined;
    return base && isIdentifier(base) && origin !== undefined && fc.isProjectModule(origin.specifier) ? `${base.text}.${e.name.text}` : undefined;
  }

  function labelOf(node: ts.Node): string {
    return node.getText(fc.sf).replace(/\s+/g, '');
  }

  function isFsModule(expr: ts.Expression, depth = 0): boolean {
    const e = unwrap(expr);
    if (isPropertyAccessExpression(e) && e.name.text === 'promises') return isFsModule(e.expression, depth);
    const origin = importOf(fc, e);
    if (origin !== undefined) return FS_MODULES.has(origin.specifier) && (origin.imported === '*' || origin.imported === 'default' || origin.imported === 'promises');
    // `const fsp = fs.promises`, `const io = fs`: the module under another name.
    const binding = isIdentifier(e) && depth < 4 ? lookup(fc, e) : undefined;
    const [value] = binding?.kind === 'var' && binding.values.length === 1 ? binding.values : [];
    return value !== undefined && value.path.length === 0 && value.wrap.length === 0 && isFsModule(value.expr, depth + 1);
  }

  function fsWriteOf(call: ts.CallExpression): FsWrite | undefined {
    const callee = unwrap(call.expression);
    let method: string | undefined;
    const isWriteMethod = (name: string) => WRITE_METHODS.has(name) || (name === HANDLE_OPENER && opensForWriting(call));
    // `fs.writeFileSync(...)`, and `fs['writeFileSync'](...)` by a string key.
    const member = isPropertyAccessExpression(callee) ? callee.name.text : isElementAccessExpression(callee) ? literalKeyOf(callee.argumentExpression) : undefined;
    if (member !== undefined && isWriteMethod(member) && isFsModule((callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression)) method = member;
    else if (isIdentifier(callee)) {
      const origin = importOf(fc, callee);
      if (origin && FS_MODULES.has(origin.specifier) && isWriteMethod(origin.imported)) method = origin.imported;
      else method = aliasedWriteMethod(callee);
    }
    if (method === undefined) return bunFileWriterOf(call, callee) ?? packageWriteOf(call, callee);
    if (FD_WRITES.has(method) && isStandardStream(call.arguments[0])) return undefined;
    const isStream = method === 'createWriteStream' || method === HANDLE_OPENER;
    return { method, label: labelOf(callee), pathArg: call.arguments[0], dataArg: isStream ? undefined : call.arguments[1], isStream };
  }

  /** `Bun.file(path).writer()`: Bun's incremental writer of the file, written through its `write(data)`. */
  function bunFileWriterOf(call: ts.CallExpression, callee: ts.Expression): FsWrite | undefined {
    if (!isPropertyAccessExpression(callee) || callee.name.text !== 'writer') return undefined;
    const file = unwrap(callee.expression);
    if (!isCallExpression(file)) return undefined;
    const made = unwrap(file.expression);
    const isBunFile = isPropertyAccessExpression(made) && made.name.text === 'file' && isIdentifier(made.expression) && made.expression.text === 'Bun' && !lookup(fc, made.expression);
    return isBunFile ? { method: 'Bun.file().writer', label: labelOf(callee), pathArg: file.arguments[0], dataArg: undefined, isStream: true } : undefined;
  }

  function writerOf(made: ts.NewExpression): FsWrite | undefined {
    const origin = importOf(fc, made.expression);
    if (origin === undefined || WRITER_CLASSES.get(origin.specifier)?.has(origin.imported) !== true) return undefined;
    return { method: `new ${origin.imported}`, label: labelOf(made.expression), pathArg: made.arguments?.[0], dataArg: undefined, isStream: true };
  }

  /** A whole-file write of a package of FILE_WRITER_PACKAGES, or of a runtime global (`Bun.write()`): path first, then the data. */
  function packageWriteOf(call: ts.CallExpression, callee: ts.Expression): FsWrite | undefined {
    if (!isPackageWrite(callee)) return undefined;
    // `conf.set({ accessToken })`: one argument holds both the keys and the values.
    const [key, dataArg = key] = call.arguments;
    // node-persist: the store's folder, when its name says what it keeps; else the key (`setItem('sessions', ...)`).
    const dir = isPropertyAccessExpression(callee) ? persistDirOf(unwrap(callee.expression)) : undefined;
    const pathArg = dir !== undefined && namesSecretStore(dir, fc) ? dir : key;
    return { method: labelOf(callee), label: labelOf(callee), pathArg, dataArg, isStream: false };
  }

  /**
   * node-persist keeps each item in a file of its `dir` (named for the key): the `dir` given
   * to `storage.init({ dir })` in this file, or to the `storage.create({ dir })` that made the instance.
   */
  function persistDirOf(receiver: ts.Expression): ts.Expression | undefined {
    const made = isIdentifier(receiver) ? constValueOf(fc, receiver) : undefined;
    const options = made !== undefined && isCallExpression(made) && isPersistCall(made, 'create') ? made.arguments[0] : initOptionsOf(receiver);
    const value = options && unwrap(options);
    return value !== undefined && isObjectLiteralExpression(value) ? propertyValueOf(value, 'dir') : undefined;
  }

  function initOptionsOf(receiver: ts.Expression): ts.Expression | undefined {
    if (!isIdentifier(receiver) || importOf(fc, receiver)?.specifier !== 'node-persist') return undefined;
    for (const call of fc.collected.calls) {
      const callee = unwrap(call.expression);
      if (isCallExpression(call) && isPropertyAccessExpression(callee) && (callee.name.text === 'init' || callee.name.text === 'initSync') && unwrap(callee.expression).getText(fc.sf) === receiver.text) return call.arguments[0];
    }
    return undefined;
  }

  /** `storage.create(...)` of the node-persist package. */
  function isPersistCall(call: ts.CallExpression, method: string): boolean {
    const callee = unwrap(call.expression);
    return isPropertyAccessExpression(callee) && callee.name.text === method && importOf(fc, callee.expression)?.specifier === 'node-persist';
  }

  function isPackageWrite(callee: ts.Expression): boolean {
    // Asked for every call that is no `fs` write: the text test spares the binding lookups in files that name no such package.
    if (!textMentions(fc, FILE_WRITER_PACKAGE_STRING)) return false;
    if (isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = unwrap(callee.expression);
      if (isIdentifier(receiver) && RUNTIME_WRITES.get(receiver.text)?.has(method) === true && !lookup(fc, receiver)) return true;
      const ns = importOf(fc, receiver) ?? packageInstanceOf(receiver);
      return ns !== undefined && (ns.imported === '*' || ns.imported === 'default') && FILE_WRITER_PACKAGES.get(ns.specifier)?.has(method) === true;
    }
    const origin = isIdentifier(callee) ? importOf(fc, callee) : undefined;
    // `const writeFileAtomic = require('write-file-atomic')`: the package itself is the write function.
    return origin !== undefined && FILE_WRITER_PACKAGES.get(origin.specifier)?.has(origin.imported === '*' ? 'default' : origin.imported) === true;
  }

  /**
   * `const tokens = storage.create({ dir: 'data/tokens' })`, `const config = new Conf({ projectName })`:
   * an instance the package's own factory or class makes, used like the package.
   */
  function packageInstanceOf(receiver: ts.Expression): { specifier: string; imported: string } | undefined {
    const value = isIdentifier(receiver) ? madeValueOf(receiver) : fieldValueOf(receiver);
    if (value !== undefined && isNewExpression(value)) return importOf(fc, value.expression);
    const made = value !== undefined && isCallExpression(value) ? unwrap(value.expression) : undefined;
    return made !== undefined && isPropertyAccessExpression(made) ? importOf(fc, made.expression) : undefined;
  }

  /** `config.all = { ...config.all, accessToken }` of a configstore, `conf.store = {...}` of a conf: the whole settings file rewritten. */
  function storeSetterOf(assignment: ts.BinaryExpression): FsWrite | undefined {
    const target = unwrap(assignment.left);
    if (!isPropertyAccessExpression(target) || !STORE_SETTER_NAMES.has(target.name.text)) return undefined;
    const made = textMentions(fc, FILE_WRITER_PACKAGE_STRING) ? packageInstanceOf(unwrap(target.expression)) : undefined;
    if (made === undefined || WHOLE_STORE_SETTERS.get(made.specifier) !== target.name.text) return undefined;
    return { method: labelOf(target), label: `${labelOf(target)} =`, pathArg: undefined, dataArg: assignment.right, isStream: false };
  }

  /** The value a const was made with, whatever fields are set on it later (`conf.store = {...}`). */
  function madeValueOf(receiver: ts.Identifier): ts.Expression | undefined {
    return wholeConstValueOf(fc, receiver) ?? constValueOf(fc, receiver);
  }

  /** `this.config` given one assignment or initialiser in the class (`private config = new Conf()`). */
  function fieldValueOf(e: ts.Expression): ts.Expression | undefined {
    if (!isPropertyAccessExpression(e) || unwrap(e.expression).kind !== SyntaxKind.ThisKeyword) return undefined;
    const field = fc.collected.scopes.lookup(`this.${propertyNameOf(e.name) ?? ''}`, e);
    const [value] = field?.kind === 'var' && field.values.length === 1 ? field.values : [];
    return value !== undefined && value.path.length === 0 && value.wrap.length === 0 ? unwrap(value.expr) : undefined;
  }

  function fileAdapterOf(made: ts.CallExpression | ts.NewExpression): FsWrite | undefined {
    const store = packageFunctionOf(fc, made.expression);
    const pathOption = store && FILE_KV_STORES.get(store.specifier)?.get(store.name);
    if (store && pathOption !== undefined) {
      const options = made.arguments?.[0] && unwrap(made.arguments[0]);
      const path = options !== undefined && isObjectLiteralExpression(options) ? propertyValueOf(options, pathOption) : options;
      return namesSecretStore(path, fc) ? { method: store.name, label: labelOf(made.expression), pathArg: path, dataArg: undefined, isStream: false } : undefined;
    }
    const origin = importOf(fc, made.expression);
    if (origin === undefined) return undefined;
    const isSqlite = SQLITE_MODULES.get(origin.specifier)?.has(origin.imported) === true;
    if (isSqlite ? !namesSecretStore(made.arguments?.[0], fc) : FILE_ADAPTER_MODULES.get(origin.specifier)?.has(origin.imported) !== true) return undefined;
    return { method: origin.imported, label: labelOf(made.expression), pathArg: made.arguments?.[0], dataArg: undefined, isStream: false };
  }

  /** `open(path, 'w')`, `'a+'`, `'wx'`: flags that write; `open(path)` only reads. */
  function opensForWriting(call: ts.CallExpression): boolean {
    const flags = call.arguments[1];
    const e = flags && unwrap(flags);
    return e !== undefined && isStringLiteralLike(e) && /[wa+]/.test(e.text);
  }

  /**
   * `const { writeFile } = fs.promises`, `const write = fs.writeFileSync`, or
   * `const writeFileAsync = promisify(fs.writeFile)`: the write method it names.
   */
  function aliasedWriteMethod(id: ts.Identifier): string | undefined {
    const binding = lookup(fc, id);
    const value = binding?.kind === 'var' && binding.values.length === 1 ? binding.values[0] : undefined;
    if (!value || value.wrap.length > 0) return undefined;
    let e = unwrap(value.expr);
    if (value.path.length === 0 && isCallExpression(e) && isNodeUtil(e.expression, 'promisify') && e.arguments[0]) e = unwrap(e.arguments[0]);
    if (value.path.length === 1) {
      const method = value.path[0];
      return method !== undefined && WRITE_METHODS.has(method) && isFsModule(e) ? method : undefined;
    }
    if (value.path.length > 0 || !isPropertyAccessExpression(e)) return undefined;
    return WRITE_METHODS.has(e.name.text) && isFsModule(e.expression) ? e.name.text : undefined;
  }

  /** `util.<fn>` or a named import `<fn>` from node's util module (`promisify`, `debuglog`). */
  function isNodeUtil(callee: ts.Expression, fn: string): boolean {
    const origin = importOf(fc, callee) ?? (isPropertyAccessExpression(callee) ? importOf(fc, callee.expression) : undefined);
    const name = isPropertyAccessExpression(callee) ? callee.name.text : origin?.imported;
    return name === fn && (origin?.specifier === 'util' || origin?.specifier === 'node:util');
  }

  function streamOf(call: ts.CallExpression): ts.CallExpression | ts.NewExpression | undefined {
    const callee = unwrap(call.expression);
    if (!isPropertyAccessExpression(callee) || !STREAM_WRITES.has(callee.name.text)) return undefined;
    return madeStreamOf(callee.expression);
  }

  /**
   * `src.pipe(createWriteStream(p))`, `pipeline(src, gzip, out)` (`stream` and `stream/promises`):
   * the write stream data is piped into, and the streams it comes from.
   */
  function pipedStreamOf(call: ts.CallExpression): { stream: ts.CallExpression | ts.NewExpression; sources: ts.Expression[] } | undefined {
    const callee = unwrap(call.expression);
    const [first] = call.arguments;
    if (isPropertyAccessExpression(callee) && callee.name.text === 'pipe' && first !== undefined && call.arguments.length <= 2) {
      const stream = madeStreamOf(first);
      return stream && { stream, sources: [streamContentOf(callee.expression)] };
    }
    const fn = call.arguments.length >= 2 ? packageFunctionNamed(fc, callee, PIPELINE) : undefined;
    if (fn === undefined || !STREAM_MODULES.has(fn.specifier)) return undefined;
    // `pipeline(a, b, out, (err) => ...)`: the callback form ends with a function.
    const args = [...call.arguments];
    const callback = args.length > 2 ? unwrap(args[args.length - 1] as ts.Expression) : undefined;
    if (callback !== undefined && (isArrowFunction(callback) || isFunctionExpression(callback))) args.pop();
    const last = args.pop();
    const stream = last && madeStreamOf(last);
    return stream && { stream, sources: args.map(streamContentOf) };
  }

  /** What a readable stream gives: the values of `Readable.from(values)`; any other stream as itself. */
  function streamContentOf(source: ts.Expression): ts.Expression {
    const e = unwrap(source);
    if (!isCallExpression(e) || e.arguments.length === 0 || !isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'from') return source;
    const origin = importOf(fc, e.expression.expression);
    return origin !== undefined && origin.imported === 'Readable' && STREAM_MODULES.has(origin.specifier) ? (e.arguments[0] as ts.Expression) : source;
  }

  /** The write stream an expression is: made in place, or held by a name or field (`this.out = createWriteStream(...)`). */
  function madeStreamOf(expr: ts.Expression, handed = true): ts.CallExpression | ts.NewExpression | undefined {
    const receiver = unwrap(expr);
    // `createWriteStream('audit.log').write(x)`: the stream made in place.
    if (isCallExpression(receiver) || isNewExpression(receiver)) return isStreamMade(receiver) ? receiver : undefined;
    // `this.out.write(x)` given `this.out = createWriteStream(...)`: a stream kept in a field.
    let binding: ReturnType<typeof lookup>;
    if (isIdentifier(receiver)) binding = lookup(fc, receiver);
    else if (isPropertyAccessExpression(receiver) && unwrap(receiver.expression).kind === SyntaxKind.ThisKeyword) binding = fc.collected.scopes.lookup(`this.${propertyNameOf(receiver.name) ?? ''}`, receiver);
    if (binding?.kind === 'param' && handed) return streamHandedTo(binding);
    if (binding?.kind !== 'var') return undefined;
    for (const v of binding.values) {
      const init = unwrap(v.expr);
      if (v.path.length === 0 && v.wrap.length === 0 && (isCallExpression(init) || isNewExpression(init)) && isStreamMade(init)) return init;
    }
    return undefined;
  }

  /**
   * `async function writeAll(fh, data) { await fh.write(data) }` of the file, not exported, whose
   * every call hands that parameter a handle or stream of the file (one level): the first such one.
   * A helper also handed sockets or other writers is no file write.
   */
  function streamHandedTo(param: Extract<Binding, { kind: 'param' }>): ts.CallExpression | ts.NewExpression | undefined {
    if (param.rest || param.proj.length > 0 || isExportedFunction(param.fn)) return undefined;
    const handed = fc.collected.calls.flatMap((call) => {
      const callee = unwrap(call.expression);
      const fn = isIdentifier(callee) ? lookup(fc, callee) : undefined;
      const target = fn?.kind === 'function' ? fn.node : fn?.kind === 'var' && fn.values.length === 1 ? fn.values[0] && unwrap(fn.values[0].expr) : undefined;
      const arg = call.arguments?.[param.index];
      return target === param.fn ? [arg === undefined ? undefined : madeStreamOf(arg, false)] : [];
    });
    const [first] = handed;
    return handed.every((made) => made !== undefined) ? first : undefined;
  }

  /** `export function f`, or a function held in an exported const: code outside the file may call it with anything. */
  function isExportedFunction(fn: ts.SignatureDeclaration): boolean {
    const holder = ts.isVariableDeclaration(fn.parent) ? fn.parent.parent.parent : fn;
    return ts.canHaveModifiers(holder) && (ts.getModifiers(holder)?.some((m) => m.kind === SyntaxKind.ExportKeyword) ?? false);
  }

  /** A write stream or writer: `createWriteStream(path)`, `Bun.file(path).writer()`, `new Writer(path)`. */
  function isStreamMade(made: ts.CallExpression | ts.NewExpression): boolean {
    return streamWriteOf(made)?.isStream === true;
  }

  function streamWriteOf(made: ts.CallExpression | ts.NewExpression): FsWrite | undefined {
    return isCallExpression(made) ? fsWriteOf(made) : writerOf(made);
  }

  /**
   * `morgan(':method :url :req[authorization]')` and `morgan((tokens, req, res) => [..., req.headers.authorization].join(' '))`:
   * the request log line holds the credential headers its format names, or what its format function returns.
   */
  function morganFormatOf(call: ts.CallExpression, callee: ts.Expression): { sink: LogSink; args: readonly ts.Expression[]; headers?: string[] } | undefined {
    const format = call.arguments[0] && unwrap(constValueOf(fc, call.arguments[0]));
    if (!format || packageFunctionOf(fc, callee)?.specifier !== 'morgan') return undefined;
    const sink = { label: labelOf(callee), redact: [] };
    if (isArrowFunction(format) || isFunctionExpression(format)) return { sink, args: fc.collected.returns.get(format) ?? [] };
    if (!ts.isStringLiteralLike(format)) return undefined;
    const headers = [...format.text.matchAll(/:req\[([\w-]+)\]/g)].flatMap(([, name]) => (name !== undefined && fc.names.isSecretHeader(name) ? [name] : []));
    return headers.length > 0 ? { sink, args: [], headers } : undefined;
  }

  /**
   * `morgan.token('auth', (req) => req.headers.authorization)`: a token is defined to be written in
   * the request log lines; what its function returns is logged.
   */
  function morganTokenOf(call: ts.CallExpression, callee: ts.PropertyAccessExpression): { sink: LogSink; args: readonly ts.Expression[] } | undefined {
    const fn = call.arguments[1] && unwrap(call.arguments[1]);
    if (!fn || !(isArrowFunction(fn) || isFunctionExpression(fn)) || packageFunctionOf(fc, callee)?.specifier !== 'morgan') return undefined;
    return { sink: { label: labelOf(callee), redact: [] }, args: fc.collected.returns.get(fn) ?? [] };
  }

  return {
    logSinkOf(call) {
      const callee = unwrap(call.expression);
      // `console.log.call(console, token)`, `logger.info.apply(logger, [token])`: the arguments still reach the sink.
      if (isPropertyAccessExpression(callee) && (callee.name.text === 'call' || callee.name.text === 'apply')) {
        const invoked = logFunctionOf(callee.expression, []);
        if (invoked) return invoked;
        // `Reflect.apply(console.log, console, [token])`: the function given first is called.
        const target = callee.name.text === 'apply' && isIdentifier(callee.expression) && callee.expression.text === 'Reflect' ? call.arguments[0] : undefined;
        const reflected = target && logFunctionOf(target, []);
        if (reflected) return reflected;
      }
      if (isPropertyAccessExpression(callee) || isElementAccessExpression(callee)) return methodSink(callee);
      if (isIdentifier(callee)) return identifierSink(callee);
      // `debug('app:auth')(token)`, `util.debuglog('auth')(token)`: a log function made and called at once.
      if (isCallExpression(callee)) return logFunctionOf(callee, []);
      return undefined;
    },
    loggerMetaOf,
    callbackSinkOf(call) {
      const callee = unwrap(call.expression);
      const [callback] = call.arguments;
      if (!callback || !isPropertyAccessExpression(callee) || !VALUE_CALLBACKS.has(callee.name.text)) return undefined;
      const sink = logFunctionOf(callback, []);
      return sink && !sink.unconfirmed ? { ...sink, label: `${callee.name.text}(${sink.label})` } : undefined;
    },
    scheduledLogOf(call) {
      const callee = unwrap(call.expression);
      if (isPropertyAccessExpression(callee) && callee.name.text === 'token') return morganTokenOf(call, callee);
      if (isIdentifier(callee) && call.arguments.length > 0 && importsAnyOf(fc, MORGAN)) {
        const format = morganFormatOf(call, callee);
        if (format) return format;
      }
      // Every call is asked: the dotted name is built only for `process.nextTick`.
      const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) && callee.name.text === 'nextTick' ? dottedNameOf(callee) : undefined;
      const skipped = name === undefined ? undefined : SCHEDULERS.get(name);
      const [fn] = call.arguments;
      const sink = skipped !== undefined && fn ? logFunctionOf(fn, []) : undefined;
      return sink && !sink.unconfirmed ? { sink: { ...sink, label: `${name}(${sink.label})` }, args: call.arguments.slice(skipped) } : undefined;
    },
    boundArgumentsOf(call) {
      const callee = unwrap(call.expression);
      const binding = isIdentifier(callee) ? lookup(fc, callee) : undefined;
      const value = binding?.kind === 'var' && binding.values.length === 1 && binding.values[0]?.path.length === 0 ? unwrap(binding.values[0].expr) : undefined;
      return value && isCallExpression(value) && isPropertyAccessExpression(value.expression) && value.expression.name.text === 'bind' ? value.arguments.slice(1) : [];
    },
    fsWriteOf,
    fileAdapterOf,
    streamOf,
    pipedStreamOf,
    streamWriteOf,
    storeSetterOf,
    redactOfLogger(expr) {
      return loggerOf(expr)?.redact ?? logFunctionOf(expr, [])?.redact;
    },
    importedParentOf(expr) {
      const e = unwrap(expr);
      return isChildCall(e) ? importedRootOf(e) : undefined;
    },
    frameworkRedact,
  };
}

/** `'warn'` in `console['warn']`; undefined for a computed key (`logger[level]`). */
function literalKeyOf(key: ts.Expression): string | undefined {
  const e = unwrap(key);
  return isStringLiteralLike(e) || ts.isNumericLiteral(e) ? e.text : undefined;
}

/** Local functions followed for a logger they return: real factories are one or two deep. */
const MAX_FACTORY_DEPTH = 3;

/** Base classes followed for a logger field: real hierarchies are shallow. */
const MAX_BASE_DEPTH = 4;

/** Spreads of path arrays followed: real configs are shallow. */
const MAX_SPREAD_DEPTH = 4;

/** The value of `key` in an object literal: `{ key: value }` or the shorthand `{ key }`. */
function propertyValueOf(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const prop of obj.properties) {
    if (isPropertyAssignment(prop) && propertyNameOf(prop.name) === key) return prop.initializer;
    if (isShorthandPropertyAssignment(prop) && prop.name.text === key) return prop.name;
  }
  return undefined;
}

/**
 * hapi-pino writes `request.log(tags, data)` as `{ tags, data }`, or as `{ tags, ...data }` with
 * `mergeHapiLogData`: the paths that reach into the data, as paths of the data itself.
 */
function hapiEventPaths(paths: readonly RedactPath[], merged: boolean): RedactPath[] {
  if (merged) return [...paths];
  return paths.flatMap((path) => {
    // An imported list's paths are read in another module: their `data.` prefix cannot be taken off here.
    if (typeof path !== 'string') return [];
    const inData = /^(?:data|\*)(?:\.|(?=\[))(.+)$/.exec(path.trim());
    return inData?.[1] ? [inData[1].replace(/^\./, '')] : [];
  });
}
