/**
 * The one TypeScript the engine uses: the copy bundled with ts-morph. Every module imports `ts`
 * from here so SyntaxKind numbers always match the parser that produced the tree (see
 * integrations.md: never walk one TypeScript's AST with another's enums).
 */
import { ts } from 'ts-morph';

export { ts };
