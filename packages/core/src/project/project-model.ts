import { posix } from 'node:path';
import type { FileSummary } from '../summary/file-summary.js';
import { noAliases, type PathAliases } from './path-aliases.js';
import { resolveModule, resolveModulePath } from './resolve-module.js';

/** Where a name used in a file really comes from, after following imports and re-exports. */
export type BindingOrigin =
  | { kind: 'local'; file: string; name: string }
  | { kind: 'package'; specifier: string; imported: string }
  | { kind: 'unresolved'; file: string; specifier: string; imported: string };

/**
 * The cross-file view rules query: every file's summary, module resolution, and a memo so that
 * graphs built from the summaries (route graph, value-flow index) are built once per scan, whichever
 * rule asks first.
 */
export class ProjectModel {
  readonly #memo = new Map<string, unknown>();
  // Rules ask the same questions for every call site (hundreds of thousands on a large project):
  // resolution depends only on the importing directory and the specifier, and an origin only on the
  // file and the name, so each is computed once per scan.
  readonly #resolved = new Map<string, string | undefined>();
  readonly #origins = new Map<string, BindingOrigin>();

  /**
   * @param files the summaries rules read
   * @param known every file of the project, also those whose summaries a scoped scan left unread:
   *   an import resolves to the same file whichever summaries were loaded
   * @param aliases the project's tsconfig path aliases
   */
  constructor(
    readonly files: ReadonlyMap<string, FileSummary>,
    private readonly known: { has(path: string): boolean } = files,
    private readonly aliases: PathAliases = noAliases,
  ) {}

  /** Whether `specifier` names a project module (relative, or a path alias), resolvable or not. */
  isProjectSpecifier(fromFile: string, specifier: string): boolean {
    return this.aliases.isProject(fromFile, specifier);
  }

  resolveModule(fromFile: string, specifier: string): string | undefined {
    if (!this.aliases.isProject(fromFile, specifier)) return undefined; // packages never resolve to project files
    // A folder shares its tsconfig, so the key holds for every file in it, aliases included.
    const key = `${posix.dirname(fromFile)}\0${specifier}`;
    if (this.#resolved.has(key)) return this.#resolved.get(key);
    const has = (p: string) => this.known.has(p);
    const target = specifier.startsWith('.') ? resolveModule(fromFile, specifier, has) : firstDefined(this.aliases.modulePaths(fromFile, specifier), (m) => resolveModulePath(m, has));
    this.#resolved.set(key, target);
    return target;
  }

  /** Builds `key` once per project and returns the same value to every later caller. */
  memo<T>(key: string, build: (project: ProjectModel) => T): T {
    if (this.#memo.has(key)) return this.#memo.get(key) as T;
    const value = build(this);
    this.#memo.set(key, value);
    return value;
  }

  /**
   * Follows an identifier used in `file` through imports and re-exports to its definition. The
   * result is shared between callers: treat it as read-only.
   */
  originOf(file: string, localName: string): BindingOrigin {
    const key = `${file}\0${localName}`;
    let origin = this.#origins.get(key);
    if (!origin) {
      origin = this.#computeOrigin(file, localName);
      this.#origins.set(key, origin);
    }
    return origin;
  }

  #computeOrigin(file: string, localName: string): BindingOrigin {
    const summary = this.files.get(file);
    const imp = summary?.module.imports.find((i) => i.local === localName);
    if (!imp) return { kind: 'local', file, name: localName };
    return this.originOfExport(file, imp.specifier, imp.imported, new Set());
  }

  /**
   * The name a module's own value has in it, for a whole-module import or `require` (`*`): the local
   * its default export or `module.exports` names (`module.exports = JsonDB`); undefined without one.
   */
  valueNameOf(moduleFile: string): string | undefined {
    return this.files.get(moduleFile)?.module.exports.find((e) => e.exported === 'default')?.local;
  }

  /**
   * What `ns.name` denotes for a namespace import (or whole-module `require`) of `moduleFile`: the
   * module's export of that name, followed through its re-exports (`export * from './auth'`,
   * `export { requireAdmin } from './guards'`). A name the module does not list among its exports
   * (a CommonJS member) is taken as written in the module.
   */
  originOfMember(moduleFile: string, name: string): BindingOrigin {
    const module = this.files.get(moduleFile)?.module;
    const exp = module?.exports.find((e) => e.exported === name);
    const local: BindingOrigin = { kind: 'local', file: moduleFile, name };
    if (!module || (exp === undefined && module.exportStars.length === 0)) return local;
    const seen = new Set([`${moduleFile}#${name}`]);
    if (exp?.from !== undefined) return this.originOfExport(moduleFile, exp.from, exp.imported ?? name, seen);
    if (exp?.local !== undefined) {
      const reImport = module.imports.find((i) => i.local === exp.local);
      return reImport ? this.originOfExport(moduleFile, reImport.specifier, reImport.imported, seen) : { kind: 'local', file: moduleFile, name: exp.local };
    }
    for (const star of module.exportStars) {
      const origin = this.originOfExport(moduleFile, star, name, seen);
      if (origin.kind !== 'unresolved') return origin;
    }
    return local;
  }

  /** Resolves `imported` exported by module `specifier` as seen from `fromFile`. */
  originOfExport(fromFile: string, specifier: string, imported: string, seen: Set<string>): BindingOrigin {
    const target = this.resolveModule(fromFile, specifier);
    if (target === undefined) {
      return this.aliases.isProject(fromFile, specifier)
        ? { kind: 'unresolved', file: fromFile, specifier, imported }
        : { kind: 'package', specifier, imported };
    }
    const visitKey = `${target}#${imported}`;
    if (seen.has(visitKey)) return { kind: 'unresolved', file: fromFile, specifier, imported };
    seen.add(visitKey);
    if (imported === '*') return { kind: 'local', file: target, name: '*' };
    const module = this.files.get(target)?.module;
    if (!module) return { kind: 'unresolved', file: fromFile, specifier, imported };
    const exp = module.exports.find((e) => e.exported === imported);
    if (exp?.from !== undefined) return this.originOfExport(target, exp.from, exp.imported ?? imported, seen);
    if (exp?.local !== undefined) {
      const reImport = module.imports.find((i) => i.local === exp.local);
      if (reImport) return this.originOfExport(target, reImport.specifier, reImport.imported, seen);
      return { kind: 'local', file: target, name: exp.local };
    }
    for (const star of module.exportStars) {
      const origin = this.originOfExport(target, star, imported, seen);
      if (origin.kind !== 'unresolved') return origin;
    }
    return { kind: 'unresolved', file: fromFile, specifier, imported };
  }
}

function firstDefined<T, R>(items: readonly T[], map: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const result = map(item);
    if (result !== undefined) return result;
  }
  return undefined;
}
