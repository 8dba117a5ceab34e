import { ts } from '../parse/typescript.js';
import { isTypeOnly } from '../parse/type-only.js';
import { importEqualsSpecifier, withoutInteropHelper } from '../summary/module-facts.js';
import { visitTree } from '../parse/visit-tree.js';
import { isModuleExportsValue } from '../graph/function-id-of.js';
import { disambiguateKeys } from './function-keys.js';
import { type Binding, blockScopeOf, functionScopeOf, isFunctionLike, propertyNameOf, ScopeMap, unwrap, type ValueSource } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayBindingPattern, isArrowFunction, isBinaryExpression, isBindingElement, isBlock, isCallExpression, isClassLike, isConstructorDeclaration, isExportAssignment, isExportSpecifier, isForInStatement, isForOfStatement, isFunctionDeclaration, isFunctionExpression, isGetAccessorDeclaration, isIdentifier, isMethodDeclaration, isNamespaceImport, isObjectBindingPattern, isObjectLiteralExpression, isOmittedExpression, isPropertyAccessExpression, isPropertyAssignment, isReturnStatement, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isVariableDeclaration, isVariableDeclarationList } = ts;

/** A function whose behaviour other code can ask about by name: declarations, `const f = () =>`, methods. */
export interface NamedFunction {
  /** `f`, `Class.method`, `object.method`, or `default`. */
  key: string;
  node: ts.SignatureDeclaration & { body?: ts.Node };
  /** Set for methods and constructors. */
  className?: string;
}

