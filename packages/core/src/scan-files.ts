import { resolveConfig, type ShiftguardConfigInput } from './config/config.js';
import { analyze } from './engine/analyze.js';
import type { ScanResult } from './findings/finding.js';
import { ruleIds as knownRuleIds } from './rules/index.js';

export interface ScanFilesOptions {
  /** In-memory files; paths are relative with forward slashes (they name the findings). */
  files: ReadonlyArray<{ path: string; text: string }>;
  config?: ShiftguardConfigInput;
  ruleIds?: readonly string[];
}

/**
 * Scans files held in memory: the entry point of the ESLint plugin (one file) and the MCP server's
 * `scan_source` tool (a bounded set). Same engine, same verdicts as `scanProject`.
 */
export function scanFiles(options: ScanFilesOptions): ScanResult {
  const config = resolveConfig(options.config ?? {}, 'config', knownRuleIds);
  return analyze(
    options.files.map((f) => ({ path: f.path, read: () => f.text })),
    { config, ruleIds: options.ruleIds },
  );
}
