import { createHash } from 'node:crypto';
import { noCache, type FileStamp, type SummaryCache } from '../cache/summary-cache.js';
import type { ResolvedConfig } from '../config/config.js';
import { compareFindings, type Finding, type ScanError, type ScanResult } from '../findings/finding.js';
import { fingerprintOf } from '../findings/fingerprint.js';
import { applySuppressions } from '../findings/apply-suppressions.js';
import { parseSource } from '../parse/parse-source.js';
import type { ts } from '../parse/typescript.js';
import { filesInReach, linkGraphOf } from '../project/files-in-reach.js';
import type { PathAliases } from '../project/path-aliases.js';
import { ProjectModel } from '../project/project-model.js';
import { resolveModulePath } from '../project/resolve-module.js';
import { rules as allRules } from '../rules/index.js';
import { formatMessage, type Rule, type RuleReport } from '../rules/rule.js';
import type { ExtractContext } from '../summary/extract-context.js';
import type { FileSummary } from '../summary/file-summary.js';
import { loadedSummary, type LazySummary, type SummaryLinks } from '../summary/lazy-summary.js';
import { summarizeFile } from '../summary/summarize-file.js';
import { fileErrorOf, stackOf } from './file-error.js';

/** One file to analyse. `read` is called once; reading lazily keeps only one file's text alive. */
export interface SourceInput {
  path: string;
  read: () => string;
  /** Size and mtime of the file on disk: with a warm cache, an unchanged file is never read. */
  stamp?: FileStamp | undefined;
  /**
   * The content's git blob id, when known without reading it (the index for `--staged`): the cache
   * finds a summary by it, and a content-addressed id can never name stale content.
   */
  blob?: string | undefined;
  /** A caller's syntax tree of the same text (ESLint's parser): not parsed again when the engine can walk it. */
  tree?: unknown;
}

export interface AnalyzeOptions {
  config: ResolvedConfig;
  /** Only these rules (`--rule`); default: every rule not turned off in config. */
  ruleIds?: readonly string[] | undefined;
  cache?: SummaryCache | undefined;
  /** Report findings only in these files (`--staged`), while analysing all of them. */
  reportOnly?: ReadonlySet<string> | undefined;
  /** Called after each file is summarised: progress indicators. */
  onFile?: ((done: number) => void) | undefined;
  /**
   * Called once with the inputs the cache has no summary for, before any of them is read: a source
   * that reads in batches (one `git cat-file --batch`) fetches them all at once.
   */
  prefetch?: ((inputs: readonly SourceInput[]) => void) | undefined;
  /** The project's tsconfig path aliases; a cache must be keyed by their fingerprint too. */
  aliases?: PathAliases | undefined;
}

/** The engine: summarise every file (or take its cached summary), then run the rules over the project. */
export function analyze(inputs: Iterable<SourceInput>, options: AnalyzeOptions): ScanResult {
  const started = performance.now();
  const cache = options.cache ?? noCache;
  const errors: ScanError[] = [];
  // In input order, whichever pass fills a slot: the cache answers first, then the rest is read.
  const slots = new Map<string, LazySummary | undefined>();
  const misses: SourceInput[] = [];
  let count = 0;
  const countFile = () => {
    count++;
    options.onFile?.(count);
  };
  for (const input of inputs) {
    const hit = cachedSummaryOf(input, cache);
    slots.set(input.path, hit);
    if (hit) countFile();
    else misses.push(input);
  }
  if (misses.length) options.prefetch?.(misses);
  const selected = selectRules(options);
  // One file and no cache: its summary meets no other file's, now or later, so it needs only the
  // sections the rules that run read (an editor linting a service file skips the route walk).
  const sections = slots.size === 1 && cache === noCache ? new Set(selected.flatMap((r) => r.reads)) : undefined;
  for (const input of misses) {
    slots.set(input.path, summarizeInput(input, { path: input.path, config: options.config, sections, aliases: options.aliases }, cache, errors));
    countFile();
  }
  // forEach, not for-of: a warm scoped scan walks these maps of every file of the project before
  // V8 has optimised anything, and for-of makes a [key, value] pair per entry.
  const summarized = new Map<string, LazySummary>();
  slots.forEach((summary, path) => {
    if (summary) summarized.set(path, summary);
  });

  // Findings are wanted in a few files only (`--staged`): the summaries those files cannot be
  // judged without are enough, and the rest of a warm cache is never parsed. Every summary passed
  // through the cache, whose index has the links: no other file's links are read.
  const wanted = options.reportOnly ? filesInReach(cache.linkGraph() ?? linkGraphOf(linksOfAll(summarized)), options.reportOnly, (m) => resolveModulePath(m, (p) => summarized.has(p))) : summarized;
  const summaries = new Map<string, FileSummary>();
  summarized.forEach((summary, path) => {
    if (wanted.has(path)) summaries.set(path, summary.load());
  });
  cache.save();
  const project = new ProjectModel(summaries, summarized, options.aliases);
  const raw: Finding[] = [];
  for (const rule of selected) raw.push(...runRule(rule, project, options.config, errors));
  const inScope = options.reportOnly ? raw.filter((f) => options.reportOnly?.has(f.file)) : raw;
  const { findings, suppressed } = applySuppressions(inScope, summaries, options.reportOnly);
  return {
    version: 1,
    findings: findings.sort(compareFindings),
    errors,
    suppressed: suppressed.sort(compareFindings),
    stats: { files: count, durationMs: Math.round(performance.now() - started) },
  };
}

