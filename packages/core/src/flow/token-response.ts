import { callbackSiteOf } from '../parse/callback-site.js';
import { lastNameOf } from '../parse/last-name.js';
import { visitTree } from '../parse/visit-tree.js';
import { ts } from '../parse/typescript.js';
import { constValueOf, type FileContext, importOf, importsAnyOf, lookup, textMentions } from './file-context.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isFunctionExpression, isFunctionLike, isIdentifier, isIfStatement, isObjectLiteralExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isReturnStatement, isShorthandPropertyAssignment, isStringLiteralLike, isTemplateExpression } = ts;

/** The credentials of an OAuth 2.0 / OpenID Connect token response (RFC 6749 §5.1). */
export const TOKEN_RESPONSE_FIELDS: readonly string[] = ['access_token', 'refresh_token', 'id_token'];

/** openid-client's Client methods (v5) whose result is a TokenSet. */
const OPENID_CLIENT_METHODS: ReadonlySet<string> = new Set(['callback', 'oauthCallback', 'grant', 'refresh']);
/** openid-client's functions (v6) whose result holds the token response. */
const OPENID_CLIENT_FUNCTIONS: ReadonlySet<string> = new Set([
  'authorizationCodeGrant', 'refreshTokenGrant', 'clientCredentialsGrant', 'genericGrantRequest', 'pollDeviceAuthorizationGrant', 'pollBackchannelAuthenticationGrant',
]);
const CLIENT_NAME = /client|oidc|openid|issuer/i;
/**
 * supabase-js `client.auth` methods that answer `{ data: { session }, error }`, the session with
 * the user's access and refresh tokens. The client is often made in another file: the `.auth.`
 * receiver and the method's name are what is left to know it by.
 */
const SUPABASE_SESSION_METHODS: ReadonlySet<string> = new Set([
  'signInWithPassword', 'signInWithIdToken', 'signInAnonymously', 'signUp', 'verifyOtp', 'getSession', 'refreshSession', 'setSession', 'exchangeCodeForSession',
]);
const OPENID_CLIENT: ReadonlySet<string> = new Set(['openid-client']);
const AXIOS: ReadonlySet<string> = new Set(['axios']);

/** `.../token`, `.../oauth/token`, `.../login/oauth/access_token`: a token endpoint's path (not `/token/introspect`). */
const TOKEN_PATH = /\/(?:access_)?token\/?$/i;
/** `tokenUrl`, `TOKEN_ENDPOINT`, `discovery.token_endpoint`: a variable named for the token endpoint. */
const TOKEN_ENDPOINT_NAME = /token_?(?:url|uri|endpoint)$/i;

/**
 * Where the credentials of a token response sit in what `call` returns: `[]` for the JSON of a
 * `fetch` to a token endpoint (`await res.json()`) and openid-client's token sets, `['data']` for an
 * axios `post` to one, `['data', 'session']` for a Supabase sign-in or session. A request is one to a token endpoint by its URL or its `grant_type` body.
 * Undefined for any other call, and for the JSON read under `if (!res.ok)` (an error response).
 */
export function tokenResponseOf(call: ts.CallExpression, fc: FileContext): string[] | undefined {
  const callee = unwrap(call.expression);
  const name = lastNameOf(callee);
  if (name === undefined) return undefined;
  // `await res.json()`, and `await res.text()` (then `JSON.parse`d, or logged as it is): the body holds the tokens.
  if ((name === 'json' || name === 'text') && isPropertyAccessExpression(callee) && call.arguments.length === 0) {
    const response = thenValueOf(constValueOf(fc, callee.expression), fc);
    return isCallExpression(response) && isHttpCall(response, fc) && isTokenRequest(response, fc) && !isErrorBranch(call, callee.expression, fc) ? [] : undefined;
  }
  if (name === 'post' && isPropertyAccessExpression(callee) && textMentions(fc, 'axios') && importsAnyOf(fc, AXIOS)) return isTokenRequest(call, fc) ? ['data'] : undefined;
  if (SUPABASE_SESSION_METHODS.has(name) && isPropertyAccessExpression(callee) && lastNameOf(unwrap(callee.expression)) === 'auth') return ['data', 'session'];
  if (!textMentions(fc, 'openid-client') || !importsAnyOf(fc, OPENID_CLIENT)) return undefined;
  // A v5 `Client`'s method, on a receiver named for one: `client.callback(...)`, `oidcClient.refresh(rt)`.
  if (isPropertyAccessExpression(callee) && OPENID_CLIENT_METHODS.has(name) && CLIENT_NAME.test(lastNameOf(unwrap(callee.expression)) ?? '')) return [];
  const fn = importOf(fc, callee) ?? (isPropertyAccessExpression(callee) ? importOf(fc, callee.expression) : undefined);
  return fn?.specifier === 'openid-client' && (OPENID_CLIENT_FUNCTIONS.has(fn.imported) || (fn.imported === '*' && OPENID_CLIENT_FUNCTIONS.has(name))) ? [] : undefined;
}

