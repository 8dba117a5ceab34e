import { fileMemo } from '../parse/file-memo.js';
import { ts } from '../parse/typescript.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isBlock, isIdentifier, isSourceFile, isVariableStatement } = ts;

/**
 * The initializer of the module-level `const` an identifier names in its own file
 * (`const PUBLIC_PATHS = [...]`), so an options object or list written once and passed by name
 * is read as if written in place. A `let` may change before use and is not followed.
 */
export function moduleConstOf(name: ts.Identifier): ts.Expression | undefined {
  const init = constDeclaredIn(name.getSourceFile().statements, name.text);
  return init && skipParens(init);
}

/** The `const`s of each block (or file) by name: built once, since every call's arguments may ask (a bundle has thousands). */
const constsByBlock = fileMemo<readonly ts.Statement[], ReadonlyMap<string, ts.Expression | undefined>>();

/** The initializer of the `const` named `name` among `statements` (a file's or a block's). */
function constDeclaredIn(statements: readonly ts.Statement[], name: string): ts.Expression | undefined {
  const first = statements[0];
  if (!first) return undefined;
  const memo = constsByBlock(first.getSourceFile());
  let consts = memo.get(statements);
  if (!consts) {
    consts = constsOf(statements);
    memo.set(statements, consts);
  }
  return consts.get(name);
}

/** The first `const` of each name among `statements`, as a top-down search finds it. */
function constsOf(statements: readonly ts.Statement[]): ReadonlyMap<string, ts.Expression | undefined> {
  const out = new Map<string, ts.Expression | undefined>();
  for (const stmt of statements) {
    if (!isVariableStatement(stmt) || !(stmt.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (isIdentifier(d.name) && !out.has(d.name.text)) out.set(d.name.text, d.initializer);
    }
  }
  return out;
}

/**
 * The initializer of the `const` an identifier names in the blocks around it, innermost first, up
 * to its file (`const PUBLIC = [...]` inside the guard, or at module level).
 */
export function scopedConstOf(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    const init = isBlock(scope) || isSourceFile(scope) ? constDeclaredIn(scope.statements, id.text) : undefined;
    if (init) return init;
  }
  return undefined;
}
