import { ts } from './typescript.js';

/**
 * The expression a function returns when its body is that expression (`(k, v) => ...`) or a single
 * `return` (`() => { return new JwtGuard(); }`); undefined for any other body.
 */
export function returnedExpressionOf(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  if (body === undefined || !ts.isBlock(body)) return body;
  const [only] = body.statements;
  return body.statements.length === 1 && only && ts.isReturnStatement(only) ? only.expression : undefined;
}
