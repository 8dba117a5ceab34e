import { skipParens } from '../graph/path-expr.js';
import { ts } from '../parse/typescript.js';

/** `import { a as b } from './x'` gives `{ local: 'b', imported: 'a', specifier: './x' }`. */
export interface ImportBinding {
  local: string;
  /** The exported name, `default`, or `*` for a namespace / whole-module `require`. */
  imported: string;
  specifier: string;
}

/** One name this file exports: a local binding, or a re-export from another module. */
export interface ExportBinding {
  exported: string;
  /** Local name in this file (for `export default expr` this is `default` with `expression` set). */
  local?: string;
  /** For re-exports: the module specifier and the name there (`*` for `export * as ns`). */
  from?: string;
  imported?: string;
}

export interface ModuleFacts {
  imports: ImportBinding[];
  exports: ExportBinding[];
  /** `export * from './x'` specifiers. */
  exportStars: string[];
  /**
   * Modules loaded for their side effects only (`import './admin-routes.js'`, a bare
   * `require('./admin-routes')`): the loader runs what they register, so a scoped scan follows them.
   */
  loads: string[];
}

/** Every module specifier a file imports, loads or re-exports from. */
export function specifiersOf(module: ModuleFacts | undefined): string[] {
  if (!module) return [];
  return [...module.imports.map((i) => i.specifier), ...module.loads, ...module.exportStars, ...module.exports.flatMap((e) => (e.from === undefined ? [] : [e.from]))];
}

/**
 * Imports and exports of one file, ESM and the common CommonJS shapes (`const x = require('y')`,
 * `const { a } = require('y')`, `module.exports = x`, `module.exports = { a, b }`, `exports.a = a`).
 * Reads top-level statements only: that is where module structure lives.
 */
export function extractModuleFacts(sf: ts.SourceFile): ModuleFacts {
  const facts: ModuleFacts = { imports: [], exports: [], exportStars: [], loads: [] };
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt)) collectImport(stmt, facts);
    else if (ts.isImportEqualsDeclaration(stmt)) {
      const specifier = importEqualsSpecifier(stmt);
      if (specifier !== undefined) facts.imports.push({ local: stmt.name.text, imported: '*', specifier });
    }
    else if (ts.isExportDeclaration(stmt)) collectExportDeclaration(stmt, facts);
    else if (ts.isExportAssignment(stmt)) {
      // `export default { send, track }` (and `export = {...}`): its members, as CommonJS's object.
      if (ts.isObjectLiteralExpression(stmt.expression)) collectDefaultObject(stmt.expression, facts);
      else facts.exports.push({ exported: 'default', local: ts.isIdentifier(stmt.expression) ? stmt.expression.text : 'default' });
    } else if (ts.isVariableStatement(stmt)) {
      const exported = hasExportModifier(stmt);
      for (const decl of stmt.declarationList.declarations) {
        collectRequire(decl, facts);
        if (exported) for (const name of bindingNames(decl.name)) facts.exports.push({ exported: name, local: name });
      }
    } else if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && hasExportModifier(stmt)) {
      const isDefault = stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
      const local = stmt.name?.text ?? 'default';
      facts.exports.push({ exported: isDefault ? 'default' : local, local });
    } else if ((ts.isEnumDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt) || (ts.isModuleDeclaration(stmt) && ts.isIdentifier(stmt.name))) && hasExportModifier(stmt)) {
      facts.exports.push({ exported: stmt.name.text, local: stmt.name.text });
    } else if (ts.isExpressionStatement(stmt)) {
      const loaded = requiredSpecifier(stmt.expression);
      const starred = loaded === undefined ? compiledExportStar(stmt.expression) : undefined;
      if (loaded !== undefined) facts.loads.push(loaded);
      else if (starred !== undefined) facts.exportStars.push(starred);
      else collectCommonJsExport(stmt.expression, facts);
    }
  }
  return facts;
}

/**
 * `export * from './x'` as compilers write it: tsc's `__exportStar(require('./x'), exports)` (also
 * `tslib_1.__exportStar(...)`), older tsc's `__export(require('./x'))`, Babel's
 * `_exportStar(require('./x'), exports)`.
 */
