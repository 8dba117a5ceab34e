import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFileCache, noCache } from './cache/summary-cache.js';
import { loadConfigFile, resolveConfig, type ResolvedConfig } from './config/config.js';
import { analyze, type SourceInput } from './engine/analyze.js';
import type { ScanResult } from './findings/finding.js';
import { discoverSourceFiles } from './project/discover-files.js';
import { ruleIds as knownRuleIds } from './rules/index.js';

export const CONFIG_FILE_NAME = 'shiftguard.config.json';

export interface ScanProjectOptions {
  /** The scan root: finding paths are relative to it. Default: the current directory. */
  root?: string;
  paths?: readonly string[];
  /** An explicit config file; otherwise `shiftguard.config.json` at the root when present. */
  configFile?: string;
  ruleIds?: readonly string[];
  /** File contents to use instead of the working tree (the git index for `--staged`). */
  overrides?: ReadonlyMap<string, string>;
  /** Report only findings in these files. */
  reportOnly?: ReadonlySet<string>;
  /** A cache file path, or false. */
  cacheFile?: string | false;
  onFile?: (done: number, total: number) => void;
}

export function loadProjectConfig(root: string, configFile?: string): ResolvedConfig {
  if (configFile) return loadConfigFile(resolve(root, configFile), knownRuleIds);
  const defaultFile = join(root, CONFIG_FILE_NAME);
  return existsSync(defaultFile) ? loadConfigFile(defaultFile, knownRuleIds) : resolveConfig({}, 'defaults', knownRuleIds);
}

/** Scans a project on disk: the CLI's entry point. Throws ConfigError for a bad config. */
export function scanProject(options: ScanProjectOptions = {}): ScanResult {
  const root = resolve(options.root ?? process.cwd());
  const config = loadProjectConfig(root, options.configFile);
  const supplied = options.overrides ? new Set(options.overrides.keys()) : undefined;
  const files = discoverSourceFiles({ root, paths: options.paths, ignore: config.ignore, supplied });
  const cache = options.cacheFile ? createFileCache(resolve(root, options.cacheFile), config) : noCache;
  const inputs = files.map(({ path, stamp }): SourceInput => {
    const override = options.overrides?.get(path);
    if (override !== undefined) return { path, read: () => override };
    return { path, stamp, read: () => readFileSync(join(root, path), 'utf8') };
  });
  return analyze(inputs, {
    config,
    ruleIds: options.ruleIds,
    cache,
    reportOnly: options.reportOnly,
    onFile: options.onFile ? (done) => options.onFile?.(done, files.length) : undefined,
  });
}
