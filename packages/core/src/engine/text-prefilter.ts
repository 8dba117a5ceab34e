import type { ResolvedConfig } from '../config/config.js';
import { FILE_STORE_FACTORIES, FILE_STORE_PACKAGES } from '../flow/flow-facts.js';
import { mayNameSecret } from '../flow/sensitive-names.js';
import { REQUEST_TYPE_WORD } from '../flow/request-types.js';
import { CREDENTIAL_CALLBACK_PACKAGE } from '../flow/credential-callbacks.js';
import { SDK as MCP_SDK } from '../flow/mcp-handler.js';
import { TOKEN_RESPONSE_WORD } from '../flow/token-response.js';
import { CONSOLE_METHODS, FILE_ADAPTER_MODULES, FILE_KV_STORES, FILE_WRITER_PACKAGES, FS_MODULES, LOG_METHODS, RUNTIME_WRITES, SQLITE_MODULES, WRITER_CLASSES } from '../flow/sinks.js';
import { adapters } from '../graph/adapters/index.js';
import { escapeRegex } from '../graph/escape-regex.js';
import { REGISTRATION_HINT } from '../graph/registration-hint.js';
import { ruleIds } from '../rules/index.js';
import { ADMIN_WORDS } from '../rules/no-unprotected-admin-route.js';
import type { ImportBinding } from '../summary/module-facts.js';

/**
 * A backslash escape can spell any letter of a name or a string (`logger.\u0069nfo`, `'\x66s'`,
 * octal escapes, a line continuation), hiding it from a search of the raw text.
 */
const LETTER_ESCAPE = /\\(?:[ux0-7\n\r\u2028\u2029])/;
/** A backslash (not itself escaped) before a letter that no escape sequence starts with: `\d` in a string is `d`. */
const IDENTITY_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\[ac-eg-mo-qswyzA-Z89]/;

/** Suppression comments are reported without any sink when they give no reason (`invalid-suppression`). */
const SUPPRESSION_MARK = 'shiftguard';

/** The engine refuses binary content (a NUL byte) with an error that ESLint's parser does not give. */
const BINARY_MARK = '\0';

// `.child(`: bindings of `logger.child({ token })` are logged with every line. `](`: a method
// picked by a computed key (`logger[level](token)`) names no method in the text. `debuglog`:
// node's `util.debuglog('ns')` makes a log function called under any name.
// Between the name or `]` and the `(`: `?.`, `!`, a closing parenthesis, type arguments, a comment.
const BEFORE_CALL = String.raw`(?:\s|\?\.|!|\)|<[^>()]*>|/\*[^]*?\*/)*\(`;
const LOG_METHOD_WORD = new RegExp(`\\b(?:${[...new Set([...LOG_METHODS, ...CONSOLE_METHODS, 'debuglog'])].join('|')})\\b|\\.\\s*child${BEFORE_CALL}|\\]${BEFORE_CALL}`);

/**
 * Secrets that no name spells: the environment, request headers and cookies as a whole, and a
 * session's id (`ctx.session.id`), read through properties and getters named so.
 */
const SECRET_CONTAINER_WORD = /env|header|cookie|session/i;

/**
 * A whole request object (`req`, `c.req`, `incomingRequest`, NestJS's `@Req()`, socket.io's
 * `handshake`, Koa's `ctx`), which carries its headers.
 */
const REQUEST_OBJECT_WORD = /\b(?:[Rr]eq|[Rr]equest|handshake|ctx)\b|[a-z](?:Req|Request)\b/;

/** Packages whose calls hand out a credential that no name in the text spells: jsonwebtoken's `sign()`. */
const CREDENTIAL_PACKAGE_WORD = /\bjsonwebtoken\b/;

/**
 * What a connection string with a password (`postgres://user:pass@host`) needs in the text: a
 * scheme's `://` (maybe written `:\/\/`) and an `@`.
 */
const URL_SCHEME_MARK = /:(?:\\?\/){2}/;

const ADMIN_WORD = new RegExp(ADMIN_WORDS.join('|'), 'i');

/**
 * The end of a string piece that a concatenation could continue into an admin segment (`'/ad' +
 * 'min'`): a proper prefix of an admin word at a segment start (after a `/`, or where the piece
 * begins: after a quote or a `${...}`), then the piece's end (a quote, or `${`).
 */
const ADMIN_WORD_START = new RegExp(`[/'"\`}](?:${ADMIN_WORDS.flatMap((w) => [...w].map((_, i) => w.slice(0, i)).slice(1)).join('|')})(?:['"\`]|\\$\\{)`, 'i');

/** A string that is exactly a module name a file write or file-backed store is made from: `'fs'`. */
const FILE_MODULE_STRING = new RegExp(
  `(['"\`])(?:${[...FS_MODULES, ...FILE_STORE_PACKAGES, ...FILE_STORE_FACTORIES.keys(), ...FILE_ADAPTER_MODULES.keys(), ...SQLITE_MODULES.keys(), ...FILE_KV_STORES.keys(), ...FILE_WRITER_PACKAGES.keys(), ...WRITER_CLASSES.keys()].map(escapeRegex).join('|')})\\1|\\b(?:${[...RUNTIME_WRITES.keys()].join('|')})\\b`,
);

interface FileText {
  text: string;
  config: ResolvedConfig;
  /** Contents of everything that may be a string literal; computed on first use. */
  strings: () => readonly string[];
}

/**
 * Per rule: whether a finding of the rule can arise in a file with this text, scanned on its own.
 * Each answers false only when something every finding of the rule needs is missing from the text.
 */
