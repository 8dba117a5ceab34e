import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import { linkGraphOf, type LinkGraph } from '../project/files-in-reach.js';
import type { FileSummary } from '../summary/file-summary.js';
import { noAliases, type PathAliases } from '../project/path-aliases.js';
import { linksOf, type LazySummary, type SummaryLinks } from '../summary/lazy-summary.js';
import { textOfBytes } from '../text/text-of-bytes.js';
import { EMPTY_INDEX, linksAtRow, readIndexLine, rowsLinkingTo, writeIndexLine, type CacheIndex, type IndexedFile } from './cache-index.js';

/**
 * Bump when any extractor's output changes shape or meaning: cached summaries from another engine
 * version are never reused.
 */
export const ENGINE_VERSION = '0.1.0-51';

/**
 * The layout of the cache file itself and what its hashes mean (git blob ids since 5, an index of
 * columns with module paths since 6): bump when either changes.
 */
const CACHE_FORMAT = 6;

/**
 * What the file system says about a file without reading it. Same path, size and modification
 * time as when its summary was cached means the same content, as git's index assumes.
 */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/**
 * Per-file summaries keyed by path and content hash (or stamp). A disabled cache is a no-op object.
 * Hits are lazy: a summary is parsed only when the scan loads it.
 */
export interface SummaryCache {
  /** The summary of an unchanged file on disk, found without reading it. */
  getByStamp(path: string, stamp: FileStamp): LazySummary | undefined;
  get(path: string, hash: string, stamp?: FileStamp): LazySummary | undefined;
  set(summary: FileSummary, stamp?: FileStamp): void;
  /**
   * The links of every file this scan found or set so far, from the cache file's index where it
   * still holds: a scoped scan reads no other file's links. Undefined without a cache.
   */
  linkGraph(): LinkGraph | undefined;
  /**
   * Records what changed (appended to a journal, or the whole file rewritten); drops entries of
   * files not seen in this scan. The last call: summaries are loaded before it.
   */
  save(): void;
}

export const noCache: SummaryCache = { getByStamp: () => undefined, get: () => undefined, set: () => {}, linkGraph: () => undefined, save: () => {} };

/**
 * One cached file: a row of the index, whose summary stays JSON text in the cache file's body until
 * a scan loads it, or a summary in memory (new, or from the journal). Kept small: a scan holds one
 * per file of the project.
 */
type CacheEntry = {
  hash: string;
  /** [mtimeMs, size] when the file was read from disk; absent for in-memory content (the index). */
  stamp?: [number, number];
  /** Links worked out from a summary in memory. */
  links?: SummaryLinks;
} & ({ row: number; summary?: FileSummary } | { row?: undefined; summary: FileSummary });

// The cache file is one line, the index (cache-index.ts), then the summaries' JSON back to back. A
// scan parses the index of thousands of files in milliseconds and only the summaries it needs: a
// pre-commit scan needs the few packages the staged files belong to, not the whole project.

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
  set: Record<string, { summary: FileSummary; stamp?: [number, number] }>;
  delete: string[];
}

/** The first read of the cache file: enough for the index of a project of some twenty thousand files. */
const FIRST_READ_BYTES = 4 << 20;

/**
 * The journal is folded into the cache file once it outgrows a share of the file's size or a fixed
 * size, whichever comes first. Every scan parses the whole journal, summaries included: a quarter
 * of the bench corpus's 45 MB cache is 11 MB, ~150 ms of JSON.parse per pre-commit scan, where 1 MB
 * is ~11 ms and still folds only every twenty or so commits of ten files.
 */
const COMPACT_RATIO = 0.25;
const JOURNAL_MAX_BYTES = 1 << 20;

/** How large the journal of a cache file of `baseBytes` may grow before it is folded in. */
export function journalLimit(baseBytes: number): number {
  return Math.min(baseBytes * COMPACT_RATIO, JOURNAL_MAX_BYTES);
}

