import { INVALID_SUPPRESSION_ID } from '../findings/apply-suppressions.js';
import { compareFindings, type Finding, type ScanError, type SuppressedFinding, type TraceStep } from '../findings/finding.js';
import type { Location } from '../findings/location.js';
import { rules as registeredRules } from '../rules/index.js';
import { docsUrlOf, type RuleMeta } from '../rules/rule.js';
import type { Reporter, ReporterContext } from './reporter.js';

/** Every artifact URI is relative to this base, which `originalUriBaseIds` maps to the scan root. */
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/shiftguard/shiftguard';

/** What SARIF needs to describe a rule; real rules give it through their meta. */
interface DescribedRule {
  id: string;
  description: string;
  severity: Finding['severity'];
  precision: RuleMeta['precision'];
  cwe?: string;
  securitySeverity?: string;
  tags: string[];
}

/**
 * The engine's own pseudo-rule for a suppression comment without a reason: it is not in the rule
 * registry, but its results need a driver entry like any other.
 */
const invalidSuppressionRule: DescribedRule = {
  id: INVALID_SUPPRESSION_ID,
  description: 'A shiftguard suppression comment gives no reason, so it suppresses nothing.',
  severity: 'error',
  precision: 'very-high',
  tags: ['maintainability'],
};

/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning. One run; paths relative to `%SRCROOT%`;
 * suppressed findings kept with their in-source justification; traces as code flows; tool errors
 * (unparsable files) as tool execution notifications.
 */
const sarif: Reporter = (result, ctx) => {
  const described = [...(ctx.rules ?? registeredRules.map((r) => r.meta)).map(describeRuleMeta), invalidSuppressionRule];
  const ruleIndex = new Map(described.map((r, i) => [r.id, i]));
  const results = [
    ...[...result.findings].sort(compareFindings).map((f) => sarifResult(f, ruleIndex)),
    ...[...result.suppressed].sort(compareFindings).map((f) => sarifResult(f, ruleIndex)),
  ];
  const run: Record<string, unknown> = {
    tool: { driver: driverOf(described, ctx) },
    invocations: [
      {
        executionSuccessful: result.errors.length === 0,
        toolExecutionNotifications: result.errors.map(notificationOf),
      },
    ],
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (ctx.rootUri) run.originalUriBaseIds = { [SRCROOT]: { uri: ctx.rootUri } };
  const log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
};

export default sarif;

function describeRuleMeta(meta: RuleMeta): DescribedRule {
  return {
    id: meta.id,
    description: meta.description,
    severity: meta.severity,
    precision: meta.precision,
    cwe: meta.cwe,
    securitySeverity: meta.securitySeverity,
    tags: ['security', `external/cwe/${meta.cwe.toLowerCase()}`],
  };
}

function driverOf(described: readonly DescribedRule[], ctx: ReporterContext): Record<string, unknown> {
  const driver: Record<string, unknown> = { name: 'shiftguard', informationUri: INFORMATION_URI };
  if (ctx.toolVersion) Object.assign(driver, { version: ctx.toolVersion, semanticVersion: ctx.toolVersion });
  driver.rules = described.map((r) => ruleDescriptor(r, ctx.ruleDocs?.(r.id)));
  return driver;
}

function ruleDescriptor(rule: DescribedRule, docs: string | undefined): Record<string, unknown> {
  const helpUri = docsUrlOf(rule.id);
  const markdown = docs ?? `${rule.description}\n\nSee [${rule.id}](${helpUri}).`;
  const properties: Record<string, unknown> = { tags: rule.tags, precision: rule.precision };
  if (rule.securitySeverity) properties['security-severity'] = rule.securitySeverity;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: (docs && firstParagraph(docs)) || rule.description },
    helpUri,
    help: { text: docs ?? `${rule.description} See ${helpUri}`, markdown },
    defaultConfiguration: { level: rule.severity },
    properties,
  };
}

function sarifResult(f: Finding | SuppressedFinding, ruleIndex: ReadonlyMap<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId };
  const index = ruleIndex.get(f.ruleId);
  if (index !== undefined) out.ruleIndex = index;
  Object.assign(out, {
    level: f.severity,
    message: { text: f.message },
    locations: [{ physicalLocation: physicalLocation(f.file, f) }],
    partialFingerprints: { primaryLocationLineHash: f.fingerprint },
  });
  if (f.related?.length) {
    out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, physicalLocation: physicalLocation(r.file, r), message: { text: r.message } }));
  }
  if (f.trace?.length) out.codeFlows = [{ threadFlows: [{ locations: f.trace.map(threadFlowLocation) }] }];
  if ('justification' in f) out.suppressions = [{ kind: 'inSource', justification: f.justification }];
  if (f.baselineState) out.baselineState = f.baselineState;
  return out;
}

function threadFlowLocation(step: TraceStep): Record<string, unknown> {
  return { location: { physicalLocation: physicalLocation(step.file, step), message: { text: step.message } } };
}

function physicalLocation(file: string, loc: Pick<Location, 'line' | 'column' | 'endLine' | 'endColumn'>): Record<string, unknown> {
  const region: Record<string, number> = { startLine: loc.line, startColumn: loc.column };
  // SARIF forbids an end before the start; a zero-width location keeps only its start.
  if (loc.endLine > loc.line || (loc.endLine === loc.line && loc.endColumn > loc.column)) Object.assign(region, { endLine: loc.endLine, endColumn: loc.endColumn });
  return { artifactLocation: { uri: artifactUri(file), uriBaseId: SRCROOT }, region };
}

function notificationOf(error: ScanError): Record<string, unknown> {
  const out: Record<string, unknown> = { level: 'error', message: { text: error.message }, descriptor: { id: `${error.kind}-error` } };
  if (error.file !== undefined) {
    const region = error.line !== undefined ? { region: { startLine: error.line, ...(error.column !== undefined ? { startColumn: error.column } : {}) } } : {};
    out.locations = [{ physicalLocation: { artifactLocation: { uri: artifactUri(error.file), uriBaseId: SRCROOT }, ...region } }];
  }
  return out;
}

/** A relative URI reference: each path segment percent-encoded, slashes kept. */
function artifactUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function firstParagraph(markdown: string): string {
  const block = markdown.split(/\r?\n\s*\r?\n/).find((b) => b.trim() && !/^\s*(#|>|```|<|\||-{3})/.test(b));
  return block?.replace(/\s+/g, ' ').trim() ?? '';
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, _dash: string, ch: string) => ch.toUpperCase());
}