/** Everything the file's single walk gathers; the flow facts are computed from it afterwards. */
export interface CollectedFile {
  scopes: ScopeMap;
  calls: Array<ts.CallExpression | ts.NewExpression>;
  assignments: ts.BinaryExpression[];
  /** Return expressions (and arrow expression bodies) per function-like node. */
  returns: Map<ts.Node, ts.Expression[]>;
  /** `throw` statements per function-like node, or the source file for those at module level. */
  throws: Map<ts.Node, ts.ThrowStatement[]>;
  functions: NamedFunction[];
  functionKeys: Map<ts.Node, string>;
  /** The keys of `functions`, for constant-time "is this a project function" checks. */
  functionKeySet: Set<string>;
  /** Declared classes, and a class expression that is the module's value (`module.exports = class X {}`). */
  classes: ts.ClassLikeDeclaration[];
  /** `delete copy.password`: fields a value is rid of before it is used further down. */
  deletes: ts.DeleteExpression[];
  /** Reads of the names `collectFile` is asked to watch (the file's imports of project modules). */
  importRefs: ts.Identifier[];
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * One walk over the file: declarations into scopes, and the nodes the flow facts are built from.
 * `importedNames` are the locals whose reads are kept in `importRefs`.
 */
export function collectFile(sf: ts.SourceFile, importedNames: ReadonlySet<string> = NO_NAMES): CollectedFile {
  const out: CollectedFile = {
    scopes: new ScopeMap(),
    calls: [],
    assignments: [],
    returns: new Map(),
    throws: new Map(),
    functions: [],
    functionKeys: new Map(),
    functionKeySet: new Set(),
    classes: [],
    deletes: [],
    importRefs: [],
  };
  // Recursive while shallow (cheaper per node), iterative below generated deep nesting.
  visitTree(sf, (node) => collectNode(node, sf, out, importedNames));
  disambiguateKeys(out);
  return out;
}

/** Records what `node` contributes; false when its children cannot matter (types, import lists). */
function collectNode(node: ts.Node, sf: ts.SourceFile, out: CollectedFile, importedNames: ReadonlySet<string>): boolean | void {
  // Heritage clauses too: `extends Base<T>` names a class, it passes no value.
  if (isTypeOnly(node) || node.kind === SyntaxKind.HeritageClause) return false;
  switch (node.kind) {
    case SyntaxKind.Identifier:
      if (importedNames.has((node as ts.Identifier).text) && readsBinding(node as ts.Identifier)) out.importRefs.push(node as ts.Identifier);
      return;
    case SyntaxKind.CallExpression:
    case SyntaxKind.NewExpression:
      out.calls.push(node as ts.CallExpression | ts.NewExpression);
      return;
    case SyntaxKind.DeleteExpression:
      out.deletes.push(node as ts.DeleteExpression);
      return;
    case SyntaxKind.BinaryExpression:
      if (isAssignmentOperator((node as ts.BinaryExpression).operatorToken.kind)) out.assignments.push(node as ts.BinaryExpression);
      return;
    case SyntaxKind.VariableDeclaration:
      declareVariable(node as ts.VariableDeclaration, out);
      return;
    case SyntaxKind.Parameter:
      declareParameter(node as ts.ParameterDeclaration, out);
      return;
    case SyntaxKind.ReturnStatement: {
      const expr = (node as ts.ReturnStatement).expression;
      const fn = enclosingFunction(node);
      if (expr && fn) pushReturn(out, fn, expr);
      return;
    }
    case SyntaxKind.ThrowStatement: {
      const owner = enclosingFunction(node) ?? sf;
      const list = out.throws.get(owner);
      if (list) list.push(node as ts.ThrowStatement);
      else out.throws.set(owner, [node as ts.ThrowStatement]);
      return;
    }
    case SyntaxKind.ImportDeclaration:
      declareImports(node as ts.ImportDeclaration, sf, out);
      return false;
    case SyntaxKind.ImportEqualsDeclaration: {
      // `import express = require('express')`: the whole module, as `const express = require(...)`.
      const specifier = importEqualsSpecifier(node as ts.ImportEqualsDeclaration);
      if (specifier !== undefined) out.scopes.declare({ kind: 'import', name: (node as ts.ImportEqualsDeclaration).name.text, node: (node as ts.ImportEqualsDeclaration).name, specifier, imported: '*' }, sf);
      return false;
    }
    case SyntaxKind.PropertyDeclaration: {
      // `private headers = { ... }`: a field read back as `this.headers`.
      const prop = node as ts.PropertyDeclaration;
      const name = propertyNameOf(prop.name);
      if (prop.initializer && name !== undefined && isClassLike(prop.parent)) declareField(out.scopes, prop.parent, name).values.push({ expr: prop.initializer, path: [], wrap: [], at: prop });
      return;
    }
    case SyntaxKind.ClassExpression:
      if (isModuleExportsValue(node)) out.classes.push(node as ts.ClassExpression);
      return;
    case SyntaxKind.ClassDeclaration: {
      const cls = node as ts.ClassDeclaration;
      out.classes.push(cls);
      if (cls.name) out.scopes.declare({ kind: 'class', name: cls.name.text, node: cls }, blockScopeOf(cls));
      return;
    }
    default:
      if (isFunctionLike(node)) collectFunction(node, out);
  }
}

/**
 * The identifier reads the binding of its name: not a member or property name (`x.name`, `{ name:
 * 1 }`), nor a name being declared (`const { name } = ...`); a shorthand `{ name }` and
 * `export { name }` read it.
 */
function readsBinding(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (isShorthandPropertyAssignment(parent) || isExportSpecifier(parent)) return true;
  if (isBindingElement(parent)) return false;
  return (parent as { name?: ts.Node }).name !== id;
}

/** The pseudo-binding `this.<name>` of a class: the values its field is given anywhere in the class. */
export function declareField(scopes: ScopeMap, cls: ts.ClassLikeDeclaration, name: string): Extract<Binding, { kind: 'var' }> {
  const key = `this.${name}`;
  const existing = scopes.lookup(key, cls);
  if (existing?.kind === 'var') return existing;
  const binding: Extract<Binding, { kind: 'var' }> = { kind: 'var', name: key, node: cls, isConst: false, values: [] };
  scopes.declare(binding, cls);
  return binding;
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind === SyntaxKind.EqualsToken || kind === SyntaxKind.PlusEqualsToken || kind === SyntaxKind.QuestionQuestionEqualsToken || kind === SyntaxKind.BarBarEqualsToken;
}

function pushReturn(out: CollectedFile, fn: ts.Node, expr: ts.Expression): void {
  const list = out.returns.get(fn);
  if (list) list.push(expr);
  else out.returns.set(fn, [expr]);
}

export function enclosingFunction(node: ts.Node): (ts.SignatureDeclaration & { body?: ts.Node }) | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n)) return n;
  return undefined;
}

function collectFunction(node: ts.SignatureDeclaration & { body?: ts.Node }, out: CollectedFile): void {
  if (isArrowFunction(node) && !isBlock(node.body)) pushReturn(out, node, node.body);
  if (isFunctionDeclaration(node) && node.name) {
    out.scopes.declare({ kind: 'function', name: node.name.text, node }, blockScopeOf(node));
  }
  const key = functionKeyOf(node) ?? productKeyOf(node, out);
  // Constructors run through `new`, which the flow layer does not follow: no key, so no facts and
  // no parameter items. Instance methods are keyed like static ones (`Audit.log`): calls reach
  // them through instances (see instance-class.ts).
  if (key === undefined || isConstructorDeclaration(node)) return;
  const className = isClassLike(node.parent) ? (node.parent.name?.text ?? 'default') : undefined;
  out.functions.push(className === undefined ? { key, node } : { key, node, className });
  out.functionKeys.set(node, key);
  out.functionKeySet.add(key);
}

