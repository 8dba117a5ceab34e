import { isIndirectCallee } from '../parse/indirect-callee.js';
import { ts } from '../parse/typescript.js';
import { namespaceConstsOf } from '../parse/namespace-members.js';
import { isStaticMember } from '../parse/static-member.js';
import { visitTree } from '../parse/visit-tree.js';
import { isModuleExports, isModuleExportsAssignment } from './function-id-of.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isAsExpression, isBinaryExpression, isClassDeclaration, isEnumDeclaration, isExportAssignment, isExpressionStatement, isIdentifier, isNewExpression, isNonNullExpression, isObjectLiteralExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isSatisfiesExpression, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTemplateExpression, isVariableStatement } = ts;

/**
 * A route path as written: literal text plus references to constants that another file may define
 * (`${API}/admin` where `API` is imported). `{ ref }` is resolved by the route graph; `{ unknown }`
 * is an expression no file can resolve (a parameter, a call): it stands for one path segment.
 */
export type PathPart = string | { ref: string } | { unknown: string };

export interface PathExpr {
  parts: PathPart[];
}

/** The name a path is, when it is nothing but one reference (`PUBLIC_PATHS`, `ROUTES.admin`). */
export function soleRefOf(path: PathExpr): string | undefined {
  const [part] = path.parts;
  return path.parts.length === 1 && part !== undefined && typeof part !== 'string' && 'ref' in part ? part.ref : undefined;
}

/** Module-level string constants by name (`API`, `ROUTES.admin`), for resolving paths. */
export type ConstantTable = ReadonlyMap<string, PathExpr>;

/**
 * Reads a path-like expression: string literals, template literals, `+` concatenation, identifiers
 * and `Obj.prop` references (inlined when the file's own constants know them). Returns undefined
 * for expressions that are clearly not strings (functions, objects).
 */
export function pathExprOf(expr: ts.Expression, constants: ConstantTable): PathExpr | undefined {
  const e = skipParens(expr);
  if (isStringLiteralLike(e)) return { parts: [e.text] };
  if (isTemplateExpression(e)) {
    const parts: PathPart[] = [e.head.text];
    for (const span of e.templateSpans) {
      parts.push(...(pathExprOf(span.expression, constants)?.parts ?? [{ unknown: span.expression.getText() }]));
      parts.push(span.literal.text);
    }
    return { parts: parts.filter((p) => p !== '') };
  }
  if (isConcatenation(e)) return concatenationOf(e, constants);
  // `process.env.ADMIN_PATH || '/admin'`: the path the code itself chooses, unless deployed otherwise.
  if (isEnvDefault(e)) return pathExprOf(e.right, constants);
  // `${this.path}/users`: a string field of the file's class (see collectConstants), else a segment no file knows.
  if (isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) return constants.get(`this.${e.name.text}`);
  const name = referenceName(e);
  if (name !== undefined) return constants.get(name) ?? { parts: [{ ref: name }] };
  return undefined;
}

function isEnvDefault(e: ts.Expression): e is ts.BinaryExpression {
  if (!isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return false;
  const left = skipParens(e.left);
  const env = isPropertyAccessExpression(left) || ts.isElementAccessExpression(left) ? skipParens(left.expression) : undefined;
  return env !== undefined && isPropertyAccessExpression(env) && env.name.text === 'env' && isIdentifier(env.expression) && env.expression.text === 'process';
}

function isConcatenation(e: ts.Expression): e is ts.BinaryExpression {
  return isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

/**
 * `a + b + c`, read left to right along the left-nested chain with a loop: generated code
 * concatenates thousands of terms, deeper than recursion survives. An operand that is not
 * path-like is one unknown part, unless nothing so far is path-like either.
 */
function concatenationOf(e: ts.BinaryExpression, constants: ConstantTable): PathExpr | undefined {
  const chain: ts.BinaryExpression[] = [];
  for (let link: ts.Expression = e; isConcatenation(link); link = skipParens(link.left)) chain.push(link);
  const innermost = chain[chain.length - 1] as ts.BinaryExpression;
  let parts = pathExprOf(innermost.left, constants)?.parts.slice();
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i] as ts.BinaryExpression;
    const right = pathExprOf(link.right, constants);
    if (!parts && !right) continue;
    parts ??= [{ unknown: link.left.getText() }];
    for (const part of right?.parts ?? [{ unknown: link.right.getText() }]) parts.push(part);
  }
  return parts && { parts };
}

