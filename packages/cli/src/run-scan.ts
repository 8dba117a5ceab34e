import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProjectConfig, scanProject, type ProjectSnapshot, type ScanResult } from '@shiftguard/core/scan';
import type { ScanOptions } from './args.js';
import { prepareCacheFile } from './cache-file.js';
import type { CliIo } from './cli-io.js';
import { createProgress } from './progress.js';
import { readStagedSources } from './staged.js';

export interface ScanRun {
  /** The scan root (the working directory): every finding path is relative to it. */
  root: string;
  result: ScanResult;
  /** The text that was scanned for a file (index content for `--staged`): code frames. */
  readSource: (file: string) => string | undefined;
}

/**
 * Runs one scan as the options ask: the whole project, or the whole project with findings kept
 * only for staged (index content) or changed files, so imports, mounts and middleware still
 * resolve across files.
 */
export async function runScan(options: ScanOptions, io: CliIo): Promise<ScanRun> {
  const root = resolve(io.cwd);
  const scope = await scopeOf(options, root);
  const readSource = scope.snapshot ? snapshotReader(scope.snapshot) : (file: string) => readOrUndefined(join(root, file));
  if (scope.reportOnly?.size === 0) {
    // Nothing staged or changed: validate the config (a broken one must still fail) and stop.
    loadProjectConfig(root, options.config);
    return { root, readSource, result: emptyResult() };
  }
  const progress = createProgress(io);
  const useCache = options.cache ?? options.staged;
  let result: ScanResult;
  try {
    result = scanProject({
      root,
      paths: options.paths,
      configFile: options.config,
      ruleIds: options.ruleIds,
      snapshot: scope.snapshot,
      reportOnly: scope.reportOnly,
      cacheFile: useCache ? prepareCacheFile(root) : false,
      onFile: progress.update,
    });
  } finally {
    progress.finish(); // before any other stderr line, which would otherwise land on the progress line
  }
  return { root, readSource, result: scope.reportOnly ? setAsideOutOfScopeErrors(result, scope.reportOnly, io) : result };
}

interface ScanScope {
  snapshot?: ProjectSnapshot;
  reportOnly?: ReadonlySet<string>;
}

async function scopeOf(options: ScanOptions, root: string): Promise<ScanScope> {
  if (options.staged) {
    const staged = await readStagedSources(root);
    return { snapshot: staged.snapshot, reportOnly: new Set(staged.paths) };
  }
  if (options.changedSince !== undefined) {
    const { listChangedSince } = await import('./changed-since.js'); // not loaded for --staged
    return { reportOnly: new Set(listChangedSince(root, options.changedSince)) };
  }
  return {};
}

/**
 * A staged or changed-files scan answers for those files only: an unparsable file elsewhere (a
 * scratch file, a half-edited one) must not block a commit. It is still never silent: stderr names
 * it, because its imports and routes could not be followed.
 */
function setAsideOutOfScopeErrors(result: ScanResult, scope: ReadonlySet<string>, io: CliIo): ScanResult {
  const outside = result.errors.filter((e) => e.file !== undefined && !scope.has(e.file));
  if (!outside.length) return result;
  for (const e of outside) io.stderr.write(`shiftguard: warning: ${e.message} (not in the scanned change; its imports and routes were not followed)\n`);
  return { ...result, errors: result.errors.filter((e) => !outside.includes(e)) };
}

function emptyResult(): ScanResult {
  return { version: 1, findings: [], errors: [], suppressed: [], stats: { files: 0, durationMs: 0 } };
}

/** Code frames show the scanned (index) text; a warm scan never read it, so it is read on demand. */
function snapshotReader(snapshot: ProjectSnapshot): (file: string) => string | undefined {
  return (file) => snapshot.read([file]).get(file);
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the reporter prints the finding without a code frame
  }
}
