import { ts } from '../parse/typescript.js';
import { constValueOf, lookup, type FileContext, importOf, importsAnyOf, textMentions } from './file-context.js';
import { dottedNameOf, propertyNameOf, rootIdentifier, unwrap } from './scope.js';
import type { NameClassifier } from './sensitive-names.js';
import type { SecretContainer } from './taint.js';
import { lastNameOf } from '../parse/last-name.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { canHaveDecorators, getDecorators, isCallExpression, isIdentifier, isImportDeclaration, isMetaProperty, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral, isStringLiteralLike } = ts;

// `requestinfo`: the MCP SDK hands tool handlers `extra.requestInfo.headers`.
// `handshake`: socket.io's `socket.handshake`, the upgrade request's headers and auth.
const REQUEST_NAMES = new Set(['req', 'request', 'ctx', 'context', 'incoming', 'event', 'raw', 'rawrequest', 'httprequest', 'requestinfo', 'handshake']);

/**
 * A request object by position or name: `req`, `request`, `ctx`, `c.req`, `c.req.raw`,
 * `ctx.request`, `fastifyRequest`. Syntax only: no types are needed for the usual handler shapes.
 */
export function isRequestLike(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  const name = lastNameOf(e);
  if (name === undefined) return false;
  const lower = name.toLowerCase();
  return REQUEST_NAMES.has(lower) || /(?:req|request)$/.test(lower);
}

/** `process.env`, `req.headers`, `req.cookies`: objects some of whose entries are secrets. */
export function containerOf(expr: ts.PropertyAccessExpression | ts.ElementAccessExpression, fc: FileContext): SecretContainer | undefined {
  const prop = propertyNameOf(isPropertyAccessExpression(expr) ? expr.name : expr.argumentExpression);
  const base = unwrap(expr.expression);
  if (prop === 'env' && isIdentifier(base) && isProcessObject(base, fc)) return 'env';
  if (prop === 'env' && isMetaProperty(base)) return 'env';
  // Hono's `c.env`, Cloudflare Pages' `context.env`: the Worker's bindings, its secrets among them.
  if (prop === 'env' && isIdentifier(base) && BINDINGS_HOLDERS.has(base.text)) return 'env';
  // Bun's `Bun.env` is its `process.env`.
  if (prop === 'env' && isIdentifier(base) && base.text === 'Bun' && lookup(fc, base) === undefined) return 'env';
  if (!isRequestLike(base)) return undefined;
  // API Gateway's `event.multiValueHeaders` holds every header too, each as a list.
  if (prop === 'headers' || prop === 'header' || prop === 'rawHeaders' || prop === 'multiValueHeaders') return 'headers';
  if (prop === 'cookies' || prop === 'signedCookies') return 'cookies';
  return undefined;
}

/**
 * `req.auth` where the file puts a bearer-token middleware before its handlers that stores the
 * verified token there: the MCP SDK's `requireBearerAuth` (an `AuthInfo`, its `token`) and
 * express-oauth2-jwt-bearer's `auth()` (`{ header, payload, token }`). Other middleware (express-jwt)
 * keep only the decoded claims in `req.auth`.
 */
export function isBearerAuthInfo(expr: ts.PropertyAccessExpression, fc: FileContext): boolean {
  return keepsBearerToken(expr.expression, expr.name.text, fc);
}

/** `field` of `holder` is such a verified bearer token's info: `req.auth`, also destructured (`const { auth } = req`). */
export function keepsBearerToken(holder: ts.Expression, field: string, fc: FileContext): boolean {
  if (field !== 'auth' || !isRequestLike(holder)) return false;
  return fc.sf.statements.some((s) => isImportDeclaration(s) && isStringLiteral(s.moduleSpecifier) && BEARER_AUTH_MODULE.test(s.moduleSpecifier.text)) || importsAnyOf(fc, BEARER_AUTH_PACKAGES);
}

