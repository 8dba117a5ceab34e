import { ParseError } from '../errors.js';
import { isWalkableSourceFile } from './foreign-tree.js';
import { ts } from './typescript.js';

function scriptKindOf(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/**
 * Parses one file with the engine's TypeScript. Syntax only: no program, no type checker.
 * Throws ParseError for binary content or syntax errors, with the first error's position. A leading
 * byte-order mark is removed.
 *
 * `callerTree` is a caller's parse of the same text (ESLint's parser keeps one): it is used instead
 * of parsing again when it is exactly the tree this would build, and ignored otherwise.
 */
export function parseSource(path: string, source: string, callerTree?: unknown): ts.SourceFile {
  // A byte-order mark is not part of the code: dropped, as ESLint does, so that columns on the first
  // line match what editors show.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.includes('\0')) throw new ParseError(`${path}: binary content (a NUL byte); not a source file`, path);
  const sf = reusableTree(callerTree, path, text) ?? ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path));
  // parseDiagnostics is internal to TypeScript but stable since 2.x, and the only way to learn
  // about syntax errors without building a Program (which would cost a type-checker setup).
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first) {
    const pos = sf.getLineAndCharacterOfPosition(first.start);
    const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    throw new ParseError(`${path}:${pos.line + 1}:${pos.character + 1}: syntax error: ${message}`, path, pos.line + 1, pos.character + 1);
  }
  return sf;
}

/**
 * `tree` when the engine's own parse of `text` would give the same tree: made by a TypeScript with
 * the engine's enums, from this text, with the same script kind (JSX or not, JavaScript or not) and
 * language version, and with parent links, which the extractors follow. The JSDoc parsing mode may
 * differ: JSDoc nodes hang off `jsDoc`, which forEachChild never visits and the engine never reads.
 */
function reusableTree(tree: unknown, path: string, text: string): ts.SourceFile | undefined {
  if (!isWalkableSourceFile(tree)) return undefined;
  // scriptKind is internal to TypeScript, like parseDiagnostics, and as stable.
  const { scriptKind } = tree as unknown as { scriptKind?: ts.ScriptKind };
  const same = tree.text === text && scriptKind === scriptKindOf(path) && tree.languageVersion === ts.ScriptTarget.Latest && hasParentLinks(tree);
  return same ? tree : undefined;
}

/**
 * TypeScript links every node to its parent or none (a tree parsed without setParentNodes that no
 * binder visited): the first node on the way down tells which.
 */
function hasParentLinks(sf: ts.SourceFile): boolean {
  const first = ts.forEachChild(sf, (child) => child);
  return first === undefined || first.parent === sf;
}
