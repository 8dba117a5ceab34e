import { conditionEnv, type ConditionEnv, type EnvState, envLiteralOf, equalityEnv, equalityOf, isEnvValue, type NameValues } from '../env/production-condition.js';
import { ts } from '../parse/typescript.js';
import { type FileContext, importOf, lookup } from './file-context.js';
import { type Binding, blockScopeOf, isFunctionLike, unwrap } from './scope.js';
import { walkTree } from '../parse/walk-tree.js';

/** Read once: `ts.SyntaxKind` is behind an accessor, and these checks run for every node. */
const { SyntaxKind } = ts;

export type { EnvState } from '../env/production-condition.js';

/**
 * NODE_ENV guards around `node`: enclosing `if`/`?:`/`&&` branches and earlier early exits
 * (`if (isProd) throw ...` / `return`) in enclosing blocks. Walks out through arrows and function
 * expressions (made where they are written) and stops at any other function boundary.
 */
export function envAt(node: ts.Node, fc: FileContext): EnvState {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const state = stateFromParent(parent, child, fc);
    if (state !== 'unknown') return state;
    if (endsGuardScope(parent)) break;
  }
  return 'unknown';
}

/**
 * A function boundary guards do not cross: a declared function or method, which its callers run.
 * An arrow or function expression is a value made where it is written: a callback passed as an
 * argument runs there, and one assigned or kept (`write = (t) => writeFileSync(...)` inside `if
 * (NODE_ENV !== 'production')`) exists only where that code ran.
 */
export function endsGuardScope(node: ts.Node): boolean {
  return isFunctionLike(node) && !ts.isArrowFunction(node) && !ts.isFunctionExpression(node);
}

function stateFromParent(parent: ts.Node, child: ts.Node, fc: FileContext): EnvState {
  if (ts.isIfStatement(parent) && child !== parent.expression) {
    const env = conditionEnvIn(parent.expression, fc);
    return child === parent.thenStatement ? env.whenTrue : env.whenFalse;
  }
  if (ts.isConditionalExpression(parent) && child !== parent.condition) {
    const env = conditionEnvIn(parent.condition, fc);
    return child === parent.whenTrue ? env.whenTrue : env.whenFalse;
  }
  if (ts.isBinaryExpression(parent) && child === parent.right) {
    if (parent.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) return conditionEnvIn(parent.left, fc).whenTrue;
    if (parent.operatorToken.kind === SyntaxKind.BarBarToken) return conditionEnvIn(parent.left, fc).whenFalse;
  }
  if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
    const early = earlyExitState(parent.statements, child, fc);
    if (early !== 'unknown' || ts.isBlock(parent) || ts.isSourceFile(parent)) return early;
    return clauseEnv(parent, fc);
  }
  return 'unknown';
}

/**
 * `switch (process.env.NODE_ENV)`: a clause runs for the values of its fall-through group (`case
 * 'test': case 'development':`). A group of non-production values runs outside production; so does
 * `default` when production has a case of its own.
 */
function clauseEnv(clause: ts.CaseOrDefaultClause, fc: FileContext): EnvState {
  const sw = clause.parent.parent;
  if (!ts.isSwitchStatement(sw)) return 'unknown';
  const clauses = clause.parent.clauses;
  const group = fallThroughGroup(clauses, clauses.indexOf(clause));
  if (group === undefined) return 'unknown';
  // `switch (true) { case process.env.NODE_ENV === 'development': ... }`: each case is a condition.
  if (unwrap(sw.expression).kind === SyntaxKind.TrueKeyword) return trueSwitchEnv(clauses, group, fc);
  if (!isEnvValue(sw.expression, namesOf(fc))) return 'unknown';
  const values = new Set<EnvState>();
  for (const member of group) {
    if (ts.isDefaultClause(member)) values.add(hasOwnProductionCase(clauses, group) ? 'nonprod' : 'unknown');
    else {
      const value = envLiteralOf(member.expression)?.toLowerCase();
      values.add(value === undefined ? 'unknown' : equalityEnv(value).whenTrue);
    }
  }
  return values.size === 1 ? ([...values][0] ?? 'unknown') : 'unknown';
}

