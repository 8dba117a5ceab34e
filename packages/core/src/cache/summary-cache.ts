import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import type { FileSummary } from '../summary/file-summary.js';

/**
 * Bump when any extractor's output changes shape or meaning: cached summaries from another engine
 * version are never reused.
 */
export const ENGINE_VERSION = '0.1.0-6';

/** The layout of the cache file itself (not of summaries): bump when CacheFile changes. */
const CACHE_FORMAT = 3;

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
  /** Records what changed (appended to a journal, or the whole file rewritten); drops entries of files not seen in this scan. */
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
  /** Date.now() when the file was written: stamps from just before it cannot be trusted (RACY_WINDOW_MS). */
  writtenAt: number;
  entries: Record<string, CacheEntry>;
}

/**
 * One line of the journal next to the cache file: the entries one scan changed. A pre-commit scan
 * changes a handful of summaries out of thousands; appending them costs milliseconds where
 * rewriting the whole cache costs hundreds. `base` is the `writtenAt` of the cache file the line
 * applies to, so a journal left over from an older base is ignored.
 */
interface JournalLine {
  key: string;
  base: number;
  writtenAt: number;
  set: Record<string, CacheEntry>;
  delete: string[];
}

/** The journal is folded into the cache file once it grows past this share of the file's size. */
const COMPACT_RATIO = 0.25;

/**
 * File systems with one- or two-second timestamps can give a file edited right around the last
 * save the same mtime before and after the edit. Like git's "racily clean" entries, such stamps are
 * never trusted: the file is read and hashed instead.
 */
const RACY_WINDOW_MS = 2_000;

export function cacheKeyOf(config: ResolvedConfig): string {
  return createHash('sha256').update(`${ENGINE_VERSION}\0${CACHE_FORMAT}\0`).update(JSON.stringify(config)).digest('hex').slice(0, 16);
}

/**
 * A JSON file cache plus an append-only journal of later changes. A corrupt or foreign cache file,
 * or a torn journal line, is ignored (and rewritten), never an error.
 */
export function createFileCache(file: string, config: ResolvedConfig): SummaryCache {
  const key = cacheKeyOf(config);
  const journal = `${file}.journal`;
  const loaded = readCache(file, journal, key);
  const previous = loaded.entries;
  const current: Record<string, CacheEntry> = {};
  const changed = new Set<string>();
  const keep = (path: string, entry: CacheEntry, isChange = false) => {
    current[path] = entry;
    if (isChange) changed.add(path);
    return entry.summary;
  };
  return {
    getByStamp(path, stamp) {
      const hit = previous[path];
      if (!hit?.stamp || !sameStamp(hit.stamp, stamp) || stamp.mtimeMs + RACY_WINDOW_MS >= loaded.writtenAt) return undefined;
      return keep(path, hit);
    },
    get(path, hash, stamp) {
      const hit = previous[path];
      if (!hit || hit.summary.hash !== hash) return undefined;
      // In-memory content (the index) says nothing about the file on disk: keep the entry as it is.
      if (!stamp || (hit.stamp && sameStamp(hit.stamp, stamp))) return keep(path, hit);
      // Same content under a new stamp (touched, checked out again): record it so the next scan
      // skips reading this file.
      return keep(path, { summary: hit.summary, stamp: [stamp.mtimeMs, stamp.size] }, true);
    },
    set(summary, stamp) {
      keep(summary.path, { summary, ...(stamp && { stamp: [stamp.mtimeMs, stamp.size] }) }, true);
    },
    save() {
      const removed = Object.keys(previous).filter((path) => !(path in current));
      if (changed.size === 0 && removed.length === 0) return;
      mkdirSync(dirname(file), { recursive: true });
      const now = Date.now();
      if (loaded.baseWrittenAt !== undefined) {
        const line: JournalLine = { key, base: loaded.baseWrittenAt, writtenAt: now, set: pick(current, changed), delete: removed };
        const text = `${JSON.stringify(line)}\n`;
        if (loaded.journalBytes + text.length <= loaded.baseBytes * COMPACT_RATIO) {
          appendFileSync(journal, text);
          return;
        }
      }
      const tmp = join(dirname(file), `.cache-${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify({ key, writtenAt: now, entries: current } satisfies CacheFile));
      renameSync(tmp, file); // atomic: a concurrent scan never reads half a file
      rmSync(journal, { force: true });
    },
  };
}

interface LoadedCache {
  entries: Record<string, CacheEntry>;
  /** The newest write of the file or the journal: the racy window is measured from it. */
  writtenAt: number;
  /** The cache file's own writtenAt, when it was read; undefined when there is no usable file. */
  baseWrittenAt?: number;
  baseBytes: number;
  journalBytes: number;
}

function readCache(file: string, journal: string, key: string): LoadedCache {
  let text: string;
  let parsed: Partial<CacheFile>;
  try {
    text = readFileSync(file, 'utf8');
    parsed = JSON.parse(text) as Partial<CacheFile>;
  } catch {
    return { entries: {}, writtenAt: 0, baseBytes: 0, journalBytes: 0 }; // no cache yet, or unreadable
  }
  if (parsed.key !== key || typeof parsed.writtenAt !== 'number' || !parsed.entries || typeof parsed.entries !== 'object') {
    return { entries: {}, writtenAt: 0, baseBytes: 0, journalBytes: 0 };
  }
  const loaded: LoadedCache = { entries: parsed.entries, writtenAt: parsed.writtenAt, baseWrittenAt: parsed.writtenAt, baseBytes: text.length, journalBytes: 0 };
  applyJournal(journal, key, loaded);
  return loaded;
}

function applyJournal(journal: string, key: string, loaded: LoadedCache): void {
  let text: string;
  try {
    text = readFileSync(journal, 'utf8');
  } catch {
    return; // no journal
  }
  loaded.journalBytes = text.length;
  for (const raw of text.split('\n')) {
    if (raw === '') continue;
    let line: JournalLine;
    try {
      line = JSON.parse(raw) as JournalLine;
    } catch {
      continue; // a torn line from an interrupted append: its entries are simply not cached
    }
    if (line.key !== key || line.base !== loaded.baseWrittenAt) continue;
    Object.assign(loaded.entries, line.set);
    for (const path of line.delete) delete loaded.entries[path];
    loaded.writtenAt = Math.max(loaded.writtenAt, line.writtenAt);
  }
}

function pick(entries: Record<string, CacheEntry>, paths: ReadonlySet<string>): Record<string, CacheEntry> {
  const out: Record<string, CacheEntry> = {};
  for (const path of paths) {
    const entry = entries[path];
    if (entry) out[path] = entry;
  }
  return out;
}

function sameStamp(cached: readonly [number, number], stamp: FileStamp): boolean {
  return cached[0] === stamp.mtimeMs && cached[1] === stamp.size;
}
