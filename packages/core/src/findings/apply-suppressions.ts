import type { FileSummary } from '../summary/file-summary.js';
import type { Finding, SuppressedFinding } from './finding.js';
import { fingerprintOf } from './fingerprint.js';

/** The id under which a suppression comment without a reason is itself reported. */
export const INVALID_SUPPRESSION_ID = 'invalid-suppression';

/**
 * Moves findings covered by a suppression comment with a reason into `suppressed`. A comment that
 * names no reason suppresses nothing and becomes a finding of its own, so a bare ignore can never
 * slip through review. Rule ids may be written with or without the ESLint `shiftguard/` prefix.
 */
export function applySuppressions(
  findings: readonly Finding[],
  summaries: ReadonlyMap<string, FileSummary>,
  reportOnly?: ReadonlySet<string>,
): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const comment = summaries.get(finding.file)?.suppressions.find(
      (s) => s.reason && s.appliesToLine === finding.line && coversRule(s.ruleIds, finding.ruleId),
    );
    if (comment) suppressed.push({ ...finding, justification: comment.reason });
    else kept.push(finding);
  }
  for (const [file, summary] of summaries) {
    if (reportOnly && !reportOnly.has(file)) continue;
    for (const s of summary.suppressions) {
      if (s.reason) continue;
      kept.push({
        ruleId: INVALID_SUPPRESSION_ID,
        severity: 'error',
        message: `Suppression of ${s.ruleIds.join(', ') || 'every rule'} has no reason: write "-- <why this is safe>" after the rule id; without a reason it suppresses nothing.`,
        // The ESLint plugin reports this under the rules the comment names.
        messageId: 'suppressionWithoutReason',
        data: { rules: s.ruleIds.join(',') },
        file,
        line: s.line,
        column: s.column,
        endLine: s.line,
        endColumn: s.column,
        fingerprint: fingerprintOf(INVALID_SUPPRESSION_ID, file, s.ruleIds.join(','), s.appliesToLine - s.line),
      });
    }
  }
  return { findings: kept, suppressed };
}

function coversRule(ruleIds: readonly string[], ruleId: string): boolean {
  return ruleIds.length === 0 || ruleIds.some((id) => id === ruleId || id === `shiftguard/${ruleId}`);
}