const BEARER_AUTH_MODULE = /^(?:@modelcontextprotocol\/sdk\/server\/auth\/|express-oauth2-jwt-bearer$)/;
const BEARER_AUTH_PACKAGES: ReadonlySet<string> = new Set(['express-oauth2-jwt-bearer']);

const PROCESS_MODULES = new Set(['process', 'node:process']);
const BINDINGS_HOLDERS: ReadonlySet<string> = new Set(['c', 'ctx', 'context']);

/** The global `process`, or `import process from 'node:process'`. */
export function isProcessObject(id: ts.Identifier, fc: FileContext): boolean {
  const binding = lookup(fc, id);
  if (!binding) return id.text === 'process';
  return binding.kind === 'import' && PROCESS_MODULES.has(binding.specifier) && (binding.imported === 'default' || binding.imported === '*');
}

/** `import { env } from 'node:process'`, `const { env } = require('process')`: the environment under its own name. */
export function isImportedProcessEnv(id: ts.Identifier, fc: FileContext): boolean {
  const binding = lookup(fc, id);
  if (binding?.kind === 'import') return PROCESS_MODULES.has(binding.specifier) && binding.imported === 'env';
  // Asked of every name read: the destructured path is looked at before any `require` is.
  const [value] = binding?.kind === 'var' && binding.values.length === 1 ? binding.values : [];
  if (value === undefined || value.path.length !== 1 || value.path[0] !== 'env') return false;
  const origin = importOf(fc, id);
  return origin !== undefined && PROCESS_MODULES.has(origin.specifier) && origin.imported === 'env';
}

/** What a header or cookie getter call reads: one named entry, or every entry of a container. */
export type RequestRead =
  | { kind: 'entry'; container: 'headers' | 'cookies' | 'query'; name: string; /** The entry's value sits at this field of the result (Next.js `{ name, value }`). */ field?: string }
  /** An entry named by a constant imported from a project module (`req.get(API_KEY_HEADER)`): its name is known once the summaries are joined. */
  | { kind: 'imported'; container: 'headers' | 'cookies' | 'query'; local: string; field?: string }
  | { kind: 'all'; container: 'headers' | 'cookies' | 'query' };

/** Next.js `headers()` / `cookies()` from `next/headers`, also kept in a variable: the incoming request's stores. */
function nextRequestStoreOf(receiver: ts.Expression, fc: FileContext): 'headers' | 'cookies' | undefined {
  let made = unwrap(receiver);
  if (isIdentifier(made)) {
    const binding = lookup(fc, made);
    const value = binding?.kind === 'var' && binding.values.length === 1 ? binding.values[0] : undefined;
    if (!value || value.path.length > 0 || value.wrap.length > 0) return undefined;
    made = unwrap(value.expr);
  }
  if (!isCallExpression(made) || made.arguments.length > 0) return undefined;
  const origin = importOf(fc, unwrap(made.expression));
  if (origin?.specifier !== 'next/headers') return undefined;
  return origin.imported === 'headers' || origin.imported === 'cookies' ? origin.imported : undefined;
}

const HEADER_GETTERS = new Set(['header', 'get', 'getHeader']);
const SET_COOKIE_GETTER = 'getSetCookie';

/**
 * `c.req.header('Authorization')`, `c.req.header()`, `req.get('authorization')`,
 * `request.headers.get('cookie')`, `ctx.cookies.get('sid')`, `getCookie(c, 'session')`.
 */