/**
 * `fetch(url).then((response) => response.json())`: what a `then` callback's parameter resolves to, the promise it is given
 * (through earlier `then`s that hand the response on: `.then(checkStatus)` of `function checkStatus(res) { if (res.ok) return res; throw ... }`);
 * any other expression as it is.
 */
function thenValueOf(expr: ts.Expression, fc: FileContext): ts.Expression {
  const binding = isIdentifier(expr) ? lookup(fc, expr) : undefined;
  if (binding?.kind !== 'param' || binding.index !== 0 || binding.proj.length > 0) return expr;
  const site = callbackSiteOf(binding.fn);
  let promise = site?.index === 0 ? thenReceiverOf(site.call) : undefined;
  for (let i = 0; promise && i < MAX_PASSING_THENS; i++) {
    const earlier = thenReceiverOf(promise);
    const [step] = promise.arguments;
    if (!earlier || !step || !handsOnItsInput(step, fc)) break;
    promise = earlier;
  }
  return promise ?? expr;
}

/** Checks a `then` chain gives a response to before reading it: a handful. */
const MAX_PASSING_THENS = 4;

/** `p.then(cb)`: `p`; undefined for any other expression. */
function thenReceiverOf(expr: ts.Expression): ts.CallExpression | undefined {
  const call = unwrap(expr);
  if (!isCallExpression(call)) return undefined;
  const callee = unwrap(call.expression);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'then') return undefined;
  const receiver = unwrap(callee.expression);
  return isCallExpression(receiver) ? receiver : undefined;
}

/** A function of the file (or one written in place) whose every `return` gives back its first parameter (`(res) => res`, a status check that returns or throws). */
function handsOnItsInput(callback: ts.Expression, fc: FileContext): boolean {
  const e = constValueOf(fc, callback);
  const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
  const fn = binding?.kind === 'function' ? binding.node : isArrowFunction(e) || isFunctionExpression(e) ? e : undefined;
  const first = fn?.parameters[0]?.name;
  if (!fn?.body || !first || !isIdentifier(first)) return false;
  const isInput = (r: ts.Expression | undefined) => r !== undefined && isIdentifier(unwrap(r)) && (unwrap(r) as ts.Identifier).text === first.text;
  if (!isBlock(fn.body)) return isInput(fn.body);
  const returned: (ts.Expression | undefined)[] = [];
  // Returns of nested functions are theirs, not this one's.
  visitTree(fn.body, (n) => {
    if (isReturnStatement(n)) returned.push(n.expression);
    return !isFunctionLike(n);
  });
  return returned.length > 0 && returned.every(isInput);
}

/** `supabase.auth.onAuthStateChange((event, session) => ...)`: the session a Supabase client hands its listener, tokens included. */
export function isSupabaseSessionParam(fn: ts.SignatureDeclaration, index: number, proj: readonly string[]): boolean {
  const call = fn.parent;
  if (index !== 1 || proj.length > 0 || !call || !isCallExpression(call) || call.arguments[0] !== fn) return false;
  const callee = unwrap(call.expression);
  return isPropertyAccessExpression(callee) && callee.name.text === 'onAuthStateChange' && lastNameOf(unwrap(callee.expression)) === 'auth';
}

