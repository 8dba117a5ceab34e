import { fileMemo } from '../../../parse/file-memo.js';
import { ts } from '../../../parse/typescript.js';
import { skipParens } from '../../path-expr.js';
import { lastNameOf } from '../../../parse/last-name.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, getDecorators, isArrayLiteralExpression, isBinaryExpression, isCallExpression, isClassDeclaration, isClassExpression, isExpressionStatement, isIdentifier, isMethodDeclaration, isPropertyAccessExpression, isSourceFile, isStringLiteralLike, isVariableDeclaration, isVariableDeclarationList, isVariableStatement } = ts;

/**
 * A decorator as applied: `name` is what it is called (`Get`), `ref` how the file names it (`Get`,
 * or `common_1.Get` in compiled CommonJS), `root` the identifier whose import says where it comes
 * from (`Get`, `common_1`).
 */
export interface Decorator {
  name: string;
  ref: string;
  root: string;
  call: ts.CallExpression | undefined;
}

/**
 * A class's or method's decorators: the ones written on it, and the ones tsc (or SWC) compiled into
 * `__decorate([...], Target)` (`_ts_decorate`) calls after the class (experimentalDecorators output, as published
 * packages' `dist` and projects that commit their build hold it).
 */
export function decoratorsOf(node: ts.HasDecorators): Decorator[] {
  const written = (getDecorators(node) ?? []).map((d) => d.expression);
  return [...written, ...compiledDecoratorsOf(node)].flatMap((e): Decorator[] => {
    const x = skipParens(e);
    const call = isCallExpression(x) ? x : undefined;
    // `(0, common_1.Get)('users')` once the indirect call is unwrapped, `common_1.Get('users')`, `Get('users')`.
    const callee = skipParens(call ? call.expression : x);
    if (isIdentifier(callee)) return [{ name: callee.text, ref: callee.text, root: callee.text, call }];
    if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) {
      return [{ name: callee.name.text, ref: `${callee.expression.text}.${callee.name.text}`, root: callee.expression.text, call }];
    }
    return [];
  });
}

/**
 * The module-level name of a class: a declaration's, or the variable a class expression initialises
 * (`let AdminController = class AdminController {...}`, as tsc compiles a decorated class).
 * Undefined for a class inside a function or an anonymous one.
 */
export function moduleClassNameOf(node: ts.ClassLikeDeclaration): string | undefined {
  if (isClassDeclaration(node)) return node.name && isSourceFile(node.parent) ? node.name.text : undefined;
  const decl = node.parent;
  if (!isVariableDeclaration(decl) || decl.initializer !== node || !isIdentifier(decl.name)) return undefined;
  const list = decl.parent;
  return isVariableDeclarationList(list) && isVariableStatement(list.parent) && isSourceFile(list.parent.parent) ? decl.name.text : undefined;
}

interface Compiled {
  /** Class name → its decorator expressions. */
  classes: Map<string, ts.Expression[]>;
  /** `Class.member` → its decorator expressions. */
  members: Map<string, ts.Expression[]>;
}

const compiledByFile = fileMemo<'compiled', Compiled>();
const NONE: readonly ts.Expression[] = [];
const NO_COMPILED: Compiled = { classes: new Map(), members: new Map() };
/** tsc's (and SWC's) helpers for parameter and design-type metadata: no decorator of the application's. */
const HELPERS = /^(__metadata|__param|_ts_metadata|_ts_param)$/;
/** tsc's `__decorate` (also `tslib_1.__decorate`), SWC's `_ts_decorate` (Nest CLI's `builder: 'swc'`). */
const DECORATE = /^(__decorate|_ts_decorate)$/;

function compiledDecoratorsOf(node: ts.HasDecorators): readonly ts.Expression[] {
  const sf = node.getSourceFile();
  const memo = compiledByFile(sf);
  let compiled = memo.get('compiled');
  if (!compiled) {
    // Searched once per file: a file without the helper's name has no compiled decorators.
    compiled = sf.text.includes('_decorate') ? readCompiled(sf) : NO_COMPILED;
    memo.set('compiled', compiled);
  }
  if (isClassDeclaration(node) || isClassExpression(node)) {
    const name = moduleClassNameOf(node);
    return (name !== undefined && compiled.classes.get(name)) || NONE;
  }
  if (!isMethodDeclaration(node) || !(isIdentifier(node.name) || isStringLiteralLike(node.name))) return NONE;
  const owner = isClassDeclaration(node.parent) || isClassExpression(node.parent) ? moduleClassNameOf(node.parent) : undefined;
  return (owner !== undefined && compiled.members.get(`${owner}.${node.name.text}`)) || NONE;
}

/**
 * `__decorate([d1, d2], AdminController.prototype, "list", null);` (a method; `AdminController,
 * "find"` for a static one) and `AdminController = __decorate([d1], AdminController);` (the class,
 * also as `exports.AdminController = AdminController = ...`), with tslib's `tslib_1.__decorate`.
 */
function readCompiled(sf: ts.SourceFile): Compiled {
  const compiled: Compiled = { classes: new Map(), members: new Map() };
  for (const stmt of sf.statements) {
    if (!isExpressionStatement(stmt)) continue;
    let e = skipParens(stmt.expression);
    while (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.EqualsToken) e = skipParens(e.right);
    if (!isCallExpression(e) || !isDecorateHelper(e.expression)) continue;
    const [list, target, key] = e.arguments.map(skipParens);
    if (!list || !isArrayLiteralExpression(list) || !target) continue;
    const decorators = list.elements.filter((d) => !isHelperCall(d));
    if (key && isStringLiteralLike(key)) {
      const owner = isPropertyAccessExpression(target) && target.name.text === 'prototype' ? skipParens(target.expression) : target;
      if (isIdentifier(owner)) compiled.members.set(`${owner.text}.${key.text}`, decorators);
    } else if (isIdentifier(target)) {
      compiled.classes.set(target.text, decorators);
    }
  }
  return compiled;
}

function isDecorateHelper(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  return (isIdentifier(e) && DECORATE.test(e.text)) || (isPropertyAccessExpression(e) && DECORATE.test(e.name.text));
}

function isHelperCall(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  if (!isCallExpression(e)) return false;
  const callee = skipParens(e.expression);
  const name = lastNameOf(callee) ?? '';
  return HELPERS.test(name);
}
