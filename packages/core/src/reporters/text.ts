import pc from 'picocolors';
import { compareFindings, type Finding, type RelatedLocation, type ScanResult, type TraceStep } from '../findings/finding.js';
import { createCodeFrames } from './code-frame.js';
import type { Reporter } from './reporter.js';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * The human format: findings grouped by file, each with its code frame, related locations and
 * trace, then the files that could not be scanned, then one summary line.
 */
const text: Reporter = (result, ctx) => {
  const c = pc.createColors(ctx.color ?? false);
  const blocks: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    const source = ctx.readSource?.(file);
    const frameOf = source === undefined ? () => undefined : createCodeFrames(source, ctx.color ?? false);
    blocks.push([c.underline(file), ...findings.map((f) => renderFinding(f, frameOf(f), c))].join('\n'));
  }
  if (result.errors.length) blocks.push(renderErrors(result, c));
  blocks.push(summaryLine(result, c));
  return `${blocks.join('\n\n')}\n`;
};

export default text;

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of [...findings].sort(compareFindings)) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}

function renderFinding(f: Finding, frame: string | undefined, c: Colors): string {
  const isBaseline = f.baselineState === 'unchanged';
  const severity = isBaseline ? c.dim(`${f.severity} (baseline)`) : f.severity === 'error' ? c.red('error') : c.yellow('warning');
  const lines = [`  ${c.dim(`${f.line}:${f.column}`)}  ${severity}  ${f.message}  ${c.dim(f.ruleId)}`];
  if (frame !== undefined) lines.push(indent(frame, 4));
  for (const r of f.related ?? []) lines.push(`    ${c.cyan('related')}  ${place(r)}  ${r.message}`);
  if (f.trace?.length) lines.push(...renderTrace(f.trace, c));
  return lines.join('\n');
}

function renderTrace(trace: readonly TraceStep[], c: Colors): string[] {
  return trace.map((step, i) => `    ${c.cyan(i === 0 ? 'trace' : '     ')}  ${i + 1}. ${place(step)}  ${step.message}`);
}

function renderErrors(result: ScanResult, c: Colors): string {
  const head = c.red(`✖ ${plural(result.errors.length, 'scan error')} (every other file was scanned):`);
  return [head, ...result.errors.map((e) => `  ${c.red(e.kind)}  ${e.message}`)].join('\n');
}

function summaryLine(result: ScanResult, c: Colors): string {
  const fresh = result.findings.filter((f) => f.baselineState !== 'unchanged');
  const errors = fresh.filter((f) => f.severity === 'error').length;
  const warnings = fresh.length - errors;
  const baselined = result.findings.length - fresh.length;
  const files = `${result.stats.files} ${result.stats.files === 1 ? 'file' : 'files'}`;
  const head = fresh.length
    ? (errors ? c.red : c.yellow)(
        c.bold(`✖ ${fresh.length} ${fresh.length === 1 ? 'problem' : 'problems'} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${files}`),
      )
    : c.green(`✔ no problems in ${files}`);
  const tail = [
    baselined ? `${baselined} in baseline` : '',
    result.suppressed.length ? `${result.suppressed.length} suppressed` : '',
    result.errors.length ? c.red(plural(result.errors.length, 'scan error')) : '',
    `${result.stats.durationMs} ms`,
  ].filter(Boolean);
  return [head, ...tail].join(c.dim(' · '));
}

function place(loc: RelatedLocation | TraceStep): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function indent(block: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return block
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
