import { ts } from '../parse/typescript.js';
import { constFieldOf, type FileContext, lookup } from './file-context.js';
import { classMemberOf, enclosingClass, localFunctionOf } from './instance-class.js';
import { propertyNameOf, unwrap } from './scope.js';
import { splitWords } from './sensitive-names.js';
import { memoByName } from './name-memo.js';
import { lastNameOf } from '../parse/last-name.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isBinaryExpression, isCallExpression, isConditionalExpression, isConstructorDeclaration, isElementAccessExpression, isGetAccessorDeclaration, isIdentifier, isNewExpression, isParameter, isPropertyAccessExpression, isStringLiteralLike, isTemplateExpression } = ts;

/**
 * File names that hold secrets by convention (the contract's list plus private key files). The
 * committed templates of `.env` (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`) hold
 * placeholders: written with a real secret they are still a finding, through the data. A stylesheet
 * named `tokens.css` / `tokens.scss` holds design tokens (colours, spacing), never credentials.
 * A file whose extension says what it holds (`${sessionId}.session`, `github.token`) is one too.
 */
const SECRET_FILE = /^(?:tokens?(?:\.(?!(?:css|scss|sass|less|styl|pcss)$)\w+)?|secrets?(?:\.\w+)?|credentials?.*|\.env(?!\.(?:example|sample|template|dist|defaults?)$).*|.*\.pem|.*\.key|id_rsa.*|id_ed25519.*|sessions?.*|api[-_]?keys?(?:\.\w+)?|.*\.(?:sessions?|tokens?|secrets?|credentials?))$/i;
const SECRET_DATA_WORDS = new Set(['token', 'tokens', 'secret', 'secrets', 'credential', 'credentials', 'session', 'sessions', 'env', 'dotenv', 'cookie', 'cookies']);
const PATH_WORDS = new Set(['file', 'path', 'filename', 'filepath', 'location', 'dir', 'directory', 'folder']);
/**
 * Calls whose result stands for the path they are given: built from it, a descriptor opened on it
 * (`fs.openSync(path, 'w')`), or a file reference (`Bun.write(Bun.file('sessions.json'), data)`).
 */
const PATH_BUILDERS = new Set(['join', 'resolve', 'normalize', 'format', 'URL', 'fileURLToPath', 'openSync', 'file']);
const MAX_DEPTH = 4;

/** True when any literal part of a written path names a secret store (`tokens.json`, `.env`, `sessions/`). */
export function namesSecretStore(expr: ts.Expression | undefined, fc: FileContext, depth = 0): boolean {
  if (!expr || depth > MAX_DEPTH) return false;
  const e = unwrap(expr);
  if (isStringLiteralLike(e)) return hasSecretSegment(e.text);
  if (isTemplateExpression(e)) {
    if (hasSecretSegment(e.head.text) || e.templateSpans.some((s) => hasSecretSegment(s.literal.text))) return true;
    return e.templateSpans.some((s) => namesSecretStore(s.expression, fc, depth + 1));
  }
  // `process.env.SESSION_DB ?? 'data/sessions.db'`: the fallback is the path whenever the setting is absent.
  if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.PlusToken || e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) {
    return namesSecretStore(e.left, fc, depth + 1) || namesSecretStore(e.right, fc, depth + 1);
  }
  // `dir ? join(dir, 'credentials.json') : 'credentials.json'`: either file may be the one written.
  if (isConditionalExpression(e)) return namesSecretStore(e.whenTrue, fc, depth + 1) || namesSecretStore(e.whenFalse, fc, depth + 1);
  if (isCallExpression(e) || isNewExpression(e)) {
    const callee = unwrap(e.expression);
    const name = lastNameOf(callee);
    if (name !== undefined && PATH_BUILDERS.has(name)) return (e.arguments ?? []).some((a) => namesSecretStore(a, fc, depth + 1));
    // `tokenPath(userId)`, `this.tokenFile()`: a function of the file whose returned path is written.
    return isCallExpression(e) && returnsSecretStore(localFunctionOf(callee, fc), fc, depth);
  }
  if (isIdentifier(e)) {
    const binding = lookup(fc, e);
    // A project module's constant: its value, read there by the rules (`importedPathRefsOf`), says what it names.
    if (binding?.kind === 'import' && fc.isProjectModule(binding.specifier)) return false;
    if (isSecretPathName(e.text)) return true;
    // `function save(data, file = 'tokens.json')`: the default is the path whenever a caller omits it.
    if (binding?.kind === 'param') return binding.proj.length === 0 && isParameter(binding.node) && namesSecretStore(binding.node.initializer, fc, depth + 1);
    return binding?.kind === 'var' && binding.values.some((v) => v.path.length === 0 && namesSecretStore(v.expr, fc, depth + 1));
  }
  if (isPropertyAccessExpression(e) || isElementAccessExpression(e)) {
    const name = propertyNameOf(isPropertyAccessExpression(e) ? e.name : e.argumentExpression);
    if (name === undefined) return false;
    if (importedRefOf(e, fc) !== undefined) return false;
    // `PATHS.tokens` of `const PATHS = { tokens: 'data/tokens.json' }`: the field's value.
    const field = constFieldOf(fc, e.expression, name);
    if (field !== undefined) return namesSecretStore(field, fc, depth + 1);
    return isSecretPathName(name) || (e.expression.kind === SyntaxKind.ThisKeyword && fieldNamesSecretStore(e, name, fc, depth));
  }
  return false;
}

