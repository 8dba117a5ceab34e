import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { createPathsMatcher, parseTsconfig, type TsConfigJson } from 'get-tsconfig';
import { packageAliases, type PackageManifest } from './package-aliases.js';

/**
 * Non-relative specifiers that name project files: through a tsconfig's (or jsconfig's)
 * `compilerOptions.paths` and `baseUrl` (`@/middleware/auth`, `~/lib/logger`, and Nest's default
 * `src/auth/jwt.guard`: its tsconfig sets `baseUrl: "./"`), and through package.json (workspace
 * packages, `#subpath` imports: package-aliases.ts). Without them, a guard, router or logging
 * wrapper imported that way would look like a package to every rule.
 */
export interface PathAliases {
  /**
   * Whether `specifier`, written in `fromFile` (root-relative), names a project module: a relative
   * specifier, one that matches a `paths` pattern of the file's tsconfig, or one whose first segment
   * is a file or folder right under its `baseUrl` (so `hono` stays a package when `src/hono` does
   * not exist).
   */
  isProject(fromFile: string, specifier: string): boolean;
  /**
   * The root-relative module paths (before extensions and index files, like modulePathOf) a
   * non-relative project specifier may name, in the order TypeScript tries them; empty for
   * packages and relative specifiers.
   */
  modulePaths(fromFile: string, specifier: string): readonly string[];
  /** Differs whenever what any specifier resolves to may differ: part of the summary cache key. */
  readonly fingerprint: string;
}

/** A project without path aliases: only relative specifiers name project files. */
export const noAliases: PathAliases = {
  isProject: (_fromFile, specifier) => isRelative(specifier),
  modulePaths: () => [],
  fingerprint: '',
};

/** A config file with its `extends` applied; `path` is absolute (or under a virtual root). */
export interface AliasConfig {
  path: string;
  config: TsConfigJson;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/**
 * The aliases of a project on disk: each file follows the nearest tsconfig.json (else jsconfig.json)
 * in its folder or above, as `tsc` does, with `extends` applied (get-tsconfig). `listedConfigs`,
 * the config files inside the root when the caller has a complete listing (the git index for
 * `--staged`), spares a file-system check per folder.
 */
export function loadPathAliases(root: string, files: readonly string[], listedConfigs?: ReadonlySet<string>): PathAliases {
  const exists = listedConfigs ? (path: string) => listedConfigs.has(path) : (path: string) => existsSync(join(root, path));
  const nearest = new Map<string, string | undefined>();
  // Root-relative folders ('' is the root); above the root, only the file system can tell.
  const configFileOf = (dir: string): string | undefined => {
    if (nearest.has(dir)) return nearest.get(dir);
    const here = CONFIG_NAMES.map((name) => (dir === '' ? name : `${dir}/${name}`)).find(exists);
    const found = here !== undefined ? join(root, here) : dir === '' ? configAbove(root) : configFileOf(dir.includes('/') ? posix.dirname(dir) : '');
    nearest.set(dir, found);
    return found;
  };
  const parsed = new Map<string, AliasConfig | undefined>();
  const cache = new Map();
  const fromTsconfig = createPathAliases(root, files, (dir) => {
    const file = configFileOf(dir);
    if (file === undefined) return undefined;
    if (!parsed.has(file)) parsed.set(file, readConfig(file, cache));
    return parsed.get(file);
  });
  const manifestPaths = [...foldersOf(files)].map((dir) => (dir === '' ? 'package.json' : `${dir}/package.json`)).filter(exists);
  const manifests = manifestPaths.flatMap((path) => manifestOf(path, () => readFileSync(join(root, path), 'utf8')));
  return withPackages(fromTsconfig, manifests);
}

/** Every folder holding a file, and the folders above it up to the root (''). */
function foldersOf(files: readonly string[]): Set<string> {
  const folders = new Set<string>(['']);
  for (const file of files) {
    for (let dir = posix.dirname(file); dir !== '.' && !folders.has(dir); dir = posix.dirname(dir)) folders.add(dir);
  }
  return folders;
}

/** A package.json's resolution fields; a file that is not JSON names nothing. */
function manifestOf(path: string, read: () => string): PackageManifest[] {
  try {
    const json: unknown = JSON.parse(read());
    if (json === null || typeof json !== 'object') return [];
    const { name, exports, imports, main, module, types, typings, source } = json as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const manifest: PackageManifest = { path, name: text(name), main: text(main), module: text(module), types: text(types), typings: text(typings), source: text(source) };
    if (exports !== undefined && exports !== null) manifest.exports = exports as PackageManifest['exports'];
    if (imports !== null && typeof imports === 'object') manifest.imports = imports as PackageManifest['imports'];
    return [manifest];
  } catch {
    return [];
  }
}

/** The tsconfig's aliases first, then package.json's, in the order TypeScript looks. */
function withPackages(fromTsconfig: PathAliases, manifests: readonly PackageManifest[]): PathAliases {
  const fromPackages = packageAliases(manifests);
  if (!fromPackages) return fromTsconfig;
  return {
    isProject: (fromFile, specifier) => fromTsconfig.isProject(fromFile, specifier) || fromPackages.isProject(fromFile, specifier),
    modulePaths: (fromFile, specifier) => [...fromTsconfig.modulePaths(fromFile, specifier), ...fromPackages.modulePaths(fromFile, specifier)],
    fingerprint: JSON.stringify([fromTsconfig.fingerprint, fromPackages.fingerprint]),
  };
}

/** A tsconfig.json, jsconfig.json or package.json (loadPathAliases's `listedConfigs`). */
export function isProjectConfigPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === 'package.json' || CONFIG_NAMES.includes(name);
}

