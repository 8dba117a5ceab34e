import type { Location } from '../findings/location.js';
import { ts } from '../parse/typescript.js';
import { visitTree } from '../parse/visit-tree.js';
import { scopedConstOf } from './module-const-of.js';
import { propertyOf } from './object-property.js';
import { skipParens, type PathExpr } from './path-expr.js';
import type { HandlerRef, TableArg, TableRowFact } from './route-facts.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once. Functions and
// SyntaxKind only: at load time, lazy-typescript.mjs stands in for TypeScript with those, and any
// other export (`ts.factory`) would load all of TypeScript in a scan that may parse nothing.
const {
  SyntaxKind,
  isArrayBindingPattern,
  isArrayLiteralExpression,
  isArrowFunction,
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
export function tableRowsOf(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression, loop: TableLoop): TableRow[] | undefined {
  if (!loop.rows) return undefined;
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

/**
 * The table loop a registration call sits in, within its own function: a for-of, or a
 * forEach/map callback. Found once per call and shared by tableRowsOf and tableTemplateOf.
 */
export function tableLoopOf(call: ts.CallExpression): TableLoop | undefined {
  // An inner link of a chain (`app.get(...).post(...)`) is not looked at: climbing from every link
  // of a chain thousands long to its loop would cost quadratic time.
  return isPropertyAccessExpression(call.parent) ? undefined : enclosingLoop(call);
}

/** What a loop over a table of another file registers per row (see TableRegistration). */
export interface TableTemplate {
  table: string;
  method: { name: string } | { field: string };
  pathFields: string[];
  handlers: TableArg[];
}

/**
 * A registration in a loop over a table this file imports (`AppRoutes.forEach((r) =>
 * app[r.method](r.path, r.action))`): which row fields it reads, for the graph to apply to the
 * rows of the table's own file. Undefined when the call is not one, or reads the row in a way
 * that cannot be written down (`r.opts.path`).
 */
export function tableTemplateOf(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression, loop: TableLoop, refOf: (e: ts.Expression) => HandlerRef): TableTemplate | undefined {
  if (loop.table === undefined) return undefined;
  const name = loop.name;
  const key = isElementAccessExpression(callee) && mentions(callee.argumentExpression, name) ? callee.argumentExpression : undefined;
  const called = key ? undefined : calledMethodOf(callee);
  // Hono's `app.on(r.method, r.path, ...handlers)` names the method in its first argument.
  const methodArg = called === 'on' ? call.arguments[0] : key;
  const methodField = methodArg && fieldReadBy(stripCaseChange(methodArg), name);
  const methodText = called === 'on' && methodArg && isStringLiteralLike(methodArg) ? methodArg.text : called === 'on' ? undefined : called;
  const method = methodField !== undefined ? { field: methodField } : methodText !== undefined ? { name: methodText } : undefined;
  const [pathArg, ...rest] = called === 'on' ? call.arguments.slice(1) : call.arguments;
  const pathField = pathArg && fieldReadBy(pathArg, name);
  if (!method || pathField === undefined) return undefined;
  const handlers: TableArg[] = [];
  for (const arg of rest) {
    const handler = templateArgOf(arg, name, refOf);
    if (!handler) return undefined;
    handlers.push(handler);
  }
  return handlers.length > 0 ? { table: loop.table, method, pathFields: [pathField], handlers } : undefined;
}

/** Fastify's route options that run before the handler, in the order it runs them. */
const FASTIFY_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'];

/**
 * Fastify's `app.route(r)` in a loop over a table this file imports, also with options of the
 * loop's own (`app.route({ ...r, preHandler: auth })`, `app.route({ method: r.method, url: r.url,
 * handler: r.handler })`): the row fields it reads, as hooks then handler. Undefined when the
 * options read the row in another way.
 */
export function routeOptionsTemplateOf(call: ts.CallExpression, loop: TableLoop, refsOf: (e: ts.Expression) => HandlerRef[]): TableTemplate | undefined {
  const [arg] = call.arguments;
  if (loop.table === undefined || !arg || call.arguments.length !== 1) return undefined;
  const fields = optionFieldsOf(skipParens(arg), loop.name);
  if (!fields) return undefined;
  /** The row field an option takes (spread: a hook may be one function or a list), or what the loop writes for it. */
  const argsOf = (key: string, spread: boolean): TableArg[] => {
    const own = fields.own.get(key);
    if (own) return refsOf(own).map((ref) => ({ ref }));
    const field = fields.read.get(key) ?? (fields.spread ? key : undefined);
    return field === undefined ? [] : [spread ? { field, spread: true } : { field }];
  };
  const methodField = fields.read.get('method') ?? (fields.spread && !fields.own.has('method') ? 'method' : undefined);
  const methodText = fields.own.get('method');
  const method = methodField !== undefined ? { field: methodField } : methodText && isStringLiteralLike(methodText) ? { name: methodText.text } : undefined;
  // A path the loop writes itself is the same for every row: no table registration.
  const pathFields = ['url', 'path'].flatMap((key) => fields.read.get(key) ?? (fields.spread ? [key] : []));
  const handler = argsOf('handler', false);
  if (!method || pathFields.length === 0 || fields.own.has('url') || fields.own.has('path') || handler.length !== 1) return undefined;
  // A row without a hook adds none.
  const hooks = FASTIFY_HOOKS.flatMap((hook) => argsOf(hook, true));
  return { table: loop.table, method, pathFields, handlers: [...hooks, ...handler] };
}

/**
 * The options of `app.route(...)` in a loop: the row itself (`r`), or an object literal spreading
 * it and naming other fields (`{ ...r, preHandler: auth }`, `{ url: r.path, handler: r.run }`).
 * `read`: option → the row field it takes; `own`: option → the value the loop writes; `spread`:
 * every other option is the row's field of that name. Undefined for any other shape.
 */
function optionFieldsOf(options: ts.Expression, name: RowName): { read: Map<string, string>; own: Map<string, ts.Expression>; spread: boolean } | undefined {
  const read = new Map<string, string>();
  const own = new Map<string, ts.Expression>();
  if ('whole' in name && isIdentifier(options) && options.text === name.whole) return { read, own, spread: true };
  if (!isObjectLiteralExpression(options)) return undefined;
  let spread = false;
  for (const p of options.properties) {
    if (ts.isSpreadAssignment(p)) {
      const e = skipParens(p.expression);
      // Options written before the spread hold only for rows without that field: not one template.
      if (!('whole' in name) || !isIdentifier(e) || e.text !== name.whole || own.size > 0 || read.size > 0) return undefined;
      spread = true;
      continue;
    }
    const key = p.name && (isIdentifier(p.name) || isStringLiteralLike(p.name)) ? p.name.text : undefined;
    // A method written in the options (`handler(req, reply) {...}`) is not read as a value.
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
    if (key === undefined || !value) return undefined;
    const field = fieldReadBy(value, name);
    if (field !== undefined) read.set(key, field);
    else if (mentions(value, name) && !isArrowFunction(skipParens(value)) && !isFunctionExpression(skipParens(value))) return undefined;
    else own.set(key, value);
  }
  return { read, own, spread };
}

function templateArgOf(arg: ts.Expression, name: RowName, refOf: (e: ts.Expression) => HandlerRef): TableArg | undefined {
  if (isSpreadElement(arg)) {
    const field = fieldReadBy(spreadSource(arg.expression), name);
    return field === undefined ? undefined : { field, spread: true };
  }
  const e = skipParens(arg);
  // A handler written in the loop is the row's endpoint as it stands (see lookup).
  if (isArrowFunction(e) || isFunctionExpression(e) || !mentions(e, name)) return { ref: refOf(arg) };
  const field = fieldReadBy(e, name);
  return field === undefined ? undefined : { field };
}

/** `r.path` or a destructured `path`: the row field an expression reads, if it is just that. */
function fieldReadBy(expr: ts.Expression, name: RowName): string | undefined {
  const e = skipParens(expr);
  if ('whole' in name) return isPropertyAccessExpression(e) && isIdentifier(e.expression) && e.expression.text === name.whole ? e.name.text : undefined;
  return isIdentifier(e) ? name.fields.get(e.text) : undefined;
}

/** `r.method.toLowerCase()` reads the method as `r.method` does. */
function stripCaseChange(key: ts.Expression): ts.Expression {
  const e = skipParens(key);
  return isCallExpression(e) && e.arguments.length === 0 && isPropertyAccessExpression(e.expression) && /^to(Lower|Upper)Case$/.test(e.expression.name.text) ? e.expression.expression : e;
}

/** What a spread reads: `...r.guards`, or `...(r.guards ?? [])`, whose fallback only stands in for a missing field. */
function spreadSource(expr: ts.Expression): ts.Expression {
  const e = skipParens(expr);
  const fallback = ts.isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken);
  return fallback ? e.left : e;
}

/** Rows of a module-level table kept for other files: at most this many. */
const MAX_TABLE_ROWS = 500;

/**
 * A module-level `const` holding route objects (`[{ path: '/admin/users', method: 'get', action }]`),
 * kept for files that loop over it. Only tables with a path-like string field are kept.
 */
export function tableFactOf(init: ts.Expression, ctx: RowContext): TableRowFact[] | undefined {
  const rows = rowsOf(init);
  if (!rows || rows.length > MAX_TABLE_ROWS || !rows.some(hasPathLikeField)) return undefined;
  return rows.map((row) => rowFactOf(row, ctx));
}

interface RowContext {
  locationOf(node: ts.Node): Location;
  pathOf(e: ts.Expression): PathExpr | undefined;
  refsOf(e: ts.Expression): HandlerRef[];
}

function rowFactOf(row: ts.ObjectLiteralExpression, ctx: RowContext): TableRowFact {
  const fact: TableRowFact = { location: ctx.locationOf(row), texts: {}, paths: {}, refs: {} };
  for (const p of row.properties) {
    if (!p.name || !(isIdentifier(p.name) || isStringLiteralLike(p.name))) continue;
    const field = p.name.text;
    const value = p.kind === SyntaxKind.ShorthandPropertyAssignment ? (p.name as ts.Identifier) : ts.isPropertyAssignment(p) ? skipParens(p.initializer) : undefined;
    if (!value) continue;
    if (isStringLiteralLike(value)) fact.texts[field] = value.text;
    const path = ctx.pathOf(value);
    if (path) fact.paths[field] = path;
    if (!isStringLiteralLike(value)) fact.refs[field] = ctx.refsOf(value);
  }
  return fact;
}

/**
 * `export const list = createRoute({ method: 'get', path: '/admin/users/{id}', middleware: [auth] })`
 * (@hono/zod-openapi): a one-row table that `app.openapi(routes.list, handler)` in another file
 * registers. OpenAPI's `{id}` parameters read as `:id`.
 */
export function createRouteFactOf(init: ts.Expression, ctx: RowContext): TableRowFact[] | undefined {
  const config = createRouteConfigOf(init);
  if (!config) return undefined;
  const row = rowFactOf(config, ctx);
  for (const [field, path] of Object.entries(row.paths)) row.paths[field] = openApiPath(path);
  return [row];
}

/** An OpenAPI path as the framework routes it: `{id}` parameters are `:id`. */
export function openApiPath(path: PathExpr): PathExpr {
  return { parts: path.parts.map((p) => (typeof p === 'string' ? p.replace(/\{(\w+)\}/g, ':$1') : p)) };
}

/** The options object of `createRoute({...})`. */
export function createRouteConfigOf(expr: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const e = skipParens(expr);
  if (!isCallExpression(e) || !isIdentifier(e.expression) || e.expression.text !== 'createRoute') return undefined;
  const arg = e.arguments[0] && skipParens(e.arguments[0]);
  return arg && isObjectLiteralExpression(arg) ? arg : undefined;
}

function hasPathLikeField(row: ts.ObjectLiteralExpression): boolean {
  return row.properties.some((p) => ts.isPropertyAssignment(p) && isStringLiteralLike(p.initializer) && p.initializer.text.startsWith('/'));
}

/** The method a call names: `app.get`, or `app['get']`. */
export function calledMethodOf(callee: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  if (isPropertyAccessExpression(callee)) return callee.name.text;
  const key = skipParens(callee.argumentExpression);
  return isStringLiteralLike(key) ? key.text : undefined;
}

export interface TableLoop {
  /** The rows, when the table is written in this file; otherwise the name it is read by. */
  rows: readonly ts.ObjectLiteralExpression[] | undefined;
  table: string | undefined;
  name: RowName;
}

/** The table loop `node` sits in, within its own function: a for-of, or a forEach/map callback. */
function enclosingLoop(node: ts.Node): TableLoop | undefined {
  return enclosingIteration(node, loopOver);
}

/** A loop over an array of apps or routers written in this file: `for (const r of [users, admin]) app.use(r)`. */
export interface RouterLoop {
  name: string;
  elements: readonly ts.Expression[];
}

/**
 * The loop over a list of routers that a mount-shaped call (`app.route('/', route)`) sits in: the
 * list written in place or as a `const` in scope (`const routes = [index, admin] as const`), its
 * items names, members or calls.
 */
export function routerLoopOf(call: ts.CallExpression): RouterLoop | undefined {
  return isPropertyAccessExpression(call.parent) ? undefined : enclosingIteration(call, routersOver);
}

function routersOver(list: ts.Expression, binding: ts.BindingName): RouterLoop | undefined {
  const elements = isIdentifier(binding) ? listItemsOf(list) : undefined;
  if (!elements || elements.length > MAX_TABLE_ROWS) return undefined;
  return elements.every((el) => isIdentifier(el) || isPropertyAccessExpression(el) || isCallExpression(el)) ? { name: (binding as ts.Identifier).text, elements } : undefined;
}

/** The for-of, or forEach/map callback, `node` sits in within its own function, read by `over` from its list and binding. */
function enclosingIteration<T>(node: ts.Node, over: (list: ts.Expression, binding: ts.BindingName) => T | undefined): T | undefined {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isForOfStatement(parent) && child === parent.statement) {
      const list = parent.initializer;
      const decl = isVariableDeclarationList(list) && list.declarations.length === 1 ? list.declarations[0] : undefined;
      return decl ? over(parent.expression, decl.name) : undefined;
    }
    if (isArrowFunction(parent) || isFunctionExpression(parent)) {
      const iteration = parent.parent;
      const param = parent.parameters[0];
      const isCallback = isCallExpression(iteration) && iteration.arguments[0] === parent && isPropertyAccessExpression(iteration.expression) && /^(forEach|map)$/.test(iteration.expression.name.text);
      return isCallback && param ? over(iteration.expression.expression, param.name) : undefined;
    }
    if (ts.isFunctionLike(parent) || isSourceFile(parent)) return undefined;
  }
  return undefined;
}

