import { ts } from '../parse/typescript.js';
import { isStaticMember } from '../parse/static-member.js';
import { lookup, type FileContext } from './file-context.js';
import { isFunctionLike, propertyNameOf, unwrap, type ValueSource } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrowFunction, isClassLike, isConstructorDeclaration, isFunctionDeclaration, isFunctionExpression, isIdentifier, isMethodDeclaration, isNewExpression, isObjectLiteralExpression, isParameter, isPropertyAccessExpression, isPropertyDeclaration, isTypeReferenceNode } = ts;

/**
 * The project class whose instance an expression holds, as the class is named in this file:
 * `this` inside a class, `audit` after `const audit = new Audit()`, `this.audit` given
 * `new Audit()` or declared `audit: Audit` (also as a constructor parameter property), and a
 * parameter typed `Audit`. Instance methods are then reached as `Audit.log`. Syntax only: an
 * interface type or a value from elsewhere gives undefined.
 */
export function instanceClassOf(expr: ts.Expression, fc: FileContext): string | undefined {
  const e = unwrap(expr);
  if (e.kind === SyntaxKind.ThisKeyword) return enclosingClass(e)?.name?.text;
  // `new Audit().record(x)`: a method of the instance made in place.
  if (ts.isNewExpression(e) && isIdentifier(e.expression)) return e.expression.text;
  if (isIdentifier(e)) {
    const binding = lookup(fc, e);
    if (binding?.kind === 'var') return classOfValues(binding.values);
    if (binding?.kind === 'param' && binding.proj.length === 0 && isParameter(binding.node)) return typeName(binding.node.type);
    return undefined;
  }
  if (isPropertyAccessExpression(e) && unwrap(e.expression).kind === SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(e);
    return cls && fieldClassOf(cls, e.name.text, fc);
  }
  return undefined;
}

function fieldClassOf(cls: ts.ClassLikeDeclaration, name: string, fc: FileContext): string | undefined {
  const assigned = fc.collected.scopes.lookup(`this.${name}`, cls);
  const fromValues = assigned?.kind === 'var' ? classOfValues(assigned.values) : undefined;
  if (fromValues !== undefined) return fromValues;
  for (const member of cls.members) {
    if (isPropertyDeclaration(member) && propertyNameOf(member.name) === name) return typeName(member.type);
    if (isConstructorDeclaration(member)) {
      const property = member.parameters.find((p) => p.modifiers !== undefined && isIdentifier(p.name) && p.name.text === name);
      if (property) return typeName(property.type);
    }
  }
  return undefined;
}

/** Every value is `new C(...)` of one class `C`. */
function classOfValues(values: readonly ValueSource[]): string | undefined {
  let name: string | undefined;
  for (const v of values) {
    const e = unwrap(v.expr);
    if (v.path.length > 0 || !isNewExpression(e) || !isIdentifier(e.expression)) return undefined;
    if (name !== undefined && name !== e.expression.text) return undefined;
    name = e.expression.text;
  }
  return name;
}

/** `Audit`, or `pino.Logger` dotted: a namespace member, which never names a class of this file. */
function typeName(type: ts.TypeNode | undefined): string | undefined {
  return type && isTypeReferenceNode(type) ? entityName(type.typeName) : undefined;
}

function entityName(name: ts.EntityName): string {
  return isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}

/** The class whose instance `this` is at `node`: the nearest class around it, through arrow functions only. */
export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    // `this` in a nested `function` or an object literal's method is not the instance; in an arrow function it still is.
    // The source file has no parent: `this` in top-level arrow functions (a CommonJS module's `this`) reaches it.
    if (isFunctionDeclaration(n) || isFunctionExpression(n) || (n.parent !== undefined && isObjectLiteralExpression(n.parent) && isFunctionLike(n))) return undefined;
    if (isClassLike(n)) return n;
  }
  return undefined;
}

/** `static apiKey = process.env.API_KEY`: a static field given a value where it is declared. */
export function isStaticInitialized(member: ts.ClassElement): member is ts.PropertyDeclaration & { initializer: ts.Expression } {
  return isPropertyDeclaration(member) && member.initializer !== undefined && isStaticMember(member);
}

/**
 * The function of this file a callee names: a declaration, a const holding a function, or a method
 * of the enclosing class (`this.tokenFile()`).
 */
export function localFunctionOf(callee: ts.Expression, fc: FileContext): ts.Node | undefined {
  if (isPropertyAccessExpression(callee) && callee.expression.kind === SyntaxKind.ThisKeyword) return classMemberOf(callee, callee.name.text, isMethodDeclaration);
  const binding = isIdentifier(callee) ? lookup(fc, callee) : undefined;
  if (binding?.kind === 'function') return binding.node;
  const [value] = binding?.kind === 'var' && binding.isConst && binding.values.length === 1 ? binding.values : [];
  const fn = value !== undefined && value.path.length === 0 ? unwrap(value.expr) : undefined;
  return fn !== undefined && (isArrowFunction(fn) || isFunctionExpression(fn)) ? fn : undefined;
}

/** The member of the class around `at` named `name` that passes `test` (a getter, a method). */
export function classMemberOf<T extends ts.ClassElement>(at: ts.Node, name: string, test: (m: ts.ClassElement) => m is T): T | undefined {
  return enclosingClass(at)?.members.find((m): m is T => test(m) && m.name !== undefined && propertyNameOf(m.name) === name);
}