/** Whether any path `fn` returns names a secret store. */
function returnsSecretStore(fn: ts.Node | undefined, fc: FileContext, depth: number): boolean {
  return fn !== undefined && (fc.collected.returns.get(fn) ?? []).some((r) => namesSecretStore(r, fc, depth + 1));
}

/**
 * The constants of project modules a written path is made of (`TOKEN_FILE`, `config.paths.credentials`,
 * `join(DATA_DIR, SESSIONS)`): dotted references the rules resolve in the defining module, where the
 * value says whether the file is a secret store (the name decides only when the value cannot be read).
 */
export function importedPathRefsOf(expr: ts.Expression | undefined, fc: FileContext, depth = 0): string[] {
  if (!expr || depth > MAX_DEPTH) return [];
  const e = unwrap(expr);
  // `const file = TOKEN_FILE`: a local const standing for an imported one.
  const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
  if (binding?.kind === 'var' && binding.isConst && binding.values.length === 1 && binding.values[0]?.path.length === 0) return importedPathRefsOf(binding.values[0].expr, fc, depth + 1);
  if (isTemplateExpression(e)) return e.templateSpans.flatMap((s) => importedPathRefsOf(s.expression, fc, depth + 1));
  if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.PlusToken || e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) {
    return [...importedPathRefsOf(e.left, fc, depth + 1), ...importedPathRefsOf(e.right, fc, depth + 1)];
  }
  if (isConditionalExpression(e)) return [...importedPathRefsOf(e.whenTrue, fc, depth + 1), ...importedPathRefsOf(e.whenFalse, fc, depth + 1)];
  if (isCallExpression(e) || isNewExpression(e)) {
    const callee = unwrap(e.expression);
    const name = lastNameOf(callee);
    if (name !== undefined && PATH_BUILDERS.has(name)) return (e.arguments ?? []).flatMap((a) => importedPathRefsOf(a, fc, depth + 1));
    // `tokenFile()` of a project module: what it returns (recorded there as `tokenFile()`).
    const fn = isCallExpression(e) ? importedRefOf(callee, fc) : undefined;
    return fn === undefined ? [] : [`${fn}()`];
  }
  const ref = importedRefOf(e, fc);
  return ref === undefined ? [] : [ref];
}

