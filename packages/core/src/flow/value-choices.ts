import type { EnvState } from '../env/production-condition.js';
import { choiceText, equalityEnv, flagEnv, withoutFreeze } from '../env/production-condition.js';
import { ts } from '../parse/typescript.js';
import type { ProjectModel } from '../project/project-model.js';
import { alwaysExits, choiceUsesOf, conditionEnvIn, endsGuardScope, fallThroughGroup, isEnvValueIn, requirementOf } from './env-guards.js';
import { type FileContext, importOf, lookup } from './file-context.js';
import { propertyNameOf, unwrap } from './scope.js';

/** Read once: `ts.SyntaxKind` is behind an accessor. */
const { SyntaxKind } = ts;

/**
 * A module-level const picked by a NODE_ENV condition between two literals, for other modules to
 * compare: `export const tokenStore = process.env.NODE_ENV === 'production' ? 'redis' : 'file'`, or
 * a field of a const object (`export const config = { tokenStore: ... }`, `export default {...}`).
 * A flag that is the condition itself (`export const useFileStore = process.env.NODE_ENV !==
 * 'production'`) picks `'true'` or `'false'`, which a test of the flag compares with `'true'`.
 */
export interface ValueChoice {
  name: string;
  field?: string;
  /** What the function `name` returns (`export function isDevelopment() { return ... }`), for importers that call it. */
  returned?: true;
  whenTrue: string;
  whenFalse: string;
  /** What the condition's outcome says about production. */
  env: { whenTrue: EnvState; whenFalse: EnvState };
  /**
   * The condition is a test of a value this module imports in turn (`tokenStore: isProd ? 'redis' :
   * 'file'`, `isProd` imported): what it says is read in that value's module (`env` is unknown here).
   */
  via?: ImportedGuard;
}

/**
 * The code runs only when a value imported from a project module equals (`equal`) or differs from a
 * literal: `if (config.tokenStore === 'file') return new FileTokenStore()`. What that says about
 * production is known once the module that picks the value is read (see `importedGuardEnv`).
 */
export interface ImportedGuard {
  /** The imported name as written here (`config`), and the member read from it (`tokenStore`). */
  local: string;
  member?: string;
  value: string;
  equal: boolean;
  /** The imported function is called (`isDevelopment()`): its returned value is tested. */
  called?: true;
  /** More values it may equal (`case 'development': case 'test':` of a `switch`): the code runs for any of them. */
  orValues?: string[];
}

/**
 * The file's module-level consts (and fields of const objects) picked by a NODE_ENV condition, and
 * the flags its functions return (`function isDevelopment() { return ... }`, also as a const arrow).
 */
export function valueChoicesOf(fc: FileContext): ValueChoice[] {
  const out: ValueChoice[] = [];
  for (const stmt of fc.sf.statements) {
    if (ts.isExportAssignment(stmt) && !stmt.isExportEquals) out.push(...choicesIn('default', stmt.expression, fc));
    for (const { name, value, returned } of moduleValuesOf(stmt, fc)) {
      out.push(...(returned ? pickOf(name, undefined, unwrap(value), fc).map((c) => ({ ...c, returned: true as const })) : choicesIn(name, value, fc)));
    }
  }
  return out;
}

/**
 * The values a module-level statement gives importers, by name: a const's initializer, or what a
 * parameterless function (declared, or an arrow or function held in a const) returns when it has one
 * `return` (`returned`: importers call it to read the value).
 */
function moduleValuesOf(stmt: ts.Statement, fc: FileContext): ModuleValue[] {
  if (ts.isFunctionDeclaration(stmt)) {
    const returned = stmt.name === undefined ? undefined : soleReturnOf(stmt, fc);
    return returned === undefined || stmt.name === undefined ? [] : [{ name: stmt.name.text, value: returned, returned: true }];
  }
  if (!ts.isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) return [];
  return stmt.declarationList.declarations.flatMap((decl): ModuleValue[] => {
    if (!ts.isIdentifier(decl.name) || !decl.initializer) return [];
    const init = unwrap(decl.initializer);
    if (!ts.isArrowFunction(init) && !ts.isFunctionExpression(init)) return [{ name: decl.name.text, value: decl.initializer, returned: false }];
    const returned = soleReturnOf(init, fc);
    return returned === undefined ? [] : [{ name: decl.name.text, value: returned, returned: true }];
  });
}

