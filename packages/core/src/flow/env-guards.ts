import { ts } from '../parse/typescript.js';
import { type FileContext, lookup } from './file-context.js';
import { isFunctionLike, propertyNameOf, unwrap } from './scope.js';
import { walkTree } from './walk-tree.js';
import { splitWords } from './sensitive-names.js';

/** Read once: `ts.SyntaxKind` is behind an accessor, and these checks run for every node. */
const { SyntaxKind } = ts;

/** What is known about `NODE_ENV` at a point: production, certainly not production, or unknown. */
export type EnvState = 'prod' | 'nonprod' | 'unknown';

interface ConditionEnv {
  whenTrue: EnvState;
  whenFalse: EnvState;
}

const UNKNOWN: ConditionEnv = { whenTrue: 'unknown', whenFalse: 'unknown' };
const PRODUCTION_VALUES = new Set(['production', 'prod']);
const NON_PRODUCTION_VALUES = new Set(['development', 'dev', 'test', 'testing', 'local']);
const ENV_NAMES = new Set(['NODE_ENV', 'nodeEnv', 'APP_ENV', 'appEnv', 'env', 'ENV', 'environment', 'ENVIRONMENT', 'MODE', 'mode']);
const MAX_DEPTH = 4;
const ENV_SUFFIXES = new Set(['env', 'environment', 'mode', 'build']);

/**
 * NODE_ENV guards around `node`: enclosing `if`/`?:`/`&&` branches and earlier early exits
 * (`if (isProd) throw ...` / `return`) in enclosing blocks. Walks out through callbacks passed as
 * arguments (they run where they are written) and stops at any other function boundary.
 */
export function envAt(node: ts.Node, fc: FileContext): EnvState {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const state = stateFromParent(parent, child, fc);
    if (state !== 'unknown') return state;
    if (isFunctionLike(parent) && !(ts.isCallExpression(parent.parent) && (ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)))) break;
  }
  return 'unknown';
}

function stateFromParent(parent: ts.Node, child: ts.Node, fc: FileContext): EnvState {
  if (ts.isIfStatement(parent) && child !== parent.expression) {
    const env = conditionEnv(parent.expression, fc, 0);
    return child === parent.thenStatement ? env.whenTrue : env.whenFalse;
  }
  if (ts.isConditionalExpression(parent) && child !== parent.condition) {
    const env = conditionEnv(parent.condition, fc, 0);
    return child === parent.whenTrue ? env.whenTrue : env.whenFalse;
  }
  if (ts.isBinaryExpression(parent) && child === parent.right) {
    if (parent.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) return conditionEnv(parent.left, fc, 0).whenTrue;
    if (parent.operatorToken.kind === SyntaxKind.BarBarToken) return conditionEnv(parent.left, fc, 0).whenFalse;
  }
  if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
    const early = earlyExitState(parent.statements, child, fc);
    if (early !== 'unknown' || !ts.isCaseClause(parent)) return early;
    return caseEnv(parent, fc);
  }
  return 'unknown';
}

/** `switch (process.env.NODE_ENV) { case 'development': ... }` (without fall-through from other cases). */
function caseEnv(clause: ts.CaseClause, fc: FileContext): EnvState {
  const sw = clause.parent.parent;
  const value = literalText(clause.expression)?.toLowerCase();
  if (!ts.isSwitchStatement(sw) || value === undefined || !isEnvValue(sw.expression, fc, 0)) return 'unknown';
  const clauses = clause.parent.clauses;
  const previous = clauses[clauses.indexOf(clause) - 1];
  if (previous && previous.statements.length === 0) return 'unknown';
  return equalityEnv(value).whenTrue;
}

/** `if (prod) return;` before `child` means everything after it runs outside production. */
function earlyExitState(statements: ts.NodeArray<ts.Statement>, child: ts.Node, fc: FileContext): EnvState {
  let exits = fc.earlyExits.get(statements);
  if (!exits) {
    exits = collectEarlyExits(statements, fc);
    fc.earlyExits.set(statements, exits);
  }
  for (const exit of exits) {
    if (exit.end > child.pos) break;
    return exit.state;
  }
  return 'unknown';
}

