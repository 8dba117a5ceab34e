import { ts } from '../parse/typescript.js';
import type { ProjectModel } from '../project/project-model.js';
import type { Evaluator } from './evaluate.js';
import { type FileContext, importOf, lookup, textMentions, wholeConstValueOf } from './file-context.js';
import { ADDING_METHODS } from './mutated-in-place.js';
import { writesRequestSession } from './request-session.js';
import { unionTaint } from './propagate.js';
import type { Binding } from './scope.js';
import { dottedNameOf, unwrap } from './scope.js';
import type { Taint } from './taint.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrowFunction, isAsExpression, isAwaitExpression, isCallExpression, isElementAccessExpression, isFunctionExpression, isIdentifier, isNewExpression, isObjectBindingPattern, isParenthesizedExpression, isPropertyAccessExpression, isVariableDeclaration } = ts;

/** lowdb keeps the database's content in `db.data`, written whole to the adapter's file on `db.write()`. */
const DATA_FIELD = 'data';

/** What a lowdb adapter's database is given in its own file, and the names importers reach the database by. */
export interface LowdbData {
  data: Taint;
  /** A request's whole session is put in (`db.data.sessions[req.sessionID] = req.session`): session data. */
  sessionData: boolean;
  /** The variables holding the database (`export const db = new Low(...)`): other files put data in through these. */
  databases: string[];
}

/**
 * What a lowdb database made on `adapter` (`new Low(new JSONFile('db.json'), {})`, `await
 * JSONFilePreset('db.json', {})`, or an adapter held in a const first) is given to keep: the values
 * put into its `db.data` (`db.data.tokens.push(refreshToken)`, `db.data.sessions[id] = session`),
 * which `db.write()` writes to the adapter's file. Empty when the database is not found.
 */
export function lowdbDataOf(adapter: ts.CallExpression | ts.NewExpression, fc: FileContext, ev: Evaluator): LowdbData {
  const databases = databasesOf(adapter, fc);
  if (databases.length === 0) return { data: [], sessionData: false, databases: [] };
  const puts = dataPutsOf(fc, ev, (root) => databases.some((db) => isBindingOf(root, db, fc)));
  return { data: unionTaint(...puts.map((put) => put.taint)), sessionData: puts.some((put) => put.sessionData), databases: databases.map((db) => db.name) };
}

/** Data put into `db.data` by another file, as the module holding the database learns of it. */
export interface ImportedDataPut {
  local: string;
  data: Taint;
  sessionData?: true;
}

/**
 * `db.data.grants.push({ refreshToken })` where `db` is imported from a project module: what each
 * imported name is given into its `data`, for the module that makes the database (see `lowdbDataOf`).
 */
export function importedDataPutsOf(fc: FileContext, ev: Evaluator): ImportedDataPut[] {
  // Most files never write into a `.data` field, a lowdb 1 chain, nor lowdb 7's `db.update(fn)`: the text test spares the scan.
  if (!textMentions(fc, `.${DATA_FIELD}`) && !textMentions(fc, '.write()') && !textMentions(fc, '.update(')) return [];
  const byLocal = new Map<string, DataPut[]>();
  const puts = dataPutsOf(fc, ev, (root) => {
    const origin = importOf(fc, root);
    return origin !== undefined && fc.isProjectModule(origin.specifier);
  });
  for (const put of puts) byLocal.set(put.root.text, [...(byLocal.get(put.root.text) ?? []), put]);
  return [...byLocal].flatMap(([local, parts]) => {
    // A parameter's value is only known at its calls, which the rule does not follow from here.
    const data = unionTaint(...parts.map((put) => put.taint)).filter((item) => item.k !== 'param');
    const sessionData = parts.some((put) => put.sessionData);
    return data.length > 0 || sessionData ? [{ local, data, ...(sessionData && { sessionData: true as const }) }] : [];
  });
}

interface DataPut {
  root: ts.Identifier;
  taint: Taint;
  /** The value put is a request's whole session. */
  sessionData: boolean;
}