/**
 * File systems with one- or two-second timestamps can give a file edited right around the last
 * save the same mtime before and after the edit. Like git's "racily clean" entries, such stamps are
 * never trusted: the file is read and hashed instead.
 */
const RACY_WINDOW_MS = 2_000;

/** Summaries depend on the engine, the config and the project's path aliases (PathAliases.fingerprint). */
export function cacheKeyOf(config: ResolvedConfig, aliasesFingerprint = ''): string {
  return createHash('sha256').update(`${ENGINE_VERSION}\0${CACHE_FORMAT}\0`).update(JSON.stringify(config)).update(`\0${aliasesFingerprint}`).digest('hex').slice(0, 16);
}

/**
 * A file cache plus an append-only journal of later changes. A corrupt or foreign cache file,
 * or a torn journal line, is ignored (and rewritten), never an error.
 */
export function createFileCache(file: string, config: ResolvedConfig, aliases: PathAliases = noAliases): SummaryCache {
  const key = cacheKeyOf(config, aliases.fingerprint);
  const loaded = readCache(file, `${file}.journal`, key);
  const previous = loaded.entries;
  const current = new Map<string, CacheEntry>();
  const changed = new Set<string>();
  const keep = (path: string, entry: CacheEntry, isChange = false): LazySummary => {
    current.set(path, entry);
    if (isChange) changed.add(path);
    return new CachedSummary(path, entry, loaded, aliases);
  };
  return {
    getByStamp(path, stamp) {
      const hit = previous.get(path);
      if (!hit?.stamp || !sameStamp(hit.stamp, stamp) || stamp.mtimeMs + RACY_WINDOW_MS >= loaded.writtenAt) return undefined;
      return keep(path, hit);
    },
    get(path, hash, stamp) {
      const hit = previous.get(path);
      if (!hit || hit.hash !== hash) return undefined;
      // In-memory content (the index) says nothing about the file on disk: keep the entry as it is.
      if (!stamp || (hit.stamp && sameStamp(hit.stamp, stamp))) return keep(path, hit);
      // Same content under a new stamp (touched, checked out again): record it so the next scan
      // skips reading this file.
      return keep(path, { ...hit, stamp: [stamp.mtimeMs, stamp.size] }, true);
    },
    set(summary, stamp) {
      keep(summary.path, { hash: summary.hash, summary, ...(stamp && { stamp: [stamp.mtimeMs, stamp.size] }) }, true);
    },
    linkGraph: () => linkGraphOfEntries(loaded.index, current, aliases),
    save() {
      try {
        saveChanges({ file, key, loaded, current, changed, aliases });
      } finally {
        loaded.body.close();
      }
    },
  };
}

interface Changes {
  file: string;
  key: string;
  loaded: LoadedCache;
  /** Every entry this scan kept: files it did not see are dropped. */
  current: ReadonlyMap<string, CacheEntry>;
  changed: ReadonlySet<string>;
  aliases: PathAliases;
}

/** Appends what changed to the journal while it stays small; otherwise rewrites the cache file. */
function saveChanges({ file, key, loaded, current, changed, aliases }: Changes): void {
  // Unchanged entries are the loaded ones: as many of them as were loaded means none was dropped.
  if (changed.size === 0 && current.size === loaded.entries.size) return;
  const removed = [...loaded.entries.keys()].filter((path) => !current.has(path));
  mkdirSync(dirname(file), { recursive: true });
  const now = Date.now();
  const journal = `${file}.journal`;
  if (loaded.baseWrittenAt !== undefined) {
    const set: JournalLine['set'] = {};
    for (const path of changed) {
      const entry = current.get(path);
      if (entry) set[path] = { summary: summaryOf(loaded, entry), ...(entry.stamp && { stamp: entry.stamp }) };
    }
    const line: JournalLine = { key, base: loaded.baseWrittenAt, writtenAt: now, set, delete: removed };
    const text = `${JSON.stringify(line)}\n`;
    if (loaded.journalBytes + text.length <= journalLimit(loaded.baseBytes)) {
      appendFileSync(journal, text);
      return;
    }
  }
  const tmp = join(dirname(file), `.cache-${process.pid}.tmp`);
  writeFileSync(tmp, serializeCache(key, now, current, loaded, aliases));
  renameSync(tmp, file); // atomic: a concurrent scan never reads half a file
  rmSync(journal, { force: true });
}

