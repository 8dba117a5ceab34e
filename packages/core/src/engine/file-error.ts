import { ParseError } from '../errors.js';
import type { ScanError } from '../findings/finding.js';
import type { IsolatedPart } from '../summary/summarize-file.js';

/** Where a per-file failure happened: reading the text, parsing it, or extracting its summary. */
export type FileStage = 'read' | 'parse' | 'summarize';

/** The words for one part of a summary whose extractor failed while the others stood. */
const PART_WORDS: Readonly<Record<IsolatedPart, string>> = {
  suppressions: 'suppression comments',
  routes: 'routes and guards',
  flow: 'value flow (logs and stores)',
};

const DOCS = 'https://github.com/shiftguard/shiftguard/blob/main/docs/errors.md';

// Node's errno codes for the ways a listed file can fail to read, in words a user acts on.
const READ_FAILURES: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist (a dangling symlink, or deleted during the scan)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory, not a file',
  ELOOP: 'it is a symlink loop',
  ENAMETOOLONG: 'its path is too long',
  EMFILE: 'too many open files',
};

/**
 * Turns one file's failure into the ScanError every front door prints: what happened, the path,
 * and what to do. Stack overflows on absurdly nested code are recognised so the message says
 * "nested too deeply" instead of a bare RangeError. `part` names the one part of the summary that
 * failed when the rest of the file was still analysed.
 */
export function fileErrorOf(path: string, stage: FileStage, error: unknown, part?: IsolatedPart): ScanError {
  if (error instanceof ParseError) return { kind: 'parse', file: path, line: error.line, column: error.column, message: error.message };
  const fix = `Either: fix the file, or add it to the config "ignore" list (${DOCS}).`;
  if (stage === 'read') {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = (code && READ_FAILURES[code]) ?? (error as Error).message;
    return { kind: 'read', file: path, message: `${path}: cannot read: ${reason}${code ? ` (${code})` : ''}. ${fix}` };
  }
  if (isStackOverflow(error)) {
    const what = stage === 'parse' ? 'parse' : part ? `analyse its ${PART_WORDS[part]}` : 'analyse';
    return {
      kind: 'parse',
      file: path,
      message: `${path}: nested too deeply to ${what} (ran out of stack). Either: split the deeply nested expression, or add the file to the config "ignore" list (${DOCS}).`,
    };
  }
  // Not the user's fault: a bug in an extractor. One file is lost, the scan goes on, and the stack
  // is kept so the report can be filed.
  const detail = stackOf(error);
  const what = part ? `its ${PART_WORDS[part]}; its other findings are still reported` : 'this file';
  return { kind: 'internal', file: path, message: `${path}: shiftguard failed to analyse ${what} (a bug: please report it with the file): ${detail}` };
}

/** What a bug report needs of an error: its stack, or its text. */
export function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
