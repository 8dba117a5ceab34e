import { posix } from 'node:path';
import { resolveExports, resolveImports, type PathConditions, type PathConditionsMap } from 'resolve-pkg-maps';
import type { PathAliases } from './path-aliases.js';

/** The fields of a project's package.json that decide what its specifiers name. */
export interface PackageManifest {
  /** The package.json, relative to the scan root ('package.json' at the root). */
  path: string;
  name?: string;
  exports?: PathConditions;
  imports?: PathConditionsMap;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  source?: string;
}

/**
 * Conditions tried in the package's own order: `source` and `development` point monorepo packages
 * at their TypeScript, `types` at declarations next to the build (mapped back to sources below).
 */
const CONDITIONS = ['source', 'development', 'types', 'import', 'require', 'node', 'default'];
/** Build output folders whose files have their sources under `src/` (`dist/auth.js` → `src/auth`). */
const OUTPUT_DIR = /^(?:dist|build|lib|out|esm|cjs)\//;

/**
 * Specifiers that name project files through package.json: the names of the workspace packages of
 * a monorepo (`@acme/auth`, `@acme/auth/guards`), found through their `exports` or entry fields, and
 * Node's subpath imports (`#lib/logger`) of the nearest package.json. A package built to `dist/` is
 * read from the sources it was built from.
 */
export function packageAliases(manifests: readonly PackageManifest[]): PathAliases | undefined {
  const byName = new Map(manifests.flatMap((m) => (m.name ? [[m.name, m] as const] : [])));
  const byDir = new Map(manifests.map((m) => [posix.dirname(m.path), m]));
  if (byName.size === 0 && !manifests.some((m) => m.imports)) return undefined;
  const nearest = (file: string): PackageManifest | undefined => {
    for (let dir = posix.dirname(file); ; dir = posix.dirname(dir)) {
      const found = byDir.get(dir);
      if (found || dir === '.') return found;
    }
  };
  // Every import of every file asks: the package name is cut out without splitting the specifier.
  const workspaceOf = (specifier: string) => {
    const slash = specifier.indexOf('/', specifier.startsWith('@') ? specifier.indexOf('/') + 1 : 0);
    const name = slash < 0 ? specifier : specifier.slice(0, slash);
    const manifest = byName.get(name);
    // resolve-pkg-maps names subpaths without './': '' is the package itself.
    return manifest && { manifest, subpath: specifier.slice(name.length + 1) };
  };
  const modulePaths = (fromFile: string, specifier: string): string[] => {
    if (specifier.startsWith('#')) {
      const manifest = nearest(fromFile);
      return manifest?.imports ? targetsIn(manifest, mapped(() => resolveImports(manifest.imports as PathConditionsMap, specifier, CONDITIONS))) : [];
    }
    const workspace = workspaceOf(specifier);
    return workspace ? targetsIn(workspace.manifest, entriesOf(workspace.manifest, workspace.subpath)) : [];
  };
  return {
    isProject: (fromFile, specifier) => specifier.startsWith('.') || modulePaths(fromFile, specifier).length > 0,
    modulePaths,
    fingerprint: JSON.stringify(manifests.filter((m) => m.name !== undefined || m.imports !== undefined)),
  };
}

/** What `subpath` ('' or 'x/y') of a package names, relative to its folder. */
function entriesOf(manifest: PackageManifest, subpath: string): string[] {
  if (manifest.exports !== undefined) return mapped(() => resolveExports(manifest.exports as PathConditions, subpath, CONDITIONS));
  if (subpath !== '') return [`./${subpath}`];
  const fields = [manifest.source, manifest.types, manifest.typings, manifest.module, manifest.main].filter((f): f is string => typeof f === 'string');
  return [...fields, './src/index', './index'];
}

/** resolve-pkg-maps throws for a specifier its map does not cover: that names nothing. */
function mapped(resolve: () => string[]): string[] {
  try {
    return resolve();
  } catch {
    return [];
  }
}

/** Module paths under the package folder, each built file followed by its source twin. */
function targetsIn(manifest: PackageManifest, targets: readonly string[]): string[] {
  const dir = posix.dirname(manifest.path);
  const out = new Set<string>();
  for (const target of targets) {
    const path = posix.normalize(posix.join(dir, target.replace(/\.d\.([mc]?)ts$/, '.$1js')));
    if (path.startsWith('..')) continue;
    out.add(path);
    const inPackage = dir === '.' ? path : path.slice(dir.length + 1);
    if (OUTPUT_DIR.test(inPackage)) out.add(posix.join(dir, inPackage.replace(OUTPUT_DIR, 'src/')));
  }
  return [...out];
}