/** A fall-through group of `switch (true)`: it runs when one of its members is the first clause to match. */
function trueSwitchEnv(clauses: ts.NodeArray<ts.CaseOrDefaultClause>, group: readonly ts.CaseOrDefaultClause[], fc: FileContext): EnvState {
  const states = new Set(group.map((member) => trueClauseEnv(clauses, member, fc)));
  return states.size === 1 ? ([...states][0] ?? 'unknown') : 'unknown';
}

/**
 * A clause of `switch (true)` matches when its condition holds and every case before it failed
 * (`default`: every case failed). A case before it that fails only outside production (`case
 * NODE_ENV === 'production': return redisStore()`) leaves the clause to other environments.
 */
function trueClauseEnv(clauses: ts.NodeArray<ts.CaseOrDefaultClause>, member: ts.CaseOrDefaultClause, fc: FileContext): EnvState {
  const before = ts.isDefaultClause(member) ? clauses : clauses.slice(0, clauses.indexOf(member));
  if (before.some((c) => ts.isCaseClause(c) && conditionEnvIn(c.expression, fc).whenFalse === 'nonprod')) return 'nonprod';
  return ts.isCaseClause(member) ? conditionEnvIn(member.expression, fc).whenTrue : 'unknown';
}

/** The clauses whose values reach clause `index`; undefined when code of another clause runs on into it. */
export function fallThroughGroup(clauses: ts.NodeArray<ts.CaseOrDefaultClause>, index: number): ts.CaseOrDefaultClause[] | undefined {
  const group: ts.CaseOrDefaultClause[] = [];
  for (let i = index; i >= 0; i--) {
    const member = clauses[i];
    if (!member) break;
    if (i < index && member.statements.length > 0) {
      if (endsClause(member.statements)) break;
      return undefined;
    }
    group.unshift(member);
  }
  return group;
}

/** A production case outside `group` that ends before the next clause: production never reaches `group`. */
function hasOwnProductionCase(clauses: ts.NodeArray<ts.CaseOrDefaultClause>, group: readonly ts.CaseOrDefaultClause[]): boolean {
  return clauses.some((c, i) => {
    if (!ts.isCaseClause(c) || group.includes(c)) return false;
    const value = envLiteralOf(c.expression)?.toLowerCase();
    if (value === undefined || equalityEnv(value).whenTrue !== 'prod') return false;
    const landing = clauses.slice(i).find((next) => next.statements.length > 0);
    return landing !== undefined && !group.includes(landing) && endsClause(landing.statements);
  });
}

/** The clause's code leaves the switch: `break`, `return`, `throw`, or an exit. */
export function endsClause(statements: ts.NodeArray<ts.Statement>): boolean {
  const last = statements.at(-1);
  return last !== undefined && skipsRest(last);
}

/**
 * The statement never lets its block run on: it leaves the function, or `break`s or `continue`s
 * (`for (...) { if (isProd) continue; write() }` skips the rest of the loop body).
 */
function skipsRest(stmt: ts.Statement): boolean {
  if (ts.isBreakStatement(stmt) || ts.isContinueStatement(stmt)) return true;
  if (ts.isBlock(stmt)) return endsClause(stmt.statements);
  if (ts.isIfStatement(stmt)) return stmt.elseStatement !== undefined && skipsRest(stmt.thenStatement) && skipsRest(stmt.elseStatement);
  return alwaysExits(stmt);
}

/**
 * Where a made object is chosen rather than built: `const fileStore = new FileStore()` used only as
 * `isProduction ? redisStore : fileStore` is built everywhere but chosen only outside production.
 * A module-level const that is exported may be chosen anywhere.
 */
export function choiceEnvAt(made: ts.Expression, fc: FileContext): EnvState {
  const env = envAt(made, fc);
  if (env !== 'unknown') return env;
  const uses = choiceUsesOf(made, fc);
  return uses.length > 0 && uses.every((use) => envAt(use, fc) === 'nonprod') ? 'nonprod' : env;
}