export function requestReadOf(call: ts.CallExpression, fc: FileContext): RequestRead | undefined {
  const callee = unwrap(call.expression);
  const first = call.arguments[0];
  if (isIdentifier(callee)) {
    const origin = importOf(fc, callee);
    if (!origin || !/cookie/i.test(origin.specifier) || !/^get(Signed)?Cookie$/.test(origin.imported)) return undefined;
    const nameArg = call.arguments[origin.imported === 'getSignedCookie' ? 2 : 1];
    return readOf('cookies', nameArg, fc);
  }
  if (!isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = unwrap(callee.expression);
  if (method === 'cookie' && isRequestLike(receiver)) return readOf('cookies', first, fc);
  const nextStore = method === 'get' || method === 'getAll' ? nextRequestStoreOf(receiver, fc) : undefined;
  // `cookies().getAll()`: every cookie, `{ name, value }` each.
  if (nextStore === 'cookies' && method === 'getAll') return first === undefined ? { kind: 'all', container: 'cookies' } : undefined;
  if (nextStore === 'headers') return first === undefined ? undefined : readOf('headers', first, fc);
  if (nextStore === 'cookies') return first === undefined ? undefined : withValueField(readOf('cookies', first, fc));
  if ((method === 'get' || method === 'getAll') && isPropertyAccessExpression(receiver) && receiver.name.text === 'cookies' && isRequestLike(receiver.expression)) {
    // Next's `request.cookies.get('token')` is `{ name, value }`; Koa's `ctx.cookies.get('sid')` the value.
    if (importsNextServer(fc)) return method === 'getAll' ? (first === undefined ? { kind: 'all', container: 'cookies' } : undefined) : withValueField(readOf('cookies', first, fc));
    return method === 'get' ? readOf('cookies', first, fc) : undefined;
  }
  // Hono's `c.req.query('token')`, `c.req.param('resetToken')`: a credential in the URL.
  if ((method === 'query' || method === 'queries' || method === 'param') && isRequestLike(receiver)) return first === undefined ? undefined : readOf('query', first, fc);
  // `url.searchParams.get('token')`: a credential passed in the query string.
  if (method === 'get' && isPropertyAccessExpression(receiver) && receiver.name.text === 'searchParams') return readOf('query', first, fc);
  // `response.headers.getSetCookie()` (the Fetch API's Headers): every Set-Cookie value, the session cookies among them.
  if (method === SET_COOKIE_GETTER && first === undefined && isHeadersObject(receiver)) return { kind: 'entry', container: 'headers', name: 'set-cookie' };
  if (!HEADER_GETTERS.has(method)) return undefined;
  if (isRequestLike(receiver)) return method === 'get' && first === undefined ? undefined : readOf('headers', first, fc);
  if (isPropertyAccessExpression(receiver) && receiver.name.text === 'headers' && isRequestLike(receiver.expression)) return readOf('headers', first, fc);
  // `response.headers.get('set-cookie')`, `headers.get('authorization')`: a credential header read by
  // name from any headers, not only a request's (the whole of those is not known to hold one).
  if (method === 'get' && first !== undefined && isHeadersObject(receiver)) return readOf('headers', first, fc);
  return undefined;
}

/** `res.headers`, `headers`, `outgoingHeaders`: an object named for holding HTTP headers. */
function isHeadersObject(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  const name = lastNameOf(e);
  return name !== undefined && /headers$/i.test(name);
}

/** A Next.js cookie entry is `{ name, value }`: its value is the secret. */
function withValueField(read: RequestRead | undefined): RequestRead | undefined {
  return read?.kind === 'entry' || read?.kind === 'imported' ? { ...read, field: 'value' } : read;
}

const NEXT_SERVER: ReadonlySet<string> = new Set(['next/server']);

function importsNextServer(fc: FileContext): boolean {
  return textMentions(fc, 'next/server') && importsAnyOf(fc, NEXT_SERVER);
}

/** NestJS's parameter decorators (`@nestjs/common`) and what each hands the handler. */
const NEST_PARAM_DECORATORS: ReadonlyMap<string, 'headers' | 'query' | 'request'> = new Map([
  ['Headers', 'headers'],
  ['Body', 'query'],
  ['Query', 'query'],
  ['Param', 'query'],
  ['Req', 'request'],
  ['Request', 'request'],
]);

/**
 * A NestJS handler's parameter decorated with what it receives: `@Headers()` every header,
 * `@Headers('authorization')` one, `@Body('password')`, `@Query('token')`, `@Param('resetToken')`
 * a field judged by its name, `@Req()` the whole request.
 */
export function nestParamReadOf(param: ts.ParameterDeclaration, fc: FileContext): RequestRead | 'request' | undefined {
  for (const decorator of canHaveDecorators(param) ? (getDecorators(param) ?? []) : []) {
    const call = decorator.expression;
    if (!isCallExpression(call)) continue;
    const origin = importOf(fc, unwrap(call.expression));
    const kind = origin?.specifier === '@nestjs/common' ? NEST_PARAM_DECORATORS.get(origin.imported) : undefined;
    if (kind === 'request') return kind;
    if (kind === 'headers') return readOf('headers', call.arguments[0], fc);
    if (kind === 'query' && call.arguments[0]) return readOf('query', call.arguments[0], fc);
  }
  return undefined;
}

function readOf(container: 'headers' | 'cookies' | 'query', nameArg: ts.Expression | undefined, fc: FileContext): RequestRead | undefined {
  if (nameArg === undefined) return container === 'query' ? undefined : { kind: 'all', container };
  // The name as written, or held in a constant: `const API_KEY_HEADER = 'x-api-key'; req.get(API_KEY_HEADER)`.
  const name = entryNameOf(fc, nameArg);
  if (typeof name === 'string') return { kind: 'entry', container, name };
  return name ? { kind: 'imported', container, local: name.imported } : undefined;
}

/**
 * The text of a name written in place or held in a constant of the file (`API_KEY_HEADER`, a field
 * of a const object: `HEADERS.API_KEY`), or the constant imported from a project module that holds
 * it (`{ imported: 'HEADERS.API_KEY' }`, resolved across files by the rules); undefined otherwise.
 */
export function entryNameOf(fc: FileContext, expr: ts.Expression): string | { imported: string } | undefined {
  const e = constValueOf(fc, expr);
  if (isStringLiteralLike(e)) return e.text;
  if (isPropertyAccessExpression(e)) {
    // `const HEADERS = { API_KEY: 'x-api-key' } as const`: a field of an object written out in the file.
    const holder = constValueOf(fc, e.expression);
    if (isObjectLiteralExpression(holder)) {
      const field = holder.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && propertyNameOf(p.name) === e.name.text);
      const value = field && constValueOf(fc, field.initializer);
      return value && isStringLiteralLike(value) ? value.text : undefined;
    }
  }
  const dotted = dottedNameOf(e);
  const root = dotted === undefined ? undefined : rootIdentifier(e);
  const binding = root && lookup(fc, root);
  return dotted !== undefined && binding?.kind === 'import' && fc.isProjectModule(binding.specifier) ? { imported: dotted } : undefined;
}


