import { noAliases, type PathAliases } from '../project/path-aliases.js';
import { modulePathOf } from '../project/resolve-module.js';
import type { FileSummary } from './file-summary.js';

/**
 * What decides which files a scan scoped to a few files (`--staged`) must read, known without
 * parsing a file's summary: the cache keeps it next to each summary.
 */
export interface SummaryLinks {
  /**
   * The module paths (modulePathOf) of every relative specifier the summary mentions, wherever it
   * sits (imports, mounts, `require`): resolved against the project's files when a scan needs them.
   */
  modules: string[];
  /**
   * Facts that apply to files that never import this one: Fastify decorations, Nest global guards,
   * a framework logger's `redact` options (a logging plugin the route modules never import).
   */
  global: boolean;
}

/** A file's summary, parsed from the cache only when a rule needs it. */
export interface LazySummary {
  readonly path: string;
  links(): SummaryLinks;
  load(): FileSummary;
}

/** A summary already in memory. */
export function loadedSummary(summary: FileSummary, aliases: PathAliases = noAliases): LazySummary {
  let links: SummaryLinks | undefined;
  return { path: summary.path, links: () => (links ??= linksOf(summary, aliases)), load: () => summary };
}

const RELATIVE_SPECIFIER = /^\.\.?(?:\/|$)/;

/**
 * Collects specifiers from the whole summary rather than from the fields known today: a fact added
 * later that names another module is followed without anyone remembering this function. A string
 * that only looks like a specifier (a relative file path) costs at most one more file to load.
 * Path-alias specifiers (`@/lib/auth`) are links too: the cache key includes the aliases.
 */
export function linksOf(summary: FileSummary, aliases: PathAliases = noAliases): SummaryLinks {
  const withAliases = aliases.fingerprint !== '';
  const specifiers = specifiersIn(summary, (value) => RELATIVE_SPECIFIER.test(value) || (withAliases && aliases.isProject(summary.path, value)));
  const modules = new Set<string>();
  for (const specifier of specifiers) {
    if (RELATIVE_SPECIFIER.test(specifier)) modules.add(modulePathOf(summary.path, specifier));
    else for (const modulePath of aliases.modulePaths(summary.path, specifier)) modules.add(modulePath);
  }
  const global = Object.keys(summary.routes.decorations).length > 0 || summary.routes.registrations.some((r) => r.kind === 'globalGuard') || summary.flow.frameworkRedact !== undefined || summary.routes.openStrategies !== undefined;
  return { modules: [...modules], global };
}

function specifiersIn(summary: FileSummary, isSpecifier: (value: string) => boolean): Set<string> {
  const out = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isSpecifier(value)) out.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        collect(key);
        collect(item);
      }
    }
  };
  collect(summary.module);
  collect(summary.routes);
  collect(summary.flow);
  return out;
}