/** Index line plus body; summaries never loaded in this scan are copied as bytes, not re-serialised. */
function serializeCache(key: string, writtenAt: number, entries: ReadonlyMap<string, CacheEntry>, { index, body }: LoadedCache, aliases: PathAliases): Buffer {
  const oldBody = body.read(0, body.size);
  const chunks: Buffer[] = [];
  const files = new Map<string, IndexedFile>();
  for (const [path, entry] of entries) {
    const chunk = entry.row === undefined ? Buffer.from(JSON.stringify(entry.summary)) : oldBody.subarray(index.offsets[entry.row] ?? 0, index.offsets[entry.row + 1] ?? 0);
    files.set(path, { hash: entry.hash, stamp: entry.stamp, links: linksOfEntry(index, entry, aliases), bytes: chunk.length });
    chunks.push(chunk);
  }
  return Buffer.concat([writeIndexLine(key, writtenAt, files), Buffer.from('\n'), ...chunks]);
}

/**
 * The links of the entries a scan kept: the index answers for the entries it still describes, and
 * the few others (new or changed content, the journal's) are indexed in memory.
 */
function linkGraphOfEntries(index: CacheIndex, current: ReadonlyMap<string, CacheEntry>, aliases: PathAliases): LinkGraph {
  const fresh = new Map<string, SummaryLinks>();
  current.forEach((entry, path) => {
    if (entry.row === undefined) fresh.set(path, linksOfEntry(index, entry, aliases));
  });
  const freshGraph = linkGraphOf(fresh);
  const stillIndexed = (rows: readonly number[]) =>
    rows.flatMap((row) => {
      const path = index.paths[row] ?? '';
      return current.get(path)?.row === row ? [path] : [];
    });
  return {
    has: (file) => current.has(file),
    modulesOf: (file) => {
      const entry = current.get(file);
      return entry ? linksOfEntry(index, entry, aliases).modules : [];
    },
    filesLinkingTo: (modulePath) => [...stillIndexed(rowsLinkingTo(index, modulePath)), ...freshGraph.filesLinkingTo(modulePath)],
    globals: () => [...stillIndexed(index.global), ...freshGraph.globals()],
    filesUnder: (folder) => [...current.keys()].filter((file) => file.startsWith(folder)),
  };
}

/** A cached file's summary, parsed from the body on the first load. */
class CachedSummary implements LazySummary {
  constructor(
    readonly path: string,
    private readonly entry: CacheEntry,
    private readonly loaded: LoadedCache,
    private readonly aliases: PathAliases,
  ) {}

  links(): SummaryLinks {
    return linksOfEntry(this.loaded.index, this.entry, this.aliases);
  }

  load(): FileSummary {
    return summaryOf(this.loaded, this.entry);
  }
}

/** Indexed links were written under the same cache key, hence with the same aliases. */
function linksOfEntry(index: CacheIndex, entry: CacheEntry, aliases: PathAliases): SummaryLinks {
  if (entry.row !== undefined) return linksAtRow(index, entry.row);
  return (entry.links ??= linksOf(entry.summary, aliases));
}

function summaryOf({ index, body }: LoadedCache, entry: CacheEntry): FileSummary {
  if (entry.row === undefined || entry.summary) return entry.summary as FileSummary;
  const text = textOfBytes(body.read(index.offsets[entry.row] ?? 0, index.offsets[entry.row + 1] ?? 0));
  return (entry.summary = JSON.parse(text) as FileSummary);
}

