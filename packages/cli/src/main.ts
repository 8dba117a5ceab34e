import { ShiftguardError } from '@shiftguard/core/scan';
import { parseCliArgs, USAGE } from './args.js';
import type { CliIo } from './cli-io.js';
import { runScanCommand } from './scan-command.js';
import { toolVersion } from './tool-version.js';
import { UsageError } from './usage-error.js';

export type { CliIo } from './cli-io.js';

/**
 * The command line without the process: parses `io.argv`, runs the command, and returns the exit
 * code (0 clean, 1 findings, 2 usage error, bad config or a file that could not be scanned).
 */
export async function main(io: CliIo): Promise<number> {
  try {
    const command = parseCliArgs(io.argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case 'version':
        io.stdout.write(`${toolVersion()}\n`);
        return 0;
      // Commands other than scan are imported when run: a pre-commit scan need not load them.
      case 'rules': {
        const { runRulesCommand } = await import('./rules-command.js');
        return runRulesCommand(command.format, io);
      }
      case 'scan':
        return await runScanCommand(command.options, io);
      case 'baseline': {
        const { runBaselineCommand } = await import('./baseline-command.js');
        return await runBaselineCommand(command.options, io);
      }
      case 'init': {
        const { runInit } = await import('./init.js');
        return await runInit([...command.args], { cwd: io.cwd, stdout: (s) => io.stdout.write(s), stderr: (s) => io.stderr.write(s) });
      }
    }
  } catch (error) {
    return reportToolError(error, io);
  }
}

/** Tool errors exit 2 with what went wrong; only unexpected ones print a stack, for a bug report. */
function reportToolError(error: unknown, io: CliIo): 2 {
  if (error instanceof UsageError) io.stderr.write(`shiftguard: ${error.message}\n\n${USAGE}`);
  else if (error instanceof ShiftguardError) io.stderr.write(`shiftguard: ${error.message}\n`);
  else if (isSystemError(error)) io.stderr.write(`shiftguard: ${error.message}\n`);
  else io.stderr.write(`shiftguard: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 2;
}

/** A file-system failure (EACCES, ENOSPC...) is the environment's, not a bug: its message says it all. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
