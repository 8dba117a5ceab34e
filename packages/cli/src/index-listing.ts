import { execFile } from 'node:child_process';

/** What a staged scan starts from: git's raw `-z` output of both listings. */
export interface IndexListing {
  /** `git diff --cached --name-only`: the staged (added, copied, modified, renamed) files. */
  staged: Buffer;
  /** `git ls-files --stage`: every file in the index with its mode, blob id and stage. */
  index: Buffer;
}

/** A git command that failed, with what it printed: the caller words it for the user. */
export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    options: { cause: unknown },
  ) {
    super(`git ${args.join(' ')}: ${stderr}`, options);
  }
}

const STAGED_ARGS = ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '--relative', '-z'];
const INDEX_ARGS = ['ls-files', '--stage', '-z'];

/** Listings started ahead of a scan, each for the one scan that takes it. */
const started = new Map<string, Promise<IndexListing>>();

/**
 * Starts both git processes for `cwd` at once. Importing nothing of the engine, this module lets
 * bin.js start them before the engine's modules load: git runs alongside that (about 100 ms).
 */
export function startListingIndex(cwd: string): void {
  started.set(cwd, listingOf(cwd));
}

/** The listings started for `cwd`, or new ones: a scan never sees listings an earlier one took. */
export function listIndex(cwd: string): Promise<IndexListing> {
  const listing = started.get(cwd) ?? listingOf(cwd);
  started.delete(cwd);
  return listing;
}

function listingOf(cwd: string): Promise<IndexListing> {
  const staged = gitOutput(STAGED_ARGS, cwd);
  const index = gitOutput(INDEX_ARGS, cwd);
  // Outside a repository both fail: the error reported is always the diff's, whichever ends first.
  index.catch(() => {});
  const listing = staged.then(async (names) => ({ staged: names, index: await index }));
  // Possibly started early and awaited later: a failure is reported when the scan awaits it.
  listing.catch(() => {});
  return listing;
}

function gitOutput(args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      if (error) reject(new GitCommandError(args, stderr.toString('utf8').trim(), { cause: error }));
      else resolve(stdout);
    });
  });
}
