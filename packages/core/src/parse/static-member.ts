import { ts } from './typescript.js';

/** `static save(t) {...}`, `static apiKey = ...`: a member of the class itself, not of its instances. */
export function isStaticMember(member: ts.Node): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}
