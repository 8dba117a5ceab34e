import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import type { FileSummary } from '../summary/file-summary.js';

/**
 * Bump when any extractor's output changes shape or meaning: cached summaries from another engine
 * version are never reused.
 */
export const ENGINE_VERSION = '0.1.0-1';

/** Per-file summaries keyed by path and content hash. A disabled cache is a no-op object. */
export interface SummaryCache {
  get(path: string, hash: string): FileSummary | undefined;
  set(summary: FileSummary): void;
  /** Writes the cache if it changed; drops entries of files not seen in this scan. */
  save(): void;
}

export const noCache: SummaryCache = { get: () => undefined, set: () => {}, save: () => {} };

interface CacheFile {
  key: string;
  entries: Record<string, FileSummary>;
}

export function cacheKeyOf(config: ResolvedConfig): string {
  return createHash('sha256').update(ENGINE_VERSION).update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/** A JSON file cache. A corrupt or foreign cache file is ignored and rewritten, never an error. */
export function createFileCache(file: string, config: ResolvedConfig): SummaryCache {
  const key = cacheKeyOf(config);
  let previous: Record<string, FileSummary> = {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.key === key && parsed.entries && typeof parsed.entries === 'object') previous = parsed.entries;
  } catch {
    // no cache yet, or unreadable: start empty
  }
  const current: Record<string, FileSummary> = {};
  let dirty = false;
  return {
    get(path, hash) {
      const hit = previous[path];
      if (hit && hit.hash === hash) {
        current[path] = hit;
        return hit;
      }
      return undefined;
    },
    set(summary) {
      current[summary.path] = summary;
      dirty = true;
    },
    save() {
      if (!dirty && Object.keys(current).length === Object.keys(previous).length) return;
      mkdirSync(dirname(file), { recursive: true });
      const tmp = join(dirname(file), `.cache-${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify({ key, entries: current } satisfies CacheFile));
      renameSync(tmp, file); // atomic: a concurrent scan never reads half a file
    },
  };
}
