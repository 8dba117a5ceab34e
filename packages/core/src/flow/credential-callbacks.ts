import { escapeRegex } from '../graph/escape-regex.js';
import { ts } from '../parse/typescript.js';
import { type FileContext, importOf } from './file-context.js';
import { propertyNameOf, unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isPropertyAssignment } = ts;

/**
 * Callbacks that auth libraries hand the credential they check: hono's `bearerAuth({ verifyToken:
 * (token, c) => ... })` the bearer token, `basicAuth({ verifyUser: (username, password, c) => ... })`
 * and express-basic-auth's `authorizer(username, password)` the password, passport strategies'
 * verify functions. Each by the package, the function the options go to, the option (`''` for a
 * class given the callback itself, `new Strategy(verify)`), and the credential parameter's position.
 */
const CREDENTIAL_CALLBACKS: readonly CredentialCallback[] = [
  { module: 'hono/bearer-auth', fn: 'bearerAuth', option: 'verifyToken', index: 0, credential: 'token' },
  { module: 'hono/basic-auth', fn: 'basicAuth', option: 'verifyUser', index: 1, credential: 'password' },
  { module: 'express-basic-auth', fn: 'default', option: 'authorizer', index: 1, credential: 'password' },
  { module: '@fastify/basic-auth', fn: 'default', option: 'validate', index: 1, credential: 'password' },
  { module: '@fastify/bearer-auth', fn: 'default', option: 'auth', index: 0, credential: 'token' },
  { module: 'passport-http-bearer', fn: 'Strategy', option: '', index: 0, credential: 'token' },
  { module: 'passport-local', fn: 'Strategy', option: '', index: 1, credential: 'password' },
  ...oauthStrategies(),
];

/**
 * OAuth strategies of passport: the verify function is handed the access and refresh tokens first
 * (`(accessToken, refreshToken, profile, done)`; Twitter's OAuth 1 token and token secret), after
 * the request with `passReqToCallback` (see credentialParamOf). The package's class by any of the
 * names it is imported by (`Strategy`, the module itself in CommonJS, a default import).
 */
function oauthStrategies(): CredentialCallback[] {
  const modules = [
    'passport-oauth2', 'passport-google-oauth20', 'passport-google-oauth2', 'passport-github2', 'passport-github', 'passport-facebook', 'passport-twitter',
    'passport-discord', 'passport-microsoft', 'passport-linkedin-oauth2', 'passport-gitlab2', 'passport-spotify', 'passport-slack-oauth2', 'passport-auth0',
  ];
  return modules.flatMap((module) => ['Strategy', 'OAuth2Strategy', 'default', '*'].flatMap((fn) => [0, 1].map((index): CredentialCallback => ({ module, fn, option: '', index, credential: 'token' }))));
}

interface CredentialCallback {
  module: string;
  fn: string;
  option: string;
  index: number;
  /** What the library hands over, for messages. */
  credential: 'token' | 'password';
}

const BY_OPTION = new Map<string, CredentialCallback[]>();
for (const c of CREDENTIAL_CALLBACKS) {
  const key = `${c.module}\0${c.fn}\0${c.option}`;
  BY_OPTION.set(key, [...(BY_OPTION.get(key) ?? []), c]);
}

/** Any of those packages named in a file's text (the text prefilter): without one, no callback is handed a credential so. */
export const CREDENTIAL_CALLBACK_PACKAGE = new RegExp(`['"\`](?:${[...new Set(CREDENTIAL_CALLBACKS.map((c) => c.module))].map(escapeRegex).join('|')})['"\`]`);

/**
 * The credential a parameter of an auth library's callback receives, by the library's name for it
 * (`bearer token`, `password`); undefined for any other parameter.
 */
export function credentialParamOf(fn: ts.SignatureDeclaration, index: number, fc: FileContext): string | undefined {
  const holder = fn.parent;
  if (!holder) return undefined;
  // `new BearerStrategy((token, done) => ...)`: the callback is the argument itself; with
  // `passReqToCallback: true` in the options before it, after the request.
  if (isNewExpression(holder) && holder.arguments?.includes(fn as ts.Expression)) return positionIn(holder.expression, '', index - (passesRequest(holder.arguments[0]) ? 1 : 0), fc);
  const [option, object] = isPropertyAssignment(holder) ? [propertyNameOf(holder.name), holder.parent] : isMethodDeclaration(fn) ? [propertyNameOf(fn.name), holder] : [undefined, undefined];
  const call = object && isObjectLiteralExpression(object) ? object.parent : undefined;
  if (option === undefined || !call || !(isCallExpression(call) || isNewExpression(call))) return undefined;
  return positionIn(call.expression, option, index, fc);
}

function positionIn(callee: ts.Expression, option: string, index: number, fc: FileContext): string | undefined {
  const origin = importOf(fc, unwrap(callee));
  const callbacks = origin && BY_OPTION.get(`${origin.specifier}\0${origin.imported}\0${option}`);
  return callbacks?.find((c) => c.index === index)?.credential;
}

function passesRequest(options: ts.Expression | undefined): boolean {
  const o = options && unwrap(options);
  return o !== undefined && isObjectLiteralExpression(o) && o.properties.some((p) => isPropertyAssignment(p) && propertyNameOf(p.name) === 'passReqToCallback' && unwrap(p.initializer).kind === ts.SyntaxKind.TrueKeyword);
}