/** `API`, `ROUTES.admin` or `ROUTES.admin.users`: an identifier and the properties read from it. */
export function referenceName(expr: ts.Expression): string | undefined {
  if (isIdentifier(expr)) return expr.text;
  if (!isPropertyAccessExpression(expr)) return undefined;
  const names: string[] = [expr.name.text];
  let e: ts.Expression = expr.expression;
  for (let depth = 1; isPropertyAccessExpression(e) && depth <= MAX_CONSTANT_DEPTH; depth++, e = e.expression) names.push(e.name.text);
  return isIdentifier(e) ? [e.text, ...names.reverse()].join('.') : undefined;
}

/** Entries of a list constant recorded: an exception list is a handful of paths. */
export const MAX_LIST_CONSTANT = 64;

/** Nesting of route-constant objects read (`ROUTES.admin.users.byId`). */
const MAX_CONSTANT_DEPTH = 4;

/**
 * The module-level string constants of a file (`const ADMIN = '/admin'`, `const R = { admin: '/a' }
 * as const`, `enum Paths { Admin = '/admin' }`), read from top-level statements only. Constants
 * may use earlier constants.
 */
export function collectConstants(sf: ts.SourceFile): Map<string, PathExpr> {
  const table = new Map<string, PathExpr>();
  const fieldOwners = new Map<string, ts.ClassDeclaration>();
  for (const stmt of sf.statements) {
    if (isVariableStatement(stmt) && (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const decl of stmt.declarationList.declarations) {
        if (isIdentifier(decl.name) && decl.initializer) addConstant(table, decl.name.text, decl.initializer);
      }
    } else if (isExportAssignment(stmt)) {
      // `export default { routes: { admin: '/admin' } }`: read as `config.routes.admin` where imported.
      addConstant(table, 'default', stmt.expression);
    } else if (isModuleExportsAssignment(stmt)) {
      addConstant(table, 'default', stmt.expression.right);
    } else if (isExportsMemberAssignment(stmt)) {
      // tsc's CommonJS `exports.ROLES_KEY = 'roles'`: the named export, also as the file itself reads it.
      const name = stmt.expression.left.name.text;
      addConstant(table, name, stmt.expression.right);
      addConstant(table, `exports.${name}`, stmt.expression.right);
    } else if (isClassDeclaration(stmt) && stmt.name) {
      // `class Routes { static readonly ADMIN = '/admin' }`, read as `Routes.ADMIN`.
      for (const member of stmt.members) {
        if (isPropertyDeclaration(member) && member.initializer && isIdentifier(member.name) && isStaticMember(member)) addConstant(table, `${stmt.name.text}.${member.name.text}`, member.initializer);
      }
      addInstanceFields(table, stmt, fieldOwners);
    } else if (ts.isModuleDeclaration(stmt) && isIdentifier(stmt.name)) {
      addNamespaceConstants(table, stmt.name.text, namespaceConstsOf(sf).get(stmt.name.text));
    } else if (isEnumDeclaration(stmt)) {
      for (const member of stmt.members) {
        if (member.initializer && isStringLiteralLike(member.initializer) && isIdentifier(member.name)) {
          table.set(`${stmt.name.text}.${member.name.text}`, { parts: [member.initializer.text] });
        }
      }
    }
  }
  return table;
}