const MAY_REPORT: Readonly<Record<string, (file: FileText) => boolean>> = {
  // A secret is only reported where it reaches a log call: a method of LOG_METHODS or console's
  // (called, destructured or bound), a configured logger, or a call through a wrapper of one, which
  // in a single file holds one of those itself. `debug('ns')` loggers are imported from 'debug'.
  // And there must be a secret to log, which a file scanned alone can only take from its own text.
  'no-secrets-in-logs': (file) => mayCallLogger(file) && mayHoldSecret(file),
  // Every file write goes through a module of FS_MODULES, a package of FILE_WRITER_PACKAGES, a writer
  // of WRITER_CLASSES, a lowdb adapter of FILE_ADAPTER_MODULES, a SQLite database of SQLITE_MODULES or a
  // key-value file of FILE_KV_STORES, and every file-backed
  // session store is made from FILE_STORE_PACKAGES or FILE_STORE_FACTORIES; all are named by a string in the file, but for
  // the runtimes' globals (`Bun.write()`, `Deno.writeTextFile()`).
  'no-file-storage-in-production': ({ text }) => FILE_MODULE_STRING.test(text),
  // Only an admin path is reported, and routes come from the route walk, which runs only on files
  // that import a framework an adapter detects or that make a registration-shaped call.
  'no-unprotected-admin-route': (file) => {
    if (!mayNameAdminPath(file)) return false;
    if (REGISTRATION_HINT.test(file.text)) return true;
    const imports = file.strings().map(asImport);
    return adapters.some((a) => a.detects(imports));
  },
};

function mayCallLogger({ text, config }: FileText): boolean {
  // `morgan.token(name, fn)`: what the function returns is written in every request line.
  return LOG_METHOD_WORD.test(text) || text.includes('morgan') || config.loggers.some((name) => text.includes(name.split('.').at(-1) ?? name));
}

/**
 * A file scanned on its own gets secrets only from its own text: names the classifier calls
 * secret, the containers and request objects that hold them, and connection strings.
 */
function mayHoldSecret({ text, config }: FileText): boolean {
  if (SECRET_CONTAINER_WORD.test(text) || REQUEST_OBJECT_WORD.test(text) || REQUEST_TYPE_WORD.test(text) || CREDENTIAL_PACKAGE_WORD.test(text) || CREDENTIAL_CALLBACK_PACKAGE.test(text)) return true;
  // An MCP handler's `extra` (its bearer token, the request's headers) and token responses are named by no secret word.
  if (text.includes(MCP_SDK) || TOKEN_RESPONSE_WORD.test(text)) return true;
  if (text.includes('@') && URL_SCHEME_MARK.test(text)) return true;
  return mayNameSecret(text, config.sensitiveNames);
}

/**
 * Whether a file alone can spell an admin path. Its route paths are made of its own string pieces
 * (a reference no file defines becomes a `:name` segment, which no admin word starts), so an admin
 * segment needs an admin word in the text, or a word split over pieces (`'/ad' + 'min'`,
 * `` `/ad${'min'}` ``) whose first piece ends a segment start with a proper prefix of one.
 * Configured admin globs can match any path.
 */
function mayNameAdminPath({ text, config }: FileText): boolean {
  return config.adminPaths.length > 0 || ADMIN_WORD.test(text) || ADMIN_WORD_START.test(text);
}

/**
 * The rules that could report in a file scanned on its own, judged from its text before parsing:
 * a rule is left out only when it provably reports nothing, so that the editor spends nothing on
 * type declarations, schemas and helpers, and runs only the analyses a file needs. A rule this
 * does not know is always kept; a rule turned off never is.
 */
export function rulesThatMayReport(text: string, config: ResolvedConfig): string[] {
  const enabled = ruleIds.filter((id) => config.rules[id] !== 'off');
  // Every rule: a reasonless suppression is reported whatever rule it names, and a parse error
  // (binary content) or an escaped letter (`\u0061dmin`) defeats the text searches below.
  if (text.includes(SUPPRESSION_MARK) || text.includes(BINARY_MARK) || LETTER_ESCAPE.test(text)) return enabled;
  let strings: readonly string[] | undefined;
  const file: FileText = { text, config, strings: () => (strings ??= quotedTexts(text)) };
  // `'/a\dmin'` is `'/admin'`: a letter escaped for nothing in a string is the letter (a regular
  // expression's `\d` is no string: only files with such an escape in a quoted text are kept whole).
  if (/\\[a-zA-Z89]/.test(text) && file.strings().some((piece) => IDENTITY_ESCAPE.test(piece))) return enabled;
  return enabled.filter((id) => MAY_REPORT[id]?.(file) ?? true);
}

/**
 * The text after every quote character up to the next quote of the same kind (a template literal may
 * span lines, other strings may not). Every string literal without escapes is among them, whatever
 * comments or regular expressions around it do to the pairing of quotes.
 */
function quotedTexts(text: string): string[] {
  const out: string[] = [];
  for (let i = nextQuote(text, 0); i >= 0; i = nextQuote(text, i + 1)) {
    const quote = text.charAt(i);
    const end = text.indexOf(quote, i + 1);
    if (end < 0) continue;
    const content = text.slice(i + 1, end);
    if (quote === '`' || !/[\n\r]/.test(content)) out.push(content);
  }
  return out;
}

function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 || c === 0x22 || c === 0x60) return i;
  }
  return -1;
}

function asImport(specifier: string): ImportBinding {
  return { local: '', imported: '*', specifier };
}