/** The values put into `<root>.data...` by adding methods and assignments, with the root named, for roots `isDatabase` accepts. */
function dataPutsOf(fc: FileContext, ev: Evaluator, isDatabase: (root: ts.Identifier) => boolean): DataPut[] {
  const out: DataPut[] = [];
  const put = (root: ts.Identifier, values: readonly ts.Expression[]) => out.push({ root, taint: unionTaint(...values.map((v) => ev.taintOf(v))), sessionData: values.some((v) => writesRequestSession(v, fc)) });
  for (const call of fc.collected.calls) {
    const found = isCallExpression(call) ? callPutOf(call) : undefined;
    if (found && isDatabase(found.root)) put(found.root, found.values);
  }
  for (const assignment of fc.collected.assignments) {
    const root = dataRootOf(assignment.left) ?? recordRootOf(assignment.left, fc);
    if (root && isDatabase(root)) put(root, [assignment.right]);
  }
  for (const [root, fn] of updatesOf(fc, isDatabase)) out.push({ root, taint: updatePutsOf(fn, fc, ev), sessionData: false });
  return out;
}

/**
 * A call that puts values into a database's data, with the variable it is reached from:
 * `db.data.tokens.push(token)`, `Object.assign(db.data.settings, { apiKey })`, and a chain step of
 * lowdb 1 (`db.get('tokens').push({ token })`, see `chainPutOf`).
 */
function callPutOf(call: ts.CallExpression): { root: ts.Identifier; values: readonly ts.Expression[] } | undefined {
  const callee = unwrap(call.expression);
  if (dottedNameOf(callee) === 'Object.assign') {
    const [target, ...sources] = call.arguments;
    const root = target && dataRootOf(target);
    return root && { root, values: sources };
  }
  const root = isPropertyAccessExpression(callee) && ADDING_METHODS.has(callee.name.text) ? dataRootOf(callee.expression) : undefined;
  if (root) return { root, values: call.arguments };
  const values = chainPutOf(call);
  const chainRoot = values && chainRootOf(call.expression);
  return values && chainRoot && { root: chainRoot, values };
}

/** lowdb 1's lodash chain (and lowdb 3's `db.chain`): the methods that put values into the data, `.write()` writing it. */
const CHAIN_PUTS: ReadonlySet<string> = new Set(['push', 'unshift', 'assign', 'defaults', 'merge', 'insert', 'upsert']);

/**
 * `db.get('tokens').push({ token }).write()`, `db.set(\`sessions.${id}\`, session).write()`,
 * `db.get('users').find({ id }).assign({ accessToken }).write()`: the values a chain step puts in.
 */
function chainPutOf(call: ts.CallExpression): readonly ts.Expression[] | undefined {
  const callee = unwrap(call.expression);
  const receiver = isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  if (!isPropertyAccessExpression(callee) || !receiver || !(isCallExpression(receiver) || isIdentifier(receiver))) return undefined;
  if (callee.name.text === 'set') return call.arguments.slice(1);
  return CHAIN_PUTS.has(callee.name.text) ? call.arguments : undefined;
}

/** `db` in `db.get('tokens').push(...)`, `db.chain.get(...)`: the variable a chain of calls starts from. */
function chainRootOf(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  while (isPropertyAccessExpression(e) || isCallExpression(e)) e = unwrap(e.expression);
  return isIdentifier(e) ? e : undefined;
}

/** lowdb 7's `db.update(fn)`: `fn` is handed `db.data` to change, then the database is written. */
function updatesOf(fc: FileContext, isDatabase: (root: ts.Identifier) => boolean): Array<[ts.Identifier, ts.ArrowFunction | ts.FunctionExpression]> {
  const out: Array<[ts.Identifier, ts.ArrowFunction | ts.FunctionExpression]> = [];
  for (const call of fc.collected.calls) {
    const callee = unwrap(call.expression);
    const fn = call.arguments?.[0] && unwrap(call.arguments[0]);
    if (!isPropertyAccessExpression(callee) || callee.name.text !== 'update' || !fn || !(isArrowFunction(fn) || isFunctionExpression(fn))) continue;
    const root = unwrap(callee.expression);
    if (isIdentifier(root) && isDatabase(root)) out.push([root, fn]);
  }
  return out;
}

