import { ts } from '../parse/typescript.js';
import { visitTree } from '../parse/visit-tree.js';
import { propertyOf } from './object-property.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once. Functions and
// SyntaxKind only: at load time, lazy-typescript.mjs stands in for TypeScript with those, and any
// other export (`ts.factory`) would load all of TypeScript in a scan that may parse nothing.
const {
  SyntaxKind,
  isArrayBindingPattern,
  isArrayLiteralExpression,
  isArrowFunction,
  isBlock,
  isCallExpression,
  isElementAccessExpression,
  isForOfStatement,
  isFunctionExpression,
  isIdentifier,
  isObjectLiteralExpression,
  isPropertyAccessExpression,
  isSourceFile,
  isSpreadElement,
  isStringLiteralLike,
  isVariableDeclarationList,
  isVariableStatement,
} = ts;

/**
 * One row of a route table, as the registration call in the loop sees it: the call with the loop
 * variable replaced by the row's values, the method the row names, and the row itself (where the
 * route is reported: each row is a route of its own).
 */
export interface TableRow {
  call: ts.CallExpression;
  /** Lower case, from the row for `router[r.method](...)`; undefined when the call names it (`router.get(...)`). */
  method: string | undefined;
  row: ts.ObjectLiteralExpression;
}

/** How a loop names its row: the whole row (`(r) =>`), or some of its fields (`({ path, handler }) =>`). */
type RowName = { whole: string } | { fields: ReadonlyMap<string, string> };

/** `route.path`, `path`: a value read from the row; `absent`: the row has no such field. */
type Lookup = ts.Expression | 'absent' | 'opaque' | undefined;

/**
 * Table-driven routing: a registration inside `for (const r of ROUTES)` or `ROUTES.forEach((r) =>
 * ...)` over an array literal of object literals (inline, or a `const` in scope), whose arguments
 * or computed method read the loop variable: `router[r.method](r.path, ...r.guards, r.handler)`.
 * Returns one call per row, or undefined when the call is not such a registration. A row whose
 * values cannot be read (a field holding a method, the row passed on whole to a helper) is left
 * out, as an unresolvable registration is.
 */
export function tableRowsOf(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression): TableRow[] | undefined {
  // An inner link of a chain (`app.get(...).post(...)`) is not looked at: climbing from every link
  // of a chain thousands long to its loop would cost quadratic time.
  if (isPropertyAccessExpression(call.parent)) return undefined;
  const loop = enclosingLoop(call);
  if (!loop) return undefined;
  const readsRow = (e: ts.Node) => mentions(e, loop.name);
  const key = isElementAccessExpression(callee) && readsRow(callee.argumentExpression) ? callee.argumentExpression : undefined;
  if (!key && !call.arguments.some(readsRow)) return undefined;
  const rows: TableRow[] = [];
  for (const row of loop.rows) {
    const method = key && methodOf(key, row, loop.name);
    if (key && method === undefined) continue;
    const args = argumentsFor(call.arguments, row, loop.name);
    if (args) rows.push({ call: withArguments(call, args), method, row });
  }
  return rows;
}

/** The method a call names: `app.get`, or `app['get']`. */
export function calledMethodOf(callee: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (isPropertyAccessExpression(callee)) return callee.name.text;
  const key = skipParens(callee.argumentExpression);
  return isStringLiteralLike(key) ? key.text : undefined;
}

interface Loop {
  rows: readonly ts.ObjectLiteralExpression[];
  name: RowName;
}

/** The table loop `node` sits in, within its own function: a for-of, or a forEach/map callback. */
function enclosingLoop(node: ts.Node): Loop | undefined {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isForOfStatement(parent) && child === parent.statement) {
      const list = parent.initializer;
      const decl = isVariableDeclarationList(list) && list.declarations.length === 1 ? list.declarations[0] : undefined;
      return decl ? loopOver(parent.expression, decl.name) : undefined;
    }
    if (isArrowFunction(parent) || isFunctionExpression(parent)) {
      const iteration = parent.parent;
      const param = parent.parameters[0];
      const isCallback = isCallExpression(iteration) && iteration.arguments[0] === parent && isPropertyAccessExpression(iteration.expression) && /^(forEach|map)$/.test(iteration.expression.name.text);
      return isCallback && param ? loopOver(iteration.expression.expression, param.name) : undefined;
    }
    if (ts.isFunctionLike(parent) || isSourceFile(parent)) return undefined;
  }
  return undefined;
}

function loopOver(table: ts.Expression, binding: ts.BindingName): Loop | undefined {
  const name = rowNameOf(binding);
  const rows = name && rowsOf(table);
  return name && rows ? { rows, name } : undefined;
}

function rowNameOf(binding: ts.BindingName): RowName | undefined {
  if (isIdentifier(binding)) return { whole: binding.text };
  if (isArrayBindingPattern(binding)) return undefined;
  const fields = new Map<string, string>();
  for (const el of binding.elements) {
    if (el.dotDotDotToken || !isIdentifier(el.name)) return undefined;
    const prop = el.propertyName ?? el.name;
    if (!isIdentifier(prop) && !isStringLiteralLike(prop)) return undefined;
    fields.set(el.name.text, prop.text);
  }
  return { fields };
}

