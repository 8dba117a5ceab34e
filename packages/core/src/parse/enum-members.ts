import { perFile } from './file-memo.js';
import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isEnumDeclaration, isIdentifier, isPropertyAccessExpression, isStringLiteralLike } = ts;

/**
 * The string an enum member of the file stands for: `'jwt'` for `Keys.Jwt` given `enum Keys { Jwt =
 * 'jwt' }` at the top level. Code keys objects by such members (`{ [Keys.Jwt]: secret }`, then
 * `s[Keys.Jwt]`), and reads them back as the strings they are. Numeric members have no name to give.
 */
export function enumMemberText(expr: ts.Expression): string | undefined {
  if (!isPropertyAccessExpression(expr) || !isIdentifier(expr.expression)) return undefined;
  return enumsOf(expr.getSourceFile()).get(expr.expression.text)?.get(expr.name.text);
}

/** A file's string enum members, by enum and member name. */
const enumsOf: (sf: ts.SourceFile) => ReadonlyMap<string, ReadonlyMap<string, string>> = perFile(collect);

function collect(sf: ts.SourceFile): ReadonlyMap<string, ReadonlyMap<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const stmt of sf.statements) {
    if (!isEnumDeclaration(stmt) || out.has(stmt.name.text)) continue;
    const members = new Map<string, string>();
    for (const m of stmt.members) if (isIdentifier(m.name) && m.initializer && isStringLiteralLike(m.initializer)) members.set(m.name.text, m.initializer.text);
    out.set(stmt.name.text, members);
  }
  return out;
}
