/**
 * The one TypeScript the engine uses: the copy bundled with ts-morph. Every module imports `ts`
 * from here so SyntaxKind numbers always match the parser that produced the tree (see
 * integrations.md: never walk one TypeScript's AST with another's enums).
 *
 * `#typescript` (package.json "imports") is typed as ts-morph's `ts` and loads the very same
 * TypeScript file at run time without the rest of ts-morph (load-typescript.cjs), for scoped CLI
 * scans only once it is used (lazy-typescript.mjs): see those files for why.
 */
import { ts } from '#typescript';

export { ts };
