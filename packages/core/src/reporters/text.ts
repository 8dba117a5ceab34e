import type * as BabelCodeFrame from '@babel/code-frame';
import { createRequire } from 'node:module';
import pc from 'picocolors';
import { compareFindings, type Finding, type RelatedLocation, type ScanResult, type TraceStep } from '../findings/finding.js';
import type { Reporter, ReporterContext } from './reporter.js';

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
    blocks.push([c.underline(file), ...findings.map((f) => renderFinding(f, source, c, ctx))].join('\n'));
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

function renderFinding(f: Finding, source: string | undefined, c: Colors, ctx: ReporterContext): string {
  const isBaseline = f.baselineState === 'unchanged';
  const severity = isBaseline ? c.dim(`${f.severity} (baseline)`) : f.severity === 'error' ? c.red('error') : c.yellow('warning');
  const lines = [`  ${c.dim(`${f.line}:${f.column}`)}  ${severity}  ${f.message}  ${c.dim(f.ruleId)}`];
  if (source !== undefined && isFrameable(source, f)) lines.push(indent(codeFrame(source, f, ctx.color ?? false), 4));
  for (const r of f.related ?? []) lines.push(`    ${c.cyan('related')}  ${place(r)}  ${r.message}`);
  if (f.trace?.length) lines.push(...renderTrace(f.trace, c));
  return lines.join('\n');
}

function codeFrame(source: string, f: Finding, color: boolean): string {
  return loadCodeFrame().codeFrameColumns(source, { start: { line: f.line, column: f.column }, end: frameEnd(source, f) }, { highlightCode: color, forceColor: color, linesAbove: 1, linesBelow: 1 });
}

/** Longer lines are minified or generated code: a frame would print all of it and help no one. */
const MAX_FRAME_LINE = 400;

/** False for a location past the end of the text (a stale path) or among over-long lines. */
function isFrameable(source: string, f: Finding): boolean {
  const head = source.split('\n', f.line + 1);
  if (head.length < f.line) return false;
  return head.slice(Math.max(0, f.line - 2)).every((l) => l.length <= MAX_FRAME_LINE);
}

/**
 * Where the underline stops. A finding spanning lines (a route call with its handler body) is
 * underlined on its first line only: the frame points at the call, not at every line of the body.
 */
function frameEnd(source: string, f: Finding): { line: number; column: number } | undefined {
  if (f.endLine === f.line) return f.endColumn > f.column ? { line: f.line, column: f.endColumn } : undefined;
  const firstLine = source.split('\n', f.line)[f.line - 1] ?? '';
  return { line: f.line, column: firstLine.replace(/\r$/, '').length + 1 };
}

let codeFrameModule: typeof BabelCodeFrame | undefined;

/**
 * Loaded on the first code frame only: @babel/code-frame and its highlighter take a noticeable share
 * of start-up, which a clean pre-commit scan or a JSON/SARIF report never needs.
 */
function loadCodeFrame(): typeof BabelCodeFrame {
  codeFrameModule ??= createRequire(import.meta.url)('@babel/code-frame') as typeof BabelCodeFrame;
  return codeFrameModule;
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