interface ModuleValue {
  name: string;
  value: ts.Expression;
  returned: boolean;
}

/** What a parameterless function returns, when it has one `return`. */
function soleReturnOf(fn: ts.FunctionLikeDeclaration, fc: FileContext): ts.Expression | undefined {
  const returns = fn.parameters.length === 0 ? fc.collected.returns.get(fn) : undefined;
  return returns?.length === 1 ? returns[0] : undefined;
}

/**
 * A module-level value that is the environment's name itself, for importers that compare it with a
 * literal: `export const env = process.env.NODE_ENV ?? 'development'`, or what `getEnv()` returns
 * (`returned`). `getEnv() === 'development'` then holds only outside production.
 */
export interface EnvNameValue {
  name: string;
  returned?: true;
}

/** The file's module-level consts and parameterless functions whose value is the environment's name. */
export function envNameValuesOf(fc: FileContext): EnvNameValue[] {
  return fc.sf.statements.flatMap((stmt) =>
    moduleValuesOf(stmt, fc).flatMap(({ name, value, returned }) => (!isEnvValueIn(value, fc) ? [] : returned ? [{ name, returned: true as const }] : [{ name }])),
  );
}

function choicesIn(name: string, init: ts.Expression, fc: FileContext): ValueChoice[] {
  const e = withoutFreeze(unwrap(init));
  if (!ts.isObjectLiteralExpression(e)) return pickOf(name, undefined, e, fc);
  return e.properties.flatMap((p) => {
    const field = ts.isPropertyAssignment(p) ? propertyNameOf(p.name) : undefined;
    return field === undefined || !ts.isPropertyAssignment(p) ? [] : pickOf(name, field, unwrap(p.initializer), fc);
  });
}

/**
 * A ternary between literals, or a flag that is a condition (a comparison, `!x`, `[...].includes(env)`).
 * A flag named for the environment whose condition says nothing of it (`isDev = process.env.DEBUG ===
 * 'true'`) is kept too: importers then know not to trust the name.
 */
function pickOf(name: string, field: string | undefined, e: ts.Expression, fc: FileContext): ValueChoice[] {
  if (ts.isConditionalExpression(e)) return choiceOf(name, field, e, fc);
  if (!ts.isBinaryExpression(e) && !ts.isPrefixUnaryExpression(e) && !ts.isCallExpression(e)) return [];
  const env = conditionEnvIn(e, fc);
  // Kept only when the condition provably says nothing of production: made of other environment
  // variables and literals alone. One that calls a helper or reads a name (`detectEnvironment() ===
  // 'development'`) may well say something the file cannot work out: its importers trust the name.
  const saysNothing = env.whenTrue === 'unknown' && env.whenFalse === 'unknown';
  const via = saysNothing ? branchGuard(e, true, fc) : undefined;
  if (saysNothing && via === undefined && !(isEnvFlagName(field ?? name) && readsOnlyOtherEnv(e))) return [];
  return [{ name, ...(field !== undefined && { field }), whenTrue: FLAG_SET, whenFalse: FLAG_UNSET, env, ...(via !== undefined && { via }) }];
}

function isEnvFlagName(name: string): boolean {
  const env = flagEnv(name);
  return env.whenTrue !== 'unknown' || env.whenFalse !== 'unknown';
}

/** `process.env.DEBUG === 'true'`, `!process.env.K_SERVICE`: environment variables and literals, joined by operators. */
function readsOnlyOtherEnv(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isBinaryExpression(e)) return readsOnlyOtherEnv(e.left) && readsOnlyOtherEnv(e.right);
  if (ts.isPrefixUnaryExpression(e)) return readsOnlyOtherEnv(e.operand);
  // `Boolean(process.env.FLY_APP_NAME)`: the variable's truth, as `!!` reads it.
  if (ts.isCallExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'Boolean' && e.arguments.length === 1 && e.arguments[0] !== undefined && readsOnlyOtherEnv(e.arguments[0]);
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === SyntaxKind.TrueKeyword || e.kind === SyntaxKind.FalseKeyword || e.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')) return true;
  const holder = ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ? unwrap(e.expression) : undefined;
  return holder !== undefined && ts.isPropertyAccessExpression(holder) && holder.name.text === 'env' && ts.isIdentifier(holder.expression) && holder.expression.text === 'process';
}

