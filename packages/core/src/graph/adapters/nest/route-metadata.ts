import { ts } from '../../../parse/typescript.js';
import { decoratorsOf, type Decorator } from './decorators.js';
import type { AdapterContext } from '../../adapter.js';
import { skipParens, soleRefOf, type PathExpr } from '../../path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isBinaryExpression, isBlock, isCallExpression, isFunctionDeclaration, isIdentifier, isIfStatement, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isVariableStatement } = ts;

/** Reflector and reflect-metadata reads whose first argument is the metadata key. */
const METADATA_READ = /^(get|getAllAndOverride|getAllAndMerge|getMetadata)$/;

/**
 * The suffix of the constant that holds the key a project decorator sets (`Roles.@metadata`):
 * the route graph resolves `Roles.@metadata` where `@Roles()` is used, across imports.
 */
const KEY_SUFFIX = '.@metadata';

/** The metadata keys a guard reads in its early `return true`s (see metadataAnswersOf). */
export interface MetadataAnswers {
  /** Whose absence lets the route through: `if (!roles) return true`. The guard checks only routes carrying one. */
  absent: PathExpr[];
  /** Whose presence lets the route through: `if (isPublic) return true`. Only a decorator setting one opts a route out. */
  present: PathExpr[];
  /**
   * Of `absent`, those an empty value lets through too (`!roles || roles.length === 0`), read with
   * the handler's value first (`getAllAndOverride`, not `getAllAndMerge`): a bare `@Roles()` on the
   * method opens the route whatever the controller sets.
   */
  empty: PathExpr[];
}

/**
 * The metadata keys `canActivate` answers true for before any check: `const roles =
 * this.reflector.get('roles', ctx.getHandler()); if (!roles) return true;` (absent), `if
 * (this.reflector.getAllAndOverride('isPublic', [...])) return true;` (present).
 */
export function metadataAnswersOf(canActivate: ts.MethodDeclaration, ctx: AdapterContext): MetadataAnswers {
  const answers: MetadataAnswers = { absent: [], present: [], empty: [] };
  const body = canActivate.body;
  if (!body) return answers;
  const read = new Map<string, PathExpr>();
  const merged = new Set<string>();
  const gated = new Set<string>();
  const empty = new Set<string>();
  for (const stmt of body.statements) {
    if (isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) {
        const key = d.initializer && isIdentifier(d.name) ? metadataKeyRead(d.initializer, ctx) : undefined;
        if (!key || !isIdentifier(d.name)) continue;
        read.set(d.name.text, key);
        if (d.initializer && /getAllAndMerge/.test(d.initializer.getText(ctx.sf))) merged.add(d.name.text);
      }
      continue;
    }
    // Only early answers of `true` may precede the gate (`if (isPublic) return true;`); anything
    // else may already reject, and a gate after it lets through less than it seems.
    if (!isIfStatement(stmt) || stmt.elseStatement || !returnsTrue(stmt.thenStatement)) break;
    for (const name of absentNames(stmt.expression)) if (read.has(name)) gated.add(name);
    for (const name of emptyNames(stmt.expression)) if (read.has(name) && !merged.has(name)) empty.add(name);
    const present = presentKeyOf(stmt.expression, read, ctx);
    if (present) answers.present.push(present);
  }
  answers.absent = [...gated].flatMap((name) => read.get(name) ?? []);
  answers.empty = [...empty].filter((name) => gated.has(name)).flatMap((name) => read.get(name) ?? []);
  return answers;
}

/** `isPublic`, `isPublic === true` of a name read from metadata, or the read in place: the key whose presence the test holds for. */
function presentKeyOf(expr: ts.Expression, read: ReadonlyMap<string, PathExpr>, ctx: AdapterContext): PathExpr | undefined {
  let e = skipParens(expr);
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.EqualsEqualsEqualsToken && e.right.kind === SyntaxKind.TrueKeyword) e = skipParens(e.left);
  return isIdentifier(e) ? read.get(e.text) : metadataKeyRead(e, ctx);
}

/**
 * The keys a class or method's decorators set: `@SetMetadata('roles', ...)` directly, or a project
 * decorator (`@Roles('admin')`) by the key its definition sets, resolved by the route graph.
 */