/** The name other code calls this function by, if it has one. */
function functionKeyOf(node: ts.SignatureDeclaration): string | undefined {
  if (isFunctionDeclaration(node)) {
    const isDefault = node.modifiers?.some((m) => m.kind === SyntaxKind.DefaultKeyword) ?? false;
    return node.name?.text ?? (isDefault ? 'default' : undefined);
  }
  // A getter is keyed as a method: `client.authHeader` read outside the class runs it (see evaluate's memberTaint).
  if (isMethodDeclaration(node) || isConstructorDeclaration(node) || isGetAccessorDeclaration(node)) {
    const owner = node.parent;
    const method = isConstructorDeclaration(node) ? 'constructor' : propertyNameOf(node.name);
    if (method === undefined) return undefined;
    if (isClassLike(owner)) return `${owner.name?.text ?? 'default'}.${method}`;
    if (isObjectLiteralExpression(owner)) {
      const holder = objectHolderName(owner);
      return holder === undefined ? undefined : `${holder}.${method}`;
    }
    return undefined;
  }
  if (isFunctionExpression(node) || isArrowFunction(node)) {
    const parent = node.parent;
    if (isVariableDeclaration(parent) && isIdentifier(parent.name)) return parent.name.text;
    if (isExportAssignment(parent)) return 'default';
    if (isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.EqualsToken && parent.right === node) return commonJsExportName(parent.left);
    if (isPropertyAssignment(parent) && isObjectLiteralExpression(parent.parent)) {
      const holder = objectHolderName(parent.parent);
      const prop = propertyNameOf(parent.name);
      return holder === undefined || prop === undefined ? undefined : `${holder}.${prop}`;
    }
  }
  return undefined;
}

/**
 * `return (msg) => console.log(prefix, msg)` in `function makeLogger(prefix)`: the function a
 * named function makes, called through what the factory's call gives (`const log =
 * makeLogger('[auth]'); log(token)`), is `makeLogger()`. One level: a product's product has none.
 */
function productKeyOf(node: ts.SignatureDeclaration, out: CollectedFile): string | undefined {
  if (!isFunctionExpression(node) && !isArrowFunction(node)) return undefined;
  const parent = node.parent;
  const maker = isReturnStatement(parent) ? enclosingFunction(parent) : isArrowFunction(parent) && parent.body === node ? parent : undefined;
  const makerKey = maker && out.functionKeys.get(maker);
  return makerKey === undefined || makerKey.includes('()') ? undefined : `${makerKey}()`;
}

/** `module.exports = function` is `default`; `exports.audit = ` / `module.exports.audit = ` is `audit` (as in module facts). */
function commonJsExportName(target: ts.Expression): string | undefined {
  const t = unwrap(target);
  if (!isPropertyAccessExpression(t)) return undefined;
  const base = unwrap(t.expression);
  const isModule = (e: ts.Expression) => isIdentifier(e) && e.text === 'module';
  if (isModule(base) && t.name.text === 'exports') return 'default';
  if (isIdentifier(base) && base.text === 'exports') return t.name.text;
  if (isPropertyAccessExpression(base) && isModule(unwrap(base.expression)) && base.name.text === 'exports') return t.name.text;
  return undefined;
}

/** `const utils = { mask(x) {...} }` makes `utils.mask` callable by name; `module.exports = { mask }` makes `default.mask`. */
function objectHolderName(obj: ts.ObjectLiteralExpression): string | undefined {
  const parent = obj.parent;
  if (isVariableDeclaration(parent) && isIdentifier(parent.name)) return parent.name.text;
  if (isExportAssignment(parent)) return 'default';
  if (isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.EqualsToken && parent.right === obj) return commonJsExportName(parent.left);
  return undefined;
}

function declareVariable(decl: ts.VariableDeclaration, out: CollectedFile): void {
  const list = decl.parent;
  const isVar = isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) === 0;
  const isConst = isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
  const scope = isVar ? functionScopeOf(decl) : blockScopeOf(decl);
  let init = decl.initializer;
  // `for (const t of tokens)`: each element carries what the collection carries.
  if (!init && isVariableDeclarationList(list) && (isForOfStatement(list.parent) || isForInStatement(list.parent))) {
    init = isForOfStatement(list.parent) ? list.parent.expression : undefined;
  }
  // Array positions index the initialiser itself, not the elements of a for-of collection.
  const indexed = init !== undefined && init === decl.initializer;
  declarePattern(decl.name, init, [], decl, (name, values) => out.scopes.declare({ kind: 'var', name, node: decl, isConst, values }, scope), undefined, indexed);
}