/**
 * `namespace Routes { export const INTERNAL = '/internal'; export const METRICS = `${INTERNAL}/m` }`,
 * read as `Routes.INTERNAL`: inside the namespace its members are read by their bare names, which
 * the file's own constants of those names get back afterwards.
 */
function addNamespaceConstants(table: Map<string, PathExpr>, ns: string, members: ReadonlyMap<string, ts.Expression> | undefined): void {
  if (!members) return;
  const isMemberKey = (key: string) => members.has(key.split('.', 1)[0] ?? key);
  const shadowed = [...table].filter(([key]) => isMemberKey(key));
  for (const [key] of shadowed) table.delete(key);
  for (const [member, init] of members) addConstant(table, member, init);
  for (const [key, value] of [...table]) {
    if (!isMemberKey(key)) continue;
    table.set(`${ns}.${key}`, value);
    table.delete(key);
  }
  for (const [key, value] of shadowed) table.set(key, value);
}

/**
 * `class AdminRoute { public path = '/admin'; ... this.router.get(`${this.path}/users`) }`: string
 * fields of a class, read as `this.path`, whether declared with the value or given it in the
 * constructor (`this.path = '/admin'`, as tsc compiles field initialisers). A field given a value
 * anywhere else, or one two classes of the file define, has no one value: left out.
 */
function addInstanceFields(table: Map<string, PathExpr>, cls: ts.ClassDeclaration, owners: Map<string, ts.ClassDeclaration>): void {
  const assigned = new Map<string, ts.Expression[]>();
  const assign = (field: string, value: ts.Expression) => {
    const values = assigned.get(field);
    if (values) values.push(value);
    else assigned.set(field, [value]);
  };
  const text = cls.getSourceFile().text;
  for (const member of cls.members) {
    if (isPropertyDeclaration(member) && isIdentifier(member.name) && member.initializer && !isStaticMember(member)) assign(member.name.text, member.initializer);
    // Walking every method of every class cost a tenth of the route walk: the text says which assign a field.
    else if (!isPropertyDeclaration(member) && THIS_ASSIGNMENT.test(text.slice(member.pos, member.end))) visitAssignments(member, assign);
  }
  for (const [field, values] of assigned) {
    const [value] = values;
    if (values.length !== 1 || value === undefined || !isStringLiteralLike(value)) continue;
    const key = `this.${field}`;
    const owner = owners.get(key);
    if (owner === undefined) {
      owners.set(key, cls);
      table.set(key, { parts: [value.text] });
    } else if (owner !== cls) table.delete(key);
  }
}

/** Text that may hold `this.field = value` (also `this\n  .field =`); `==`, `>=` and `+=` are not assignments of a value. */
const THIS_ASSIGNMENT = /\bthis\s*\.\s*[\w$]+\s*=(?!=)/;

/** Every `this.field = value` inside a class member (walked by visitTree: a method's expressions may nest deep). */
function visitAssignments(member: ts.Node, assign: (field: string, value: ts.Expression) => void): void {
  visitTree(member, (node) => {
    if (isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword) assign(node.left.name.text, node.right);
  });
}

