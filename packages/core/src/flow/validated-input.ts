import { ts } from '../parse/typescript.js';
import { callbackSiteOf } from '../parse/callback-site.js';
import { enclosingFunction } from './collect-file.js';
import { constValueOf, type FileContext, textMentions } from './file-context.js';
import { shapeFieldsOf } from './schema-shape.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isPropertyAccessExpression, isStringLiteralLike } = ts;

/**
 * Request input a validator has checked against a zod schema of the file holds what the schema
 * declares (zod strips the rest): logged whole, it logs those fields, a password among them.
 */

/** tRPC's procedure methods, whose resolver is handed `{ input, ctx }`. */
const TRPC_RESOLVERS: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);

/**
 * Hono's `c.req.valid('json')` in a handler registered after `zValidator('json', schema)` (written
 * in place or held in a const): the fields of the schema. Undefined for anything else.
 */
export function honoValidatedFields(call: ts.CallExpression, fc: FileContext): string[] | undefined {
  const callee = unwrap(call.expression);
  const target = call.arguments[0] && unwrap(call.arguments[0]);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'valid' || !target || !isStringLiteralLike(target) || !textMentions(fc, 'zValidator')) return undefined;
  const handler = enclosingFunction(call);
  const route = handler && callbackSiteOf(handler)?.call;
  if (!route) return undefined;
  for (const arg of route.arguments) {
    const validator = unwrap(constValueOf(fc, arg));
    if (!isCallExpression(validator) || !isNamed(validator.expression, 'zValidator')) continue;
    const [kind, schema] = validator.arguments;
    if (kind && schema && isStringLiteralLike(unwrap(kind)) && (unwrap(kind) as ts.StringLiteralLike).text === target.text) return shapeFieldsOf(schema, fc);
  }
  return undefined;
}

/**
 * tRPC's `input` of a resolver given to `.input(schema)...mutation(resolver)` (other builder calls
 * may sit between them): the fields of the schema. Undefined for any other function.
 */
export function trpcInputFields(fn: ts.SignatureDeclaration, fc: FileContext): string[] | undefined {
  if (!textMentions(fc, '@trpc/')) return undefined;
  const call = fn.parent;
  if (!call || !isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  let e = unwrap(call.expression);
  if (!isPropertyAccessExpression(e) || !TRPC_RESOLVERS.has(e.name.text)) return undefined;
  for (let link = unwrap(e.expression); isCallExpression(link); link = unwrap(e.expression)) {
    e = unwrap(link.expression);
    if (!isPropertyAccessExpression(e)) return undefined;
    if (e.name.text === 'input') return link.arguments[0] && shapeFieldsOf(link.arguments[0], fc);
  }
  return undefined;
}

function isNamed(callee: ts.Expression, name: string): boolean {
  const e = unwrap(callee);
  return isIdentifier(e) ? e.text === name : isPropertyAccessExpression(e) && e.name.text === name;
}
