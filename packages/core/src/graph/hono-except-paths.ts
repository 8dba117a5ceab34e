import { ts } from '../parse/typescript.js';
import { escapeRegex } from './escape-regex.js';
import { exemptedByCondition } from './path-bypass.js';
import { moduleConstOf } from './module-const-of.js';
import { skipParens } from './path-expr.js';
import type { RequestException } from './unless-options.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isArrowFunction, isFunctionExpression, isIdentifier, isStringLiteralLike } = ts;

/**
 * hono/combine `except('/admin/health', mw)` and `except(['/public/*', '/admin/metrics'], mw)`: the
 * paths the middleware does not run for, as expressions that match them the way Hono's router does.
 * A condition function is read when it only tests the path (`(c) => c.req.path.startsWith('/public')`);
 * any other (a negation, a header test) is undefined: what it exempts cannot be listed.
 */
export function honoExceptPathsOf(arg: ts.Expression | undefined): RequestException[] | undefined {
  const e = arg && skipParens(arg);
  if (!e) return undefined;
  if (isArrowFunction(e) || isFunctionExpression(e)) return exemptedByCondition(e);
  // A list or path in a module-level const is read in place; one named otherwise (imported) is
  // kept as a reference, whose entries the graph reads as patterns.
  const local = isIdentifier(e) ? moduleConstOf(e) : e;
  if (!local && isIdentifier(e)) return [{ path: { parts: [{ ref: e.text }] }, hono: true }];
  const listed = local && skipParens(local);
  const items = listed && isArrayLiteralExpression(listed) ? listed.elements.map(skipParens) : listed ? [listed] : [];
  if (items.length === 0 || !items.every(isStringLiteralLike)) return undefined;
  return items.map((item) => ({ regex: honoPatternSource(item.text), flags: '' }));
}

/** `/admin/*` matches `/admin` and below; `:id` one segment; `*` inside a segment any characters. */
export function honoPatternSource(pattern: string): string {
  let out = '';
  for (const seg of pattern.split('/').filter((s) => s !== '')) {
    if (seg === '*') out += '(?:/.*)?';
    else if (seg.startsWith(':')) out += '/[^/]+';
    else out += `/${seg.split('*').map(escapeRegex).join('.*')}`;
  }
  return `^${out === '' ? '/' : out}/?$`;
}
