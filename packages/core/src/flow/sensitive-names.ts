import { memoByName } from './name-memo.js';

/**
 * Decides whether a name (identifier, property, header, env variable) holds a secret. One module so
 * every rule agrees, in any case style: `apiKey`, `api_key`, `api-key`, `API_KEY` are all `api key`.
 *
 * The name's last word decides, as in English: `tokenCount` is a count, `passwordPolicy` a policy,
 * `accessToken` a token. A leading verb or question (`getToken`, `hasToken`, `isPasswordValid`) or
 * a quantity (`maxTokens`) describes a secret without holding one.
 */
export interface NameClassifier {
  isSecretName(name: string): boolean;
  /** Request header names that carry credentials (`authorization`, `cookie`, `x-api-key`...). */
  isSecretHeader(name: string): boolean;
}

export interface SensitiveNameOptions {
  add: readonly string[];
  remove: readonly string[];
}

/** The `sensitiveNames` option as JSON Schema, for every rule that classifies names with this module. */
export const SENSITIVE_NAMES_SCHEMA = {
  type: 'object',
  description: 'Names (any case style) to add to or remove from the secret names.',
  properties: {
    add: { type: 'array', items: { type: 'string' }, description: 'Names to treat as secrets.' },
    remove: { type: 'array', items: { type: 'string' }, description: 'Names to stop treating as secrets.' },
  },
} as const;

/** Last words that on their own name a secret. */
const SECRET_HEADS = new Set([
  'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens',
  'credential', 'credentials', 'creds', 'authorization', 'cookie', 'cookies', 'jwt', 'apikey',
  'privatekey', 'sessionid', 'connectionstring', 'bearer', 'otp', 'totp',
]);

/** `xKey` is a secret only for these `x`: `apiKey`, `privateKey`, `signingKey`... never `cacheKey`. */
const KEY_QUALIFIERS = new Set([
  'api', 'private', 'secret', 'encryption', 'signing', 'master', 'access', 'client', 'hmac', 'jwt',
  'session', 'auth', 'decryption', 'aes', 'ssh', 'license', 'webhook', 'stripe',
  // `encryptKey`, `CIPHER_KEY`: Flowise's credential key and the like.
  'encrypt', 'decrypt', 'cipher',
  // `SUPABASE_SERVICE_ROLE_KEY`, `ALGOLIA_ADMIN_KEY`, `serviceAccountKey` (a cloud service account's key file)
  'service', 'role', 'admin', 'account',
  // providers whose keys are only ever secret: `OPENAI_KEY`, `SENDGRID_KEY` (never a site or anon key)
  'openai', 'anthropic', 'sendgrid', 'mailgun', 'twilio', 'resend', 'postmark', 'groq', 'mistral', 'cohere', 'gemini',
  'deepseek', 'openrouter', 'pinecone', 'replicate',
]);

