import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFileCache, noCache } from './cache/summary-cache.js';
import { loadConfigFile, resolveConfig, type ResolvedConfig } from './config/config.js';
import { analyze, type SourceInput } from './engine/analyze.js';
import type { ScanResult } from './findings/finding.js';
import { isProjectConfigPath, loadPathAliases } from './project/path-aliases.js';
import { discoverSourceFiles, selectSourceFiles, type DiscoveredFile } from './project/discover-files.js';
import { ruleIds as knownRuleIds } from './rules/index.js';

export const CONFIG_FILE_NAME = 'shiftguard.config.json';

export interface ScanProjectOptions {
  /** The scan root: finding paths are relative to it. Default: the current directory. */
  root?: string;
  paths?: readonly string[];
  /** An explicit config file; otherwise `shiftguard.config.json` at the root when present. */
  configFile?: string;
  ruleIds?: readonly string[];
  /** The project as blobs instead of the working tree (the git index for `--staged`). */
  snapshot?: ProjectSnapshot;
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

/**
 * A project as a set of blobs (the git index): every file with its blob id, whose content is read
 * only for the files the cache has no summary for.
 */
export interface ProjectSnapshot {
  /** Every file of the project, relative to the scan root, and its git blob id. */
  files: ReadonlyMap<string, string>;
  /** The contents of these files, read in one go. */
  read(paths: readonly string[]): ReadonlyMap<string, string>;
}

/** Scans a project on disk: the CLI's entry point. Throws ConfigError for a bad config. */
export function scanProject(options: ScanProjectOptions = {}): ScanResult {
  const root = resolve(options.root ?? process.cwd());
  const config = loadProjectConfig(root, options.configFile);
  const discover = { root, paths: options.paths, ignore: config.ignore };
  const source = options.snapshot ? snapshotInputs(options.snapshot, selectSourceFiles(discover, [...options.snapshot.files.keys()])) : diskInputs(root, discoverSourceFiles(discover));
  // tsconfig files are read from the work tree, also for a snapshot (they seldom differ from the
  // index), whose listing tells which folders have one without asking the file system.
  const listedConfigs = options.snapshot ? new Set([...options.snapshot.files.keys()].filter(isProjectConfigPath)) : undefined;
  const aliases = loadPathAliases(root, source.inputs.map((input) => input.path), listedConfigs);
  const cache = options.cacheFile ? createFileCache(resolve(root, options.cacheFile), config, aliases) : noCache;
  return analyze(source.inputs, {
    config,
    aliases,
    ruleIds: options.ruleIds,
    cache,
    reportOnly: options.reportOnly,
    onFile: options.onFile ? (done) => options.onFile?.(done, source.inputs.length) : undefined,
    prefetch: source.prefetch,
  });
}

interface InputSource {
  inputs: SourceInput[];
  prefetch?: (inputs: readonly SourceInput[]) => void;
}

function diskInputs(root: string, files: readonly DiscoveredFile[]): InputSource {
  return { inputs: files.map(({ path, stamp }) => ({ path, stamp, read: () => readFileSync(join(root, path), 'utf8') })) };
}

/** Files known by blob id: the cache answers by id, and the misses are read in one batch. */
function snapshotInputs(snapshot: ProjectSnapshot, paths: readonly string[]): InputSource {
  let contents: ReadonlyMap<string, string> = new Map();
  const read = (path: string) => {
    const text = contents.get(path);
    if (text === undefined) throw new Error(`${path}: not in the snapshot`);
    return text;
  };
  return {
    inputs: paths.map((path) => new SnapshotInput(path, snapshot.files.get(path), read)),
    prefetch: (misses) => {
      contents = snapshot.read(misses.map((input) => input.path));
    },
  };
}

/** One object per file of the project, without a closure of its own: a scan holds thousands. */
class SnapshotInput implements SourceInput {
  constructor(
    readonly path: string,
    readonly blob: string | undefined,
    private readonly readText: (path: string) => string,
  ) {}

  read(): string {
    return this.readText(this.path);
  }
}
