import { ts } from '../parse/typescript.js';
import { propertyOf } from './object-property.js';
import { moduleConstOf } from './module-const-of.js';
import { pathExprOf, skipParens, type PathExpr } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isIdentifier, isObjectLiteralExpression, isRegularExpressionLiteral, isStringLiteralLike } = ts;

/**
 * One request a guard lets through unchecked: a path written as a string (compared whole, or as
 * the beginning of the request path with `prefix`: `PUBLIC.some((p) => req.path.startsWith(p))`)
 * or a regular expression (tested), limited to `methods` (upper case, as compared) when given.
 */
export type RequestException = ({ path: PathExpr; prefix?: true } | { regex: string; flags: string }) & { methods?: string[] };

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
 * `custom` and `ext` can only exempt more requests; the listed ones are exempt either way.
 */
export function unlessOptionsOf(arg: ts.Expression | undefined): UnlessOptions {
  const written = arg && skipParens(arg);
  const options = written && isIdentifier(written) ? moduleConstOf(written) : written;
  if (!options || !isObjectLiteralExpression(options) || propertyOf(options, 'useOriginalUrl')?.kind === ts.SyntaxKind.FalseKeyword) return {};
  const path = propertyOf(options, 'path');
  const exceptions = path && oneOrMany(path).flatMap((e) => exceptionOf(e) ?? []);
  const methods = methodsOf(propertyOf(options, 'method'));
  return {
    ...(exceptions && exceptions.length > 0 ? { exceptions } : {}),
    ...(methods ? { exceptMethods: methods.map((m) => m.toLowerCase()) } : {}),
  };
}

function exceptionOf(expr: ts.Expression): RequestException | undefined {
  const e = skipParens(expr);
  if (isRegularExpressionLiteral(e)) {
    const end = e.text.lastIndexOf('/');
    return { regex: e.text.slice(1, end), flags: e.text.slice(end + 1) };
  }
  if (isObjectLiteralExpression(e)) {
    const url = propertyOf(e, 'url');
    const inner = url && exceptionOf(url);
    const written = propertyOf(e, 'methods');
    const methods = methodsOf(written);
    // Methods we cannot read could be any: the exception is left out rather than widened to all.
    if (!inner || (written && !methods)) return undefined;
    return { ...inner, ...(methods ? { methods } : {}) };
  }
  // Strings, templates and constants; the graph resolves references across files.
  const path = pathExprOf(e, new Map());
  return path && { path };
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