/** An array literal of object literals, written in place or bound to a `const` in scope. */
function rowsOf(table: ts.Expression): ts.ObjectLiteralExpression[] | undefined {
  let e = skipParens(table);
  if (isIdentifier(e)) {
    const init = constInitializerOf(e);
    if (!init) return undefined;
    e = skipParens(init);
  }
  if (!isArrayLiteralExpression(e) || e.elements.length === 0) return undefined;
  const rows = e.elements.map((el) => skipParens(el));
  return rows.every(isObjectLiteralExpression) ? (rows as ts.ObjectLiteralExpression[]) : undefined;
}

/** `const ROUTES = [...]` in a block or file around `id`. */
function constInitializerOf(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (!isBlock(scope) && !isSourceFile(scope)) continue;
    for (const stmt of scope.statements) {
      if (!isVariableStatement(stmt) || (stmt.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const decl of stmt.declarationList.declarations) {
        if (isIdentifier(decl.name) && decl.name.text === id.text) return decl.initializer;
      }
    }
  }
  return undefined;
}

/** Whether the loop variable is read anywhere under `root` (walked by visitTree: arguments may nest deep). */
function mentions(root: ts.Node, name: RowName): boolean {
  let found = false;
  visitTree(root, (node) => {
    if (isIdentifier(node) && ('whole' in name ? node.text === name.whole : name.fields.has(node.text))) found = true;
    return !found;
  });
  return found;
}

/** What `expr` reads from the row; undefined when it does not read the loop variable at all. */
function lookup(expr: ts.Expression, row: ts.ObjectLiteralExpression, name: RowName): Lookup {
  const e = skipParens(expr);
  if ('whole' in name) {
    if (isIdentifier(e) && e.text === name.whole) return row;
    if (isPropertyAccessExpression(e) && isIdentifier(e.expression) && e.expression.text === name.whole) return fieldOf(row, e.name.text);
  } else if (isIdentifier(e)) {
    const field = name.fields.get(e.text);
    if (field !== undefined) return fieldOf(row, field);
  }
  // A handler written in the loop (`(req, res) => r.action(req, res)`) is the row's endpoint as it
  // stands: it reads the row only when it runs.
  if (isArrowFunction(e) || isFunctionExpression(e)) return undefined;
  return mentions(e, name) ? 'opaque' : undefined;
}

function fieldOf(row: ts.ObjectLiteralExpression, field: string): Lookup {
  const found = row.properties.find((p) => p.name !== undefined && (isIdentifier(p.name) || isStringLiteralLike(p.name)) && p.name.text === field);
  if (!found) return 'absent';
  // `{ handler }` is the name `handler`; `handler(req, res) {...}` is a method, not a value we read.
  if (found.kind === SyntaxKind.ShorthandPropertyAssignment) return found.name as ts.Identifier;
  return propertyOf(row, field) ?? 'opaque';
}

/** `r.method`, `r.method.toLowerCase()`: the row's method, lower case as Express and Koa name them. */
function methodOf(key: ts.Expression, row: ts.ObjectLiteralExpression, name: RowName): string | undefined {
  let e = skipParens(key);
  if (isCallExpression(e) && e.arguments.length === 0 && isPropertyAccessExpression(e.expression) && /^to(Lower|Upper)Case$/.test(e.expression.name.text)) e = e.expression.expression;
  const value = lookup(e, row, name);
  return typeof value === 'object' && isStringLiteralLike(value) ? value.text.toLowerCase() : undefined;
}

/**
 * The call's arguments for one row: fields replaced by the row's values, spread fields
 * (`...r.guards`, `...(r.guards ?? [])`) by their elements. Undefined when the row cannot supply them.
 */
function argumentsFor(args: readonly ts.Expression[], row: ts.ObjectLiteralExpression, name: RowName): ts.Expression[] | undefined {
  const out: ts.Expression[] = [];
  for (const arg of args) {
    if (isSpreadElement(arg)) {
      const spread = spreadOf(arg.expression, row, name);
      if (spread === undefined) return undefined;
      out.push(...spread);
      continue;
    }
    const value = lookup(arg, row, name);
    if (value === 'absent' || value === 'opaque') return undefined;
    out.push(value ?? arg);
  }
  return out;
}

function spreadOf(expr: ts.Expression, row: ts.ObjectLiteralExpression, name: RowName): readonly ts.Expression[] | undefined {
  const e = skipParens(expr);
  // `...(r.guards ?? [])`: the fallback only stands in for a missing field.
  const fallback = ts.isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken);
  const value = lookup(fallback ? e.left : e, row, name);
  if (value === undefined) return [expr as ts.Expression];
  // A missing field spreads nothing (`...undefined` would throw, so every row the code runs has it).
  if (value === 'absent') return [];
  if (value === 'opaque') return undefined;
  const list = skipParens(value);
  return isArrayLiteralExpression(list) && !list.elements.some(isSpreadElement) ? list.elements : undefined;
}

/**
 * The registration as one row makes it. A view of the real call (its position, parent and
 * callee stay those of the loop's call) whose arguments are the row's nodes, which keep their
 * own positions: adapters read arguments and report where the walker says.
 */
function withArguments(call: ts.CallExpression, args: ts.Expression[]): ts.CallExpression {
  const list = ts.factory.createNodeArray(args);
  return Object.create(call, { arguments: { value: list } }) as ts.CallExpression;
}
