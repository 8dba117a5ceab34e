import { ts } from '../parse/typescript.js';
import type { FunctionNode } from './judge-function.js';

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node);
}

export function isModuleExports(expr: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'module' && expr.name.text === 'exports';
}

export function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  let n: ts.Node | undefined = node.parent;
  while (n && !isFunctionNode(n)) n = n.parent;
  return n;
}

/** A function whose name other files can import: a top-level declaration or top-level const. */
export function isTopLevelFunction(fn: FunctionNode): boolean {
  return !functionIdOf(fn).includes('@');
}

/**
 * A stable name for a function within its file: its declared name or the top-level variable /
 * default export it is assigned to (through wrappers such as `fp(...)`), else its position.
 */
export function functionIdOf(fn: FunctionNode): string {
  if (ts.isFunctionDeclaration(fn) && fn.name && ts.isSourceFile(fn.parent)) return fn.name.text;
  if (ts.isFunctionDeclaration(fn) && !fn.name && ts.isSourceFile(fn.parent)) return 'default';
  let n: ts.Node = fn;
  while (n.parent && (ts.isCallExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent))) n = n.parent;
  const parent = n.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.parent.parent && ts.isVariableStatement(parent.parent.parent) && ts.isSourceFile(parent.parent.parent.parent)) {
    return parent.name.text;
  }
  if (parent && ts.isExportAssignment(parent)) return 'default';
  if (parent && ts.isBinaryExpression(parent) && isModuleExports(parent.left)) return 'default';
  return `fn@${fn.getStart()}`;
}