/**
 * The summaries of the cache file, read by byte range from the file as it was opened (a concurrent
 * scan may replace it meanwhile): a scan reads only those it loads.
 */
interface CacheBody {
  size: number;
  read(start: number, end: number): Buffer;
  close(): void;
}

const NO_BODY: CacheBody = { size: 0, read: () => Buffer.alloc(0), close: () => {} };

function bodyOf(fd: number, offset: number, size: number): CacheBody {
  return {
    size,
    read: (start, end) => readAt(fd, offset + start, end - start),
    close: () => closeSync(fd),
  };
}

function readAt(fd: number, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error('summary cache: the file ended early');
    done += n;
  }
  return out;
}

/**
 * The index line, read up to its newline into one buffer that grows as needed: the summaries
 * after it are not read, and a line of a few megabytes is neither copied nor joined from chunks.
 */
function readFirstLine(fd: number): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(FIRST_READ_BYTES);
  for (let filled = 0; ; ) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, filled);
    if (n === 0) return undefined;
    const newline = buffer.subarray(filled, filled + n).indexOf(0x0a);
    if (newline >= 0) return buffer.subarray(0, filled + newline);
    filled += n;
    if (filled === buffer.length) buffer = Buffer.concat([buffer], 2 * buffer.length);
  }
}

interface LoadedCache {
  entries: Map<string, CacheEntry>;
  /** The cache file's index; empty when there is no usable file. */
  index: CacheIndex;
  body: CacheBody;
  /** The newest write of the file or the journal: the racy window is measured from it. */
  writtenAt: number;
  /** The cache file's own writtenAt, when it was read; undefined when there is no usable file. */
  baseWrittenAt?: number;
  baseBytes: number;
  journalBytes: number;
}

const emptyCache = (): LoadedCache => ({ entries: new Map(), index: EMPTY_INDEX, body: NO_BODY, writtenAt: 0, baseBytes: 0, journalBytes: 0 });

function readCache(file: string, journal: string, key: string): LoadedCache {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return emptyCache(); // no cache yet
  }
  let index: CacheIndex | undefined;
  let indexBytes = 0;
  let fileBytes = 0;
  try {
    const line = readFirstLine(fd);
    if (!line) throw new Error('no index');
    indexBytes = line.length + 1;
    fileBytes = fstatSync(fd).size;
    index = readIndexLine(line, key, fileBytes - indexBytes);
  } catch {
    index = undefined; // unreadable, or another layout
  }
  if (!index) {
    closeSync(fd);
    return emptyCache();
  }
  const body = bodyOf(fd, indexBytes, index.bodyBytes);
  const loaded: LoadedCache = { entries: entriesOf(index), index, body, writtenAt: index.writtenAt, baseWrittenAt: index.writtenAt, baseBytes: fileBytes, journalBytes: 0 };
  applyJournal(journal, key, loaded);
  return loaded;
}

/** The entries an index describes: rows, whose links and summaries are read when asked for. */
function entriesOf(index: CacheIndex): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  index.paths.forEach((path, row) => {
    const [mtimeMs, size] = [index.stamps[2 * row], index.stamps[2 * row + 1]];
    entries.set(path, typeof mtimeMs === 'number' && typeof size === 'number' ? { hash: index.hashes[row] ?? '', row, stamp: [mtimeMs, size] } : { hash: index.hashes[row] ?? '', row });
  });
  return entries;
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
    for (const [path, { summary, stamp }] of Object.entries(line.set)) {
      loaded.entries.set(path, { hash: summary.hash, summary, ...(stamp && { stamp }) });
    }
    for (const path of line.delete) loaded.entries.delete(path);
    loaded.writtenAt = Math.max(loaded.writtenAt, line.writtenAt);
  }
}

function sameStamp(cached: readonly [number, number], stamp: FileStamp): boolean {
  return cached[0] === stamp.mtimeMs && cached[1] === stamp.size;
}