function configAbove(root: string): string | undefined {
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    const found = CONFIG_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
    if (found !== undefined || dirname(dir) === dir) return found;
  }
}

function readConfig(file: string, cache: Map<string, unknown>): AliasConfig | undefined {
  try {
    return { path: file, config: parseTsconfig(file, cache as Map<string, never>) };
  } catch {
    // A broken tsconfig stops `tsc`, not a security scan: its files resolve as if it had no aliases.
    return undefined;
  }
}

/**
 * Builds the aliases from the config that applies to each folder of the project (`configOf` takes a
 * root-relative folder, '' for the root). Paths in results are relative to `root`.
 */
export function createPathAliases(root: string, files: readonly string[], configOf: (dir: string) => AliasConfig | undefined): PathAliases {
  const byDir = new Map<string, ConfigAliases | undefined>();
  const made = new Map<string, ConfigAliases | undefined>();
  let names: Map<string, Set<string>> | undefined;
  const topNames = () => (names ??= topLevelNames(files));
  const aliasesOf = (dir: string): ConfigAliases | undefined => {
    if (byDir.has(dir)) return byDir.get(dir);
    const config = configOf(dir);
    let aliases: ConfigAliases | undefined;
    if (config) {
      if (!made.has(config.path)) made.set(config.path, configAliases(root, config, topNames));
      aliases = made.get(config.path);
    }
    byDir.set(dir, aliases);
    return aliases;
  };
  for (const dir of new Set(files.map((f) => posix.dirname(f)))) aliasesOf(dir === '.' ? '' : dir);
  const prints = [...made.values()].flatMap((a) => (a ? [a.fingerprint] : [])).sort();
  const forFile = (file: string) => {
    const dir = posix.dirname(file);
    return aliasesOf(dir === '.' ? '' : dir);
  };
  return {
    isProject: (fromFile, specifier) => isRelative(specifier) || (forFile(fromFile)?.matches(specifier) ?? false),
    modulePaths: (fromFile, specifier) => {
      const aliases = isRelative(specifier) ? undefined : forFile(fromFile);
      return aliases?.matches(specifier) ? aliases.candidates(specifier) : [];
    },
    fingerprint: prints.length === 0 ? '' : JSON.stringify(prints),
  };
}

interface ConfigAliases {
  matches(specifier: string): boolean;
  candidates(specifier: string): string[];
  fingerprint: string;
}