/** The reads of the file-local const a made object is kept in (`const fileStore = new FileStore()`): where it may be chosen. Empty for anything else. */
export function choiceUsesOf(made: ts.Expression, fc: FileContext): ts.Identifier[] {
  let node: ts.Node = made;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const decl = node.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== node || !ts.isIdentifier(decl.name) || isExported(decl)) return [];
  const binding = lookup(fc, decl.name);
  return binding?.kind === 'var' && binding.isConst ? usesOf(decl.name, binding, fc) : [];
}

function isExported(decl: ts.VariableDeclaration): boolean {
  const stmt = decl.parent.parent;
  return ts.isVariableStatement(stmt) && (stmt.modifiers?.some((m) => m.kind === SyntaxKind.ExportKeyword) ?? false);
}

/**
 * The identifiers that read the const `name` declares as `binding` (not property names that share
 * its text). Only those inside its block can: the file's identifiers of that name are in source
 * order, so the block's are found by a binary search (a bundle has thousands of `t`s).
 */
export function usesOf(name: ts.Identifier, binding: Binding, fc: FileContext): ts.Identifier[] {
  const scope = blockScopeOf(binding.node);
  const all = identifiersOf(fc).get(name.text) ?? [];
  const uses: ts.Identifier[] = [];
  for (let i = firstAtOrAfter(all, scope.pos); i < all.length; i++) {
    const n = all[i];
    if (n === undefined || n.pos >= scope.end) break;
    if (n !== name && !isPropertyNamePosition(n) && lookup(fc, n) === binding) uses.push(n);
  }
  return uses;
}

/** The index of the first identifier at or after `pos` in a list in source order. */
function firstAtOrAfter(ids: readonly ts.Identifier[], pos: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid]?.pos ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One walk per file, however many made objects ask where they are used. */
function identifiersOf(fc: FileContext): Map<string, ts.Identifier[]> {
  if (fc.identifiers) return fc.identifiers;
  const index = new Map<string, ts.Identifier[]>();
  walkTree(fc.sf, (n) => {
    if (ts.isIdentifier(n)) {
      const list = index.get(n.text);
      if (list) list.push(n);
      else index.set(n.text, [n]);
    }
    return true;
  });
  fc.identifiers = index;
  return index;
}

function isPropertyNamePosition(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === id) || ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === id);
}

/** `if (prod) return;` (or `continue;` in a loop, or `assert(!prod)`) before `child` means everything after it runs outside production. */
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
    // `assert(process.env.NODE_ENV !== 'production')`: it throws unless its argument holds.
    const asserted = ts.isExpressionStatement(stmt) ? requirementOf(stmt) : undefined;
    if (asserted) {
      const state = conditionEnvIn(asserted.condition, fc).whenTrue;
      if (state !== 'unknown') out.push({ end: stmt.end, state });
      continue;
    }
    if (!ts.isIfStatement(stmt)) continue;
    // The syntactic exit test is cheap; the condition is only read for ifs that exit.
    const thenExits = skipsRest(stmt.thenStatement);
    if (!stmt.elseStatement && thenExits) {
      const state = conditionEnvIn(stmt.expression, fc).whenFalse;
      if (state !== 'unknown') out.push({ end: stmt.end, state });
    } else if (stmt.elseStatement && !thenExits && skipsRest(stmt.elseStatement)) {
      const state = conditionEnvIn(stmt.expression, fc).whenTrue;
      if (state !== 'unknown') out.push({ end: stmt.end, state });
    }
  }
  return out;
}

/** The statement always leaves the function: `return`, `throw`, `process.exit()` (`orReturn` false: never by returning). */
export function alwaysExits(stmt: ts.Statement, orReturn = true): boolean {
  if (ts.isThrowStatement(stmt)) return true;
  if (ts.isReturnStatement(stmt)) return orReturn;
  if (ts.isExpressionStatement(stmt)) {
    const e = unwrap(stmt.expression);
    return ts.isCallExpression(e) && /^process\.(exit|abort)$/.test(e.expression.getText());
  }
  if (ts.isBlock(stmt)) {
    const last = stmt.statements.at(-1);
    return last !== undefined && alwaysExits(last, orReturn);
  }
  if (ts.isIfStatement(stmt)) return stmt.elseStatement !== undefined && alwaysExits(stmt.thenStatement, orReturn) && alwaysExits(stmt.elseStatement, orReturn);
  return false;
}