/** The NODE_ENV-dependent early exits of a block, in order: computed once per block. */
function collectEarlyExits(statements: ts.NodeArray<ts.Statement>, fc: FileContext): Array<{ end: number; state: EnvState }> {
  const out: Array<{ end: number; state: EnvState }> = [];
  for (const stmt of statements) {
    if (!ts.isIfStatement(stmt)) continue;
    // The syntactic exit test is cheap; the condition is only read for ifs that exit.
    const thenExits = alwaysExits(stmt.thenStatement);
    if (!stmt.elseStatement && thenExits) {
      const state = conditionEnv(stmt.expression, fc, 0).whenFalse;
      if (state !== 'unknown') out.push({ end: stmt.end, state });
    } else if (stmt.elseStatement && !thenExits && alwaysExits(stmt.elseStatement)) {
      const state = conditionEnv(stmt.expression, fc, 0).whenTrue;
      if (state !== 'unknown') out.push({ end: stmt.end, state });
    }
  }
  return out;
}

function alwaysExits(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt)) return true;
  if (ts.isExpressionStatement(stmt)) {
    const e = unwrap(stmt.expression);
    return ts.isCallExpression(e) && /^process\.(exit|abort)$/.test(e.expression.getText());
  }
  if (ts.isBlock(stmt)) {
    const last = stmt.statements.at(-1);
    return last !== undefined && alwaysExits(last);
  }
  if (ts.isIfStatement(stmt)) return stmt.elseStatement !== undefined && alwaysExits(stmt.thenStatement) && alwaysExits(stmt.elseStatement);
  return false;
}

/** What a condition being true or false says about production. */
function conditionEnv(expr: ts.Expression, fc: FileContext, depth: number): ConditionEnv {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) {
    const inner = conditionEnv(e.operand, fc, depth + 1);
    return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (ts.isBinaryExpression(e)) return binaryEnv(e, fc, depth);
  if (ts.isCallExpression(e)) return callEnv(e, fc, depth);
  if (ts.isIdentifier(e)) {
    const binding = lookup(fc, e);
    const value = binding?.kind === 'var' && binding.isConst && binding.values.length === 1 ? binding.values[0] : undefined;
    if (value && value.path.length === 0) return conditionEnv(value.expr, fc, depth + 1);
    return flagEnv(e.text);
  }
  if (ts.isPropertyAccessExpression(e)) return flagEnv(e.name.text);
  return UNKNOWN;
}

/** `isProd`, `IS_PRODUCTION`, `config.isDev`, `import.meta.env.PROD`: flags named for the environment. */
function flagEnv(name: string): ConditionEnv {
  const all = splitWords(name);
  // `isProdEnv`, `IS_DEV_MODE`: a trailing env/mode word adds nothing.
  const words = all.length > 1 && ENV_SUFFIXES.has(all.at(-1) ?? '') ? all.slice(0, -1) : all;
  const last = words.at(-1);
  if (words.length > 2 || last === undefined) return UNKNOWN;
  if (words.length === 2 && words[0] !== 'is' && words[0] !== 'in') return UNKNOWN;
  if (PRODUCTION_VALUES.has(last)) return { whenTrue: 'prod', whenFalse: 'nonprod' };
  if (NON_PRODUCTION_VALUES.has(last) || last === 'development') return { whenTrue: 'nonprod', whenFalse: 'unknown' };
  return UNKNOWN;
}

function binaryEnv(e: ts.BinaryExpression, fc: FileContext, depth: number): ConditionEnv {
  const op = e.operatorToken.kind;
  if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken) {
    const a = conditionEnv(e.left, fc, depth + 1);
    const b = conditionEnv(e.right, fc, depth + 1);
    return op === SyntaxKind.AmpersandAmpersandToken
      ? { whenTrue: either(a.whenTrue, b.whenTrue), whenFalse: both(a.whenFalse, b.whenFalse) }
      : { whenTrue: both(a.whenTrue, b.whenTrue), whenFalse: either(a.whenFalse, b.whenFalse) };
  }
  const isEq = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
  const isNe = op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken;
  if (!isEq && !isNe) return UNKNOWN;
  const literal = literalText(e.right) ?? literalText(e.left);
  const other = literalText(e.right) !== undefined ? e.left : e.right;
  if (literal === undefined || !isEnvValue(other, fc, depth)) return UNKNOWN;
  const eq = equalityEnv(literal.toLowerCase());
  return isEq ? eq : { whenTrue: eq.whenFalse, whenFalse: eq.whenTrue };
}

