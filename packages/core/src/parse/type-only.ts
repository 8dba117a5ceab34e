import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the hot one once.
const { SyntaxKind } = ts;

/**
 * A type annotation, interface, type alias or type parameter: syntax that carries no value and
 * makes no call, so walks that look for values or calls never descend into it (a third of a typed
 * file's nodes sit under such nodes).
 */
export function isTypeOnly(node: ts.Node): boolean {
  const kind = node.kind;
  return (
    (kind >= SyntaxKind.FirstTypeNode && kind <= SyntaxKind.LastTypeNode) ||
    kind === SyntaxKind.InterfaceDeclaration ||
    kind === SyntaxKind.TypeAliasDeclaration ||
    kind === SyntaxKind.TypeParameter
  );
}