function choiceOf(name: string, field: string | undefined, e: ts.ConditionalExpression, fc: FileContext): ValueChoice[] {
  const [whenTrue, whenFalse] = [choiceText(e.whenTrue), choiceText(e.whenFalse)];
  if (whenTrue === undefined || whenFalse === undefined || whenTrue === whenFalse) return [];
  const env = conditionEnvIn(e.condition, fc);
  const via = env.whenTrue === 'unknown' && env.whenFalse === 'unknown' ? branchGuard(e.condition, true, fc) : undefined;
  if (env.whenTrue === 'unknown' && env.whenFalse === 'unknown' && via === undefined) return [];
  return [{ name, ...(field !== undefined && { field }), whenTrue, whenFalse, env, ...(via !== undefined && { via }) }];
}

/**
 * The closest enclosing test of an imported value against a literal around `node`, as guards are
 * read (see `envAt`): an `if` or `?:` branch, the right of `&&`, an earlier `if (...) return/throw`
 * in an enclosing block, or a `switch (config.store)` clause of its own.
 */
export function importedGuardAt(node: ts.Node, fc: FileContext): ImportedGuard | undefined {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const guard = guardFromParent(parent, child, fc);
    if (guard) return guard;
    if (endsGuardScope(parent)) break;
  }
  return undefined;
}

/**
 * A made object chosen rather than built (see `choiceEnvAt`): `const fileStore = new FileStore()`
 * read only as `isProduction ? redisStore : fileStore`, the flag imported. The test around every read,
 * when they all share one.
 */
export function importedChoiceGuardAt(made: ts.Expression, fc: FileContext): ImportedGuard | undefined {
  let shared: ImportedGuard | undefined;
  // A bundle's const may be read thousands of times: the first read outside the shared test ends the search.
  for (const use of choiceUsesOf(made, fc)) {
    const guard = importedGuardAt(use, fc);
    if (guard === undefined || (shared !== undefined && !sameGuard(guard, shared))) return undefined;
    shared = guard;
  }
  return shared;
}

function sameGuard(a: ImportedGuard, b: ImportedGuard): boolean {
  return a.local === b.local && a.member === b.member && a.value === b.value && a.equal === b.equal && a.called === b.called && a.orValues?.join('\0') === b.orValues?.join('\0');
}

function guardFromParent(parent: ts.Node, child: ts.Node, fc: FileContext): ImportedGuard | undefined {
  if (ts.isIfStatement(parent) && child !== parent.expression) return branchGuard(parent.expression, child === parent.thenStatement, fc);
  if (ts.isConditionalExpression(parent) && child !== parent.condition) return branchGuard(parent.condition, child === parent.whenTrue, fc);
  if (ts.isBinaryExpression(parent) && child === parent.right && parent.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) return branchGuard(parent.left, true, fc);
  if (ts.isBlock(parent) || ts.isSourceFile(parent)) return earlyExitGuard(parent.statements, child, fc);
  if (ts.isCaseClause(parent)) return clauseGuard(parent, fc);
  return undefined;
}

function branchGuard(condition: ts.Expression, taken: boolean, fc: FileContext): ImportedGuard | undefined {
  const e = unwrap(condition);
  // `isDev && x` taken, `!isDev || x` not taken: each operand holds as it would alone.
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === (taken ? SyntaxKind.AmpersandAmpersandToken : SyntaxKind.BarBarToken)) return branchGuard(e.left, taken, fc) ?? branchGuard(e.right, taken, fc);
  const test = comparisonOf(e, fc) ?? flagTestOf(e, fc);
  return test && (taken ? test : { ...test, equal: !test.equal });
}

/** `if (config.tokenStore !== 'file') return new RedisTokenStore();` before `child`: the rest runs when it is `'file'`. */
function earlyExitGuard(statements: ts.NodeArray<ts.Statement>, child: ts.Node, fc: FileContext): ImportedGuard | undefined {
  for (const exit of importedExitsOf(statements, fc)) {
    if (exit.end > child.pos) break;
    return exit.guard;
  }
  return undefined;
}

/** A block's early exits on imported values, in order: worked out once per block, however many nodes in it ask. */
function importedExitsOf(statements: ts.NodeArray<ts.Statement>, fc: FileContext): Array<{ end: number; guard: ImportedGuard }> {
  const cache = (fc.importedExits ??= new Map());
  let exits = cache.get(statements);
  if (exits === undefined) {
    exits = [];
    for (const stmt of statements) {
      if (!ts.isIfStatement(stmt) || stmt.elseStatement || !alwaysExits(stmt.thenStatement)) continue;
      const guard = branchGuard(stmt.expression, false, fc);
      if (guard) exits.push({ end: stmt.end, guard });
    }
    cache.set(statements, exits);
  }
  return exits;
}

