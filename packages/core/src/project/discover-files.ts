import { execFileSync } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type FastGlob from 'fast-glob';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { FileStamp } from '../cache/summary-cache.js';
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
}

let sourceMatcher: ((path: string) => boolean) | undefined;

/** Whether a relative path has an extension the scanner reads (`--staged`, `--changed-since` lists). */
export function isSourcePath(path: string): boolean {
  sourceMatcher ??= picomatch(SOURCE_GLOB, { dot: true });
  return sourceMatcher(path);
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/** A file to scan and, when it is a regular file on disk, its stamp for the summary cache. */
export interface DiscoveredFile {
  path: string;
  stamp?: FileStamp;
}

/**
 * Lists the source files to scan, relative to `root`, sorted. Inside a git work tree the list comes
 * from git (tracked plus untracked-but-not-ignored), so every `.gitignore` is respected the way git
 * reads it; elsewhere from the file system. Only regular files are listed: symlinks are never
 * followed (no loops, no duplicates), tracked files deleted from the work tree are left out. A path
 * argument that names a file is scanned even when it matches the test-code ignores, as ESLint does.
 */
export function discoverFiles(options: DiscoverOptions): string[] {
  return discoverSourceFiles(options).map((f) => f.path);
}

/**
 * discoverFiles plus each file's size and modification time, from the one lstat that already
 * checks it is a regular file: a warm cache can then skip reading unchanged files.
 */
export function discoverSourceFiles(options: DiscoverOptions): DiscoveredFile[] {
  const root = resolve(options.root);
  const { candidates, explicit } = selectPaths(root, options, (ignore) => gitFiles(root) ?? fsFiles(root, ignore), new Set());
  const out: DiscoveredFile[] = [];
  for (const path of new Set([...candidates, ...explicit])) {
    // An explicit file argument may be a symlink (stat follows it); a listed one must be a regular
    // file: git lists symlinks (dangling ones, loops) and tracked files deleted from the work tree.
    const stat = explicit.has(path) ? statSync(join(root, path)) : lstatSync(join(root, path), { throwIfNoEntry: false });
    if (stat?.isFile()) out.push({ path, stamp: { mtimeMs: stat.mtimeMs, size: stat.size } });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The source files to scan out of `universe`, a complete list of the project's files that the
 * caller already has (the git index for `--staged`): the work tree is not consulted, except to
 * tell a file argument from a directory that the list does not name. Sorted.
 */
export function selectSourceFiles(options: DiscoverOptions, universe: readonly string[]): string[] {
  const listed = new Set(options.paths?.length ? universe : []);
  const { candidates, explicit } = selectPaths(resolve(options.root), options, () => universe, listed);
  // A file argument that exists only in the work tree (untracked) has no content in the list.
  for (const path of explicit) if (listed.has(path)) candidates.add(path);
  return [...candidates].sort();
}

/**
 * Path arguments against the listed files: files named outright, and sources under directories.
 * `knownFiles` are taken as file arguments without asking the file system.
 */
function selectPaths(root: string, options: DiscoverOptions, list: (ignore: readonly string[]) => readonly string[], knownFiles: ReadonlySet<string>) {
  const ignore = [...DEFAULT_IGNORES, ...(options.ignore ?? [])];
  const isIgnored = ignoreMatcher(options.ignore ?? []);
  const isSource = anyGlob([SOURCE_GLOB]);
  const universe = list(ignore);
  const candidates = new Set<string>();
  const explicit = new Set<string>();
  for (const arg of options.paths?.length ? options.paths : ['.']) {
    const abs = resolve(root, arg);
    const rel = toPosix(relative(root, abs));
    if (knownFiles.has(rel) || statOrThrow(abs, arg).isFile()) {
      explicit.add(rel);
      continue;
    }
    const prefix = rel === '' ? '' : `${rel}/`;
    const isOutside = rel.startsWith('..');
    const files = isOutside ? fsFiles(abs, ignore).map((f) => `${prefix}${f}`) : prefix ? universe.filter((f) => f.startsWith(prefix)) : universe;
    // fast-glob already applied the source glob and the ignores inside an outside directory; the
    // matchers cannot be asked again, because `**` never matches the `../` of the prefixed path.
    for (const f of files) if (isOutside || (isSource(f) && !isIgnored(f))) candidates.add(f);
  }
  return { candidates, explicit };
}

/**
 * What a path can only match a default ignore with: one of their directory names as a whole
 * segment, or their suffixes. picomatch's expression for the defaults costs a large project several
 * milliseconds; nearly every path fails this one first and is never tried against it.
 */
const DEFAULT_IGNORE_HINT = /(?:^|\/)(?:node_modules|dist|build|coverage|\.git|__tests__|tests?)(?:\/|$)|\.d\.[mc]?ts\/?$|\.(?:test|spec)\./;

function ignoreMatcher(extra: readonly string[]): (path: string) => boolean {
  const isDefault = anyGlob(DEFAULT_IGNORES);
  const isExtra = extra.length ? anyGlob(extra) : () => false;
  return (path) => (DEFAULT_IGNORE_HINT.test(path) && isDefault(path)) || isExtra(path);
}

/**
 * One regular expression for several globs: picomatch's matcher for a list tries each glob with
 * its own bookkeeping, a cost a large project pays twice per file. Like picomatch, a glob also
 * matches itself literally (`src/file(1).ts`).
 */
function anyGlob(globs: readonly string[]): (path: string) => boolean {
  const literal = new Set(globs);
  const union = new RegExp(globs.map((g) => `(?:${picomatch.makeRe(g, { dot: true }).source})`).join('|'));
  return (path) => literal.has(path) || union.test(path);
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
  // Loaded only here: inside a git work tree (the usual case) git lists the files.
  const fg = createRequire(import.meta.url)('fast-glob') as typeof FastGlob;
  return fg.sync(SOURCE_GLOB, { cwd: dir, ignore: [...ignore], dot: true, followSymbolicLinks: false, suppressErrors: true });
}
