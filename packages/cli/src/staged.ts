import { isSourcePath } from '@shiftguard/core';
import { runGit, splitNul } from './run-git.js';

/** The staged side of a commit: which source files it touches and their content in the index. */
export interface StagedSources {
  /** Staged (added, copied, modified, renamed) source files, relative to cwd, sorted. */
  paths: string[];
  /**
   * Index content to scan instead of the working tree: every staged file, plus tracked files
   * deleted from the working tree but not from the index (the commit still contains them).
   */
  contents: Map<string, string>;
}

/**
 * Reads the git index under `cwd`, so an unstaged fix can never hide a staged problem. Paths are
 * relative to `cwd` (`--relative`), matching the scan root.
 */
export function readStagedSources(cwd: string): StagedSources {
  const staged = splitNul(runGit(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '--relative', '-z'], cwd)).filter(isSourcePath);
  if (!staged.length) return { paths: [], contents: new Map() };
  const deleted = splitNul(runGit(['ls-files', '--deleted', '-z'], cwd)).filter(isSourcePath);
  const wanted = new Set([...staged, ...deleted]);
  const blobs = indexBlobs(cwd, wanted);
  const texts = readBlobs(cwd, [...blobs.values()]);
  const contents = new Map<string, string>();
  for (const [path, sha] of blobs) {
    const text = texts.get(sha);
    if (text !== undefined) contents.set(path, text);
  }
  return { paths: staged.sort(), contents };
}

/** Path → blob id of regular files at stage 0 (merge conflicts and submodules are left out). */
function indexBlobs(cwd: string, wanted: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of splitNul(runGit(['ls-files', '--stage', '-z'], cwd))) {
    // "<mode> <sha> <stage>\t<path>"
    const tab = entry.indexOf('\t');
    const path = entry.slice(tab + 1);
    if (!wanted.has(path)) continue; // most of the index, on a large project
    const [mode, sha, stage] = entry.slice(0, tab).split(' ');
    if (sha && stage === '0' && mode?.startsWith('100')) out.set(path, sha);
  }
  return out;
}

/** One `git cat-file --batch` for all blobs: a process per file would cost a commit its speed. */
function readBlobs(cwd: string, shas: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!shas.length) return out;
  const raw = runGit(['cat-file', '--batch'], cwd, `${shas.join('\n')}\n`);
  let at = 0;
  while (at < raw.length) {
    const headerEnd = raw.indexOf(0x0a, at);
    if (headerEnd < 0) break;
    const [sha = '', type, size] = raw.subarray(at, headerEnd).toString('utf8').split(' ');
    if (type === undefined || size === undefined) {
      at = headerEnd + 1; // "<sha> missing": nothing follows
      continue;
    }
    const start = headerEnd + 1;
    const end = start + Number(size);
    out.set(sha, raw.subarray(start, end).toString('utf8'));
    at = end + 1; // the newline after the content
  }
  return out;
}