/**
 * The value-flow layer's reading of names in a condition: its scopes. Kept on the file's context,
 * not in a module-level WeakMap keyed by it: such a map's entries keep each file's tree alive through
 * young-generation collections, which then copy and promote whole ASTs (twice the peak memory, a
 * fifth of the CPU in GC).
 */
/** Flags being read (a value given under a test of the flag itself asks for it again). */
const flagsInProgress = new Set<Binding>();

/**
 * A flag given several values is true when one that can be true was given: a literal `true` says
 * what the place it is given says (`if (NODE_ENV === 'development') isDev = true`), a condition
 * what it holds for, there; falsy literals never make it true. What it says when false is not known.
 */
function reassignedEnv(values: readonly ts.Expression[], fc: FileContext): ConditionEnv {
  const states = new Set<EnvState>();
  for (const value of values) {
    const v = unwrap(value);
    if (v.kind === SyntaxKind.FalseKeyword || v.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === 'undefined')) continue;
    const site = envAt(value, fc);
    states.add(site === 'nonprod' ? 'nonprod' : v.kind === SyntaxKind.TrueKeyword ? site : conditionEnvIn(value, fc).whenTrue);
  }
  const [only] = states;
  return { whenTrue: states.size === 1 && only !== undefined ? only : 'unknown', whenFalse: 'unknown' };
}

function namesOf(fc: FileContext): NameValues {
  fc.conditionNames ??= {
    valueOf(id) {
      const binding = lookup(fc, id);
      if (binding?.kind !== 'var' || binding.values.length !== 1 || !binding.values[0]) return undefined;
      const [value] = binding.values;
      return { expr: value.expr, path: value.path, isConst: binding.isConst };
    },
    reassignedFlagEnv(id) {
      const binding = lookup(fc, id);
      if (binding?.kind !== 'var' || binding.isConst || binding.values.length < 2 || binding.values.some((v) => v.path.length > 0 || v.wrap.length > 0)) return undefined;
      if (flagsInProgress.has(binding)) return { whenTrue: 'unknown', whenFalse: 'unknown' };
      flagsInProgress.add(binding);
      try {
        return reassignedEnv(binding.values.map((v) => v.expr), fc);
      } finally {
        flagsInProgress.delete(binding);
      }
    },
    returnOf(id) {
      const binding = lookup(fc, id);
      // A declared helper, or a const holding an arrow or function expression (`const isDev = () => ...`).
      const value = binding?.kind === 'var' && binding.isConst && binding.values.length === 1 && binding.values[0]?.path.length === 0 ? unwrap(binding.values[0].expr) : undefined;
      const fn = binding?.kind === 'function' ? binding.node : value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : undefined;
      const returned = fn ? fc.collected.returns.get(fn) : undefined;
      return returned?.length === 1 ? returned[0] : undefined;
    },
    isProjectImport(id) {
      const origin = importOf(fc, id);
      return origin !== undefined && fc.isProjectModule(origin.specifier);
    },
    fieldValueOf(read) {
      // `this.mirror` given one value in the class (a field initialiser or a constructor assignment).
      const field = fc.collected.scopes.lookup(`this.${read.name.text}`, read);
      const [value] = field?.kind === 'var' && field.values.length === 1 ? field.values : [];
      return value !== undefined && value.path.length === 0 && value.wrap.length === 0 ? { expr: value.expr, path: [], isConst: true } : undefined;
    },
  };
  return fc.conditionNames;
}

export function conditionEnvIn(expr: ts.Expression, fc: FileContext): ConditionEnv {
  return conditionEnv(expr, namesOf(fc));
}

/** The expression is the environment's name (`process.env.NODE_ENV ?? 'development'`, `config.get('NODE_ENV')`), read with the file's scopes. */
export function isEnvValueIn(expr: ts.Expression, fc: FileContext): boolean {
  return isEnvValue(expr, namesOf(fc));
}

