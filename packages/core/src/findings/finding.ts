import type { Location } from './location.js';

export type Severity = 'error' | 'warning';

/** A location in another file or place that explains a finding (a mount, a store's write). */
export interface RelatedLocation extends Location {
  file: string;
  message: string;
}

/** One step of a value-flow trace, source first, sink last. */
export interface TraceStep extends Location {
  file: string;
  message: string;
}

/**
 * A finding as reporters and users see it. `file` is relative to the scan root with forward
 * slashes. `fingerprint` does not change when unrelated lines move the finding.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The rule's message id and its placeholders: front doors (ESLint) re-render `message` from them. */
  messageId?: string;
  data?: Record<string, string>;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fingerprint: string;
  related?: RelatedLocation[];
  trace?: TraceStep[];
  /**
   * Set when a baseline was applied (`--baseline`): `unchanged` for a finding the baseline already
   * holds (not a failure), `new` for one it does not. Absent when no baseline was used.
   */
  baselineState?: 'unchanged' | 'new';
}

export interface SuppressedFinding extends Finding {
  justification: string;
}

/** A tool problem (unparsable file, unreadable path). Never a finding. */
export interface ScanError {
  kind: 'parse' | 'read' | 'config' | 'internal';
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ScanResult {
  version: 1;
  findings: Finding[];
  errors: ScanError[];
  suppressed: SuppressedFinding[];
  stats: { files: number; durationMs: number };
}

/** Sort order of every report: file, line, column, rule. Output must never depend on walk order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