function compiledExportStar(expr: ts.Expression): string | undefined {
  if (!ts.isCallExpression(expr)) return undefined;
  const callee = ts.isPropertyAccessExpression(expr.expression) ? expr.expression.name : expr.expression;
  if (!ts.isIdentifier(callee) || !/^_{1,2}export(?:Star)?$/.test(callee.text)) return undefined;
  const [module] = expr.arguments;
  return module === undefined ? undefined : requiredSpecifier(module);
}

/** `import auth = require('./auth')` (TypeScript's CommonJS import): the module loaded; undefined for `import x = A.B`. */
export function importEqualsSpecifier(decl: ts.ImportEqualsDeclaration): string | undefined {
  const ref = decl.moduleReference;
  return ts.isExternalModuleReference(ref) && ts.isStringLiteralLike(ref.expression) ? ref.expression.text : undefined;
}

function collectImport(stmt: ts.ImportDeclaration, facts: ModuleFacts): void {
  if (!ts.isStringLiteral(stmt.moduleSpecifier)) return;
  const specifier = stmt.moduleSpecifier.text;
  const clause = stmt.importClause;
  if (!clause) {
    facts.loads.push(specifier);
    return;
  }
  if (clause.name) facts.imports.push({ local: clause.name.text, imported: 'default', specifier });
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    facts.imports.push({ local: bindings.name.text, imported: '*', specifier });
    return;
  }
  for (const el of bindings.elements) {
    facts.imports.push({ local: el.name.text, imported: moduleExportName(el.propertyName ?? el.name), specifier });
  }
}

function collectExportDeclaration(stmt: ts.ExportDeclaration, facts: ModuleFacts): void {
  const from = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? stmt.moduleSpecifier.text : undefined;
  const clause = stmt.exportClause;
  if (!clause) {
    if (from !== undefined) facts.exportStars.push(from);
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    if (from !== undefined) facts.exports.push({ exported: moduleExportName(clause.name), from, imported: '*' });
    return;
  }
  for (const el of clause.elements) {
    const inner = moduleExportName(el.propertyName ?? el.name);
    const exported = moduleExportName(el.name);
    facts.exports.push(from !== undefined ? { exported, from, imported: inner } : { exported, local: inner });
  }
}

/**
 * `const x = require('m')`, `const { a, b: c } = require('m')`, `const x = require('m').y`, and the
 * same with a top-level `await import('m')` (`const { default: admin } = await import('./admin.js')`).
 */
function collectRequire(decl: ts.VariableDeclaration, facts: ModuleFacts): void {
  const init = decl.initializer && skipParens(decl.initializer);
  if (!init) return;
  const required = requiredSpecifier(init) ?? awaitedImportSpecifier(init);
  if (required !== undefined) {
    if (ts.isIdentifier(decl.name)) facts.imports.push({ local: decl.name.text, imported: '*', specifier: required });
    else if (ts.isObjectBindingPattern(decl.name)) {
      for (const el of decl.name.elements) {
        if (!ts.isIdentifier(el.name)) continue;
        const imported = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
        facts.imports.push({ local: el.name.text, imported, specifier: required });
      }
    }
    return;
  }
  if (ts.isPropertyAccessExpression(init) && ts.isIdentifier(decl.name)) {
    const spec = requiredSpecifier(init.expression) ?? awaitedImportSpecifier(skipParens(init.expression));
    if (spec !== undefined) facts.imports.push({ local: decl.name.text, imported: init.name.text, specifier: spec });
  }
}

/**
 * An object literal as the module's value (`module.exports = {...}`, `export default {...}`): what
 * `require()` or a default import gives, whole (`const config = require('./config')`), and each
 * member.
 */
function collectDefaultObject(value: ts.ObjectLiteralExpression, facts: ModuleFacts): void {
  facts.exports.push({ exported: 'default', local: 'default' });
  for (const p of value.properties) {
    // `module.exports = { ...require('./a'), ...require('./b') }`: everything those export.
    const spread = ts.isSpreadAssignment(p) ? requiredSpecifier(p.expression) : undefined;
    if (spread !== undefined) facts.exportStars.push(spread);
    else if (ts.isShorthandPropertyAssignment(p)) facts.exports.push({ exported: p.name.text, local: p.name.text });
    else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
      facts.exports.push({ exported: p.name.text, local: p.initializer.text });
    } else {
      const loaded = requiredMember(p);
      if (loaded) facts.exports.push({ exported: loaded.exported, from: loaded.from, imported: '*' });
      // `{ isAdmin: function (req, res, next) {...} }`, `{ info(msg) {...} }`: defined in place, as
      // the member of the default export that the route and flow facts name `default.isAdmin`.
      else if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) facts.exports.push({ exported: p.name.text, local: `default.${p.name.text}` });
    }
  }
}

