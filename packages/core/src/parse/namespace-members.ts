import { perFile } from './file-memo.js';
import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isIdentifier, isModuleBlock, isModuleDeclaration, isVariableStatement } = ts;

/**
 * The exported consts of a top-level TypeScript namespace (`namespace Routes { export const
 * INTERNAL = '/internal' }`), by namespace and member name: code reads them as `Routes.INTERNAL`,
 * the way it reads a const object's fields. Only `const`: a `let` member may change before use.
 * Nested namespaces (`namespace A.B`) and merged declarations of one name are left out: the
 * first declaration of a name is the one read.
 */
export const namespaceConstsOf: (sf: ts.SourceFile) => ReadonlyMap<string, ReadonlyMap<string, ts.Expression>> = perFile(collect);

/** The initializer of `ns.member` when `ns` is a namespace of the file exporting a const `member`. */
export function namespaceConstOf(sf: ts.SourceFile, ns: string, member: string): ts.Expression | undefined {
  return namespaceConstsOf(sf).get(ns)?.get(member);
}

function collect(sf: ts.SourceFile): ReadonlyMap<string, ReadonlyMap<string, ts.Expression>> {
  const out = new Map<string, Map<string, ts.Expression>>();
  for (const stmt of sf.statements) {
    if (!isModuleDeclaration(stmt) || !isIdentifier(stmt.name) || !stmt.body || !isModuleBlock(stmt.body) || out.has(stmt.name.text)) continue;
    const members = new Map<string, ts.Expression>();
    for (const inner of stmt.body.statements) {
      if (!isVariableStatement(inner) || !(inner.declarationList.flags & ts.NodeFlags.Const) || !inner.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const decl of inner.declarationList.declarations) if (isIdentifier(decl.name) && decl.initializer) members.set(decl.name.text, decl.initializer);
    }
    out.set(stmt.name.text, members);
  }
  return out;
}