/** Declares every name of a (possibly destructuring) binding with the path it reads from `init`. */
function declarePattern(
  name: ts.BindingName,
  init: ts.Expression | undefined,
  path: string[],
  at: ts.Node,
  declare: (name: string, values: ValueSource[], path: string[], omit?: string[]) => void,
  omit?: string[],
  indexed = false,
): void {
  if (isIdentifier(name)) {
    declare(name.text, init ? [{ expr: init, path, wrap: [], at, ...(omit && { omit }) }] : [], path, omit);
    return;
  }
  const siblings = isObjectBindingPattern(name) ? name.elements.flatMap((el) => (el.dotDotDotToken ? [] : [propertyNameOf(el.propertyName ?? (isIdentifier(el.name) ? el.name : undefined)) ?? '*'])) : [];
  const entries = isArrayBindingPattern(name) && init !== undefined && isEntriesCall(init);
  for (const [position, el] of name.elements.entries()) {
    if (isOmittedExpression(el)) continue;
    let next = path;
    // `for (const [key, value] of Object.entries(x))`: the key is a name, never the value.
    if (entries && position === 0) next = [...path, ENTRY_KEY];
    // `const [scheme, token] = header.split(' ')`: each name reads its position.
    else if (indexed && !entries && isArrayBindingPattern(name) && !el.dotDotDotToken) next = [...path, String(position)];
    if (isObjectBindingPattern(name) && !el.dotDotDotToken) {
      const key = propertyNameOf(el.propertyName ?? (isIdentifier(el.name) ? el.name : undefined));
      next = [...path, key ?? '*'];
    }
    declarePattern(el.name, init, next, at, declare, isObjectBindingPattern(name) && el.dotDotDotToken ? siblings : undefined, indexed);
    if (el.initializer && isIdentifier(el.name)) declare(el.name.text, [{ expr: el.initializer, path: [], wrap: [], at }], next);
  }
}

/** A path step no property has: reading it from a secret yields nothing (an entry's key). */
const ENTRY_KEY = '#key';

export function isEntriesCall(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  return isPropertyAccessExpression(callee) && callee.name.text === 'entries';
}

function declareParameter(param: ts.ParameterDeclaration, out: CollectedFile): void {
  const fn = param.parent;
  if (!isFunctionLike(fn)) return;
  const index = fn.parameters.indexOf(param);
  declarePattern(param.name, undefined, [], param, (name, _values, proj, omit) => {
    out.scopes.declare({ kind: 'param', name, node: param, fn, index, proj, rest: param.dotDotDotToken !== undefined, ...(omit && { omit }) }, fn);
  });
}

function declareImports(decl: ts.ImportDeclaration, sf: ts.SourceFile, out: CollectedFile): void {
  if (!isStringLiteral(decl.moduleSpecifier) || !decl.importClause) return;
  const specifier = decl.moduleSpecifier.text;
  const clause = decl.importClause;
  const declare = (local: ts.Identifier, imported: string): void =>
    out.scopes.declare({ kind: 'import', name: local.text, node: local, specifier, imported }, sf);
  if (clause.name) declare(clause.name, 'default');
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (isNamespaceImport(bindings)) declare(bindings.name, '*');
  else for (const el of bindings.elements) declare(el.name, (el.propertyName ?? el.name).text);
}

/**
 * `require('m')` / `require('m').x` as an import: same facts as the ESM form. So is a dynamic
 * `await import('m')` (`const { writeFile } = await import('node:fs/promises')`).
 */
export function requireOf(expr: ts.Expression): { specifier: string; imported: string } | undefined {
  const e = withoutInteropHelper(unwrap(expr));
  if (isCallExpression(e) && ((isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === SyntaxKind.ImportKeyword)) {
    const arg = e.arguments[0];
    return arg && isStringLiteralLike(arg) ? { specifier: arg.text, imported: '*' } : undefined;
  }
  if (isPropertyAccessExpression(e)) {
    const inner = requireOf(e.expression);
    return inner && inner.imported === '*' ? { specifier: inner.specifier, imported: e.name.text } : undefined;
  }
  return undefined;
}