/** Two-word secrets whose last word is generic: `sessionId`, `connectionString`, `authHeader` is not. */
const QUALIFIED_HEADS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['key', KEY_QUALIFIERS],
  ['keys', KEY_QUALIFIERS],
  ['id', new Set(['session'])],
  // AWS Secrets Manager's `SecretString`.
  ['string', new Set(['connection', 'secret'])],
  // `PRIVATE_KEY_PEM`: the key in its text form; `certPem` is a public certificate.
  ['pem', new Set(['key'])],
  // `GITHUB_PAT`: a personal access token.
  ['pat', new Set(['github', 'gh'])],
  ['str', new Set(['connection'])],
  // Database, cache and broker URLs carry their password: `DATABASE_URL`, `mongoUri`, `REDIS_URL`, `PG_DSN`.
  ['url', new Set(['database', 'db', 'mongo', 'mongodb', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mssql', 'redis', 'amqp', 'rabbitmq', 'connection'])],
  ['uri', new Set(['database', 'db', 'mongo', 'mongodb', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mssql', 'redis', 'amqp', 'rabbitmq', 'connection'])],
  ['dsn', new Set(['database', 'db', 'postgres', 'pg', 'mysql'])],
  ['phrase', new Set(['pass'])],
  ['word', new Set(['pass'])],
  // `DB_PASS`, `smtpPass`: a password by its usual abbreviation; a bare `pass` is as often a test verdict.
  ['pass', new Set(['db', 'database', 'smtp', 'mail', 'email', 'user', 'admin', 'root', 'redis', 'mysql', 'postgres', 'pg', 'mongo', 'ldap', 'ftp', 'sftp', 'proxy', 'basic', 'auth', 'login', 'account', 'amqp', 'rabbitmq', 'imap', 'pop3'])],
  // One-time and recovery codes log in as well as a password does; `statusCode`, `countryCode` do not.
  ['code', new Set(['otp', 'totp', 'mfa', 'verification', 'recovery', 'backup', 'reset', 'auth', 'authorization'])],
  ['codes', new Set(['recovery', 'backup'])],
]);

/**
 * Language-model usage counts: `promptTokens`, `completion_tokens`, `cachedInputTokens` count
 * tokens of text, never credentials. Only the plural: `inputToken` is still a token.
 */
const TEXT_TOKEN_COUNT_WORDS = new Set([
  'prompt', 'completion', 'input', 'output', 'cached', 'reasoning', 'remaining', 'used', 'context',
  'generated', 'billed', 'estimated', 'response', 'request', 'audio', 'text', 'image', 'thinking', 'candidates',
  // quantities anywhere before the last word (`contextMaxTokens`, `rateLimitTokens`)
  'max', 'min', 'total', 'limit', 'budget', 'available', 'allowed', 'spent', 'consumed',
]);

/**
 * Tokens that are not credentials: design tokens (`designTokens`, `themeToken`), the lexical
 * tokens of lexers and parsers (`lexerTokens`, `syntaxToken`), the position markers of paginated
 * and incremental APIs (Google's `pageToken`/`nextPageToken`/`syncToken`, AWS's `NextToken` and
 * `ContinuationToken`, MongoDB's `resumeToken`), and cancellation tokens, which grant nothing.
 */
const NON_CREDENTIAL_TOKEN_KINDS = new Set([
  'design', 'theme', 'style', 'css', 'lexer', 'lexical', 'syntax', 'parser', 'grammar', 'markdown',
  'page', 'pagination', 'next', 'continuation', 'cursor', 'sync', 'resume', 'cancellation',
]);

/** A first word that turns the name into a function or a predicate about the secret. */
const DESCRIBING_PREFIXES = new Set([
  'is', 'has', 'should', 'can', 'was', 'needs', 'need', 'get', 'set', 'fetch', 'load', 'read', 'create',
  'generate', 'make', 'build', 'verify', 'validate', 'check', 'parse', 'issue', 'revoke', 'rotate',
  'save', 'write', 'find', 'lookup', 'handle', 'on', 'use', 'with', 'to', 'clear', 'delete', 'remove',
  'update', 'decode', 'encode', 'sign', 'hash', 'mask', 'redact', 'ensure', 'require', 'assert',
  'compare', 'extract', 'max', 'min', 'num', 'number', 'total', 'count', 'no', 'invalid',
  'missing', 'expected', 'allow', 'allowed', 'estimate',
]);

/** Words anywhere in the name that say the value is no longer the secret. */
const NEUTRALISING_WORDS = new Set(['hashed', 'masked', 'redacted', 'obfuscated', 'censored', 'anonymized', 'public']);

/** Words before the secret word that say it was left out: `payloadWithoutPassword`, `userExceptToken`. */
const ABSENCE_WORDS = new Set(['without', 'except', 'excluding', 'sans', 'minus']);

/** Header names that carry credentials whatever the classifier says about their words. */
const SECRET_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-auth-token',
  'x-access-token', 'x-csrf-token', 'x-xsrf-token', 'api-key', 'x-amz-security-token',
]);

const SET_COOKIE_HEADER = /^set-cookie$/i;

/**
 * Last words that say which copy or encoding of the value it is, not what it is: `password2`,
 * `API_KEY_V2`, `passwordConfirmation`, `privateKeyBase64` hold the secret itself.
 */
const TRAILING_MARKS: ReadonlySet<string> = new Set(['confirmation', 'confirm', 'again', 'repeat', 'repeated', 'retype', 'base64', 'b64', 'hex', 'encoded', 'raw']);
const VERSION_MARK = /^v?\d+$/;

function withoutTrailingMarks(words: readonly string[]): readonly string[] {
  let end = words.length;
  while (end > 1 && (TRAILING_MARKS.has(words[end - 1] ?? '') || VERSION_MARK.test(words[end - 1] ?? ''))) end--;
  const last = words[end - 1];
  // A number glued to the word (`password2`, `token1`): the same word.
  const bare = last?.replace(/\d+$/, '');
  if (end === words.length && bare === last) return words;
  return bare ? [...words.slice(0, end - 1), bare] : words.slice(0, end);
}

/** Splits `accessToken`, `ACCESS_TOKEN`, `access-token`, `HTTPHeader` into lower-case words. */
export const splitWords: (name: string) => string[] = memoByName(computeWords);

function computeWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Joins words so `api key` and `apikey` compare equal. */
function compact(words: readonly string[]): string {
  return words.join('');
}

/**
 * A password word glued to what it is for, as environment names write it: libpq's `PGPASSWORD`,
 * `DBPASSWORD`, `ROOTPASSWD`. Only password words: a glued `...token` or `...secret` is as often a
 * word of its own (`nexttoken`).
 */
const GLUED_PASSWORD = /^[a-z0-9]+(?:password|passwd)$/;

function hasBuiltInSecretHead(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (SECRET_HEADS.has(last) || GLUED_PASSWORD.test(last)) return true;
  const previous = words[words.length - 2];
  // A Map, not an object: `constructor` or `toString` as a last word must not hit the prototype.
  return previous !== undefined && (QUALIFIED_HEADS.get(last)?.has(previous) ?? false);
}

function isDescribing(words: readonly string[]): boolean {
  if (words.at(-1) === 'tokens' && TEXT_TOKEN_COUNT_WORDS.has(words.at(-2) ?? '')) return true;
  if ((words.at(-1) === 'token' || words.at(-1) === 'tokens') && NON_CREDENTIAL_TOKEN_KINDS.has(words.at(-2) ?? '')) return true;
  const first = words[0];
  if (first !== undefined && words.length > 1 && DESCRIBING_PREFIXES.has(first)) return true;
  return words.some((w) => NEUTRALISING_WORDS.has(w) || ABSENCE_WORDS.has(w));
}

/** True when the compacted `words` end with one of `names` (a whole trailing run of words). */
function endsWithName(words: readonly string[], names: ReadonlySet<string>): boolean {
  for (let i = 0; i < words.length; i++) if (names.has(compact(words.slice(i)))) return true;
  return false;
}

/**
 * Whether some name written in `text` may be a secret name, without finding the names: a secret
 * name ends in a head word (`token`) or a qualified pair (`api key`), or in an added name, and the
 * words of any name written in the text (an identifier, a string key, a header name) are a run of
 * the words of the whole text, split the same way. False means no name in the text is a secret.
 */
export function mayNameSecret(text: string, options: SensitiveNameOptions): boolean {
  const words = computeWords(text);
  let previous = '';
  for (const glued of words) {
    // `password2`: classify reads the word without the number.
    const word = glued.replace(/\d+$/, '');
    if (SECRET_HEADS.has(word) || GLUED_PASSWORD.test(word) || (QUALIFIED_HEADS.get(word)?.has(previous) ?? false)) return true;
    previous = word;
  }
  if (options.add.length === 0) return false;
  // An added name matches the compacted words of a name's end (endsWithName), which are then
  // somewhere in the compacted words of the text.
  const compacted = compact(words);
  return options.add.some((name) => compacted.includes(compact(splitWords(name))));
}

/** Verbs of a function that hands out a new or stored secret: `getAccessToken()`, `generateApiKey()`, `signToken()`. */
const GETTING_VERBS = new Set(['get', 'fetch', 'load', 'read', 'create', 'generate', 'issue', 'sign', 'mint', 'obtain', 'rotate', 'acquire', 'retrieve']);

/**
 * A function named for handing out a secret: a getting verb, then a secret name
 * (`getAccessToken`, `fetch_api_key`, `createSessionToken`). Not `getTokenCount` (a count) or
 * `verifyToken` (a check): the rest must itself be a secret name.
 */
export function isSecretGetterName(name: string, classifier: NameClassifier): boolean {
  const words = splitWords(name);
  if (words.length < 2 || !GETTING_VERBS.has(words[0] ?? '')) return false;
  return classifier.isSecretName(words.slice(1).join('_'));
}

const classifiers = new WeakMap<SensitiveNameOptions, NameClassifier>();

/**
 * The classifier for a (frozen) config section, built once and shared by every file of a scan so
 * its memo of names survives from file to file.
 */
export function nameClassifierFor(options: SensitiveNameOptions): NameClassifier {
  let classifier = classifiers.get(options);
  if (!classifier) {
    classifier = createNameClassifier(options);
    classifiers.set(options, classifier);
  }
  return classifier;
}

export function createNameClassifier(options: SensitiveNameOptions = { add: [], remove: [] }): NameClassifier {
  const added = new Set(options.add.map((n) => compact(splitWords(n))));
  const removed = new Set(options.remove.map((n) => compact(splitWords(n))));
  const memo = new Map<string, boolean>();

  function classify(name: string): boolean {
    // The response header that sets a session cookie: a header name, not the verb `set` (`setCookie()`).
    if (SET_COOKIE_HEADER.test(name)) return true;
    const words = withoutTrailingMarks(splitWords(name));
    if (words.length === 0) return false;
    if (endsWithName(words, removed)) return false;
    if (endsWithName(words, added)) return true;
    return hasBuiltInSecretHead(words) && !isDescribing(words);
  }

  return {
    isSecretName(name) {
      let verdict = memo.get(name);
      if (verdict === undefined) {
        verdict = classify(name);
        memo.set(name, verdict);
      }
      return verdict;
    },
    isSecretHeader(name) {
      const lower = name.toLowerCase();
      if (removed.has(compact(splitWords(lower)))) return false;
      return SECRET_HEADERS.has(lower) || this.isSecretName(lower);
    },
  };
}
