import type * as BabelCodeFrame from '@babel/code-frame';
import { createRequire } from 'node:module';
import type { Finding } from '../findings/finding.js';

/** Longer lines are minified or generated code: a frame would print all of it and help no one. */
const MAX_FRAME_LINE = 400;

type FramePosition = Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>;

/**
 * Code frames for the findings of one file. The text is split into lines once, and each frame is
 * drawn from a three-line window: a 5 MB file with many findings costs one split, not one per
 * finding (as passing the whole text to @babel/code-frame would, highlighting included).
 */
export function createCodeFrames(source: string, color: boolean): (position: FramePosition) => string | undefined {
  const lines = source.split(/\r?\n/);
  return (p) => {
    const from = Math.max(1, p.line - 1);
    const window = lines.slice(from - 1, p.line + 1);
    // A location past the end of the text is stale (the file changed since the scan).
    if (p.line > lines.length || window.some((l) => l.length > MAX_FRAME_LINE)) return undefined;
    const options: BabelCodeFrame.BabelCodeFrameOptions & { startLine: number } = { highlightCode: color, forceColor: color, linesAbove: 1, linesBelow: 1, startLine: from };
    return loadCodeFrame().codeFrameColumns(window.join('\n'), { start: { line: p.line, column: p.column }, end: frameEnd(p, lines[p.line - 1] ?? '') }, options);
  };
}

/**
 * Where the underline stops. A finding spanning lines (a route call with its handler body) is
 * underlined on its first line only: the frame points at the call, not at every line of the body.
 */
function frameEnd(p: FramePosition, firstLine: string): { line: number; column: number } | undefined {
  if (p.endLine === p.line) return p.endColumn > p.column ? { line: p.line, column: p.endColumn } : undefined;
  return { line: p.line, column: firstLine.length + 1 };
}

let codeFrameModule: typeof BabelCodeFrame | undefined;

/**
 * Loaded on the first code frame only: @babel/code-frame and its highlighter are start-up cost that
 * a clean pre-commit scan or a JSON/SARIF report never needs.
 */
function loadCodeFrame(): typeof BabelCodeFrame {
  codeFrameModule ??= createRequire(import.meta.url)('@babel/code-frame') as typeof BabelCodeFrame;
  return codeFrameModule;
}
