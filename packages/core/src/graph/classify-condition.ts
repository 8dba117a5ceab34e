import { skipParens } from './path-expr.js';
import { conditionEnv, type NamedValue, type NameValues } from '../env/production-condition.js';
import { walkTree } from '../parse/walk-tree.js';
import { ts } from '../parse/typescript.js';
import type { Condition } from './route-facts.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isFunctionDeclaration, isFunctionLike, isIdentifier, isReturnStatement, isVariableStatement } = ts;

/**
 * Whether an `if` condition holds in production: `prod` (true there), `nonProd` (false there,
 * e.g. `NODE_ENV !== 'production'`), `unknown` (a flag production may or may not set). Read by
 * the same NODE_ENV reading as the value-flow layer (env/production-condition), with the file's
 * module-level constants and helpers (`const isDev = ...`, `function isProduction()`): `names`,
 * from moduleNameValues.
 */
export function classifyCondition(expr: ts.Expression, names: NameValues): Condition {
  const env = conditionEnv(expr, names);
  // True only outside production: code under it never runs there. False only outside production:
  // in production the condition holds.
  if (env.whenTrue === 'nonprod') return 'nonProd';
  if (env.whenFalse === 'nonprod') return 'prod';
  return 'unknown';
}

interface ModuleNames {
  values: Map<string, NamedValue>;
  /** Helpers called as `isProd()`: declared functions, and consts holding an arrow or function expression. */
  functions: Map<string, ts.FunctionLikeDeclaration>;
}

/**
 * Module-level `const`/`let` values and functions with one `return`: what a condition's names stand
 * for. The route walk makes one per file and drops it with the file (a module-level WeakMap keyed by
 * the source file kept every tree alive through young-generation collections); the tables are read
 * from the file on the first condition that names something.
 */
export function moduleNameValues(sf: ts.SourceFile): NameValues {
  let table: ModuleNames | undefined;
  const names = (): ModuleNames => (table ??= collectModuleNames(sf));
  // A helper (`isProd()`) is often named by every condition of the file: its body is walked once.
  const returns = new Map<ts.FunctionLikeDeclaration, ts.Expression | undefined>();
  return {
    valueOf: (id) => names().values.get(id.text),
    returnOf: (id) => {
      const fn = names().functions.get(id.text);
      if (!fn) return undefined;
      if (!returns.has(fn)) returns.set(fn, singleReturnOf(fn));
      return returns.get(fn);
    },
  };
}

function collectModuleNames(sf: ts.SourceFile): ModuleNames {
  const values = new Map<string, NamedValue>();
  const functions = new Map<string, ts.FunctionLikeDeclaration>();
  for (const stmt of sf.statements) {
    if (isFunctionDeclaration(stmt) && stmt.name && stmt.body) functions.set(stmt.name.text, stmt);
    if (!isVariableStatement(stmt)) continue;
    const isConst = (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const decl of stmt.declarationList.declarations) {
      if (isIdentifier(decl.name) && decl.initializer) values.set(decl.name.text, { expr: decl.initializer, path: [], isConst });
      // `const isDevelopment = () => process.env.NODE_ENV !== 'test'`: judged by what it returns, as a declared helper is.
      const fn = decl.initializer && skipParens(decl.initializer);
      if (isConst && isIdentifier(decl.name) && fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) functions.set(decl.name.text, fn);
    }
  }
  return { values, functions };
}

function singleReturnOf(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return fn.body;
  const returned: ts.Expression[] = [];
  walkTree(fn, (node) => {
    if (node !== fn && isFunctionLike(node)) return false;
    if (isReturnStatement(node) && node.expression) returned.push(node.expression);
    return true;
  });
  return returned.length === 1 ? returned[0] : undefined;
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