function configAliases(root: string, { path, config }: AliasConfig, topNames: () => ReadonlyMap<string, ReadonlySet<string>>): ConfigAliases | undefined {
  const { baseUrl, paths } = config.compilerOptions ?? {};
  if (baseUrl === undefined && paths === undefined) return undefined;
  const matcher = matcherOf({ path, config });
  if (!matcher) return undefined;
  const toRoot = (file: string) => relative(root, file).split(sep).join('/');
  // A catch-all `"*"` pattern maps every package too: only names under baseUrl count, as for baseUrl.
  const patterns = Object.keys(paths ?? {}).filter((p) => p !== '*').map(patternTest);
  const base = baseUrl === undefined ? undefined : toRoot(join(dirname(path), baseUrl));
  const namesUnderBase = base === undefined ? undefined : (topNames().get(base === '' ? '.' : base) ?? new Set<string>());
  const underBase = (specifier: string) => namesUnderBase?.has(specifier.split('/')[0] ?? '') ?? false;
  const catchAll = paths?.['*'] !== undefined;
  return {
    matches: (specifier) => patterns.some((test) => test(specifier)) || ((base !== undefined || catchAll) && underBase(specifier)),
    candidates: (specifier) => matcher(specifier).map(toRoot).filter((p) => !p.startsWith('..')),
    fingerprint: JSON.stringify([toRoot(path), baseUrl ?? null, paths ?? null, namesUnderBase ? [...namesUnderBase].sort() : null]),
  };
}

/** `tsc` rejects some configs (a non-relative substitution without baseUrl): they map nothing. */
function matcherOf(config: AliasConfig): ((specifier: string) => string[]) | undefined {
  try {
    return createPathsMatcher(config) ?? undefined;
  } catch {
    return undefined;
  }
}

/** TypeScript's `paths` patterns: an exact name, or a prefix and suffix around one `*`. */
function patternTest(pattern: string): (specifier: string) => boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return (specifier) => specifier === pattern;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return (specifier) => specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
}

/**
 * For every folder, the names of the files (without extension) and folders right under it: a bare
 * specifier resolves against baseUrl only when its first segment is one of them.
 */
function topLevelNames(files: readonly string[]): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = i === 0 ? '.' : parts.slice(0, i).join('/');
      const part = parts[i] ?? '';
      const name = i === parts.length - 1 ? part.replace(/\.[^.]+$/, '') : part;
      let set = names.get(dir);
      if (!set) names.set(dir, (set = new Set()));
      set.add(name);
    }
  }
  return names;
}

/**
 * The aliases of files held in memory (`scanFiles`): tsconfig.json, jsconfig.json and package.json
 * files are given by root-relative path and text, and `extends` is not followed (nothing outside
 * the given files can be read).
 */
export function memoryPathAliases(files: readonly string[], configs: ReadonlyArray<{ path: string; text: string }>, parseJson: (path: string, text: string) => unknown): PathAliases {
  if (configs.length === 0) return noAliases;
  const root = '/';
  const isManifest = (path: string) => path === 'package.json' || path.endsWith('/package.json');
  const manifests = configs.filter((c) => isManifest(c.path)).flatMap((c) => manifestOf(c.path, () => c.text));
  const tsconfigs = configs.filter((c) => !isManifest(c.path));
  // Each config is parsed once, whatever number of folders it applies to.
  const byDir = new Map(tsconfigs.map((c): [string, AliasConfig] => [posix.dirname(c.path) === '.' ? '' : posix.dirname(c.path), { path: posix.join(root, c.path), config: (parseJson(c.path, c.text) ?? {}) as TsConfigJson }]));
  const configOf = (dir: string): AliasConfig | undefined => {
    for (let d = dir; ; d = d.includes('/') ? posix.dirname(d) : '') {
      const found = byDir.get(d);
      if (found || d === '') return found;
    }
  };
  return withPackages(createPathAliases(root, files, configOf), manifests);
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('.');
}
