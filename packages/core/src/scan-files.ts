import { resolveConfig, type ResolvedConfig, type ShiftguardConfigInput } from './config/config.js';
import { analyze } from './engine/analyze.js';
import { rulesThatMayReport } from './engine/text-prefilter.js';
import { ts } from './parse/typescript.js';
import { memoryPathAliases } from './project/path-aliases.js';
import type { ScanResult } from './findings/finding.js';
import { ruleIds as knownRuleIds } from './rules/index.js';

export interface ScanFilesOptions {
  /**
   * In-memory files; paths are relative with forward slashes (they name the findings). `tree` is the
   * caller's TypeScript SourceFile of the text, used instead of a second parse when it comes from a
   * TypeScript with the engine's syntax numbering (otherwise the text is parsed again).
   */
  files: ReadonlyArray<{ path: string; text: string; tree?: unknown }>;
  /**
   * `tsconfig.json`, `jsconfig.json` and `package.json` texts by path: their path aliases, workspace
   * package names and `#imports` name project files (`extends` is not followed: nothing but these
   * texts is read).
   */
  configFiles?: ReadonlyArray<{ path: string; text: string }>;
  config?: ShiftguardConfigInput;
  ruleIds?: readonly string[];
  /**
   * The caller has parsed the text already (ESLint) and reports its syntax errors itself. A single
   * file that no rule can report on, judged from its text, is then not parsed or analysed at all:
   * should the engine's TypeScript reject text the caller accepted, that file gets no error, and
   * no finding is lost with it.
   */
  isParsedByCaller?: boolean;
}

/**
 * Scans files held in memory: the entry point of the ESLint plugin (one file) and the MCP server's
 * `scan_source` tool (a bounded set). Same engine, same verdicts as `scanProject`.
 */
export function scanFiles(options: ScanFilesOptions): ScanResult {
  const config = resolveOnce(options.config ?? {});
  const [only] = options.files;
  let { ruleIds } = options;
  // Only a file scanned alone: in a set, a file with no sink of its own still feeds the others
  // (an exported path constant, a logging wrapper they call).
  if (options.isParsedByCaller && options.files.length === 1 && only) {
    const mayReport = rulesThatMayReport(only.text, config);
    ruleIds = mayReport.filter((id) => !ruleIds || ruleIds.includes(id));
    if (ruleIds.length === 0) return { version: 1, findings: [], errors: [], suppressed: [], stats: { files: 1, durationMs: 0 } };
  }
  const aliases = memoryPathAliases(
    options.files.map((f) => f.path),
    options.configFiles ?? [],
    (path, text) => ts.parseConfigFileTextToJson(path, text).config,
  );
  return analyze(
    options.files.map((f) => ({ path: f.path, read: () => f.text, tree: f.tree })),
    { config, ruleIds, aliases },
  );
}

/**
 * Resolved configs by their JSON text. The editor scans file after file with the same rule options,
 * and validating them (zod) costs about as much as analysing a small file. Resolved configs are
 * frozen, so sharing one is safe. Bounded, because a server may be sent any number of configs.
 */
const resolvedByText = new Map<string, ResolvedConfig>();
const MAX_RESOLVED = 16;

function resolveOnce(input: ShiftguardConfigInput): ResolvedConfig {
  const key = JSON.stringify(input);
  let config = resolvedByText.get(key);
  if (!config) {
    config = resolveConfig(input, 'config', knownRuleIds);
    if (resolvedByText.size >= MAX_RESOLVED) resolvedByText.clear();
    resolvedByText.set(key, config);
  }
  return config;
}