function equalityEnv(value: string): ConditionEnv {
  if (PRODUCTION_VALUES.has(value)) return { whenTrue: 'prod', whenFalse: 'nonprod' };
  if (NON_PRODUCTION_VALUES.has(value)) return { whenTrue: 'nonprod', whenFalse: 'unknown' };
  return UNKNOWN;
}

/** `isProduction()`: a local helper returning an env condition, or a helper named for the environment. */
function callEnv(call: ts.CallExpression, fc: FileContext, depth: number): ConditionEnv {
  const included = includesEnv(call, fc, depth);
  if (included !== UNKNOWN || call.arguments.length > 0) return included;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const binding = lookup(fc, callee);
    const fn = binding?.kind === 'function' ? binding.node : undefined;
    const returned = fn ? fc.collected.returns.get(fn) : undefined;
    if (returned?.length === 1 && returned[0]) return conditionEnv(returned[0], fc, depth + 1);
    return flagEnv(callee.text);
  }
  return ts.isPropertyAccessExpression(callee) ? flagEnv(callee.name.text) : UNKNOWN;
}

/** `['development', 'test'].includes(process.env.NODE_ENV)`. */
function includesEnv(call: ts.CallExpression, fc: FileContext, depth: number): ConditionEnv {
  const callee = unwrap(call.expression);
  const arg = call.arguments[0];
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'includes' || !arg || !isEnvValue(arg, fc, depth)) return UNKNOWN;
  const list = unwrap(callee.expression);
  if (!ts.isArrayLiteralExpression(list)) return UNKNOWN;
  const values = list.elements.map((el) => literalText(el)?.toLowerCase());
  if (values.every((v) => v !== undefined && NON_PRODUCTION_VALUES.has(v))) return { whenTrue: 'nonprod', whenFalse: 'unknown' };
  if (values.every((v) => v !== undefined && PRODUCTION_VALUES.has(v))) return { whenTrue: 'prod', whenFalse: 'nonprod' };
  return UNKNOWN;
}

/** `process.env.NODE_ENV`, `config.env`, or a const holding one (`const env = process.env.NODE_ENV ?? 'dev'`). */
function isEnvValue(expr: ts.Expression, fc: FileContext, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = propertyNameOf(ts.isPropertyAccessExpression(e) ? e.name : e.argumentExpression);
    return name !== undefined && ENV_NAMES.has(name);
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) {
    return isEnvValue(e.left, fc, depth + 1);
  }
  if (ts.isIdentifier(e)) {
    const binding = lookup(fc, e);
    const value = binding?.kind === 'var' && binding.values.length === 1 ? binding.values[0] : undefined;
    if (value) return value.path.length === 0 ? isEnvValue(value.expr, fc, depth + 1) : ENV_NAMES.has(value.path.at(-1) ?? '');
    return ENV_NAMES.has(e.text);
  }
  return false;
}

function literalText(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  return ts.isStringLiteralLike(e) ? e.text : undefined;
}

function either(a: EnvState, b: EnvState): EnvState {
  return a !== 'unknown' ? a : b;
}

function both(a: EnvState, b: EnvState): EnvState {
  return a === b ? a : 'unknown';
}

/**
 * The function refuses to run in production: it throws (or exits) on a path only production
 * takes, e.g. `if (process.env.NODE_ENV === 'production') throw new Error(...)`.
 */
export function refusesProduction(fn: ts.Node, fc: FileContext, depth = 0): boolean {
  let found = false;
  walkTree(fn, (node) => {
    if (found || (node !== fn && isFunctionLike(node))) return false;
    if ((ts.isThrowStatement(node) || (ts.isExpressionStatement(node) && alwaysExits(node))) && envAt(node, fc) === 'prod') {
      found = true;
      return false;
    }
    if (ts.isCallExpression(node) && /^(assert|invariant)$/.test(node.expression.getText()) && node.arguments[0]) {
      if (conditionEnv(node.arguments[0], fc, 0).whenFalse === 'prod') found = true;
    }
    // `constructor() { assertDevelopmentOnly(); }` with the check in a helper of the same file.
    if (depth === 0 && ts.isExpressionStatement(node) && ts.isCallExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
      const helper = lookup(fc, node.expression.expression);
      if (helper?.kind === 'function' && envAt(node, fc) === 'unknown' && refusesProduction(helper.node, fc, 1)) found = true;
    }
    return true;
  });
  return found;
}
