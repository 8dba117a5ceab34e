import { ts } from '../parse/typescript.js';
import type { Evaluator } from './evaluate.js';
import { type FileContext, lookup } from './file-context.js';
import { unionTaint } from './propagate.js';
import type { Binding } from './scope.js';
import { unwrap } from './scope.js';
import type { Taint } from './taint.js';

/** Read once: `ts.SyntaxKind` is behind an accessor. */
const { SyntaxKind } = ts;

/** Methods that put their arguments into the collection they are called on. */
const ADDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'set', 'add', 'splice']);
/** lowdb keeps the database's content in `db.data`, written whole to the adapter's file on `db.write()`. */
const DATA_FIELD = 'data';

/**
 * What a lowdb database made on `adapter` (`new Low(new JSONFile('db.json'), {})`, `await
 * JSONFilePreset('db.json', {})`, or an adapter held in a const first) is given to keep: the values
 * put into its `db.data` (`db.data.tokens.push(refreshToken)`, `db.data.sessions[id] = session`),
 * which `db.write()` writes to the adapter's file. Empty when the database is not found.
 */
export function lowdbDataTaint(adapter: ts.CallExpression | ts.NewExpression, fc: FileContext, ev: Evaluator): Taint {
  const databases = databasesOf(adapter, fc);
  if (databases.length === 0) return [];
  const parts: Taint[] = [];
  for (const call of fc.collected.calls) {
    const callee = unwrap(call.expression);
    if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(callee) && ADDING_METHODS.has(callee.name.text) && isDataOf(callee.expression, databases, fc)) {
      parts.push(...call.arguments.map((a) => ev.taintOf(a)));
    }
  }
  for (const assignment of fc.collected.assignments) {
    if (isDataOf(assignment.left, databases, fc)) parts.push(ev.taintOf(assignment.right));
  }
  return unionTaint(...parts);
}

/** The bindings of the databases made on `adapter`: the variable it, or the `new Low(adapter)` around it, is assigned to. */
function databasesOf(adapter: ts.CallExpression | ts.NewExpression, fc: FileContext): Binding[] {
  // `new Low(new JSONFile(...), {})`: the adapter made in place.
  const wrapping = wrappingDatabase(adapter);
  if (wrapping) return bindingsOf(declaredBy(wrapping), fc);
  // `const db = await JSONFilePreset(...)` is the database; `const adapter = new JSONFile(file)` is given to `new Low(adapter, {})`.
  const [made] = bindingsOf(declaredBy(adapter), fc);
  if (made === undefined) return [];
  const lows = fc.collected.calls.filter((c) => ts.isNewExpression(c) && (c.arguments ?? []).some((a) => isBindingOf(a, made, fc)));
  return lows.length > 0 ? lows.flatMap((low) => bindingsOf(declaredBy(low), fc)) : [made];
}

function isBindingOf(expr: ts.Expression, binding: Binding, fc: FileContext): boolean {
  const e = unwrap(expr);
  return ts.isIdentifier(e) && lookup(fc, e) === binding;
}

function bindingsOf(decl: ts.VariableDeclaration | undefined, fc: FileContext): Binding[] {
  const binding = decl && ts.isIdentifier(decl.name) ? lookup(fc, decl.name) : undefined;
  return binding ? [binding] : [];
}

/** `new Low(new JSONFile(...))`: the `new` the adapter is passed to in place. */
function wrappingDatabase(adapter: ts.Node): ts.NewExpression | undefined {
  const parent = outerOf(adapter).parent;
  return ts.isNewExpression(parent) ? parent : undefined;
}

/** The variable declaration an expression (through parentheses, `await`, `as`) initialises. */
function declaredBy(expr: ts.Node): ts.VariableDeclaration | undefined {
  const parent = outerOf(expr).parent;
  return ts.isVariableDeclaration(parent) ? parent : undefined;
}

function outerOf(node: ts.Node): ts.Node {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAwaitExpression(n.parent) || ts.isAsExpression(n.parent) || n.parent.kind === SyntaxKind.NonNullExpression) n = n.parent;
  return n;
}

/** `db.data.tokens`, `db.data.sessions[id]`: a place inside one of the databases' `data`. */
function isDataOf(expr: ts.Expression, databases: readonly Binding[], fc: FileContext): boolean {
  let e = unwrap(expr);
  let first: string | undefined;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    first = ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
    e = unwrap(e.expression);
  }
  return first === DATA_FIELD && databases.some((db) => isBindingOf(e, db, fc));
}
