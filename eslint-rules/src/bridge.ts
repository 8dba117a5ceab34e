import { docsUrlOf, type Finding, type Rule as CoreRule, type ScanError, type ShiftguardConfigInput } from '@shiftguard/core';
import type { AST, Rule } from 'eslint';
import { redactorSuggestions } from './redactor-suggestions.js';
import { scanSourceCode } from './scan-source-code.js';

/** The options object of every bridged rule: the scanner config keys that tune that rule. */
export type BridgedRuleOptions = [Partial<ShiftguardConfigInput>?];

/** Reported when the engine cannot analyse a file ESLint's parser accepted: never silent. */
export const ANALYSIS_FAILED_ID = 'analysisFailed';

/**
 * Turns a rule of the engine's registry into an ESLint rule. No rule logic lives here: the rule
 * runs the engine once per file and translates its findings into ESLint reports.
 */
export function createBridgedRule(coreRule: CoreRule): Rule.RuleModule {
  const { meta } = coreRule;
  const hasSuggestions = meta.id === 'no-secrets-in-logs';
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, recommended: true, url: docsUrlOf(meta.id) },
      messages: {
        ...meta.messages,
        [ANALYSIS_FAILED_ID]: 'shiftguard could not analyse this file: {{reason}}',
        ...(hasSuggestions ? { wrapInRedactor: 'Wrap `{{expression}}` in `{{redactor}}(…)` before it is logged.' } : {}),
      },
      // Core's meta.schema holds JSON Schema properties by contract (the config keys of this rule);
      // ESLint validates the options against them before `create` runs.
      schema: [{ type: 'object', properties: meta.schema, additionalProperties: false }] as Rule.RuleMetaData['schema'],
      defaultOptions: [{}],
      hasSuggestions,
    },
    create(context) {
      const config = (context.options[0] ?? {}) as ShiftguardConfigInput;
      return {
        Program() {
          const scan = scanSourceCode(context.sourceCode, context.filename, context.cwd, config);
          if (!scan.errorsReported && scan.result.errors.length > 0) {
            scan.errorsReported = true;
            for (const error of scan.result.errors) context.report({ loc: locOfError(error), messageId: ANALYSIS_FAILED_ID, data: { reason: error.message } });
          }
          for (const finding of scan.result.findings) {
            if (finding.ruleId !== meta.id) continue;
            const suggest = hasSuggestions ? redactorSuggestions(finding, context.sourceCode, config) : [];
            const loc = locOfFinding(finding);
            // An engine finding always names its message id; the rendered message is the fallback
            // for a rule that reports an id its meta does not declare.
            if (finding.messageId && Object.hasOwn(meta.messages, finding.messageId)) {
              context.report({ loc, messageId: finding.messageId, data: finding.data ?? {}, suggest });
            } else {
              context.report({ loc, message: finding.message, suggest });
            }
          }
        },
      };
    },
  };
}

/** Engine locations are 1-based lines and columns (SARIF); ESLint columns are 0-based. */
function locOfFinding(f: Finding): AST.SourceLocation {
  return { start: { line: f.line, column: f.column - 1 }, end: { line: f.endLine, column: f.endColumn - 1 } };
}

function locOfError(e: ScanError): { line: number; column: number } {
  return { line: e.line ?? 1, column: Math.max((e.column ?? 1) - 1, 0) };
}