const KEYED_GETTERS = new Set(['get', 'getOrThrow', 'getString', 'require', 'getHeader']);
/** `env('JWT_SECRET')`, `getEnv(...)`, `requireEnv(...)`, `getSecret(...)`, `getConfig(...)`: a project's own getter of settings. */
const ENV_GETTER = /^(?:(?:get|require|read|must|load|fetch)_?)?(?:env|envvar|secret|config|setting)(?:_?(?:var|value|or_?throw|orthrow|required))?$/i;

/**
 * `configService.get('JWT_SECRET')`, `config.get('db.password')`, `formData.get('password')`,
 * `store.get('apiKey')`, `requireEnv('API_KEY')`: a getter asked for an entry whose key (its last
 * dotted part) names a secret.
 */
export function isKeyedSecretRead(call: ts.CallExpression, names: NameClassifier): boolean {
  const callee = unwrap(call.expression);
  const key = call.arguments[0] && unwrap(call.arguments[0]);
  if (!key || !isStringLiteralLike(key)) return false;
  const getter = isPropertyAccessExpression(callee) ? KEYED_GETTERS.has(callee.name.text) : isIdentifier(callee) && ENV_GETTER.test(callee.text);
  if (!getter) return false;
  const last = key.text.split(/[.:/]/).at(-1) ?? '';
  return names.isSecretName(last);
}

/** `postgres://user:pass@host/db`: a connection string that embeds a password. */
export function isCredentialUrl(text: string): boolean {
  // The user may be empty: Redis spells a password alone `redis://:password@host`.
  return /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:[^\s@/]+@/i.test(text);
}
