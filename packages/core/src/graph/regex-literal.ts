import { ts } from '../parse/typescript.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isIdentifier, isNewExpression, isRegularExpressionLiteral, isStringLiteralLike } = ts;

/** A RegExp literal, or `new RegExp('^/public')` of literal text. */
export function regexOf(e: ts.Expression): { regex: string; flags: string } | undefined {
  if (isRegularExpressionLiteral(e)) {
    const end = e.text.lastIndexOf('/');
    return { regex: e.text.slice(1, end), flags: e.text.slice(end + 1) };
  }
  if (!isNewExpression(e) || !isIdentifier(e.expression) || e.expression.text !== 'RegExp') return undefined;
  const [source, flags] = (e.arguments ?? []).map(skipParens);
  if (!source || !isStringLiteralLike(source) || (flags && !isStringLiteralLike(flags))) return undefined;
  return { regex: source.text, flags: flags && isStringLiteralLike(flags) ? flags.text : '' };
}
