import { equalityEnv, type EnvState } from '../env/production-condition.js';
import { ts } from '../parse/typescript.js';
import { isEnvValueIn } from './env-guards.js';
import { type FileContext, importOf, lookup } from './file-context.js';
import { propertyNameOf, unwrap } from './scope.js';

/** Read once: `ts.SyntaxKind` is behind an accessor. */
const { SyntaxKind } = ts;

/**
 * The classes a `new` may construct when its callee names a choice rather than a class:
 * `const Store = isProd ? RedisTokenStore : FileTokenStore; new Store()` (each branch of the const's
 * value, also through `??` / `||`), and `new stores[kind]()` over `const stores = { file:
 * FileTokenStore, redis: RedisTokenStore }` (every value of the table, also read into a const first or
 * written in place). Each class is given as the
 * identifier written in the choice, so that the guard around it (the ternary's condition) can be read.
 * Empty when the callee is not such a const.
 */
export function chosenClassesOf(callee: ts.Expression, fc: FileContext): ts.Identifier[] {
  const e = unwrap(callee);
  if (ts.isIdentifier(e)) {
    const value = soleConstValueOf(e, fc);
    // `const Store = backends[process.env.STORE ?? 'file']`: a table read held in a const first.
    return value === undefined ? [] : ts.isElementAccessExpression(value) ? tableValuesOf(value, fc) : branchesOf(value);
  }
  return ts.isElementAccessExpression(e) ? tableValuesOf(e, fc) : [];
}

/**
 * `{ development: FileTokenStore, production: RedisTokenStore }[process.env.NODE_ENV ?? 'development']`
 * (or a const table read so): a class read from a table by the environment's name is made where
 * its key names (`production` in production, `development` or `test` outside it). Undefined when
 * the table is not read by the environment's name.
 */
export function keyedEnvOf(callee: ts.Expression, choice: ts.Identifier, fc: FileContext): EnvState | undefined {
  const read = tableReadOf(callee, fc);
  if (read === undefined || !isEnvValueIn(read.argumentExpression, fc)) return undefined;
  let entry: ts.Node = choice;
  while (entry.parent && !ts.isObjectLiteralExpression(entry.parent)) entry = entry.parent;
  const key = ts.isPropertyAssignment(entry) || ts.isShorthandPropertyAssignment(entry) ? propertyNameOf(entry.name) : undefined;
  return key === undefined ? undefined : equalityEnv(key).whenTrue;
}

/**
 * `{ development: () => new FileTokenStore(), production: () => new RedisTokenStore() }`: a factory
 * of a table with a `production` entry, under another environment's name, runs outside production
 * (the table is read by the environment's name: no other table has such keys). Undefined for any
 * other `new`.
 */
export function envTableEntryOf(made: ts.NewExpression): EnvState | undefined {
  let fn: ts.Node = made;
  while (ts.isParenthesizedExpression(fn.parent) || ts.isReturnStatement(fn.parent) || ts.isBlock(fn.parent)) fn = fn.parent;
  const entry = fn.parent && (ts.isArrowFunction(fn.parent) || ts.isFunctionExpression(fn.parent)) ? fn.parent.parent : undefined;
  if (entry === undefined || !ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.parent)) return undefined;
  const key = propertyNameOf(entry.name);
  const hasProduction = entry.parent.properties.some((p) => p.name !== undefined && equalityEnv(propertyNameOf(p.name) ?? '').whenTrue === 'prod');
  return key !== undefined && hasProduction && equalityEnv(key).whenTrue === 'nonprod' ? 'nonprod' : undefined;
}

function tableReadOf(callee: ts.Expression, fc: FileContext): ts.ElementAccessExpression | undefined {
  const e = unwrap(callee);
  const read = ts.isIdentifier(e) ? soleConstValueOf(e, fc) : e;
  return read !== undefined && ts.isElementAccessExpression(read) ? read : undefined;
}

/** Every value of the table an element access reads: a const object, or one written in place (`{ file: A, redis: B }[kind]`). */
function tableValuesOf(read: ts.ElementAccessExpression, fc: FileContext): ts.Identifier[] {
  const holder = unwrap(read.expression);
  const table = ts.isIdentifier(holder) ? soleConstValueOf(holder, fc) : holder;
  if (table === undefined || !ts.isObjectLiteralExpression(table)) return [];
  return table.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? branchesOf(p.initializer) : ts.isShorthandPropertyAssignment(p) ? [p.name] : []));
}

/** The single value of a const (not a destructured part of one). */
function soleConstValueOf(id: ts.Identifier, fc: FileContext): ts.Expression | undefined {
  const binding = lookup(fc, id);
  if (binding?.kind !== 'var' || !binding.isConst || binding.values.length !== 1) return undefined;
  const [value] = binding.values;
  return value !== undefined && value.path.length === 0 && value.wrap.length === 0 ? unwrap(value.expr) : undefined;
}

/** The identifiers an expression may evaluate to through `?:`, `??` and `||`. */
export function branchesOf(expr: ts.Expression): ts.Identifier[] {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return [e];
  if (ts.isConditionalExpression(e)) return [...branchesOf(e.whenTrue), ...branchesOf(e.whenFalse)];
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) {
    return [...branchesOf(e.left), ...branchesOf(e.right)];
  }
  return [];
}

/**
 * `new drivers[process.env.SESSION_DRIVER]()` where `drivers` is a table another project module
 * exports (see `classTablesOf`): the imported name, and whether the key is the environment's name
 * (each entry is then made where its key names). Undefined for any other callee.
 */
export function importedTableOf(callee: ts.Expression, fc: FileContext): { local: string; keyedByEnv: boolean } | undefined {
  const read = tableReadOf(callee, fc);
  const holder = read && unwrap(read.expression);
  if (read === undefined || holder === undefined || !ts.isIdentifier(holder)) return undefined;
  const origin = importOf(fc, holder);
  return origin !== undefined && fc.isProjectModule(origin.specifier) ? { local: holder.text, keyedByEnv: isEnvValueIn(read.argumentExpression, fc) } : undefined;
}

/** An entry of a table of classes: its key, and the class as named in the table's module. */
export interface ClassTableEntry {
  key: string;
  cls: string;
}

/**
 * `export const drivers = { memory: MemorySessionStore, file: FileSessionStore }`: the module-level
 * const objects whose values are classes (of the file, or imported from project modules), by name,
 * for importers that pick one by a key (`new drivers[kind]()`).
 */
export function classTablesOf(fc: FileContext): Record<string, ClassTableEntry[]> | undefined {
  let tables: Record<string, ClassTableEntry[]> | undefined;
  for (const stmt of fc.sf.statements) {
    if (!ts.isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const decl of stmt.declarationList.declarations) {
      const table = decl.initializer && unwrap(decl.initializer);
      if (!ts.isIdentifier(decl.name) || table === undefined || !ts.isObjectLiteralExpression(table)) continue;
      const entries = table.properties.flatMap((p): ClassTableEntry[] => {
        const value = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
        const key = p.name === undefined ? undefined : propertyNameOf(p.name);
        return key !== undefined && value !== undefined && ts.isIdentifier(value) && isClassName(value, fc) ? [{ key, cls: value.text }] : [];
      });
      if (entries.length > 0) (tables ??= {})[decl.name.text] = entries;
    }
  }
  return tables;
}

/** A class of the file, or a name imported from a project module (maybe a class). */
function isClassName(id: ts.Identifier, fc: FileContext): boolean {
  if (lookup(fc, id)?.kind === 'class') return true;
  const origin = importOf(fc, id);
  return origin !== undefined && fc.isProjectModule(origin.specifier);
}
