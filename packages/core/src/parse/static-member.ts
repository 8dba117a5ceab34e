import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, canHaveModifiers, getModifiers } = ts;

/** `static save(t) {...}`, `static apiKey = ...`: a member of the class itself, not of its instances. */
export function isStaticMember(member: ts.Node): boolean {
  return canHaveModifiers(member) && (getModifiers(member)?.some((m) => m.kind === SyntaxKind.StaticKeyword) ?? false);
}
