import { escapeRegex } from '../graph/escape-regex.js';
import { ts } from '../parse/typescript.js';
import { type FileContext, importOf } from './file-context.js';
import { propertyNameOf, unwrap } from './scope.js';

/**
 * Callbacks that auth libraries hand the credential they check: hono's `bearerAuth({ verifyToken:
 * (token, c) => ... })` the bearer token, `basicAuth({ verifyUser: (username, password, c) => ... })`
 * and express-basic-auth's `authorizer(username, password)` the password, passport strategies'
 * verify functions. Keyed by package, then by the function the options go to (`new` for a class
 * given the callback itself), then by option: the credential parameter's position.
 */
const CREDENTIAL_CALLBACKS: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, number>>> = new Map([
  ['hono/bearer-auth', new Map([['bearerAuth', new Map([['verifyToken', 0]])]])],
  ['hono/basic-auth', new Map([['basicAuth', new Map([['verifyUser', 1]])]])],
  ['express-basic-auth', new Map([['default', new Map([['authorizer', 1]])]])],
  ['@fastify/basic-auth', new Map([['default', new Map([['validate', 1]])]])],
  ['@fastify/bearer-auth', new Map([['default', new Map([['auth', 0]])]])],
  ['passport-http-bearer', new Map([['Strategy', new Map([['', 0]])]])],
  ['passport-local', new Map([['Strategy', new Map([['', 1]])]])],
]);

/** Any of those packages named in a file's text (the text prefilter): without one, no callback is handed a credential so. */
export const CREDENTIAL_CALLBACK_PACKAGE = new RegExp(`['"](?:${[...CREDENTIAL_CALLBACKS.keys()].map(escapeRegex).join('|')})['"]`);

/**
 * The credential a parameter of an auth library's callback receives, by the library's name for it
 * (`bearer token`, `password`); undefined for any other parameter.
 */
export function credentialParamOf(fn: ts.SignatureDeclaration, index: number, fc: FileContext): string | undefined {
  const holder = fn.parent;
  if (!holder) return undefined;
  // `new BearerStrategy((token, done) => ...)`: the callback is the argument itself.
  if (ts.isNewExpression(holder) && holder.arguments?.includes(fn as ts.Expression)) return positionIn(holder.expression, '', index, fc);
  const [option, object] = ts.isPropertyAssignment(holder) ? [propertyNameOf(holder.name), holder.parent] : ts.isMethodDeclaration(fn) ? [propertyNameOf(fn.name), holder] : [undefined, undefined];
  const call = object && ts.isObjectLiteralExpression(object) ? object.parent : undefined;
  if (option === undefined || !call || !(ts.isCallExpression(call) || ts.isNewExpression(call))) return undefined;
  return positionIn(call.expression, option, index, fc);
}

function positionIn(callee: ts.Expression, option: string, index: number, fc: FileContext): string | undefined {
  const origin = importOf(fc, unwrap(callee));
  const at = origin && CREDENTIAL_CALLBACKS.get(origin.specifier)?.get(origin.imported)?.get(option);
  if (at !== index || !origin) return undefined;
  return index === 0 && option !== 'validate' ? 'token' : 'password';
}
