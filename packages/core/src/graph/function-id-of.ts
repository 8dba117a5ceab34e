import { ts } from '../parse/typescript.js';
import type { FunctionNode } from './judge-function.js';

// TypeScript's bundle exposes its API through getters: read the hot ones once.
const { SyntaxKind, isAsExpression, isBinaryExpression, isCallExpression, isClassDeclaration, isClassExpression, isExportAssignment, isFunctionDeclaration, isIdentifier, isMethodDeclaration, isObjectLiteralExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isSatisfiesExpression, isSourceFile, isStringLiteral, isVariableDeclaration, isVariableStatement } = ts;

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  const k = node.kind;
  return k === SyntaxKind.FunctionDeclaration || k === SyntaxKind.ArrowFunction || k === SyntaxKind.FunctionExpression || k === SyntaxKind.MethodDeclaration;
}

export function isModuleExports(expr: ts.Expression): boolean {
  return isPropertyAccessExpression(expr) && isIdentifier(expr.expression) && expr.expression.text === 'module' && expr.name.text === 'exports';
}

/** `module.exports = { adminPrefix: '/internal' }`. */
export function isModuleExportsAssignment(stmt: ts.Statement): stmt is ts.ExpressionStatement & { expression: ts.BinaryExpression } {
  return ts.isExpressionStatement(stmt) && isBinaryExpression(stmt.expression) && stmt.expression.operatorToken.kind === SyntaxKind.EqualsToken && isModuleExports(stmt.expression.left);
}

/** `module.exports = class FileStore {...}`: the value of the module, whose name there is `default`. */
export function isModuleExportsValue(node: ts.Node): boolean {
  const parent = node.parent;
  return parent !== undefined && isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === SyntaxKind.EqualsToken && isModuleExports(parent.left);
}

/** `exports.x` or `module.exports.x`. */
function isExportsMember(expr: ts.Expression): expr is ts.PropertyAccessExpression {
  if (!isPropertyAccessExpression(expr)) return false;
  const owner = expr.expression;
  return (isIdentifier(owner) && owner.text === 'exports') || isModuleExports(owner);
}

export function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  let n: ts.Node | undefined = node.parent;
  while (n && !isFunctionNode(n)) n = n.parent;
  return n;
}

/** A function whose name other files can import: a top-level declaration or top-level const. */
export function isTopLevelFunction(fn: FunctionNode): boolean {
  const id = functionIdOf(fn);
  return !id.includes('@') && !id.includes('.');
}

/**
 * A stable name for a function within its file: its declared name or the top-level variable /
 * default export it is assigned to (through wrappers such as `fp(...)`); a method of a top-level
 * class or object by `Owner.method`, the key its judged fact has (`new AdminRoutes().register(app)`
 * binds the parameters of `AdminRoutes.register`); else its position.
 */
export function functionIdOf(fn: FunctionNode): string {
  if (isFunctionDeclaration(fn) && isSourceFile(fn.parent)) return fn.name ? fn.name.text : 'default';
  return topLevelNameOf(fn) ?? memberIdOf(fn) ?? `fn@${fn.getStart()}`;
}

/** The top-level name a value is bound to: `const x = ...`, `export default ...`, `module.exports = ...`, `exports.x = ...`. */
function topLevelNameOf(value: ts.Node): string | undefined {
  let n: ts.Node = value;
  while (n.parent && (isCallExpression(n.parent) || isParenthesizedExpression(n.parent) || isAsExpression(n.parent) || isSatisfiesExpression(n.parent))) n = n.parent;
  const parent = n.parent;
  if (parent && isVariableDeclaration(parent) && isIdentifier(parent.name) && parent.parent.parent && isVariableStatement(parent.parent.parent) && isSourceFile(parent.parent.parent.parent)) {
    return parent.name.text;
  }
  if (parent && isExportAssignment(parent)) return 'default';
  if (parent && isBinaryExpression(parent) && isModuleExports(parent.left)) return 'default';
  // `exports.admin = function (app) {...}`, and compiled ESM's `exports.default = (function ...)`:
  // the name module facts export it under.
  if (parent && isBinaryExpression(parent) && parent.right === n && isExportsMember(parent.left) && isSourceFile(parent.parent.parent)) return parent.left.name.text;
  return undefined;
}

/** `Owner.method` for a method (or function-valued property) of a top-level class or object literal. */
function memberIdOf(fn: FunctionNode): string | undefined {
  const member = isMethodDeclaration(fn) ? fn : fn.parent && (isPropertyAssignment(fn.parent) || isPropertyDeclaration(fn.parent)) && fn.parent.initializer === fn ? fn.parent : undefined;
  if (!member || !(isIdentifier(member.name) || isStringLiteral(member.name))) return undefined;
  const container = member.parent;
  const owner = isClassDeclaration(container) && isSourceFile(container.parent) ? container.name?.text : isObjectLiteralExpression(container) || isClassExpression(container) ? topLevelNameOf(container) : undefined;
  return owner === undefined ? undefined : `${owner}.${member.name.text}`;
}