function collectCommonJsExport(expr: ts.Expression, facts: ModuleFacts): void {
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = expr.left;
  const value = expr.right;
  if (isModuleExports(target)) {
    if (ts.isObjectLiteralExpression(value)) collectDefaultObject(value, facts);
    else {
      // `module.exports = require('./auth')`: this module is that one.
      const whole = requiredSpecifier(value);
      if (whole !== undefined) facts.exportStars.push(whole);
      facts.exports.push(whole !== undefined ? { exported: 'default', from: whole, imported: 'default' } : { exported: 'default', local: ts.isIdentifier(value) ? value.text : 'default' });
    }
    return;
  }
  if (ts.isPropertyAccessExpression(target) && (isIdentifierNamed(target.expression, 'exports') || isModuleExports(target.expression))) {
    // `exports.admin = require('./admin')`: the whole other module, as in requiredMember;
    // `exports.gate = require('./auth').gate`: that module's export.
    const from = requiredSpecifier(value);
    const member = from === undefined && ts.isPropertyAccessExpression(value) ? requiredSpecifier(value.expression) : undefined;
    if (from !== undefined) facts.exports.push({ exported: target.name.text, from, imported: '*' });
    else if (member !== undefined && ts.isPropertyAccessExpression(value)) facts.exports.push({ exported: target.name.text, from: member, imported: value.name.text });
    else facts.exports.push({ exported: target.name.text, local: ts.isIdentifier(value) ? value.text : target.name.text });
  }
}

/**
 * `admin: require('./admin')` and Ghost's lazy `get admin() { return require('./admin'); }`: a
 * member that is a whole other module, as `export * as admin from './admin'` is.
 */
function requiredMember(p: ts.ObjectLiteralElementLike): { exported: string; from: string } | undefined {
  if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return undefined;
  let value: ts.Expression | undefined;
  if (ts.isPropertyAssignment(p)) value = p.initializer;
  else if (ts.isGetAccessorDeclaration(p) && p.body?.statements.length === 1) {
    const only = p.body.statements[0];
    if (only && ts.isReturnStatement(only)) value = only.expression;
  }
  const from = value && requiredSpecifier(value);
  return from === undefined ? undefined : { exported: p.name.text, from };
}

/** `await import('./admin.js')` (its parentheses and `await` already skipped): the module loaded. */
export function awaitedImportSpecifier(expr: ts.Expression): string | undefined {
  if (!ts.isAwaitExpression(expr)) return undefined;
  const call = skipParens(expr.expression);
  const [arg] = ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.ImportKeyword ? call.arguments : [];
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

export function requiredSpecifier(expr: ts.Expression): string | undefined {
  const call = withoutInteropHelper(expr);
  if (!ts.isCallExpression(call) || !isIdentifierNamed(call.expression, 'require')) return undefined;
  const arg = call.arguments[0];
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/**
 * Compilers wrap a `require` in a helper that returns the module object for ESM interop
 * (`__importDefault(require('./auth'))` from tsc, `_interopRequireDefault(...)` from Babel,
 * `__toESM(require('express'))` from esbuild): the module is the same, and `.default` of it is its
 * default export.
 */
const INTEROP_HELPERS = new Set(['__importDefault', '__importStar', '_interopRequireDefault', '_interopRequireWildcard', '__toESM']);

export function withoutInteropHelper(expr: ts.Expression): ts.Expression {
  if (!ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression) || !INTEROP_HELPERS.has(expr.expression.text)) return expr;
  const [inner] = expr.arguments;
  return inner ?? expr;
}

function isModuleExports(expr: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(expr) && isIdentifierNamed(expr.expression, 'module') && expr.name.text === 'exports';
}

function isIdentifierNamed(expr: ts.Expression, name: string): boolean {
  return ts.isIdentifier(expr) && expr.text === name;
}

function hasExportModifier(node: ts.HasModifiers): boolean {
  return ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

function moduleExportName(name: ts.ModuleExportName): string {
  return name.text;
}

/** Every identifier a binding name declares (`a`, `{ a, b: { c } }`, `[d, ...e]`). */
export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const out: string[] = [];
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) out.push(...bindingNames(el.name));
  return out;
}
