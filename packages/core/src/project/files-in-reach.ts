import type { SummaryLinks } from '../summary/lazy-summary.js';
import { modulePathsNaming } from './resolve-module.js';
import { closure } from './closure.js';

/** Maps a module path (modulePathOf) to a project file, as ProjectModel resolves specifiers. */
type Resolve = (modulePath: string) => string | undefined;

/** The project's files and their links (SummaryLinks), both ways. */
export interface LinkGraph {
  has(file: string): boolean;
  /** The module paths `file` links to. */
  modulesOf(file: string): readonly string[];
  /** The files that link to `modulePath`. */
  filesLinkingTo(modulePath: string): readonly string[];
  /** The files whose facts apply to files that never import them. */
  globals(): readonly string[];
  /** The files under a folder (`src/routes/`): what a link to a folder reaches (@fastify/autoload). */
  filesUnder(folder: string): readonly string[];
}

/**
 * The files a scan must read to judge the files in `scope` exactly as a whole-project scan would:
 * what imports them, transitively (the apps that mount their routers, with those apps' middleware),
 * files with project-wide facts, and everything those import, transitively (guards, loggers,
 * stores, helper functions). Findings outside `scope` are not wanted, so nothing else matters.
 */
export function filesInReach(graph: LinkGraph, scope: ReadonlySet<string>, resolve: Resolve): Set<string> {
  // A file's importers link to one of the few module paths that can name it, or to a folder above it
  // (a module path ending in '/'): only those are resolved.
  const importersOf = (file: string) => [
    ...modulePathsNaming(file).flatMap((m) => (resolve(m) === file ? graph.filesLinkingTo(m) : [])),
    ...foldersAbove(file).flatMap((folder) => graph.filesLinkingTo(folder)),
  ];
  const roots = closure([...scope].filter((file) => graph.has(file)), importersOf);
  for (const file of graph.globals()) roots.add(file);
  return closure(roots, (file) => graph.modulesOf(file).flatMap((m) => (m.endsWith('/') ? graph.filesUnder(m) : (resolve(m) ?? []))));
}

/** `src/routes/admin/index.ts` → `src/routes/admin/`, `src/routes/`, `src/`. */
function foldersAbove(file: string): string[] {
  const out: string[] = [];
  for (let at = file.lastIndexOf('/'); at > 0; at = file.lastIndexOf('/', at - 1)) out.push(file.slice(0, at + 1));
  return out;
}

/** The graph of links held in memory, indexed both ways. */
export function linkGraphOf(links: ReadonlyMap<string, SummaryLinks>): LinkGraph {
  const linking = new Map<string, string[]>();
  for (const [file, { modules }] of links) {
    for (const modulePath of modules) {
      const files = linking.get(modulePath);
      if (files) files.push(file);
      else linking.set(modulePath, [file]);
    }
  }
  return {
    has: (file) => links.has(file),
    modulesOf: (file) => links.get(file)?.modules ?? [],
    filesLinkingTo: (modulePath) => linking.get(modulePath) ?? [],
    globals: () => [...links].flatMap(([file, { global }]) => (global ? [file] : [])),
    filesUnder: (folder) => [...links.keys()].filter((file) => file.startsWith(folder)),
  };
}
