import { docsUrlOf, INVALID_SUPPRESSION_ID, ruleIds, type Finding, type Rule as CoreRule, type ScanError, type ShiftguardConfigInput } from '@shiftguard/core';
import type { AST, Rule, SourceCode } from 'eslint';
import { redactorSuggestions, WRAP_IN_REDACTOR_ID } from './redactor-suggestions.js';
import { claimOnce, scanSourceCode, type SourceScan } from './scan-source-code.js';

type Suggester = (finding: Finding, sourceCode: SourceCode, config: ShiftguardConfigInput) => Rule.SuggestionReportDescriptor[];

/** Editor fixes, by rule id, for the rules where one exists; each declares its message here. */
const SUGGESTERS: Record<string, { suggest: Suggester; messages: Record<string, string> }> = {
  'no-secrets-in-logs': {
    suggest: redactorSuggestions,
    messages: { [WRAP_IN_REDACTOR_ID]: 'Wrap `{{expression}}` in `{{redactor}}(…)` before it is logged.' },
  },
};

/** Reported when the engine cannot analyse a file ESLint's parser accepted: never silent. */
export const ANALYSIS_FAILED_ID = 'analysisFailed';

/** A `shiftguard-ignore` comment without a reason: it suppresses nothing, and the CLI reports it too. */
export const SUPPRESSION_WITHOUT_REASON_ID = 'suppressionWithoutReason';

/**
 * Turns a rule of the engine's registry into an ESLint rule. No rule logic lives here: the rule
 * runs the engine once per file and translates its findings into ESLint reports.
 */
export function createBridgedRule(coreRule: CoreRule): Rule.RuleModule {
  const { meta } = coreRule;
  const suggester = SUGGESTERS[meta.id];
  return {
    meta: {
      type: 'problem',
      docs: { description: meta.description, recommended: true, url: docsUrlOf(meta.id) },
      messages: {
        ...meta.messages,
        [ANALYSIS_FAILED_ID]: 'shiftguard could not analyse this file: {{reason}}',
        [SUPPRESSION_WITHOUT_REASON_ID]: 'This shiftguard suppression has no reason, so it suppresses nothing: write "-- <why this is safe>" after the rule id.',
        ...suggester?.messages,
      },
      // Core's meta.schema holds JSON Schema properties by contract (the config keys of this rule);
      // ESLint validates the options against them before `create` runs.
      schema: [{ type: 'object', properties: meta.schema, additionalProperties: false }] as Rule.RuleMetaData['schema'],
      defaultOptions: [{}],
      hasSuggestions: suggester !== undefined,
    },
    create(context) {
      const config = (context.options[0] ?? {}) as ShiftguardConfigInput;
      return {
        Program() {
          const scan = scanSourceCode(context.sourceCode, context.filename, context.cwd, config);
          for (const error of scan.result.errors) {
            if (claimOnce(scan, error)) context.report({ loc: locOfError(error), messageId: ANALYSIS_FAILED_ID, data: { reason: error.message } });
          }
          for (const finding of scan.result.findings) {
            if (finding.ruleId === INVALID_SUPPRESSION_ID) {
              if (ownsSuppression(finding, meta.id, scan)) context.report({ loc: locOfFinding(finding), messageId: SUPPRESSION_WITHOUT_REASON_ID });
              continue;
            }
            if (finding.ruleId !== meta.id) continue;
            const suggest = suggester?.suggest(finding, context.sourceCode, config) ?? [];
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

/**
 * A reasonless suppression is reported by each rule it names (`shiftguard/` prefix or not), and
 * once, by whichever rule runs first, when it names none of them (a bare or misspelled comment).
 */
function ownsSuppression(finding: Finding, ruleId: string, scan: SourceScan): boolean {
  const named = (finding.data?.rules ?? '').split(',').map((id) => id.trim().replace(/^shiftguard\//, ''));
  const ours = named.filter((id) => ruleIds.includes(id));
  return ours.length > 0 ? ours.includes(ruleId) : claimOnce(scan, finding);
}

/** Engine locations are 1-based lines and columns (SARIF); ESLint columns are 0-based. */
function locOfFinding(f: Finding): AST.SourceLocation {
  return { start: { line: f.line, column: f.column - 1 }, end: { line: f.endLine, column: f.endColumn - 1 } };
}

function locOfError(e: ScanError): { line: number; column: number } {
  return { line: e.line ?? 1, column: Math.max((e.column ?? 1) - 1, 0) };
}