/**
 * What an update function puts into the data it is handed: `(data) => { data.sessions[id] = s }`,
 * `({ tokens }) => tokens.push(token)` (adding methods and assignments on the data or its
 * destructured fields, inside the function).
 */
function updatePutsOf(fn: ts.ArrowFunction | ts.FunctionExpression, fc: FileContext, ev: Evaluator): Taint {
  const param = fn.parameters[0]?.name;
  if (param === undefined) return [];
  const names = new Set(isIdentifier(param) ? [param.text] : isObjectBindingPattern(param) ? param.elements.flatMap((e) => (isIdentifier(e.name) ? [e.name.text] : [])) : []);
  const inside = (node: ts.Node) => node.pos >= fn.body.pos && node.end <= fn.body.end;
  const handed = (place: ts.Expression) => {
    const root = placeRootOf(place);
    return root !== undefined && names.has(root.text);
  };
  const parts: Taint[] = [];
  for (const call of fc.collected.calls) {
    const callee = unwrap(call.expression);
    if (isCallExpression(call) && inside(call) && isPropertyAccessExpression(callee) && ADDING_METHODS.has(callee.name.text) && handed(callee.expression)) parts.push(...call.arguments.map((a) => ev.taintOf(a)));
  }
  for (const assignment of fc.collected.assignments) {
    const left = unwrap(assignment.left);
    if (inside(assignment) && !isIdentifier(left) && handed(left)) parts.push(ev.taintOf(assignment.right));
  }
  return unionTaint(...parts);
}

/** `data` in `data.sessions[id]`, `tokens` in `tokens`: the variable a place is reached from. */
function placeRootOf(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  while (isPropertyAccessExpression(e) || isElementAccessExpression(e)) e = unwrap(e.expression);
  return isIdentifier(e) ? e : undefined;
}

/** The bindings of the databases made on `adapter`: the variable it, or the `new Low(adapter)` around it, is assigned to. */
function databasesOf(adapter: ts.CallExpression | ts.NewExpression, fc: FileContext): Binding[] {
  // `new Low(new JSONFile(...), {})`: the adapter made in place.
  const wrapping = wrappingDatabase(adapter, fc);
  if (wrapping) return bindingsOf(declaredBy(wrapping), fc);
  // `const db = await JSONFilePreset(...)` is the database; `const adapter = new JSONFile(file)` is given to `new Low(adapter, {})`.
  const [made] = bindingsOf(declaredBy(adapter), fc);
  if (made === undefined) return [];
  const lows = fc.collected.calls.filter((c) => makesDatabase(c, fc) && (c.arguments ?? []).some((a) => isBindingOf(a, made, fc)));
  return lows.length > 0 ? lows.flatMap((low) => bindingsOf(declaredBy(low), fc)) : [made];
}

function isBindingOf(expr: ts.Expression, binding: Binding, fc: FileContext): boolean {
  const e = unwrap(expr);
  return isIdentifier(e) && lookup(fc, e) === binding;
}

function bindingsOf(decl: ts.VariableDeclaration | undefined, fc: FileContext): Binding[] {
  const binding = decl && isIdentifier(decl.name) ? lookup(fc, decl.name) : undefined;
  return binding ? [binding] : [];
}

/** `new Low(new JSONFile(...))`, lowdb 1's `low(new FileSync(...))`: the `new` or call the adapter is passed to in place. */
function wrappingDatabase(adapter: ts.Node, fc: FileContext): ts.NewExpression | ts.CallExpression | undefined {
  const parent = outerOf(adapter).parent;
  return (isNewExpression(parent) || isCallExpression(parent)) && makesDatabase(parent, fc) ? parent : undefined;
}

