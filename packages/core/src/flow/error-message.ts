import { extendedClassOf } from '../parse/extended-class.js';
import { ts } from '../parse/typescript.js';
import { someNode } from '../parse/visit-tree.js';
import { dottedNameOf } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isCallExpression, isConstructorDeclaration, isExpressionStatement, isIdentifier, isPropertyAccessExpression } = ts;

/**
 * The constructor arguments an error class of the project puts in its message (and so its stack):
 * every one when it has no constructor of its own (`Error`'s takes the message first), else those
 * its constructor passes on to `super(...)` (`super(\`bad token ${token}\`)`), none when it gives
 * `super` only its own text (`super('token rejected')`). Undefined for a class that extends no
 * error (`extends Error`, `extends HttpError`, `extends errors.BadRequestError`).
 */
export function messageArguments(cls: ts.ClassLikeDeclaration): 'all' | number[] | undefined {
  const base = extendedClassOf(cls);
  const baseName = base && dottedNameOf(base);
  if (baseName === undefined || !baseName.endsWith('Error')) return undefined;
  const ctor = cls.members.find(isConstructorDeclaration);
  if (ctor?.body === undefined) return 'all';
  const superCall = ctor.body.statements.map((s) => (isExpressionStatement(s) ? s.expression : undefined)).find((e) => e !== undefined && isCallExpression(e) && e.expression.kind === SyntaxKind.SuperKeyword);
  if (superCall === undefined || !isCallExpression(superCall)) return [];
  const passed: number[] = [];
  ctor.parameters.forEach((p, index) => {
    const name = isIdentifier(p.name) ? p.name.text : undefined;
    if (name !== undefined && superCall.arguments.some((a) => someNode(a, (n) => isIdentifier(n) && n.text === name && !(isPropertyAccessExpression(n.parent) && n.parent.name === n)))) passed.push(index);
  });
  return passed;
}
