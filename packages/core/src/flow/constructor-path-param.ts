import { scopedConstOf } from '../graph/module-const-of.js';
import { ts } from '../parse/typescript.js';
import { classMemberOf } from './instance-class.js';
import { propertyNameOf, unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isBinaryExpression, isCallExpression, isClassLike, isConstructorDeclaration, isExpressionStatement, isIdentifier, isMethodDeclaration, isPropertyAccessExpression, isReturnStatement, isTemplateExpression } = ts;

// A generic file store (`new JsonStore('data/sessions.json')`) is given its file at `new`: whether
// it stores secrets is decided by what each caller passes, so the write remembers which
// constructor parameter its path comes from.

const MAX_DEPTH = 4;

/**
 * The index of the constructor parameter a write's path comes from: `writeFile(this.file, ...)`,
 * `path.join(this.dir, name)` or `` `${this.dir}/x.json` `` given `constructor(private file: string)`
 * or `this.file = file` / `this.file = path.resolve(file)` in the constructor.
 */
export function constructorPathParam(pathArg: ts.Expression | undefined): number | undefined {
  const ctor = pathArg && constructorAround(pathArg);
  if (!pathArg || !ctor) return undefined;
  // `constructor(filename) { this.writer = new Writer(filename) }`: a writer opened in the constructor on a parameter.
  if (pathArg.pos >= ctor.pos && pathArg.end <= ctor.end) {
    const direct = partIn(pathArg, 0, (e) => (isIdentifier(e) ? paramIndexOf(ctor, e.text) : undefined));
    if (direct !== undefined) return direct;
  }
  const field = partIn(pathArg, 0, (e) => (isPropertyAccessExpression(e) && unwrap(e.expression).kind === SyntaxKind.ThisKeyword ? e.name.text : undefined));
  if (field === undefined) return undefined;
  const property = ctor.parameters.findIndex((p) => p.modifiers !== undefined && isIdentifier(p.name) && p.name.text === field);
  if (property >= 0) return property;
  for (const stmt of ctor.body?.statements ?? []) {
    const index = assignedParam(stmt, field, ctor);
    if (index !== undefined) return index;
  }
  return undefined;
}

/**
 * The default of the constructor parameter a write's path comes from (`constructor(dir = './sessions')`):
 * the file of each `new` that leaves the argument out.
 */
export function constructorParamDefault(pathArg: ts.Expression, index: number): ts.Expression | undefined {
  return constructorAround(pathArg)?.parameters[index]?.initializer;
}

/** The constructor of the class a node sits in. */
function constructorAround(node: ts.Node): ts.ConstructorDeclaration | undefined {
  let cls: ts.Node | undefined = node.parent;
  while (cls && !isClassLike(cls)) cls = cls.parent;
  return cls && isClassLike(cls) ? cls.members.find(isConstructorDeclaration) : undefined;
}

/** The index of the constructor's parameter named `name`. */
function paramIndexOf(ctor: ts.ConstructorDeclaration, name: string): number | undefined {
  const index = ctor.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === name);
  return index >= 0 ? index : undefined;
}

/**
 * The part `leaf` finds in what a path is built from (the field `this.<name>`, a parameter), through
 * path builders and templates, a const of the method (`const filePath = ...`) and a method of the
 * class that returns it (`this.getFilePath(key)`).
 */
function partIn<T>(expr: ts.Expression, depth: number, leaf: (e: ts.Expression) => T | undefined): T | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  const found = leaf(e);
  if (found !== undefined) return found;
  if (isIdentifier(e)) {
    const init = scopedConstOf(e);
    return init && partIn(init, depth + 1, leaf);
  }
  if (isCallExpression(e)) {
    const returned = returnOfThisMethod(e);
    return (returned && partIn(returned, depth + 1, leaf)) ?? firstDefined(e.arguments, (a) => partIn(a, depth + 1, leaf));
  }
  if (isTemplateExpression(e)) return firstDefined(e.templateSpans, (s) => partIn(s.expression, depth + 1, leaf));
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) return partIn(e.left, depth + 1, leaf) ?? partIn(e.right, depth + 1, leaf);
  return undefined;
}

/** `this.getFilePath(key)`: what that method of the enclosing class returns, when it has one `return`. */
function returnOfThisMethod(call: ts.CallExpression): ts.Expression | undefined {
  const callee = unwrap(call.expression);
  if (!isPropertyAccessExpression(callee) || unwrap(callee.expression).kind !== SyntaxKind.ThisKeyword) return undefined;
  const method = classMemberOf(call, callee.name.text, isMethodDeclaration);
  const returns = method?.body?.statements.filter(isReturnStatement) ?? [];
  return returns.length === 1 ? returns[0]?.expression : undefined;
}

/** `this.file = file` or `this.file = path.resolve(file)` in the constructor: the parameter's index. */
function assignedParam(stmt: ts.Statement, field: string, ctor: ts.ConstructorDeclaration): number | undefined {
  if (!isExpressionStatement(stmt)) return undefined;
  const e = unwrap(stmt.expression);
  if (!isBinaryExpression(e) || e.operatorToken.kind !== SyntaxKind.EqualsToken) return undefined;
  const left = unwrap(e.left);
  if (!isPropertyAccessExpression(left) || unwrap(left.expression).kind !== SyntaxKind.ThisKeyword || propertyNameOf(left.name) !== field) return undefined;
  const right = unwrap(e.right);
  const candidates = isCallExpression(right) ? [...right.arguments] : [right];
  return firstDefined(candidates, (c) => {
    const id = unwrap(c);
    if (!isIdentifier(id)) return undefined;
    const index = ctor.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === id.text);
    return index >= 0 ? index : undefined;
  });
}

function firstDefined<T, R>(items: readonly T[], map: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const result = map(item);
    if (result !== undefined) return result;
  }
  return undefined;
}
