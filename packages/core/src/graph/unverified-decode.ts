import { lastNameOf } from '../parse/last-name.js';
import { ts } from '../parse/typescript.js';
import { visitTree } from '../parse/visit-tree.js';
import type { HandlerContext } from './handler-ref-of.js';
import { referenceName, skipParens } from './path-expr.js';
import type { HandlerRef } from './route-facts.js';
import { requiredSpecifier, type ImportBinding } from '../summary/module-facts.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isPropertyAccessExpression } = ts;

/**
 * Functions that read a JWT's claims without checking its signature, by package: jsonwebtoken's
 * `decode`, jose's `decodeJwt`, jwt-decode's `jwtDecode` (its default export before v4), hono/jwt's
 * `decode` (its `verify` checks).
 */
const UNVERIFIED_DECODERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['jsonwebtoken', new Set(['decode'])],
  ['hono/jwt', new Set(['decode'])],
  ['jose', new Set(['decodeJwt'])],
  ['jwt-decode', new Set(['jwtDecode', 'default'])],
]);

/** String methods, which reshape a value and check nothing (not `find` or `get`: a store answers those). */
const STRING_METHODS = /^(?:slice|substring|substr|split|replace|replaceAll|trim|trimStart|trimEnd|toLowerCase|toUpperCase|startsWith|endsWith|includes|indexOf|toString)$/;
/** Global functions that parse or convert: `JSON.parse(s)`, `Buffer.from(s, 'base64')`. */
const CONVERSIONS: ReadonlySet<string> = new Set(['JSON.parse', 'Buffer.from', 'atob', 'String', 'Number', 'Boolean', 'Date.now', 'Array.isArray', 'Object.keys', 'Object.values', 'Object.entries']);

/**
 * A guard whose only credential check reads a JWT decoded without its signature checked
 * (`const user = jwt.decode(token); if (!user) return res.sendStatus(401)`): a forged token
 * carries any claims, so it rejects no caller who sends one. It counts only when every other call
 * in it is the request's or response's own (`req.get()`, `res.status()`, `next()`) or reshapes a
 * value: a session looked up, a verifier called or a project function asked may still check.
 */
export function onlyDecodesToken(fn: ts.SignatureDeclaration & { body?: ts.Node | undefined }, params: readonly string[], ctx: HandlerContext): boolean {
  if (!fn.body || !ctx.imports) return false;
  const imports = withLocalRequires(fn.body, ctx.imports);
  // Most files import no decoder: their guards are not walked again.
  if (![...imports.values()].some((b) => UNVERIFIED_DECODERS.has(b.specifier))) return false;
  let decodes = false;
  let other = false;
  visitTree(fn.body, (node) => {
    if (other) return false;
    if (!isCallExpression(node)) return true;
    if (isUnverifiedDecode(node.expression, imports)) decodes = true;
    else if (!isInertCall(node.expression, params)) other = true;
    return !other;
  });
  return decodes && !other;
}

/** `decodeJwt` of jose taken for a verifier by its name: a ref to an unverified decoder checks nothing. */
/**
 * The file's imports and the packages the function body requires for itself (`const jwt =
 * require('jsonwebtoken')` at its top, as route modules of consign-style apps do).
 */
export function withLocalRequires(body: ts.Node, imports: NonNullable<HandlerContext['imports']>): NonNullable<HandlerContext['imports']> {
  if (!ts.isBlock(body)) return imports;
  let local: Map<string, ImportBinding> | undefined;
  for (const stmt of body.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const d of stmt.declarationList.declarations) {
      const specifier = d.initializer && isIdentifier(d.name) ? requiredSpecifier(d.initializer) : undefined;
      if (specifier !== undefined && isIdentifier(d.name)) (local ??= new Map(imports)).set(d.name.text, { local: d.name.text, imported: 'default', specifier });
    }
  }
  return local ?? imports;
}

export function isUnverifiedDecoderRef(ref: HandlerRef, imports: HandlerContext['imports']): boolean {
  if (!imports) return false;
  if (ref.kind === 'call') return isDecoder(ref.callee, ref.member, imports);
  return ref.kind === 'name' && isDecoder(ref.name, undefined, imports);
}

/** `decode(t)` of a named import, or `jwt.decode(t)` of a default or namespace import. */
function isUnverifiedDecode(callee: ts.Expression, imports: NonNullable<HandlerContext['imports']>): boolean {
  const e = skipParens(callee);
  if (isIdentifier(e)) return isDecoder(e.text, undefined, imports);
  return isPropertyAccessExpression(e) && isIdentifier(e.expression) && isDecoder(e.expression.text, e.name.text, imports);
}

/** Whether `local` (or its `member`, for a default or namespace import) is an unverified decoder. */
function isDecoder(local: string, member: string | undefined, imports: NonNullable<HandlerContext['imports']>): boolean {
  const binding = imports.get(local);
  if (binding === undefined) return false;
  const name = member === undefined ? binding.imported : binding.imported === 'default' || binding.imported === '*' ? member : undefined;
  return name !== undefined && UNVERIFIED_DECODERS.get(binding.specifier)?.has(name) === true;
}

/** `req.get('authorization')`, `res.status(401).json(e)`, `next()`, `token.slice(7)`, `JSON.parse(s)`. */
function isInertCall(callee: ts.Expression, params: readonly string[]): boolean {
  let root = skipParens(callee);
  // `require('../config/urls')`: loading a module asks nothing of the request.
  if (isIdentifier(root) && root.text === 'require') return true;
  const dotted = referenceName(root);
  if (dotted !== undefined && CONVERSIONS.has(dotted)) return true;
  if (isIdentifier(root)) return params.includes(root.text);
  if (STRING_METHODS.test(lastNameOf(root) ?? '')) return true;
  while (isPropertyAccessExpression(root) || isCallExpression(root)) root = skipParens(root.expression);
  return isIdentifier(root) && params.includes(root.text);
}
