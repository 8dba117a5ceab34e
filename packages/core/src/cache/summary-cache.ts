import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import type { FileSummary } from '../summary/file-summary.js';

/**
 * Bump when any extractor's output changes shape or meaning: cached summaries from another engine
 * version are never reused.
 */
export const ENGINE_VERSION = '0.1.0-3';

/** The layout of the cache file itself (not of summaries): bump when CacheFile changes. */
const CACHE_FORMAT = 2;

/**
 * What the file system says about a file without reading it. Same path, size and modification
 * time as when its summary was cached means the same content, as git's index assumes.
 */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** Per-file summaries keyed by path and content hash (or stamp). A disabled cache is a no-op object. */
export interface SummaryCache {
  /** The summary of an unchanged file on disk, found without reading it. */
  getByStamp(path: string, stamp: FileStamp): FileSummary | undefined;
  get(path: string, hash: string, stamp?: FileStamp): FileSummary | undefined;
  set(summary: FileSummary, stamp?: FileStamp): void;
  /** Writes the cache if it changed; drops entries of files not seen in this scan. */
  save(): void;
}

export const noCache: SummaryCache = { getByStamp: () => undefined, get: () => undefined, set: () => {}, save: () => {} };

interface CacheEntry {
  summary: FileSummary;
  /** [mtimeMs, size] when the file was read from disk; absent for in-memory content (the index). */
  stamp?: [number, number];
}

interface CacheFile {
  key: string;
  /** Date.now() when the file was written: stamps at or after it cannot be trusted (see isRacy). */
  writtenAt: number;
  entries: Record<string, CacheEntry>;
}

/**
 * File systems with one- or two-second timestamps can give a file edited right around the last
 * save the same mtime before and after the edit. Like git's "racily clean" entries, such stamps are
 * never trusted: the file is read and hashed instead.
 */
const RACY_WINDOW_MS = 2_000;

export function cacheKeyOf(config: ResolvedConfig): string {
  return createHash('sha256').update(`${ENGINE_VERSION}\0${CACHE_FORMAT}\0`).update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/** A JSON file cache. A corrupt or foreign cache file is ignored and rewritten, never an error. */
export function createFileCache(file: string, config: ResolvedConfig): SummaryCache {
  const key = cacheKeyOf(config);
  const { entries: previous, writtenAt } = readCacheFile(file, key);
  const current: Record<string, CacheEntry> = {};
  let dirty = false;
  const keep = (path: string, entry: CacheEntry) => {
    current[path] = entry;
    return entry.summary;
  };
  return {
    getByStamp(path, stamp) {
      const hit = previous[path];
      if (!hit?.stamp || !sameStamp(hit.stamp, stamp) || stamp.mtimeMs + RACY_WINDOW_MS >= writtenAt) return undefined;
      return keep(path, hit);
    },
    get(path, hash, stamp) {
      const hit = previous[path];
      if (!hit || hit.summary.hash !== hash) return undefined;
      // In-memory content (the index) says nothing about the file on disk: keep the entry as it is.
      if (!stamp || (hit.stamp && sameStamp(hit.stamp, stamp))) return keep(path, hit);
      // Same content under a new stamp (touched, checked out again): record it so the next scan
      // skips reading this file.
      dirty = true;
      return keep(path, { summary: hit.summary, stamp: [stamp.mtimeMs, stamp.size] });
    },
    set(summary, stamp) {
      current[summary.path] = { summary, ...(stamp && { stamp: [stamp.mtimeMs, stamp.size] }) };
      dirty = true;
    },
    save() {
      if (!dirty && Object.keys(current).length === Object.keys(previous).length) return;
      mkdirSync(dirname(file), { recursive: true });
      const tmp = join(dirname(file), `.cache-${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify({ key, writtenAt: Date.now(), entries: current } satisfies CacheFile));
      renameSync(tmp, file); // atomic: a concurrent scan never reads half a file
    },
  };
}

function readCacheFile(file: string, key: string): Pick<CacheFile, 'entries' | 'writtenAt'> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.key === key && typeof parsed.writtenAt === 'number' && parsed.entries && typeof parsed.entries === 'object') {
      return { entries: parsed.entries, writtenAt: parsed.writtenAt };
    }
  } catch {
    // no cache yet, or unreadable: start empty
  }
  return { entries: {}, writtenAt: 0 };
}

function sameStamp(cached: readonly [number, number], stamp: FileStamp): boolean {
  return cached[0] === stamp.mtimeMs && cached[1] === stamp.size;
}
