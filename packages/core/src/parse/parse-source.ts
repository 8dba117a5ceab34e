import { ParseError } from '../errors.js';
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
 */
export function parseSource(path: string, source: string): ts.SourceFile {
  // A byte-order mark is not part of the code: dropped, as ESLint does, so that columns on the first
  // line match what editors show.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.includes('\0')) throw new ParseError(`${path}: binary content (a NUL byte); not a source file`, path);
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path));
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
