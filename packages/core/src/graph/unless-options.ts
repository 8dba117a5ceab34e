import { ts } from '../parse/typescript.js';
import { propertyOf } from './object-property.js';
import { moduleConstOf } from './module-const-of.js';
import { isModuleExportsAssignment } from './function-id-of.js';
import { exemptedByCondition } from './path-bypass.js';
import { MAX_LIST_CONSTANT, pathExprOf, referenceName, skipParens, type PathExpr } from './path-expr.js';
import { regexOf } from './regex-literal.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isIdentifier, isObjectLiteralExpression, isStringLiteralLike } = ts;

/**
 * One request a guard lets through unchecked: a path written as a string (compared whole, or as
 * the beginning of the request path with `prefix`: `PUBLIC.some((p) => req.path.startsWith(p))`,
 * or as a Hono route pattern with `hono`: hono/combine's `except(PUBLIC, mw)`) or a regular
 * expression (tested), limited to `methods` (upper case, as compared) when given. `outside`: the
 * expression is every path outside the ones a guard checks (`if (req.path.startsWith('/admin'))
 * { ...check... }`), see guardsRoute.
 */
export type RequestException = ({ path: PathExpr; prefix?: true; hono?: true } | { regex: string; flags: string; outside?: true }) & { methods?: string[] };

/** What `guard.unless(options)` exempts: requests by path, and methods on every path. */
export interface UnlessOptions {
  exceptions?: RequestException[];
  /** `method: 'OPTIONS'`: lower case, like a guard verdict's `exceptMethods`. */
  exceptMethods?: string[];
}

/**
 * Reads the options of express-unless / koa-unless (`expressjwt(o).unless({ path, method })`).
 * Lists in place or in a module-level const of the file are read here; a list named by an
 * imported constant is kept as that reference, which the graph expands to the entries of the list
 * the other file declares (resolve-path-list.ts). When it does not resolve (a package's value, a
 * computed one), or with `useOriginalUrl: false` (paths relative to the mount, which the graph
 * does not track per middleware), the guard has no exceptions and keeps counting in full, as it
 * did before exceptions were modelled.
 * `ext` can only exempt more requests; the listed ones are exempt either way.
 */
export function unlessOptionsOf(arg: ts.Expression | undefined): UnlessOptions {
  const written = arg && skipParens(arg);
  const local = written && isIdentifier(written) ? moduleConstOf(written) : written;
  // Options written in another file (`unless(unlessOptions)` imported, `unless(config.auth)`): their
  // `path` list, as a reference the graph resolves; what else they say is not read.
  const named = written && !(local && isObjectLiteralExpression(local)) ? referenceName(written) : undefined;
  if (named !== undefined) return { exceptions: [{ path: { parts: [{ ref: `${named}.path` }] } }] };
  const options = local;
  if (!options || !isObjectLiteralExpression(options) || propertyOf(options, 'useOriginalUrl')?.kind === ts.SyntaxKind.FalseKeyword) return {};
  const path = propertyOf(options, 'path');
  const listed = path ? oneOrMany(path).flatMap((e) => exceptionOf(e) ?? []) : [];
  // `custom: (ctx) => ctx.path.startsWith('/internal')`: the requests its test holds for, when it
  // only tests the path; one it cannot read is left out, as a `path` entry it cannot read is.
  const custom = propertyOf(options, 'custom');
  const exceptions = [...listed, ...((custom && exemptedByCondition(custom)) ?? [])];
  const methods = methodsOf(propertyOf(options, 'method'));
  return {
    ...(exceptions.length > 0 ? { exceptions } : {}),
    ...(methods ? { exceptMethods: methods.map((m) => m.toLowerCase()) } : {}),
  };
}

function exceptionOf(expr: ts.Expression): RequestException | undefined {
  const e = skipParens(expr);
  const regex = regexOf(e);
  if (regex) return regex;
  if (isObjectLiteralExpression(e)) {
    const url = propertyOf(e, 'url');
    const inner = url && exceptionOf(url);
    // express-unless reads `p.methods || p.method`.
    const written = propertyOf(e, 'methods') ?? propertyOf(e, 'method');
    const methods = methodsOf(written);
    // Methods we cannot read could be any: the exception is left out rather than widened to all.
    if (!inner || (written && !methods)) return undefined;
    return { ...inner, ...(methods ? { methods } : {}) };
  }
  // Strings, templates and constants; the graph resolves references across files.
  const path = pathExprOf(e, new Map());
  return path && { path };
}


/** Module-level lists read as exceptions by other files: the ones with an entry a path constant cannot hold. */
const MAX_PATTERN_DEPTH = 2;

/**
 * The module-level lists of a file that hold a RegExp or a `{ url, methods }` entry
 * (`export const UNPROTECTED = ['/login', /^\/public\//, { url: '/status', methods: ['GET'] }]`),
 * read as an unless `path` list is, by the names path constants get (`UNPROTECTED`,
 * `default.UNPROTECTED` of `module.exports = { UNPROTECTED: [...] }`, `authOptions.path`), so that
 * another file's `unless({ path: UNPROTECTED })` applies every entry, not only its strings.
 */
export function collectExceptionLists(sf: ts.SourceFile): Record<string, RequestException[]> {
  const out: Record<string, RequestException[]> = {};
  const add = (name: string, value: ts.Expression, depth: number): void => {
    const e = skipParens(value);
    if (isObjectLiteralExpression(e) && depth < MAX_PATTERN_DEPTH) {
      for (const p of e.properties) {
        if (ts.isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteralLike(p.name))) add(`${name}.${p.name.text}`, p.initializer, depth + 1);
      }
    }
    if (!isArrayLiteralExpression(e) || e.elements.length > MAX_LIST_CONSTANT) return;
    const entries = e.elements.map(skipParens);
    if (!entries.some((x) => regexOf(x) || isObjectLiteralExpression(x))) return;
    out[name] = entries.flatMap((x) => exceptionOf(x) ?? []);
  };
  for (const stmt of sf.statements) {
    if (ts.isVariableStatement(stmt) && stmt.declarationList.flags & ts.NodeFlags.Const) {
      for (const d of stmt.declarationList.declarations) if (isIdentifier(d.name) && d.initializer) add(d.name.text, d.initializer, 0);
    } else if (ts.isExportAssignment(stmt)) add('default', stmt.expression, 0);
    else if (isModuleExportsAssignment(stmt)) add('default', stmt.expression.right, 0);
  }
  return out;
}

/** `'GET'` or `['GET', 'HEAD']`; undefined when any entry is not a literal (it could be any method). */
function methodsOf(expr: ts.Expression | undefined): string[] | undefined {
  if (!expr) return undefined;
  const items = oneOrMany(expr);
  return items.every(isStringLiteralLike) ? items.map((i) => i.text) : undefined;
}

/** The unless libraries accept one value or an array of them; a list may be a module-level const of the file. */
function oneOrMany(expr: ts.Expression): ts.Expression[] {
  const e = skipParens(expr);
  const list = isIdentifier(e) ? moduleConstOf(e) : e;
  if (list && isArrayLiteralExpression(list)) return list.elements.map(skipParens);
  return [e];
}