function loopOver(table: ts.Expression, binding: ts.BindingName): TableLoop | undefined {
  const name = rowNameOf(binding);
  if (!name) return undefined;
  const rows = rowsOf(table);
  const e = skipParens(table);
  if (rows) return { rows, table: undefined, name };
  return isIdentifier(e) && !scopedConstOf(e) ? { rows: undefined, table: e.text, name } : undefined;
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
  const rows = listItemsOf(table);
  return rows?.every(isObjectLiteralExpression) ? (rows as ts.ObjectLiteralExpression[]) : undefined;
}

/** The items of a non-empty array literal, written in place or bound to a `const` in scope. */
/**
 * `for (const p of ['/admin/users', '/admin/stats']) app.get(p, h)`, `PATHS.forEach((p) => ...)`:
 * the values the loop variable `id` takes, when the loop around it runs over a list written out.
 */
export function loopValuesOf(id: ts.Identifier): ts.Expression[] | undefined {
  return enclosingIteration(id, (list, binding) => (isIdentifier(binding) && binding.text === id.text ? listItemsOf(list) : undefined));
}

function listItemsOf(list: ts.Expression): ts.Expression[] | undefined {
  let e = skipParens(list);
  if (isIdentifier(e)) {
    const init = scopedConstOf(e);
    if (!init) return undefined;
    e = skipParens(init);
  }
  return isArrayLiteralExpression(e) && e.elements.length > 0 ? e.elements.map((el) => skipParens(el)) : undefined;
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
  if ('whole' in name && isIdentifier(e) && e.text === name.whole) return row;
  const field = fieldReadBy(e, name);
  if (field !== undefined) return fieldOf(row, field);
  // A handler written in the loop (`(req, res) => r.action(req, res)`) is the row's endpoint as it
  // stands: it reads the row only when it runs.
  if (isArrowFunction(e) || isFunctionExpression(e)) return undefined;
  if (!mentions(e, name)) return undefined;
  return isObjectLiteralExpression(e) ? mergedOptions(e, row, name) : 'opaque';
}

