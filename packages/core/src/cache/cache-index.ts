import { createHash } from 'node:crypto';
import type { SummaryLinks } from '../summary/lazy-summary.js';
import { textOfBytes } from '../text/text-of-bytes.js';

/**
 * The index line at the head of the cache file: a set of columns, row i describing `paths[i]`. Ten
 * thousand objects of a few fields each would cost a scan several times more to parse and collect.
 * Links are numbers into the sorted `modules` table (most files share their module paths with many
 * others), kept both ways so that a scoped scan finds a file's importers without reading any other
 * row's links.
 */
export interface CacheIndex {
  key: string;
  /** Date.now() when the file was written: stamps from just before it cannot be trusted. */
  writtenAt: number;
  bodyBytes: number;
  paths: string[];
  hashes: string[];
  /** Row i's [mtimeMs, size] at 2i and 2i + 1; null and null for in-memory content. */
  stamps: Array<number | null>;
  /** Row i's summary is the body's bytes from offsets[i] to offsets[i + 1]. */
  offsets: number[];
  /** Every module path a file links to (SummaryLinks), sorted. */
  modules: string[];
  /** Row i links to modules[links[j]] for j from linksAt[i] to linksAt[i + 1]. */
  linksAt: number[];
  links: number[];
  /** modules[m] is linked to by rows importers[j] for j from importersAt[m] to importersAt[m + 1]. */
  importersAt: number[];
  importers: number[];
  /** The rows whose links are global. */
  global: number[];
}

/** The index of a cache with no file yet. */
export const EMPTY_INDEX: Readonly<CacheIndex> = { key: '', writtenAt: 0, bodyBytes: 0, paths: [], hashes: [], stamps: [], offsets: [0], modules: [], linksAt: [0], links: [], importersAt: [0], importers: [], global: [] };

/** What the index keeps of one file. */
export interface IndexedFile {
  hash: string;
  stamp?: [number, number] | undefined;
  links: SummaryLinks;
  /** Bytes of the summary's JSON in the body. */
  bytes: number;
}

/**
 * The index line for `files`, in the order their summaries follow it. It starts with the SHA-1 of
 * the JSON after it: the columns point into each other, so a damaged line is refused as a whole
 * instead of being half used.
 */
export function writeIndexLine(key: string, writtenAt: number, files: ReadonlyMap<string, IndexedFile>): Buffer {
  const modules = [...new Set([...files.values()].flatMap((file) => file.links.modules))].sort();
  const moduleIds = new Map(modules.map((modulePath, id) => [modulePath, id]));
  const index: CacheIndex = { key, writtenAt, bodyBytes: 0, paths: [], hashes: [], stamps: [], offsets: [0], modules, linksAt: [0], links: [], importersAt: [], importers: [], global: [] };
  const importersOf = modules.map((): number[] => []);
  for (const [path, file] of files) {
    const row = index.paths.push(path) - 1;
    index.hashes.push(file.hash);
    index.stamps.push(...(file.stamp ?? [null, null]));
    index.bodyBytes += file.bytes;
    index.offsets.push(index.bodyBytes);
    for (const modulePath of file.links.modules) {
      const id = moduleIds.get(modulePath) ?? 0;
      index.links.push(id);
      importersOf[id]?.push(row);
    }
    index.linksAt.push(index.links.length);
    if (file.links.global) index.global.push(row);
  }
  index.importersAt.push(0);
  for (const rows of importersOf) index.importersAt.push(index.importers.push(...rows));
  const json = Buffer.from(JSON.stringify(index));
  return Buffer.concat([Buffer.from(`${checksumOf(json)} `), json]);
}

/** The index in `line` when it is whole and written under `key` for a body of `bodyBytes`. */
export function readIndexLine(line: Buffer, key: string, bodyBytes: number): CacheIndex | undefined {
  const space = line.indexOf(0x20);
  const json = line.subarray(space + 1);
  if (line.subarray(0, space).toString('latin1') !== checksumOf(json)) return undefined;
  const index = JSON.parse(textOfBytes(json)) as CacheIndex;
  return index.key === key && index.bodyBytes === bodyBytes ? index : undefined;
}

/** Of the bytes, not of the text: hashing a string of megabytes first encodes it again. */
function checksumOf(json: Buffer): string {
  return createHash('sha1').update(json).digest('hex');
}

/** Row `row`'s links. */
export function linksAtRow(index: CacheIndex, row: number): SummaryLinks {
  const modules: string[] = [];
  for (let at = index.linksAt[row] ?? 0; at < (index.linksAt[row + 1] ?? 0); at++) modules.push(index.modules[index.links[at] ?? 0] ?? '');
  return { modules, global: index.global.includes(row) };
}

/** The rows that link to `modulePath`, found by binary search in the sorted module table. */
export function rowsLinkingTo(index: CacheIndex, modulePath: string): number[] {
  const { modules } = index;
  let low = 0;
  let high = modules.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((modules[mid] ?? '') < modulePath) low = mid + 1;
    else high = mid;
  }
  if (modules[low] !== modulePath) return [];
  return index.importers.slice(index.importersAt[low], index.importersAt[low + 1]);
}
