import { execFileSync } from 'node:child_process';
import { UsageError } from './usage-error.js';

/**
 * Runs git in `cwd` and returns its raw stdout (bytes: blob contents and `-z` lists must not be
 * decoded early). A failure becomes a UsageError that quotes git, because it is always the
 * user's setup (not a repository, unknown ref) rather than a shiftguard bug.
 */
export function runGit(args: readonly string[], cwd: string, input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new UsageError(`git ${args[0]} failed in ${cwd}: ${stderr || (error as Error).message}`);
  }
}

/** Splits `-z` output into paths. */
export function splitNul(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter(Boolean);
}
