import { execFileSync } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import picomatch from 'picomatch';
import { ShiftguardError } from '../errors.js';

export const SOURCE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

/** Left out by default: dependencies, build output, declarations and test code (scanner.md). */
export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/.git/**',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
  '**/*.{test,spec}.*',
  '**/__tests__/**',
  '**/test/**',
  '**/tests/**',
];

export interface DiscoverOptions {
  root: string;
  /** Files or directories, relative to `root` or absolute. Default: the root. */
  paths?: readonly string[];
  /** Extra globs from config `ignore`. */
  ignore?: readonly string[];
  /**
   * Files whose content the caller supplies (the git index for `--staged`): listed even when the
   * work tree has no regular file there, e.g. a tracked file deleted but still staged.
   */
  supplied?: ReadonlySet<string>;
}

let sourceMatcher: ((path: string) => boolean) | undefined;

/** Whether a relative path has an extension the scanner reads (`--staged`, `--changed-since` lists). */
export function isSourcePath(path: string): boolean {
  sourceMatcher ??= picomatch(SOURCE_GLOB, { dot: true });
  return sourceMatcher(path);
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/**
 * Lists the source files to scan, relative to `root`, sorted. Inside a git work tree the list comes
 * from git (tracked plus untracked-but-not-ignored), so every `.gitignore` is respected the way git
 * reads it; elsewhere from the file system. Only regular files are listed: symlinks are never
 * followed (no loops, no duplicates), tracked files deleted from the work tree are left out. A path argument
 * that names a file is scanned even when it matches the test-code ignores, as ESLint does.
 */
export function discoverFiles(options: DiscoverOptions): string[] {
  const root = resolve(options.root);
  const ignore = [...DEFAULT_IGNORES, ...(options.ignore ?? [])];
  const isIgnored = picomatch(ignore, { dot: true });
  const isSource = picomatch(SOURCE_GLOB, { dot: true });
  const tracked = gitFiles(root);
  const universe = tracked ?? fsFiles(root, ignore);
  const out = new Set<string>();
  for (const arg of options.paths?.length ? options.paths : ['.']) {
    const abs = resolve(root, arg);
    const rel = toPosix(relative(root, abs));
    const stat = statOrThrow(abs, arg);
    if (stat.isFile()) {
      out.add(rel);
      continue;
    }
    const prefix = rel === '' ? '' : `${rel}/`;
    const files = rel.startsWith('..') ? fsFiles(abs, ignore).map((f) => `${prefix}${f}`) : universe.filter((f) => f.startsWith(prefix));
    for (const f of files) {
      // git lists symlinks (also dangling ones and loops) and tracked files deleted from the work
      // tree; fast-glob already returns regular files only. Scanning the same set either way keeps
      // a symlink from duplicating findings or failing the scan.
      if (isSource(f) && !isIgnored(f) && (!tracked || options.supplied?.has(f) || isRegularFile(join(root, f)))) out.add(f);
    }
  }
  return [...out].sort();
}

function isRegularFile(abs: string): boolean {
  return lstatSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;
}

function statOrThrow(abs: string, arg: string) {
  try {
    return statSync(abs);
  } catch {
    throw new ShiftguardError(`path not found: ${arg}`);
  }
}

function gitFiles(root: string): string[] | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--deduplicate'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\0').filter((f) => f && !f.startsWith('../'));
  } catch {
    return undefined;
  }
}

function fsFiles(dir: string, ignore: readonly string[]): string[] {
  return fg.sync(SOURCE_GLOB, { cwd: dir, ignore: [...ignore], dot: true, followSymbolicLinks: false, suppressErrors: true });
}
