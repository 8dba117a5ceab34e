import { ts } from './typescript.js';

/** What a class extends, as written (`Base`, `base_1.Base`, `AuthGuard('jwt')`). */
export function extendedClassOf(cls: ts.ClassLikeDeclaration): ts.ExpressionWithTypeArguments['expression'] | undefined {
  return cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
}

/** The class a class extends, when written as a name: `class Svc extends Base`. */
export function extendedClassName(cls: ts.ClassLikeDeclaration): string | undefined {
  const base = extendedClassOf(cls);
  return base !== undefined && ts.isIdentifier(base) ? base.text : undefined;
}
