import type { ScanResult } from '../findings/finding.js';
import type { RuleMeta } from '../rules/rule.js';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * What a reporter may know besides the result. Everything that touches the outside world (file
 * text, docs pages, the terminal) comes in through here, so reporters stay pure and testable.
 */
export interface ReporterContext {
  /** The rules to describe (SARIF `tool.driver.rules`). Default: every registered rule. */
  rules?: readonly RuleMeta[];
  /** The text of a reported file, for code frames. Only called for files with findings. */
  readSource?: (file: string) => string | undefined;
  /** A rule's Markdown docs page (`docs/rules/<id>.md`), when shipped. */
  ruleDocs?: (ruleId: string) => string | undefined;
  /** ANSI colours (text only). Default: off. */
  color?: boolean;
  /** The scan root as an absolute `file://` URI ending in `/` (SARIF `originalUriBaseIds`). */
  rootUri?: string;
  /** The shiftguard version (SARIF `tool.driver.version`). */
  toolVersion?: string;
}

/** Reporters are pure: the same result and context always give the same text. */
export type Reporter = (result: ScanResult, ctx: ReporterContext) => string;