/** `exports.ADMIN_PREFIX = '/admin'` (also `module.exports.ADMIN_PREFIX = ...`). */
function isExportsMemberAssignment(stmt: ts.Statement): stmt is ts.ExpressionStatement & { expression: ts.BinaryExpression & { left: ts.PropertyAccessExpression } } {
  if (!isExpressionStatement(stmt) || !isBinaryExpression(stmt.expression) || stmt.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return false;
  const left = stmt.expression.left;
  return isPropertyAccessExpression(left) && ((isIdentifier(left.expression) && left.expression.text === 'exports') || isModuleExports(left.expression));
}

function addConstant(table: Map<string, PathExpr>, name: string, init: ts.Expression, depth = 0): void {
  const value = skipParens(init);
  if (isObjectLiteralExpression(value)) {
    if (depth >= MAX_CONSTANT_DEPTH) return;
    for (const prop of value.properties) {
      if (isPropertyAssignment(prop) && (isIdentifier(prop.name) || isStringLiteral(prop.name))) addConstant(table, `${name}.${prop.name.text}`, prop.initializer, depth + 1);
      // `module.exports = { PUBLIC_PATHS }`: the member is the constant of that name.
      else if (isShorthandPropertyAssignment(prop)) addConstant(table, `${name}.${prop.name.text}`, prop.name, depth + 1);
    }
    return;
  }
  const list = setContentsOf(value);
  if (isArrayLiteralExpression(list)) {
    addListConstant(table, name, list);
    return;
  }
  // `export default PUBLIC_PATHS` of a constant declared above: the list (or path) under its new name.
  const count = isIdentifier(value) ? table.get(`${value.text}.length`) : undefined;
  if (isIdentifier(value) && count) {
    const n = Number(literalPath(count));
    for (let i = 0; i < n; i++) {
      const entry = table.get(`${value.text}.${i}`);
      if (entry) table.set(`${name}.${i}`, entry);
    }
    table.set(`${name}.length`, count);
    return;
  }
  const path = isIdentifier(value) ? table.get(value.text) : stringValueOf(value, table);
  if (path) table.set(name, path);
}

/**
 * `export const PUBLIC_PATHS = ['/login', '/health']`, so that another file's
 * `jwt(o).unless({ path: PUBLIC_PATHS })` can read it (see resolve-path-list.ts): each string
 * element as `PUBLIC_PATHS.0`, ..., and the count as `PUBLIC_PATHS.length`, which says that the
 * name is a list and how many entries it has (one that is not a string is left out).
 */
function addListConstant(table: Map<string, PathExpr>, name: string, list: ts.ArrayLiteralExpression): void {
  // A bundle's data tables would only grow the summary: such a list stays unread (no exceptions).
  if (list.elements.length > MAX_LIST_CONSTANT) return;
  list.elements.forEach((element, index) => {
    const path = stringValueOf(element, table);
    if (path) table.set(`${name}.${index}`, path);
  });
  table.set(`${name}.length`, { parts: [String(list.elements.length)] });
}

/** Like pathExprOf, but only for values that are certainly strings (a constant table entry). */
function stringValueOf(expr: ts.Expression, table: ConstantTable): PathExpr | undefined {
  const e = skipParens(expr);
  if (isStringLiteralLike(e) || isTemplateExpression(e) || isBinaryExpression(e)) {
    const path = pathExprOf(e, table);
    return path && path.parts.every((p) => typeof p === 'string' || 'ref' in p) ? path : undefined;
  }
  return undefined;
}

/** `new Set([...])` is searched as the list it is made of; any other expression is itself. */
export function setContentsOf(expr: ts.Expression): ts.Expression {
  const first = isNewExpression(expr) && isIdentifier(expr.expression) && expr.expression.text === 'Set' ? expr.arguments?.[0] : undefined;
  return first ? skipParens(first) : expr;
}

/** Unwraps `(x)`, `x as const`, `x satisfies T` and `x!`. */
export function skipParens(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (isParenthesizedExpression(e) || isAsExpression(e) || isSatisfiesExpression(e) || isNonNullExpression(e)) e = e.expression;
    else if (isIndirectCallee(e)) e = e.right;
    else return e;
  }
}


/** The text of a fully literal path, or undefined when a part is still a reference. */
export function literalPath(path: PathExpr): string | undefined {
  let out = '';
  for (const part of path.parts) {
    if (typeof part !== 'string') return undefined;
    out += part;
  }
  return out;
}

/** Every path under `path` and the path itself, as a route pattern: `/admin` as `/admin/*`. */
export function subtreeOf(path: PathExpr): PathExpr {
  const last = path.parts[path.parts.length - 1];
  return { parts: [...path.parts, typeof last === 'string' && last.endsWith('/') ? '*' : '/*'] };
}