export function metadataSetBy(node: ts.HasDecorators, ctx: AdapterContext, only: (d: Decorator) => boolean = () => true): PathExpr[] {
  return decoratorsOf(node).flatMap((d): PathExpr[] => {
    if (!d.call || !only(d)) return [];
    if (d.name === 'SetMetadata') return keyOf(d.call.arguments[0], ctx);
    const origin = ctx.imports.get(d.root)?.specifier;
    // `Roles.@metadata`, or `roles_decorator_1.Roles.@metadata` of a compiled import.
    return origin === undefined || origin.startsWith('.') ? [{ parts: [{ ref: `${d.ref}${KEY_SUFFIX}` }] }] : [];
  });
}

/**
 * Records, for each top-level decorator factory of the file, the key it sets:
 * `export const Roles = (...r) => SetMetadata(ROLES_KEY, r)`, a function returning such a call
 * (or `applyDecorators(SetMetadata(...), UseGuards(...))`), and `Reflector.createDecorator()`,
 * whose key is the decorator itself (the guard reads `this.reflector.get(Roles, ...)`).
 */
export function collectMetadataDecorators(sf: ts.SourceFile, ctx: AdapterContext): void {
  for (const stmt of sf.statements) {
    if (isFunctionDeclaration(stmt) && stmt.name && stmt.body) recordKey(stmt.name.text, stmt, ctx);
    if (!isVariableStatement(stmt)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (!isIdentifier(d.name) || !d.initializer) continue;
      if (isCreateDecorator(skipParens(d.initializer))) ctx.facts.constants[`${d.name.text}${KEY_SUFFIX}`] = { parts: [`@${d.name.text}`] };
      else recordKey(d.name.text, d.initializer, ctx);
    }
  }
}

/**
 * The keys the guard reads, resolved by the route graph: a string, a constant, or a decorator
 * made by `Reflector.createDecorator` (its `.@metadata` constant).
 */
export function metadataKeyRefs(key: PathExpr): PathExpr[] {
  const ref = soleRefOf(key);
  return ref === undefined ? [key] : [key, { parts: [{ ref: `${ref}${KEY_SUFFIX}` }] }];
}

function recordKey(name: string, definition: ts.Node, ctx: AdapterContext): void {
  const call = firstSetMetadata(definition);
  const key = call && keyOf(call.arguments[0], ctx)[0];
  if (!key) return;
  ctx.facts.constants[`${name}${KEY_SUFFIX}`] = key;
  // `(...roles) => SetMetadata('roles', roles)`: `@Roles()` sets the key to an empty list.
  const value = call.arguments[1] && skipParens(call.arguments[1]);
  if (value && isIdentifier(value) && isRestParameter(definition, value.text)) ctx.facts.constants[`${name}${EMPTY_SUFFIX}`] = key;
}

/** The constant suffix of a decorator whose bare call (`@Roles()`) sets its key to an empty list. */
const EMPTY_SUFFIX = '.@emptyWhenBare';

function isRestParameter(definition: ts.Node, name: string): boolean {
  return ts.isFunctionLike(definition) && definition.parameters.some((p) => p.dotDotDotToken !== undefined && isIdentifier(p.name) && p.name.text === name);
}

/**
 * The keys a method's decorators set to an empty list: `@SetMetadata('roles', [])`, or a bare
 * `@Roles()` of a decorator that sets its rest parameter (resolved by the route graph; a decorator
 * of another shape resolves to nothing). Under `getAllAndOverride` the empty list wins over the controller's.
 */
export function emptyMetadataSetBy(node: ts.HasDecorators, ctx: AdapterContext): PathExpr[] {
  return decoratorsOf(node).flatMap((d): PathExpr[] => {
    if (!d.call) return [];
    const value = d.call.arguments[1] && skipParens(d.call.arguments[1]);
    if (d.name === 'SetMetadata') return value && isArrayLiteralExpression(value) && value.elements.length === 0 ? keyOf(d.call.arguments[0], ctx) : [];
    const origin = ctx.imports.get(d.root)?.specifier;
    return d.call.arguments.length === 0 && (origin === undefined || origin.startsWith('.')) ? [{ parts: [{ ref: `${d.ref}${EMPTY_SUFFIX}` }] }] : [];
  });
}