function linksOfAll(summaries: ReadonlyMap<string, LazySummary>): Map<string, SummaryLinks> {
  const links = new Map<string, SummaryLinks>();
  for (const [path, summary] of summaries) links.set(path, summary.links());
  return links;
}

/** The summary the cache has for a file it can identify without reading: by stamp or blob id. */
function cachedSummaryOf(input: SourceInput, cache: SummaryCache): LazySummary | undefined {
  if (input.blob !== undefined) return cache.get(input.path, input.blob);
  return input.stamp && cache.getByStamp(input.path, input.stamp);
}

function summarizeInput(input: SourceInput, ctx: ExtractContext, cache: SummaryCache, errors: ScanError[]): LazySummary | undefined {
  let text: string;
  try {
    text = input.read();
  } catch (error) {
    errors.push(fileErrorOf(input.path, 'read', error));
    return undefined;
  }
  // Only a cache compares content hashes: without one (a CI scan, the ESLint plugin), hashing every
  // file would be work for nothing.
  const hash = input.blob ?? (cache === noCache ? '' : blobIdOf(text));
  const cached = input.blob === undefined ? cache.get(input.path, hash, input.stamp) : undefined;
  if (cached) return cached;
  let sf: ts.SourceFile;
  try {
    sf = parseSource(input.path, text, input.tree);
  } catch (error) {
    errors.push(fileErrorOf(input.path, 'parse', error));
    return undefined;
  }
  try {
    let failed = false;
    const summary = summarizeFile(sf, hash, ctx, (part, error) => {
      failed = true;
      errors.push(fileErrorOf(input.path, 'summarize', error, part));
    });
    // A summary with a failed part is not cached: the next scan tries (and reports) it again.
    if (!failed) cache.set(summary, input.stamp);
    return loadedSummary(summary, ctx.aliases);
  } catch (error) {
    // A crash in the module facts, which every part is read through, costs the file; one in any
    // other part cost only that part (above). Either way it is reported and the scan goes on.
    errors.push(fileErrorOf(input.path, 'summarize', error));
    return undefined;
  }
}

/**
 * The id git gives the same content (SHA-1 of "blob <size>\0" and the bytes), so that a file read
 * from disk and the same file read from the index share one cache entry.
 */
function blobIdOf(text: string): string {
  return createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');
}

function selectRules(options: AnalyzeOptions): Rule[] {
  return allRules.filter((r) => {
    if (options.ruleIds && !options.ruleIds.includes(r.meta.id)) return false;
    return options.config.rules[r.meta.id] !== 'off';
  });
}

function runRule(rule: Rule, project: ProjectModel, config: ResolvedConfig, errors: ScanError[]): Finding[] {
  const reports: RuleReport<string>[] = [];
  const failedFiles = new Set<string>();
  const inFile = (file: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      if (failedFiles.has(file)) return;
      failedFiles.add(file);
      errors.push({ kind: 'internal', file, message: `${file}: rule ${rule.meta.id} failed on this file (a bug: please report it with the file); its other files are still checked: ${stackOf(error)}` });
    }
  };
  try {
    rule.check({ project, config, report: (r) => reports.push(r), inFile });
  } catch (error) {
    errors.push({ kind: 'internal', message: `rule ${rule.meta.id} failed: ${stackOf(error)}` });
  }
  const level = config.rules[rule.meta.id];
  const severity = level === 'warning' || level === 'error' ? level : rule.meta.severity;
  reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.location.offset - b.location.offset));
  const occurrences = new Map<string, number>();
  return reports.map((r) => {
    const occurrenceKey = `${r.file}\0${r.key}`;
    const n = occurrences.get(occurrenceKey) ?? 0;
    occurrences.set(occurrenceKey, n + 1);
    const { line, column, endLine, endColumn } = r.location;
    const finding: Finding = {
      ruleId: rule.meta.id,
      severity,
      message: formatMessage(rule.meta.messages[r.messageId] ?? r.messageId, r.data),
      messageId: r.messageId,
      file: r.file,
      line,
      column,
      endLine,
      endColumn,
      fingerprint: fingerprintOf(rule.meta.id, r.file, r.key, n),
    };
    if (r.data) finding.data = r.data;
    if (r.related?.length) finding.related = r.related;
    if (r.trace?.length) finding.trace = r.trace;
    return finding;
  });
}
