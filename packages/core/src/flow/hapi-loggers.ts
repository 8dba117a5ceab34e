import { ts } from '../parse/typescript.js';
import { type FileContext, importOf, lookup, packageFunctionOf } from './file-context.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isMethodDeclaration, isNewExpression, isPropertyAccessExpression, isPropertyAssignment, isTypeReferenceNode } = ts;

// Exported for the sink finder: only a file importing one of these has Hapi's log methods.
export const HAPI_MODULES: ReadonlySet<string> = new Set(['@hapi/hapi', 'hapi']);
/** `Hapi.server()`, `new Hapi.Server()`, `import { server } from '@hapi/hapi'`. */
const SERVER_FACTORIES: ReadonlySet<string> = new Set(['server', 'Server']);
/** Where Hapi calls a function with `(request, h)`: a route's `handler`, an extension's `method`. */
const HANDLER_KEYS: ReadonlySet<string> = new Set(['handler', 'method']);
/** Hapi's types of a handler's parameters, by position: `(request: Request, h: ResponseToolkit)`. */
const HANDLER_PARAM_TYPES: readonly string[] = ['Request', 'ResponseToolkit'];

/**
 * Hapi logs through methods of its own objects, not through a logger object: `server.log(tags,
 * data)` on the server `Hapi.server()` made, and `request.log(tags, data)` on the request a route
 * handler or an extension is given (also `h.request`). The caller has checked that `.log` is called
 * and that the file imports Hapi.
 */
export function isHapiLogHolder(receiver: ts.Expression, fc: FileContext): boolean {
  const e = unwrap(receiver);
  // `h.request`: the response toolkit, the handler's second parameter, holds the request.
  if (isPropertyAccessExpression(e)) return e.name.text === 'request' && isHandlerParam(e.expression, 1, fc);
  if (!isIdentifier(e)) return false;
  if (isHandlerParam(e, 0, fc)) return true;
  const binding = lookup(fc, e);
  if (binding?.kind === 'param') return isServerParam(binding.fn, binding.index, fc);
  return binding?.kind === 'var' && binding.values.some((v) => v.path.length === 0 && v.wrap.length === 0 && isHapiServerMade(v.expr, fc));
}

/**
 * The server a plugin is given: the first parameter of its `register(server, options)`, or a
 * parameter typed `Hapi.Server`.
 */
function isServerParam(fn: ts.SignatureDeclaration, index: number, fc: FileContext): boolean {
  return (index === 0 && keyOf(fn) === 'register') || isHapiType(fn.parameters[index]?.type, 'Server', fc);
}

/**
 * Parameter `index` of a function Hapi calls with `(request, h)`, or one typed as Hapi's (a handler
 * written apart and named in the route: `function login(request: Request, h: ResponseToolkit)`).
 */
function isHandlerParam(expr: ts.Expression, index: number, fc: FileContext): boolean {
  const e = unwrap(expr);
  if (!isIdentifier(e)) return false;
  const binding = lookup(fc, e);
  if (binding?.kind !== 'param' || binding.index !== index || binding.proj.length > 0) return false;
  return isHandler(binding.fn) || isHapiType(binding.fn.parameters[index]?.type, HANDLER_PARAM_TYPES[index], fc);
}

/** `Request` imported from Hapi, or `Hapi.Request` of a Hapi namespace or default import. */
function isHapiType(type: ts.TypeNode | undefined, name: string | undefined, fc: FileContext): boolean {
  if (type === undefined || name === undefined || !isTypeReferenceNode(type)) return false;
  const ref = type.typeName;
  if (isIdentifier(ref)) {
    const origin = importOf(fc, ref);
    return origin !== undefined && HAPI_MODULES.has(origin.specifier) && origin.imported === name;
  }
  if (ref.right.text !== name || !isIdentifier(ref.left)) return false;
  const origin = importOf(fc, ref.left);
  return origin !== undefined && HAPI_MODULES.has(origin.specifier) && (origin.imported === '*' || origin.imported === 'default');
}

/**
 * `handler(request, h) {}` / `handler: (request, h) => ...` in a route, `method(request, h)` of an
 * extension object, or a function passed to `server.ext(event, fn)`.
 */
function isHandler(fn: ts.SignatureDeclaration): boolean {
  const key = keyOf(fn);
  if (key !== undefined) return HANDLER_KEYS.has(key);
  const parent = fn.parent;
  if (!isCallExpression(parent) || parent.expression === fn) return false;
  const callee = unwrap(parent.expression);
  return isPropertyAccessExpression(callee) && callee.name.text === 'ext';
}

/** The object key a function is written under: `handler(request, h) {}`, `register: async (server) => {}`. */
function keyOf(fn: ts.SignatureDeclaration): string | undefined {
  const named = isMethodDeclaration(fn) ? fn : isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  return named && isIdentifier(named.name) ? named.name.text : undefined;
}

function isHapiServerMade(expr: ts.Expression, fc: FileContext): boolean {
  const made = unwrap(expr);
  if (!isCallExpression(made) && !isNewExpression(made)) return false;
  const fn = packageFunctionOf(fc, made.expression);
  return fn !== undefined && HAPI_MODULES.has(fn.specifier) && SERVER_FACTORIES.has(fn.name);
}
