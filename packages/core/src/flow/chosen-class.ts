import { ts } from '../parse/typescript.js';
import { type FileContext, lookup } from './file-context.js';
import { unwrap } from './scope.js';

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
