import { isSourcePath, ShiftguardError } from '@shiftguard/core/scan';
import { runGit, splitNul } from './run-git.js';
import { UsageError } from './usage-error.js';

/**
 * Source files that differ from the merge base of REF and HEAD (committed or not), plus untracked
 * ones: what a branch changes. Comparing with the merge base, as `git diff REF...` does, keeps
 * commits that landed on REF after the branch point out of the list. Paths are relative to `cwd`.
 */
export function listChangedSince(cwd: string, ref: string): string[] {
  if (ref.startsWith('-')) throw new UsageError(`invalid --changed-since "${ref}": not a git ref`);
  const commit = resolveCommit(cwd, ref);
  const base = mergeBase(cwd, commit) ?? commit;
  const changed = splitNul(runGit(['diff', '--name-only', '--diff-filter=ACMR', '--relative', '-z', base, '--'], cwd));
  const untracked = splitNul(runGit(['ls-files', '--others', '--exclude-standard', '-z'], cwd));
  return [...new Set([...changed, ...untracked])].filter(isSourcePath).sort();
}

function resolveCommit(cwd: string, ref: string): string {
  try {
    return runGit(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).toString('utf8').trim();
  } catch (error) {
    throw new ShiftguardError(`--changed-since: "${ref}" is not a commit in ${cwd}. Either: fetch it (git fetch origin ${ref}) or name a branch, tag or commit that exists.`, { cause: error });
  }
}

/** Undefined for unrelated histories: then the ref itself is the base. */
function mergeBase(cwd: string, commit: string): string | undefined {
  try {
    return runGit(['merge-base', commit, 'HEAD'], cwd).toString('utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}
