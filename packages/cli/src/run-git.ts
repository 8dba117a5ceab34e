import { execFileSync } from 'node:child_process';
import { ShiftguardError } from '@shiftguard/core/scan';

/**
 * Runs git in `cwd` and returns its raw stdout (bytes: blob contents and `-z` lists must not be
 * decoded early). A failure is a tool error (exit 2) that quotes git: it comes from the user's setup
 * (not a repository, an unknown ref), not from a shiftguard bug, so it gets no stack trace.
 */
export function runGit(args: readonly string[], cwd: string, input?: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    throw gitFailure(args, cwd, String((error as { stderr?: Buffer }).stderr ?? '').trim(), error);
  }
}

/** The tool error for a failed git command: it quotes git, or the reason git could not run. */
export function gitFailure(args: readonly string[], cwd: string, stderr: string, cause: unknown): ShiftguardError {
  return new ShiftguardError(`git ${args[0]} failed in ${cwd}: ${stderr || (cause as Error).message}`, { cause });
}

/** Splits `-z` output into paths. */
export function splitNul(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter(Boolean);
}
