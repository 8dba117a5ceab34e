import type { ts } from '../parse/typescript.js';

/** 1-based lines and columns, as in SARIF and ESLint; `offset` is 0-based into the file text. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
}

/** Where `node` starts (its first token, not leading trivia) and ends. */
export function locationOf(node: ts.Node, sourceFile: ts.SourceFile): Location {
  const start = node.getStart(sourceFile);
  const end = node.getEnd();
  const s = sourceFile.getLineAndCharacterOfPosition(start);
  const e = sourceFile.getLineAndCharacterOfPosition(end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, offset: start };
}
