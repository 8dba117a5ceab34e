import { normalize, relative, sep } from 'node:path';
import { scanFiles, type ScanResult, type ShiftguardConfigInput } from '@shiftguard/core';
import type { SourceCode } from 'eslint';

/** What one engine run over a file produced, shared by every shiftguard rule linting that file. */
export interface SourceScan {
  result: ScanResult;
  /** Results no single rule owns (tool errors), once reported by one rule: three rules never repeat one. */
  claimed: WeakSet<object>;
}

/** True for the first rule to ask about `item` in this scan, false for every later one. */
export function claimOnce(scan: SourceScan, item: object): boolean {
  if (scan.claimed.has(item)) return false;
  scan.claimed.add(item);
  return true;
}

// Keyed by ESLint's SourceCode object, which lives exactly as long as one lint of one file: three
// rules on one file cost one analysis, and nothing outlives the lint run. The inner key is the
// rule options, because rules configured differently need their own run.
const scans = new WeakMap<SourceCode, Map<string, SourceScan>>();

/**
 * Runs the engine (every registered rule) over the text ESLint is linting. typescript-eslint's
 * parser keeps the TypeScript SourceFile it built the ESTree from: the engine walks that tree when
 * it comes from a TypeScript with the engine's syntax numbering and parses the text again
 * otherwise (another TypeScript release, another parser). ESLint has parsed the text, so the
 * engine may skip a file whose text shows that no rule can report in it (a type declaration, a
 * schema): the editor then pays nothing for it.
 */
export function scanSourceCode(sourceCode: SourceCode, filename: string, cwd: string, config: ShiftguardConfigInput): SourceScan {
  let byOptions = scans.get(sourceCode);
  if (!byOptions) {
    byOptions = new Map();
    scans.set(sourceCode, byOptions);
  }
  const optionsKey = JSON.stringify(config);
  let scan = byOptions.get(optionsKey);
  if (!scan) {
    const path = scanPathOf(filename, cwd);
    const file = { path, text: sourceCode.text, tree: parserTreeOf(sourceCode) };
    scan = { result: scanFiles({ files: [file], config, isParsedByCaller: true }), claimed: new WeakSet() };
    byOptions.set(optionsKey, scan);
  }
  return scan;
}

/** The parser's own tree of the file: typescript-eslint maps the ESTree Program to its ts.SourceFile. */
export function parserTreeOf(sourceCode: SourceCode): unknown {
  const map: unknown = sourceCode.parserServices?.esTreeNodeToTSNodeMap;
  return map instanceof WeakMap ? map.get(sourceCode.ast) : undefined;
}

/**
 * The file's path as the CLI would name it: relative to the working directory, forward slashes.
 * The extension decides how the engine parses (`.tsx`, `.js`); ESLint's `<input>` becomes a `.ts`
 * file so that text linted without a name still parses as TypeScript.
 */
export function scanPathOf(filename: string, cwd: string): string {
  if (filename === '<input>' || filename === '<text>') return 'input.ts';
  // The usual case, a normalised path under the working directory: path.relative would resolve both
  // paths against process.cwd() on every call.
  if (filename.startsWith(cwd + sep) && normalize(filename) === filename) return filename.slice(cwd.length + 1).split(sep).join('/');
  const rel = relative(cwd, filename);
  const path = rel === '' || rel.startsWith('..') ? filename : rel;
  return path.split(sep).join('/');
}