function firstSetMetadata(root: ts.Node): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    // `SetMetadata(...)`, or `(0, common_1.SetMetadata)(...)` compiled.
    const callee = isCallExpression(n) ? skipParens(n.expression) : undefined;
    if (callee && ((isIdentifier(callee) && callee.text === 'SetMetadata') || (isPropertyAccessExpression(callee) && callee.name.text === 'SetMetadata'))) found = n as ts.CallExpression;
    else ts.forEachChild(n, visit);
  };
  visit(root);
  return found;
}

function isCreateDecorator(e: ts.Expression): boolean {
  return isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.expression.name.text === 'createDecorator';
}

function keyOf(arg: ts.Expression | undefined, ctx: AdapterContext): PathExpr[] {
  const key = arg && ctx.pathOf(skipParens(arg));
  return key ? [key] : [];
}

/** `this.reflector.getAllAndOverride<string[]>(ROLES_KEY, [...])`, `Reflect.getMetadata('roles', h)`: the key read. */
function metadataKeyRead(init: ts.Expression, ctx: AdapterContext): PathExpr | undefined {
  let e = skipParens(init);
  // `this.reflector.get(...) ?? []`: the default is empty, so the absence test still meets it.
  if (isBinaryExpression(e) && isEmptyDefault(e)) e = skipParens(e.left);
  if (e.kind === SyntaxKind.AwaitExpression) e = skipParens((e as ts.AwaitExpression).expression);
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || !METADATA_READ.test(e.expression.name.text)) return undefined;
  const owner = e.expression.expression.getText(ctx.sf);
  if (!/reflector|^Reflect$/i.test(owner)) return undefined;
  return keyOf(e.arguments[0], ctx)[0];
}

/** `x ?? []` or `x || []`; a default with entries would make every route carry the metadata. */
function isEmptyDefault(e: ts.BinaryExpression): boolean {
  const op = e.operatorToken.kind;
  const right = skipParens(e.right);
  return (op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken) && isArrayLiteralExpression(right) && right.elements.length === 0;
}

function returnsTrue(stmt: ts.Statement): boolean {
  const only = isBlock(stmt) ? (stmt.statements.length === 1 ? stmt.statements[0] : undefined) : stmt;
  return only !== undefined && isReturnStatement(only) && only.expression?.kind === SyntaxKind.TrueKeyword;
}

/**
 * The names a condition tests for absence, when it holds whenever one of them is absent or empty:
 * `!roles`, `!roles?.length`, `roles === undefined`, `roles == null`, `roles.length === 0`, and
 * `||` of those. Any other condition (`isPublic`) names none.
 */
function absentNames(expr: ts.Expression): string[] {
  return namesTestedBy(expr, subjectOf, (right) => right.kind === SyntaxKind.NullKeyword || (isIdentifier(right) && right.text === 'undefined') || isZero(right));
}

/** The names a condition holds for when their value is an empty list: `!roles?.length`, `roles.length === 0`, and `||` of those. */
function emptyNames(expr: ts.Expression): string[] {
  return namesTestedBy(expr, lengthOf, isZero);
}

/** `!x`, `x === <empty>` / `x == <empty>` and `||` of those, for the subjects `subject` reads. */
function namesTestedBy(expr: ts.Expression, subject: (e: ts.Expression) => string[], isEmpty: (right: ts.Expression) => boolean): string[] {
  const e = skipParens(expr);
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) return subject(e.operand);
  if (!isBinaryExpression(e)) return [];
  const op = e.operatorToken.kind;
  if (op === SyntaxKind.BarBarToken) return [...namesTestedBy(e.left, subject, isEmpty), ...namesTestedBy(e.right, subject, isEmpty)];
  if (op !== SyntaxKind.EqualsEqualsEqualsToken && op !== SyntaxKind.EqualsEqualsToken) return [];
  return isEmpty(skipParens(e.right)) ? subject(e.left) : [];
}

function isZero(e: ts.Expression): boolean {
  return e.kind === SyntaxKind.NumericLiteral && (e as ts.NumericLiteral).text === '0';
}

/** `roles.length` / `roles?.length`: the name whose length is read. */
function lengthOf(expr: ts.Expression): string[] {
  const e = skipParens(expr);
  return isPropertyAccessExpression(e) && e.name.text === 'length' && isIdentifier(e.expression) ? [e.expression.text] : [];
}

/** `roles` or `roles.length` / `roles?.length`: the name tested. */
function subjectOf(expr: ts.Expression): string[] {
  const e = skipParens(expr);
  return isIdentifier(e) ? [e.text] : lengthOf(e);
}
