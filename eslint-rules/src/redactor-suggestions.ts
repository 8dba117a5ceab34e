import type { Finding, ShiftguardConfigInput } from '@shiftguard/core';
import type { Rule, SourceCode } from 'eslint';

export function redactorSuggestions(_finding: Finding, _sourceCode: SourceCode, _config: ShiftguardConfigInput): Rule.SuggestionReportDescriptor[] {
  return [];
}
