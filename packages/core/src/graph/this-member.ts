import { ts } from '../parse/typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, getModifiers, isBinaryExpression, isConstructorDeclaration, isExpressionStatement, isIdentifier, isNewExpression, isPropertyAccessExpression, isPropertyDeclaration, isTypeReferenceNode } = ts;

/**
 * The name a class member read through `this` is defined under, as the route graph looks functions
 * up (`Class.member`, see walk-routes' collectMembers): `this.checkAuth` in `AdminRoutes` is
 * `AdminRoutes.checkAuth`; `this.auth.verify`, where the field `auth` holds `new AuthMiddleware()`
 * or is a constructor parameter typed `AuthMiddleware`, is `AuthMiddleware.verify`. Only classes
 * declared at the top of a file: their members are what other code can resolve.
 */
export function thisMemberName(e: ts.PropertyAccessExpression): string | undefined {
  const owner = e.expression;
  if (owner.kind === SyntaxKind.ThisKeyword) {
    const cls = classOfThis(e);
    return cls?.name && cls.parent.kind === SyntaxKind.SourceFile ? `${cls.name.text}.${e.name.text}` : undefined;
  }
  if (!isPropertyAccessExpression(owner) || owner.expression.kind !== SyntaxKind.ThisKeyword) return undefined;
  const cls = classOfThis(owner);
  const fieldClass = cls && classOfField(cls, owner.name.text);
  return fieldClass === undefined ? undefined : `${fieldClass}.${e.name.text}`;
}

/** The class whose instance `this` is at a node: through arrow functions and methods, not through `function`s, which bind their own. */
export function classOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.kind === SyntaxKind.ClassDeclaration || n.kind === SyntaxKind.ClassExpression) return n as ts.ClassLikeDeclaration;
    if (n.kind === SyntaxKind.FunctionDeclaration || n.kind === SyntaxKind.FunctionExpression) return undefined;
  }
  return undefined;
}

/** `auth = new AuthMiddleware()`, `private auth: AuthMiddleware` (injected), `this.auth = new AuthMiddleware()` in the constructor. */
function classOfField(cls: ts.ClassLikeDeclaration, field: string): string | undefined {
  for (const member of cls.members) {
    if (isPropertyDeclaration(member) && isIdentifier(member.name) && member.name.text === field) return member.initializer ? constructedClass(member.initializer) : typeName(member.type);
    if (!isConstructorDeclaration(member)) continue;
    const param = member.parameters.find((p) => isIdentifier(p.name) && p.name.text === field && getModifiers(p)?.length);
    if (param) return typeName(param.type);
    for (const stmt of member.body?.statements ?? []) {
      const assigned = thisFieldAssignment(stmt);
      if (assigned?.field === field) return constructedClass(assigned.value);
    }
  }
  return undefined;
}

function constructedClass(e: ts.Expression): string | undefined {
  return isNewExpression(e) && isIdentifier(e.expression) ? e.expression.text : undefined;
}

function typeName(type: ts.TypeNode | undefined): string | undefined {
  return type && isTypeReferenceNode(type) && isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

/** `this.app = express();` as a statement. */
export function thisFieldAssignment(stmt: ts.Statement): { field: string; value: ts.Expression } | undefined {
  if (!isExpressionStatement(stmt) || !isBinaryExpression(stmt.expression) || stmt.expression.operatorToken.kind !== SyntaxKind.EqualsToken) return undefined;
  const { left, right } = stmt.expression;
  return isPropertyAccessExpression(left) && left.expression.kind === SyntaxKind.ThisKeyword ? { field: left.name.text, value: right } : undefined;
}