/** `new Low(adapter)` (any `new` given the adapter), or lowdb 1's `low(adapter)`. */
function makesDatabase(made: ts.NewExpression | ts.CallExpression, fc: FileContext): boolean {
  return isNewExpression(made) || (isIdentifier(made.expression) && importOf(fc, made.expression)?.specifier === 'lowdb');
}

/** The variable declaration an expression (through parentheses, `await`, `as`) initialises. */
function declaredBy(expr: ts.Node): ts.VariableDeclaration | undefined {
  const parent = outerOf(expr).parent;
  return isVariableDeclaration(parent) ? parent : undefined;
}

function outerOf(node: ts.Node): ts.Node {
  let n = node;
  while (isParenthesizedExpression(n.parent) || isAwaitExpression(n.parent) || isAsExpression(n.parent) || n.parent.kind === SyntaxKind.NonNullExpression) n = n.parent;
  return n;
}

/** Methods that hand out a record of the data itself, not a copy: a change to the record is a change to the data. */
const RECORD_LOOKUPS: ReadonlySet<string> = new Set(['find', 'findLast', 'at']);

/**
 * `db` in `user.accessToken` given `const user = db.data.users.find(...)`: a record of the database's
 * data held in a const, whose fields the code sets (then `db.write()`).
 */
function recordRootOf(place: ts.Expression, fc: FileContext): ts.Identifier | undefined {
  const left = unwrap(place);
  const holder = isPropertyAccessExpression(left) || isElementAccessExpression(left) ? placeRootOf(left) : undefined;
  // The record itself is the value the const is given whole, whatever fields are set on it later.
  const held = holder && wholeConstValueOf(fc, holder);
  if (held === undefined) return undefined;
  let e = held;
  while (isCallExpression(e) && isPropertyAccessExpression(e.expression) && RECORD_LOOKUPS.has(e.expression.name.text)) e = unwrap(e.expression.expression);
  return e === held && !isElementAccessExpression(e) ? undefined : dataRootOf(e);
}

/** `db` in `db.data.tokens`, `db.data.sessions[id]`: the object whose `data` field the place is inside. */
function dataRootOf(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  let first: string | undefined;
  while (isPropertyAccessExpression(e) || isElementAccessExpression(e)) {
    first = isPropertyAccessExpression(e) ? e.name.text : undefined;
    e = unwrap(e.expression);
  }
  return first === DATA_FIELD && isIdentifier(e) ? e : undefined;
}

/**
 * What other files put into the `data` of the databases `file` holds in `databases` (they import
 * them: `import { db } from './db.js'; db.data.grants.push(...)`), each with the file it is written
 * in. Indexed once per scan.
 */
export function importedDataOf(project: ProjectModel, file: string, databases: readonly string[]): Array<{ file: string; data: Taint; sessionData?: true }> {
  const index = project.memo('lowdb-imported-data', buildImportedData);
  return databases.flatMap((name) => index.get(`${file}\0${name}`) ?? []);
}

function buildImportedData(project: ProjectModel): Map<string, Array<{ file: string; data: Taint; sessionData?: true }>> {
  const index = new Map<string, Array<{ file: string; data: Taint; sessionData?: true }>>();
  for (const [file, summary] of project.files) {
    for (const put of summary.flow.importedDataPuts ?? []) {
      const origin = project.originOf(file, put.local);
      if (origin.kind !== 'local') continue;
      // `const db = require('./db')` of `module.exports = db`: the whole module is the database's variable.
      const name = origin.name === '*' || origin.name === 'default' ? (project.valueNameOf(origin.file) ?? origin.name) : origin.name;
      const key = `${origin.file}\0${name}`;
      index.set(key, [...(index.get(key) ?? []), { file, data: put.data, ...(put.sessionData && { sessionData: put.sessionData }) }]);
    }
  }
  return index;
}
