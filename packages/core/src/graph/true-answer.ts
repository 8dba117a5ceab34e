import { someNode } from '../parse/visit-tree.js';
import { lastNameOf } from '../parse/last-name.js';
import { ts } from '../parse/typescript.js';
import { skipParens } from './path-expr.js';
import { thisMemberName } from './this-member.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isAwaitExpression, isBlock, isCallExpression, isIdentifier, isPropertyAccessExpression, isReturnStatement } = ts;

/** `true`, `Promise.resolve(true)` or rxjs `of(true)`: a canActivate answer that always allows. */
export function isTrueAnswer(expr: ts.Expression): boolean {
  let e = skipParens(expr);
  if (isAwaitExpression(e)) e = skipParens(e.expression);
  if (isCallExpression(e) && e.arguments.length === 1 && /^(resolve|of)$/.test(lastNameOf(e.expression) ?? '')) e = skipParens(e.arguments[0] as ts.Expression);
  return e.kind === SyntaxKind.TrueKeyword;
}

/**
 * `isAdmin(_req) { return true; }`, `async validateRequest(req) { /* TODO *\/ return true; }`: a
 * function (a stub) whose only answer is true, and that calls, awaits or throws nothing on the way
 * that could end the request another way. The cheap test of the last statement goes first: it is
 * asked of every function the graph records.
 */
export function answersOnlyTrue(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (body === undefined) return false;
  if (!isBlock(body)) return isTrueAnswer(body);
  const statements = body.statements;
  const last = statements[statements.length - 1];
  if (!last || !isReturnStatement(last) || !last.expression || !isTrueAnswer(last.expression)) return false;
  return !statements.slice(0, -1).some((s) => someNode(s, actsOrAnswers));
}

function actsOrAnswers(node: ts.Node): boolean {
  const kind = node.kind;
  return kind === SyntaxKind.CallExpression || kind === SyntaxKind.NewExpression || kind === SyntaxKind.AwaitExpression || kind === SyntaxKind.ThrowStatement || kind === SyntaxKind.ReturnStatement;
}

/**
 * `return this.auth.isAdmin(req)`, `return await validateRequest(req)` in a Nest `canActivate`: it
 * answers whatever the named function answers, so that function's definition decides whether
 * the guard may deny. The call, and the name the graph looks the function up by. Only methods
 * read through `this` and names `isProjectName` accepts: a package's call (rxjs `of(...)`)
 * wraps the answer rather than gives it.
 */
export function answeringCallOf(stmt: ts.Statement, isProjectName: (name: string) => boolean): { call: ts.CallExpression; name: string } | undefined {
  if (!isReturnStatement(stmt) || !stmt.expression || isTrueAnswer(stmt.expression)) return undefined;
  let e = skipParens(stmt.expression);
  if (isAwaitExpression(e)) e = skipParens(e.expression);
  if (!isCallExpression(e)) return undefined;
  const callee = skipParens(e.expression);
  const name = isPropertyAccessExpression(callee) ? thisMemberName(callee) : isIdentifier(callee) && isProjectName(callee.text) ? callee.text : undefined;
  return name === undefined ? undefined : { call: e, name };
}