/**
 * `if (process.env.NODE_ENV !== 'development') throw ...`, `if (!isDev) throw ...`: the code after
 * the `if` only runs outside production, so production always throws (a `return` would not refuse:
 * the object is still made).
 */
function throwsUnlessOutsideProduction(stmt: ts.IfStatement, fc: FileContext): boolean {
  const thenThrows = alwaysExits(stmt.thenStatement, false);
  if (!stmt.elseStatement) return thenThrows && conditionEnvIn(stmt.expression, fc).whenFalse === 'nonprod';
  return !thenThrows && alwaysExits(stmt.elseStatement, false) && conditionEnvIn(stmt.expression, fc).whenTrue === 'nonprod';
}

/**
 * `assert(process.env.NODE_ENV !== 'production')`, `assert.ok(isDev)`, `invariant(...)`, and
 * `assert.notStrictEqual(process.env.NODE_ENV, 'production')` / `assert.equal(env, 'development')`:
 * an assertion that fails in production.
 */
function assertsOutsideProduction(call: ts.CallExpression, fc: FileContext): boolean {
  const callee = assertNameOf(call.expression);
  const [first, second] = call.arguments;
  if (callee === undefined || first === undefined) return false;
  if (TRUTH_ASSERTION.test(callee)) {
    const env = conditionEnvIn(first, fc);
    return env.whenTrue === 'nonprod' || env.whenFalse === 'prod';
  }
  const comparison = /^assert\.(not(?:Strict)?Equal|strictEqual|equal)$/.exec(callee);
  const equal = comparison === null || second === undefined ? undefined : equalityOf(first, second, namesOf(fc));
  if (equal === undefined) return false;
  // `notStrictEqual(env, 'production')` fails when they are equal; `strictEqual(env, 'development')` when they differ.
  return comparison?.[1]?.startsWith('not') ? equal.whenTrue === 'prod' : equal.whenTrue === 'nonprod';
}

/** What a statement requires to go on: an assertion's argument holds, or a throwing `if`'s condition does not. */
export function requirementOf(stmt: ts.Statement): { condition: ts.Expression; holds: boolean } | undefined {
  if (ts.isIfStatement(stmt)) return stmt.elseStatement === undefined && alwaysExits(stmt.thenStatement, false) ? { condition: stmt.expression, holds: false } : undefined;
  const e = ts.isExpressionStatement(stmt) ? unwrap(stmt.expression) : undefined;
  const [first] = e !== undefined && ts.isCallExpression(e) && isTruthAssertion(e.expression) ? e.arguments : [];
  return first === undefined ? undefined : { condition: first, holds: true };
}

/** Assertions that throw unless their first argument is truthy. */
const TRUTH_ASSERTION = /^(?:assert|invariant|assert\.ok)$/;

/** `assert(x)`, `invariant(x)`, `assert.ok(x)`: the call throws unless `x` holds. */
function isTruthAssertion(callee: ts.Expression): boolean {
  const name = assertNameOf(callee);
  return name !== undefined && TRUTH_ASSERTION.test(name);
}

/** `assert`, `invariant`, `assert.ok`...: the name a check is called by, read without taking the callee's text. */
function assertNameOf(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'assert' ? `assert.${callee.name.text}` : undefined;
}

/**
 * `if (process.env.NODE_ENV === 'production') throw new Error('dev only')` (or an assertion) among
 * the module's top-level statements: loading it throws in production, so none of its code runs there.
 */
export function moduleRefusesProduction(fc: FileContext): boolean {
  return fc.sf.statements.some((stmt) => (ts.isIfStatement(stmt) && throwsUnlessOutsideProduction(stmt, fc)) || (ts.isExpressionStatement(stmt) && ts.isCallExpression(stmt.expression) && (assertsOutsideProduction(stmt.expression, fc) || callsLocalRefusal(stmt.expression, fc))));
}