/**
 * `case 'file':` of `switch (config.tokenStore)`, or a fall-through group of cases (`case
 * 'development': case 'test':`), when no other clause's code runs on into it.
 */
function clauseGuard(clause: ts.CaseClause, fc: FileContext): ImportedGuard | undefined {
  const sw = clause.parent.parent;
  const operand = importedOperand(sw.expression, fc);
  const group = operand && fallThroughGroup(clause.parent.clauses, clause.parent.clauses.indexOf(clause));
  const values = (group ?? []).map((member) => (ts.isCaseClause(member) ? choiceText(member.expression) : undefined));
  const [value, ...orValues] = values;
  if (!operand || value === undefined || orValues.some((v) => v === undefined)) return undefined;
  return { ...operand, value, equal: true, ...(orValues.length > 0 && { orValues: orValues as string[] }) };
}

/**
 * The imported tests a body requires before it goes on, among its own statements: `assert.ok(
 * !isProduction)`, `invariant(isDev)`, `if (isProduction) throw new Error(...)`, the flag imported
 * from a project module. The body throws wherever one fails, so it refuses production when one holds
 * only outside production: known once the module defining the flag is read (see `importedGuardEnv`),
 * not from the flag's name, which may say otherwise (`isProduction = APP_ENV === 'prod'`).
 */
export function importedRequirementsOf(statements: readonly ts.Statement[], fc: FileContext): ImportedGuard[] {
  return statements.flatMap((stmt) => {
    const required = requirementOf(stmt);
    const guard = required && branchGuard(required.condition, required.holds, fc);
    return guard === undefined ? [] : [guard];
  });
}

/** `config.tokenStore === 'file'`, `'file' !== tokenStore`: an imported value against a literal. */
function comparisonOf(condition: ts.Expression, fc: FileContext): ImportedGuard | undefined {
  const e = unwrap(condition);
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  const equal = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== SyntaxKind.ExclamationEqualsEqualsToken && op !== SyntaxKind.ExclamationEqualsToken) return undefined;
  // Either side may be the imported value (`config.driver === Driver.File`, `'file' === config.driver`).
  const leftOperand = importedOperand(e.left, fc);
  const operand = leftOperand ?? importedOperand(e.right, fc);
  const value = choiceText(leftOperand !== undefined ? e.right : e.left);
  return operand && value !== undefined ? { ...operand, value, equal } : undefined;
}

/** `if (useFileStore)`, `if (!config.useFileStore)`, `if (isDevelopment())`: an imported flag's truth, as a comparison with `'true'`. */
function flagTestOf(condition: ts.Expression, fc: FileContext): ImportedGuard | undefined {
  const e = unwrap(condition);
  const negated = ts.isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken;
  const flag = unwrap(negated ? e.operand : e);
  const operand = importedOperand(flag, fc);
  return operand && { ...operand, value: FLAG_SET, equal: !negated };
}

/** What a flag picks, in the terms of a choice between literals. */
const FLAG_SET = 'true';
const FLAG_UNSET = 'false';

/**
 * `tokenStore`, `config.tokenStore` or `getEnv()` where the name is imported from a project module,
 * also held in a const first (`const env = getEnv(); if (env === 'development')`).
 */
function importedOperand(expr: ts.Expression, fc: FileContext, depth = 0): Pick<ImportedGuard, 'local' | 'member' | 'called'> | undefined {
  const e = unwrap(expr);
  if (ts.isCallExpression(e)) {
    const callee = unwrap(e.expression);
    const operand = e.arguments.length === 0 && ts.isIdentifier(callee) ? importedOperand(callee, fc, depth) : undefined;
    return operand && operand.member === undefined ? { ...operand, called: true } : undefined;
  }
  if (ts.isIdentifier(e) && depth === 0) {
    const binding = lookup(fc, e);
    const [value] = binding?.kind === 'var' && binding.isConst && binding.values.length === 1 ? binding.values : [];
    if (value !== undefined) return value.path.length === 0 && value.wrap.length === 0 ? importedOperand(value.expr, fc, depth + 1) : undefined;
  }
  const head = ts.isPropertyAccessExpression(e) ? unwrap(e.expression) : e;
  if (!ts.isIdentifier(head)) return undefined;
  const origin = importOf(fc, head);
  if (origin === undefined || !fc.isProjectModule(origin.specifier)) return undefined;
  return ts.isPropertyAccessExpression(e) ? { local: head.text, member: e.name.text } : ts.isIdentifier(e) ? { local: head.text } : undefined;
}