/** `TOKEN_FILE` or `config.paths.tokens` where the root name is imported from a project module. */
function importedRefOf(e: ts.Expression, fc: FileContext): string | undefined {
  const names: string[] = [];
  let at = e;
  while (isPropertyAccessExpression(at) && names.length < MAX_DEPTH) {
    names.unshift(at.name.text);
    at = unwrap(at.expression);
  }
  if (!isIdentifier(at)) return undefined;
  const binding = lookup(fc, at);
  return binding?.kind === 'import' && fc.isProjectModule(binding.specifier) ? [at.text, ...names].join('.') : undefined;
}

/** A path's text names a secret store (`data/tokens.json`, `.env`), for a value resolved across modules. */
export function namesSecretFile(text: string): boolean {
  return hasSecretSegment(text);
}

/** A path judged by the last name it is read through (`TOKENS_FILE`, `paths.sessionDir`), when its value cannot be read. */
export function namesSecretPathByName(ref: string): boolean {
  return isSecretPathName(ref.slice(ref.lastIndexOf('.') + 1));
}

/**
 * `this.file` given `'./data/credentials.json'` in the class: a field initialiser, an assignment, or
 * the default of a constructor parameter property (`constructor(private file = 'tokens.json')`).
 */
function fieldNamesSecretStore(e: ts.Expression, name: string, fc: FileContext, depth: number): boolean {
  const field = fc.collected.scopes.lookup(`this.${name}`, e);
  if (field?.kind === 'var' && field.values.some((v) => v.path.length === 0 && v.wrap.length === 0 && namesSecretStore(v.expr, fc, depth + 1))) return true;
  // `get file() { return join(this.dir, 'credentials.json'); }`
  if (returnsSecretStore(classMemberOf(e, name, isGetAccessorDeclaration), fc, depth)) return true;
  const ctor = enclosingClass(e)?.members.find(isConstructorDeclaration);
  const property = ctor?.parameters.find((p) => p.modifiers !== undefined && isIdentifier(p.name) && p.name.text === name);
  return property !== undefined && namesSecretStore(property.initializer, fc, depth + 1);
}

function hasSecretSegment(text: string): boolean {
  return text.split(/[/\\]/).some((segment) => segment !== '' && (SECRET_FILE.test(segment) || endsInSecretWord(segment)) && !isPublicKeyFile(segment) && !describesSecretData(segment));
}

/** Words a data file is named for when it holds the secrets themselves (sessions left out: `chat-sessions.json` keeps conversations). */
const HELD_SECRET_WORDS: ReadonlySet<string> = new Set(['token', 'tokens', 'secret', 'secrets', 'credential', 'credentials']);
/** Extensions of files that keep data (or none: `.spotify-token`), not code or documents (`access-token.md`). */
const DATA_EXTENSION = /^(?:json5?|txt|ya?ml|toml|ini|db|sqlite3?|dat|data|enc|bin|)$/i;

/**
 * A data file named for the secrets it holds after what they are for: `google_tokens.json`,
 * `oauth-tokens.json`, `.mcp-token.json`, `gcp-credentials.yaml`, `client-secret.json` (as
 * `tokens.json` is; `token-usage.json` and `design-tokens.json` are read by `describesSecretData`).
 */
function endsInSecretWord(segment: string): boolean {
  const dot = segment.lastIndexOf('.');
  const stem = dot > 0 ? segment.slice(0, dot) : segment;
  if (!DATA_EXTENSION.test(dot > 0 ? segment.slice(dot + 1) : '')) return false;
  const last = splitWords(stem).at(-1);
  return last !== undefined && HELD_SECRET_WORDS.has(last);
}

/**
 * `session-metrics.json`, `token-usage.json`, `credential_ids.json`: a file named for something
 * about secret data (the words around it say so, as for store names), not the data itself.
 */
function describesSecretData(segment: string): boolean {
  const words = splitWords(segment.replace(/\.[^.]*$/, ''));
  const at = words.findIndex((w) => SECRET_DATA_WORDS.has(w));
  return at !== -1 && describesSecret(words[at - 1], words[at + 1]);
}

