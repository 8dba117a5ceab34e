import { ts } from '../parse/typescript.js';
import { skipParens } from './path-expr.js';
import type { Condition } from './route-facts.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isBinaryExpression, isElementAccessExpression, isIdentifier, isPrefixUnaryExpression, isPropertyAccessExpression, isStringLiteralLike, isVariableStatement } = ts;

const NON_PROD_ENVS = new Set(['development', 'dev', 'test', 'local']);
const derivedByFile = new WeakMap<ts.SourceFile, Map<string, Condition>>();

/**
 * Whether an `if` condition holds in production: `prod` (true there), `nonProd` (false there,
 * e.g. `NODE_ENV !== 'production'`), `unknown` (a flag production may or may not set). Constants
 * derived from NODE_ENV at module level (`const isDev = ...`) are followed.
 */
export function classifyCondition(expr: ts.Expression, sf: ts.SourceFile): Condition {
  const e = skipParens(expr);
  if (isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return negateCondition(classifyCondition(e.operand, sf));
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return andConditions(classifyCondition(e.left, sf), classifyCondition(e.right, sf));
    if (op === ts.SyntaxKind.BarBarToken) return negateCondition(andConditions(negateCondition(classifyCondition(e.left, sf)), negateCondition(classifyCondition(e.right, sf))));
    const comparison = classifyEnvComparison(e);
    if (comparison) return comparison;
  }
  if (isIdentifier(e)) return derivedConditions(sf).get(e.text) ?? 'unknown';
  return 'unknown';
}

export function negateCondition(c: Condition): Condition {
  if (c === 'prod') return 'nonProd';
  if (c === 'nonProd') return 'prod';
  return c;
}

/** The condition of code nested in several `if`s. */
export function combineConditions(conditions: readonly Condition[]): Condition {
  return conditions.reduce<Condition>((acc, c) => andConditions(acc, c), 'always');
}

/** Code nested under both conditions. */
export function andConditions(a: Condition, b: Condition): Condition {
  if (a === 'nonProd' || b === 'nonProd') return 'nonProd';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  if (a === 'prod' || b === 'prod') return 'prod';
  return 'always';
}

/** `process.env.NODE_ENV === 'production'` and its variants (`!==`, `'development'`, reversed operands). */
function classifyEnvComparison(e: ts.BinaryExpression): Condition | undefined {
  const op = e.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  const notEqual = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  if (!equal && !notEqual) return undefined;
  const [env, literal] = isNodeEnv(e.left) ? [e.left, e.right] : [e.right, e.left];
  if (!isNodeEnv(env) || !isStringLiteralLike(literal)) return undefined;
  const value = literal.text.toLowerCase();
  let whenEqual: Condition;
  if (value === 'production' || value === 'prod') whenEqual = 'prod';
  else if (NON_PROD_ENVS.has(value)) whenEqual = 'nonProd';
  else return 'unknown';
  if (equal) return whenEqual;
  // `!== 'production'` is false in production; `!== 'development'` is true there.
  return whenEqual === 'prod' ? 'nonProd' : 'prod';
}

function isNodeEnv(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  if (isPropertyAccessExpression(e)) return e.name.text === 'NODE_ENV';
  if (isElementAccessExpression(e)) return isStringLiteralLike(e.argumentExpression) && e.argumentExpression.text === 'NODE_ENV';
  return false;
}

function derivedConditions(sf: ts.SourceFile): Map<string, Condition> {
  let table = derivedByFile.get(sf);
  if (table) return table;
  table = new Map();
  derivedByFile.set(sf, table);
  for (const stmt of sf.statements) {
    if (!isVariableStatement(stmt)) continue;
    for (const decl of stmt.declarationList.declarations) {
      if (!isIdentifier(decl.name) || !decl.initializer) continue;
      const c = classifyCondition(decl.initializer, sf);
      if (c === 'prod' || c === 'nonProd') table.set(decl.name.text, c);
    }
  }
  return table;
}
