import type { SummaryLinks } from '../summary/lazy-summary.js';

type Resolve = (fromFile: string, specifier: string) => string | undefined;

/**
 * The files a scan must read to judge the files in `scope` exactly as a whole-project scan would:
 * what imports them, transitively (the apps that mount their routers, with those apps' middleware),
 * files with project-wide facts, and everything those import, transitively (guards, loggers,
 * stores, helper functions). Findings outside `scope` are not wanted, so nothing else matters.
 *
 * `resolve` maps a file's specifier to a project file, as ProjectModel does.
 */
export function filesInReach(links: ReadonlyMap<string, SummaryLinks>, scope: ReadonlySet<string>, resolve: Resolve): Set<string> {
  const importersOf = importerIndex(links, resolve);
  const starts = [...scope].filter((file) => links.has(file));
  const roots = closure(starts, importersOf);
  for (const [file, { global }] of links) if (global) roots.add(file);
  return closure(roots, (file) => (links.get(file)?.specifiers ?? []).flatMap((s) => resolve(file, s) ?? []));
}

/** `starts` and everything reachable from them along `next`. */
function closure(starts: Iterable<string>, next: (file: string) => readonly string[]): Set<string> {
  const seen = new Set(starts);
  const queue = [...seen];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const other of next(file)) {
      if (seen.has(other)) continue;
      seen.add(other);
      queue.push(other);
    }
  }
  return seen;
}

const SOURCE_EXTENSION = /\.(?:[mc]?[jt]sx?)$/;
/** Last segments that name a directory, whatever file the specifier resolves to there. */
const DIRECTORY_SEGMENTS = ['.', '..', ''];

/**
 * Who imports a file. Resolving every specifier of a large project costs more than the rest of a
 * scoped scan, so specifiers are indexed by their last segment, and only those whose last segment
 * can name the file are resolved: `x`, `x.js` or `x.ts` for `x.ts`; its directory's name (or `.`,
 * `..`) for an index file.
 */
function importerIndex(links: ReadonlyMap<string, SummaryLinks>, resolve: Resolve): (target: string) => string[] {
  const bySegment = new Map<string, Array<{ file: string; specifier: string }>>();
  const add = (key: string, entry: { file: string; specifier: string }) => {
    const list = bySegment.get(key);
    if (list) list.push(entry);
    else bySegment.set(key, [entry]);
  };
  for (const [file, { specifiers }] of links) {
    for (const specifier of specifiers) {
      const last = specifier.slice(specifier.lastIndexOf('/') + 1);
      const stem = last.replace(SOURCE_EXTENSION, '');
      const entry = { file, specifier };
      add(last, entry);
      if (stem !== last) add(stem, entry);
    }
  }
  return (target) => {
    const segments = target.split('/');
    const stem = (segments.at(-1) ?? '').replace(SOURCE_EXTENSION, '');
    const keys = stem === 'index' ? [stem, segments.at(-2) ?? '', ...DIRECTORY_SEGMENTS] : [stem, ...DIRECTORY_SEGMENTS];
    const importers: string[] = [];
    for (const key of new Set(keys)) {
      for (const { file, specifier } of bySegment.get(key) ?? []) if (resolve(file, specifier) === target) importers.push(file);
    }
    return importers;
  };
}