const PRIVATE_WORDS = new Set(['private', 'priv', 'privkey', 'secret']);
const PUBLIC_WORDS = new Set(['public', 'pub', 'pubkey']);
const CERTIFICATE_WORDS = new Set(['cert', 'certificate', 'chain', 'fullchain', 'ca', 'bundle', 'crt']);

/**
 * The public half of a key pair or a certificate: `id_rsa.pub`, `public.pem`, `jwt-public-key.pem`,
 * `cert.pem`, `fullchain.pem`. Anyone may read those; `privkey.pem`, `cert-key.pem` stay secret.
 */
function isPublicKeyFile(segment: string): boolean {
  if (/\.pub$/i.test(segment)) return true;
  if (!/\.pem$/i.test(segment)) return false;
  const words = splitWords(segment.slice(0, -'.pem'.length));
  if (words.some((w) => PRIVATE_WORDS.has(w))) return false;
  return words.some((w) => PUBLIC_WORDS.has(w)) || (words.some((w) => CERTIFICATE_WORDS.has(w)) && !words.includes('key'));
}

/** `TOKENS_FILE`, `sessionDir`, `credentialsPath`: a path named for what it stores. */
function isSecretPathName(name: string): boolean {
  const words = splitWords(name);
  const last = words.at(-1);
  return last !== undefined && PATH_WORDS.has(last) && words.slice(0, -1).some((w) => SECRET_DATA_WORDS.has(w));
}

/** A class, factory or interface named for storing tokens, sessions, secrets or credentials (asked of every function and project call). */
export const isStoreName: (name: string) => boolean = memoByName(judgeStoreName);

function judgeStoreName(name: string): boolean {
  const words = splitWords(name);
  if (words.includes('keystore') || words.includes('keychain')) return true;
  const holdsSecrets = words.some((w, i) => (SECRET_DATA_WORDS.has(w) || w === 'key' || w === 'keys' || w === 'auth') && !describesSecret(words[i - 1], words[i + 1])) && !words.includes('env');
  return holdsSecrets && (words.some((w) => STORE_WORDS.has(w)) || namesCollection(name, words));
}

/** Secret data a class named for it in the plural holds: `class Sessions`, `OAuthTokens`, `Credentials`. */
const SECRET_COLLECTIONS: ReadonlySet<string> = new Set(['tokens', 'secrets', 'credentials', 'sessions', 'cookies']);

/**
 * A class (or interface) named for a plural of secret data is a collection of it, which is what a
 * store is (`class Sessions { set(sid, sess) {...} }`). Functions are named for what they do with
 * it (`listSessions`, `revokeTokens`), and are not stores by that.
 */
function namesCollection(name: string, words: readonly string[]): boolean {
  const last = words.at(-1);
  return /^[A-Z]/.test(name) && last !== undefined && SECRET_COLLECTIONS.has(last) && !describesSecret(words.at(-2), undefined);
}

/** Words before a secret word that make it no secret (`PublicKeyStore`, `DesignTokenStore`, `CacheKeyStore`). */
const NOT_SECRET_BEFORE: ReadonlySet<string> = new Set(['public', 'pub', 'design', 'cache', 'primary', 'foreign', 'idempotency', 'partition', 'sort']);
/** Words after one that make the store hold something about secrets, not the secrets (`TokenBucketStore`, `TokenUsageStore`, `TokenHashStore`). */
const NOT_SECRET_AFTER: ReadonlySet<string> = new Set(['bucket', 'buckets', 'usage', 'count', 'counts', 'counter', 'budget', 'limit', 'limits', 'quota', 'stats', 'metrics', 'hash', 'hashes', 'id', 'ids']);

function describesSecret(before: string | undefined, after: string | undefined): boolean {
  return (before !== undefined && NOT_SECRET_BEFORE.has(before)) || (after !== undefined && NOT_SECRET_AFTER.has(after));
}

const STORE_WORDS = new Set(['store', 'storage', 'repository', 'repo', 'vault', 'cache', 'persistence', 'persister', 'db', 'database', 'jar', 'manager', 'registry', 'backend', 'file', 'files']);
