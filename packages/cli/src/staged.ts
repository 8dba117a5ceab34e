import { isSourcePath, textOfBytes, type ProjectSnapshot } from '@shiftguard/core/scan';
import { GitCommandError, listIndex, type IndexListing } from './index-listing.js';
import { gitFailure, runGit, splitNul } from './run-git.js';

/** The staged side of a commit: which source files it touches, and the project as the index holds it. */
export interface StagedSources {
  /** Staged (added, copied, modified, renamed) source files, relative to cwd, sorted. */
  paths: string[];
  /**
   * Every file in the index under cwd with its blob id. The commit is made of the index, so this is
   * the project the staged files are judged in: an unstaged edit or a deletion from the work tree
   * does not count, and neither do untracked files. An import of an untracked file would not
   * resolve for anyone who checks the commit out, and an untracked app that mounts a staged router
   * is no part of what is committed, so both are judged as the commit has them (without the file).
   * It also spares a scan the walk of the work tree that finding untracked files takes.
   */
  snapshot: ProjectSnapshot;
}

/**
 * Reads the git index under `cwd`, so an unstaged fix can never hide a staged problem. Paths are
 * relative to `cwd` (`--relative`), matching the scan root.
 */
export async function readStagedSources(cwd: string): Promise<StagedSources> {
  let listing: IndexListing;
  try {
    listing = await listIndex(cwd);
  } catch (error) {
    if (error instanceof GitCommandError) throw gitFailure(error.args, cwd, error.stderr, error.cause);
    throw error;
  }
  const staged = splitNul(listing.staged).filter(isSourcePath);
  const files = staged.length ? indexBlobs(listing.index) : new Map<string, string>();
  return { paths: staged.sort(), snapshot: { files, read: (paths) => readIndexed(cwd, files, paths) } };
}

/**
 * Path → blob id of the regular files at stage 0, from `git ls-files --stage`: the index already
 * knows every file's content id, so nothing in the work tree is stat'ed. Merge conflicts (stages
 * 1-3), symlinks and submodules are left out.
 */
function indexBlobs(index: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  const text = textOfBytes(index);
  // "<mode> <blob> <stage>\t<path>\0", read by position (mode: six digits; stage: one): splitting
  // ten thousand entries into fields would cost more than the rest of this listing.
  for (let at = 0; at < text.length; ) {
    const nul = text.indexOf('\0', at);
    const end = nul < 0 ? text.length : nul;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end && text.startsWith('100', at) && text[tab - 1] === '0') out.set(text.slice(tab + 1, end), text.slice(at + 7, tab - 2));
    at = end + 1;
  }
  return out;
}

/** The index content of `paths`, through their blob ids. */
function readIndexed(cwd: string, files: ReadonlyMap<string, string>, paths: readonly string[]): Map<string, string> {
  const texts = readBlobs(cwd, paths.flatMap((path) => files.get(path) ?? []));
  const out = new Map<string, string>();
  for (const path of paths) {
    const text = texts.get(files.get(path) ?? '');
    if (text !== undefined) out.set(path, text);
  }
  return out;
}

/** One `git cat-file --batch` for all blobs: a process per file would cost a commit its speed. */
function readBlobs(cwd: string, blobs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!blobs.length) return out;
  const raw = runGit(['cat-file', '--batch'], cwd, `${[...new Set(blobs)].join('\n')}\n`);
  let at = 0;
  while (at < raw.length) {
    const headerEnd = raw.indexOf(0x0a, at);
    if (headerEnd < 0) break;
    const [blob = '', type, size] = raw.subarray(at, headerEnd).toString('utf8').split(' ');
    if (type === undefined || size === undefined) {
      at = headerEnd + 1; // "<blob> missing": nothing follows
      continue;
    }
    const start = headerEnd + 1;
    const end = start + Number(size);
    out.set(blob, raw.subarray(start, end).toString('utf8'));
    at = end + 1; // the newline after the content
  }
  return out;
}
