import { ts } from '../../parse/typescript.js';
import type { AdapterContext } from '../adapter.js';
import { skipParens } from '../path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isPropertyAccessExpression, isStringLiteralLike } = ts;

/**
 * Whether `expr` names an export of one of `specifiers` (`Hono` from 'hono', `express` default,
 * `express.Router` through the default import). `names` lists accepted export names; `default`
 * and `*` (namespace / require) match the module object itself.
 */
export function isImportedFrom(expr: ts.Expression, ctx: AdapterContext, specifiers: (s: string) => boolean, names: readonly string[]): boolean {
  const e = skipParens(expr);
  if (isIdentifier(e)) {
    const binding = ctx.imports.get(e.text);
    return binding !== undefined && specifiers(binding.specifier) && names.includes(binding.imported);
  }
  if (isPropertyAccessExpression(e) && isRequireOf(e.expression, specifiers)) return names.includes(e.name.text);
  if (isPropertyAccessExpression(e) && isIdentifier(e.expression)) {
    const binding = ctx.imports.get(e.expression.text);
    return binding !== undefined && specifiers(binding.specifier) && (binding.imported === 'default' || binding.imported === '*') && names.includes(e.name.text);
  }
  // `express_1.default.Router` of tsc's `const express_1 = __importDefault(require('express'))`.
  if (isPropertyAccessExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'default' && isIdentifier(e.expression.expression)) {
    const binding = ctx.imports.get(e.expression.expression.text);
    return binding !== undefined && specifiers(binding.specifier) && binding.imported === '*' && names.includes(e.name.text);
  }
  if (isRequireOf(e, specifiers)) return names.includes('default') || names.includes('*');
  return false;
}

/** `require('express')` inline. */
function isRequireOf(expr: ts.Expression, specifiers: (s: string) => boolean): boolean {
  if (!isCallExpression(expr) || !isIdentifier(expr.expression) || expr.expression.text !== 'require') return false;
  const arg = expr.arguments[0];
  return arg !== undefined && isStringLiteralLike(arg) && specifiers(arg.text);
}