/**
 * What an imported guard says about production, reading the choice in the module the value comes
 * from: `config.tokenStore === 'file'` given `tokenStore: isProduction ? 'redis' : 'file'` holds
 * only outside production. Unknown when the value is not such a choice, or the literal is neither pick.
 */
export function importedGuardEnv(project: ProjectModel, file: string, guard: ImportedGuard, depth = 0): EnvState {
  // `case 'development': case 'test':`: outside production only when each value is.
  if (guard.orValues !== undefined) {
    const states = new Set([guard.value, ...guard.orValues].map((value) => importedGuardEnv(project, file, { ...guard, value, orValues: undefined }, depth)));
    return states.size === 1 ? ([...states][0] ?? 'unknown') : 'unknown';
  }
  const origin = project.originOf(file, guard.local);
  if (origin.kind !== 'local') return nameFallback(guard);
  const member = origin.name === '*' && guard.member !== undefined ? project.originOfMember(origin.file, guard.member) : undefined;
  const [source, name, field] = member === undefined ? [origin.file, origin.name, guard.member] : member.kind === 'local' ? [member.file, member.name, undefined] : [undefined, undefined, undefined];
  const flow = source === undefined ? undefined : project.files.get(source)?.flow;
  const choice = flow?.choices?.find((c) => c.name === name && c.field === field && c.returned === guard.called);
  if (choice === undefined) {
    const isEnvName = field === undefined && (flow?.envNames?.some((v) => v.name === name && v.returned === guard.called) ?? false);
    return isEnvName ? envNameTestEnv(guard) : nameFallback(guard);
  }
  const env = choice.via === undefined || source === undefined ? choice.env : viaEnv(project, source, choice.via, depth);
  // `value === whenTrue` holds exactly when the condition does; `value === whenFalse` when it does not.
  const equalEnv = guard.value === choice.whenTrue ? env.whenTrue : guard.value === choice.whenFalse ? env.whenFalse : undefined;
  const differEnv = guard.value === choice.whenTrue ? env.whenFalse : guard.value === choice.whenFalse ? env.whenTrue : undefined;
  return (guard.equal ? equalEnv : differEnv) ?? 'unknown';
}

/** What a choice's condition on a value its module imports says, read in that value's module (a chain of a few modules at most). */
function viaEnv(project: ProjectModel, file: string, via: ImportedGuard, depth: number): { whenTrue: EnvState; whenFalse: EnvState } {
  if (depth >= MAX_CHAIN) return { whenTrue: 'unknown', whenFalse: 'unknown' };
  return { whenTrue: importedGuardEnv(project, file, via, depth + 1), whenFalse: importedGuardEnv(project, file, { ...via, equal: !via.equal }, depth + 1) };
}

/** Modules a choice is followed through (`config.ts` reading `env.ts`): real settings chains are short, and an import cycle ends here. */
const MAX_CHAIN = 4;

/** `getEnv() === 'development'` of a value that is the environment's name: the test of NODE_ENV itself. */
function envNameTestEnv(guard: ImportedGuard): EnvState {
  const env = equalityEnv(guard.value.toLowerCase());
  return guard.equal ? env.whenTrue : env.whenFalse;
}

/** One of the imported tests a constructor, factory or module requires (see `importedRequirementsOf`) holds only outside production. */
export function requiresOutsideProduction(project: ProjectModel, file: string, requires: readonly ImportedGuard[] | undefined): boolean {
  return requires?.some((guard) => importedGuardEnv(project, file, guard) === 'nonprod') ?? false;
}

/**
 * A flag whose definition cannot be read (another file's `export let`, a module outside the scan):
 * trusted by its name (`isDev`, `config.isProd`), as a flag of the file itself would be.
 */
function nameFallback(guard: ImportedGuard): EnvState {
  if (guard.value !== FLAG_SET) return 'unknown';
  const env = flagEnv(guard.member ?? guard.local);
  return guard.equal ? env.whenTrue : env.whenFalse;
}