/** `fetch(...)`, `got.post(...)`, `ky.post(...)`: a call that sends an HTTP request and answers with a response. */
function isHttpCall(call: ts.CallExpression, fc: FileContext): boolean {
  const name = lastNameOf(unwrap(call.expression));
  return name === 'fetch' || name === 'post' || importOf(fc, call.expression)?.specifier === 'node-fetch';
}

/** A request to an OAuth token endpoint: by its URL (or the name holding it), or a `grant_type` in what it sends. */
function isTokenRequest(call: ts.CallExpression, fc: FileContext): boolean {
  const [target, ...rest] = call.arguments;
  if (!target) return false;
  const url = constValueOf(fc, target);
  const text = urlTextOf(url, fc, 0);
  if (text !== undefined && TOKEN_PATH.test(text.split(/[?#]/)[0] ?? '')) return true;
  const named = lastNameOf(url);
  if (named !== undefined && TOKEN_ENDPOINT_NAME.test(named)) return true;
  return rest.some((arg) => sendsGrantType(arg, fc));
}

/**
 * A URL's text as the source writes it, with the parts it cannot know as `\0`: a template's
 * substitutions (`${base}/oauth/token`, `.../access_token?code=${code}`) and concatenated parts
 * (`TOKEN_URL + '?code=' + code`), each read through the consts that hold its text
 * (`` `${GITHUB_OAUTH_URL}&code=${code}` `` given a const that names the token endpoint). Undefined when it is no text at all.
 */
function urlTextOf(url: ts.Expression, fc: FileContext, depth: number): string | undefined {
  if (isStringLiteralLike(url)) return url.text;
  const part = (e: ts.Expression) => (depth < MAX_URL_PARTS_DEPTH ? urlTextOf(constValueOf(fc, e), fc, depth + 1) : undefined) ?? '\0';
  if (isTemplateExpression(url)) return url.head.text + url.templateSpans.map((span) => part(span.expression) + span.literal.text).join('');
  if (isBinaryExpression(url) && url.operatorToken.kind === SyntaxKind.PlusToken) return part(url.left) + part(url.right);
  return undefined;
}

/** Consts a URL's text is read through: a base and a path, each perhaps made of another. */
const MAX_URL_PARTS_DEPTH = 3;

/** `{ body: new URLSearchParams({ grant_type }) }`, `params` given `const params = { grant_type: ... }`: a token request's body. */
function sendsGrantType(arg: ts.Expression, fc: FileContext): boolean {
  const e = constValueOf(fc, arg);
  if (e.getText(fc.sf).includes(GRANT_TYPE)) return true;
  if (!isObjectLiteralExpression(e)) return false;
  return e.properties.some((p) => {
    const value = isPropertyAssignment(p) ? p.initializer : isShorthandPropertyAssignment(p) ? p.name : undefined;
    return value !== undefined && constValueOf(fc, value).getText(fc.sf).includes(GRANT_TYPE);
  });
}

const GRANT_TYPE = 'grant_type';

/**
 * What a file's text must hold for one of its calls to answer a token response (the text
 * prefilter): a `grant_type` body, openid-client, or a Supabase session method.
 */
export const TOKEN_RESPONSE_WORD = new RegExp(`${GRANT_TYPE}|openid-client|\\b(?:${[...SUPABASE_SESSION_METHODS, 'onAuthStateChange'].join('|')})\\b`);

/** `if (!res.ok) { ... await res.json() ... }`: the body of an error response, not a token. */
function isErrorBranch(node: ts.Node, response: ts.Expression, fc: FileContext): boolean {
  const name = response.getText(fc.sf);
  for (let n: ts.Node = node; n.parent && !isFunctionLike(n); n = n.parent) {
    const parent = n.parent;
    if (!isIfStatement(parent) || parent.thenStatement !== n) continue;
    const test = unwrap(parent.expression);
    if (isPrefixUnaryExpression(test) && test.operator === SyntaxKind.ExclamationToken) {
      const operand = unwrap(test.operand);
      if (isPropertyAccessExpression(operand) && operand.name.text === 'ok' && operand.expression.getText(fc.sf) === name) return true;
    }
  }
  return false;
}
