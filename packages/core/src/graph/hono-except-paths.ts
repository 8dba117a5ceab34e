import { ts } from '../parse/typescript.js';
import { escapeRegex } from './escape-regex.js';
import { skipParens } from './path-expr.js';
import type { RequestException } from './unless-options.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isStringLiteralLike } = ts;

/**
 * hono/combine `except('/admin/health', mw)` and `except(['/public/*', '/admin/metrics'], mw)`: the
 * paths the middleware does not run for, as expressions that match them the way Hono's router does.
 * Undefined for a condition function (`except((c) => ..., mw)`): what it exempts cannot be listed.
 */
export function honoExceptPathsOf(arg: ts.Expression | undefined): RequestException[] | undefined {
  const e = arg && skipParens(arg);
  if (!e) return undefined;
  const items = isArrayLiteralExpression(e) ? e.elements.map(skipParens) : [e];
  if (!items.every(isStringLiteralLike)) return undefined;
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