/**
 * Route options written around the row (`app.route({ ...r, preHandler: auth })`, `{ url: r.path,
 * handler: r.run }`): the object as this row makes it, its properties last-written first, so that
 * a lookup of the first property of a name finds the value that wins.
 */
function mergedOptions(options: ts.ObjectLiteralExpression, row: ts.ObjectLiteralExpression, name: RowName): ts.ObjectLiteralExpression | 'opaque' {
  const properties: ts.ObjectLiteralElementLike[] = [];
  for (const p of options.properties) {
    if (ts.isSpreadAssignment(p)) {
      const e = skipParens(p.expression);
      if (!('whole' in name) || !isIdentifier(e) || e.text !== name.whole || row.properties.some((x) => !x.name)) return 'opaque';
      properties.push(...row.properties);
      continue;
    }
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
    if (!value || !mentions(p, name)) {
      properties.push(p);
      continue;
    }
    const found = lookup(value, row, name);
    if (found === 'opaque') return 'opaque';
    if (found === 'absent') continue;
    // The option as the row fills it in: a view of the written property with the row's value.
    if (found) properties.push(Object.create(p, { kind: { value: SyntaxKind.PropertyAssignment }, initializer: { value: found } }) as ts.PropertyAssignment);
    else properties.push(p);
  }
  return Object.create(options, { properties: { value: ts.factory.createNodeArray(properties.reverse()) } }) as ts.ObjectLiteralExpression;
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
  const value = lookup(stripCaseChange(key), row, name);
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
  const value = lookup(spreadSource(expr), row, name);
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
