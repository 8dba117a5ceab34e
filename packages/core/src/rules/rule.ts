import type { ResolvedConfig } from '../config/config.js';
import type { RelatedLocation, Severity, TraceStep } from '../findings/finding.js';
import type { Location } from '../findings/location.js';
import type { ProjectModel } from '../project/project-model.js';

/** JSON Schema for a rule's options: shared by the config file docs and the ESLint rule schema. */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<MessageId extends string = string> {
  id: string;
  /** One sentence: what the rule finds. */
  description: string;
  cwe: `CWE-${number}`;
  severity: Severity;
  /** SARIF `properties.precision`. */
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** SARIF `properties.security-severity` (CVSS-like, 0.0 to 10.0). */
  securitySeverity: string;
  /** Message templates with `{{name}}` placeholders, one per message id. */
  messages: Record<MessageId, string>;
  /** The config keys that tune this rule, as JSON Schema properties. */
  schema: JsonSchema;
}

export interface RuleReport<MessageId extends string> {
  file: string;
  location: Location;
  messageId: MessageId;
  data?: Record<string, string>;
  /**
   * Names what was found independently of its line (route method + path, sink + secret
   * expression). The fingerprint is built from it, so it must not contain positions.
   */
  key: string;
  related?: RelatedLocation[];
  trace?: TraceStep[];
}

export interface RuleContext<MessageId extends string> {
  project: ProjectModel;
  config: ResolvedConfig;
  report(report: RuleReport<MessageId>): void;
  /**
   * Runs the part of the check that judges one file. A failure there (a bug) is reported as that
   * file's internal error and costs only that part: the rule goes on with the other files.
   */
  inFile(file: string, work: () => void): void;
}

/**
 * The sections of a file summary a rule's check can read, besides module facts and suppressions:
 * `flow` is all value-flow facts; `logs` the flow facts that log calls need, which are none when no
 * log call of a file scanned alone carries a value (no direct finding, and no wrapper to call).
 */
export type SummarySection = 'routes' | 'flow' | 'logs';

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  /**
   * The summary sections `check` reads. A summary that is never kept nor joined with another file's
   * (one file scanned alone) is extracted with only the sections of the rules that run.
   */
  reads: readonly SummarySection[];
  /** Runs once per scan over the whole project model. Must not mutate `ctx.config`. */
  check(ctx: RuleContext<MessageId>): void;
}

/** Identity helper that keeps the message ids of `meta` and `check` in step. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => data[name] ?? `{{${name}}}`);
}

export function docsUrlOf(ruleId: string): string {
  return `https://github.com/shiftguard/shiftguard/blob/main/docs/rules/${ruleId}.md`;
}