/** `assertNotProduction()` of a function declared in the file that refuses production, called as the module loads. */
function callsLocalRefusal(call: ts.CallExpression, fc: FileContext): boolean {
  const helper = ts.isIdentifier(call.expression) ? localCheckOf(call, fc) : undefined;
  return helper !== undefined && refusesProduction(helper, fc, 1);
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
      found = runsWheneverProduction(node, fn, fc);
      return false;
    }
    if ((ts.isIfStatement(node) && throwsUnlessOutsideProduction(node, fc)) || (ts.isCallExpression(node) && assertsOutsideProduction(node, fc))) found = runsWheneverProduction(node, fn, fc);
    // `constructor() { assertDevelopmentOnly(); }` with the check in a helper of the same file, or a method of the class.
    if (depth === 0 && ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
      const helper = localCheckOf(node.expression, fc);
      if (helper !== undefined && envAt(node, fc) === 'unknown' && runsWheneverProduction(node, fn, fc) && refusesProduction(helper, fc, 1)) found = true;
    }
    return true;
  });
  return found;
}

/**
 * Every production run of `fn` reaches `node`: each branch on the way is one production always
 * takes. `if (isProd && !opts.allowInProduction) throw ...` or `if (opts.strict) assertDevOnly()`
 * refuses only where the option says so, as `NODE_ENV !== 'production' || FORCE` guards nothing.
 */
function runsWheneverProduction(node: ts.Node, fn: ts.Node, fc: FileContext): boolean {
  for (let child = node, parent = node.parent; child !== fn && parent !== undefined; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression) {
      const env = conditionEnvIn(parent.expression, fc);
      // Production takes this branch when it never satisfies the other's condition.
      if ((child === parent.thenStatement ? env.whenFalse : env.whenTrue) !== 'nonprod') return false;
    } else if (ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
      if (clauseEnv(parent, fc) !== 'prod') return false;
    } else if (ts.isConditionalExpression(parent) || ts.isIterationStatement(parent, false) || ts.isCatchClause(parent) || (ts.isBinaryExpression(parent) && child === parent.right)) {
      return false;
    } else if (ts.isTryStatement(parent) && child === parent.tryBlock && parent.catchClause !== undefined) {
      // `try { if (isProd) throw ... } catch {}`: the throw is caught, and the function goes on.
      return false;
    }
  }
  return true;
}

/** `assertDevOnly()` of a function declared in the file, `this.ensureNotProduction()` of a method of the enclosing class. */
function localCheckOf(call: ts.CallExpression, fc: FileContext): ts.Node | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) {
    const helper = lookup(fc, callee);
    return helper?.kind === 'function' ? helper.node : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) || callee.expression.kind !== SyntaxKind.ThisKeyword) return undefined;
  let cls: ts.Node | undefined = call.parent;
  while (cls !== undefined && !ts.isClassLike(cls)) cls = cls.parent;
  const method = cls?.members.find((m) => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === callee.name.text);
  return method;
}

/**
 * `constructor() { assertDevOnly(); }` (or `assertDevOnly('FileStore')`) with `assertDevOnly`
 * imported from a project module: the checks the body calls first, each unconditionally, by their
 * local names. Whether one refuses production is read in its own file (see
 * `FunctionFact.refusesProduction`): a check whose throw depends on its arguments refuses nothing there.
 */
export function importedChecksOf(fn: { body?: ts.Node }, fc: FileContext): string[] {
  return fn.body === undefined || !ts.isBlock(fn.body) ? [] : importedChecksIn(fn.body.statements, fc);
}

/** The imported checks among `statements` (a body's, or a module's top level: `assertNotProduction('dev-store')` as it loads). */
export function importedChecksIn(statements: readonly ts.Statement[], fc: FileContext): string[] {
  return statements.flatMap((stmt) => {
    const e = ts.isExpressionStatement(stmt) ? unwrap(stmt.expression) : undefined;
    const call = e && ts.isAwaitExpression(e) ? unwrap(e.expression) : e;
    if (call === undefined || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return [];
    const origin = importOf(fc, call.expression);
    return origin !== undefined && fc.isProjectModule(origin.specifier) ? [call.expression.text] : [];
  });
}
