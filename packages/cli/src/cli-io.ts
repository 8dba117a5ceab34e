/**
 * Everything the command line touches in the outside world besides the file system and git, so
 * `main` runs in tests exactly as in a terminal.
 */
export interface CliIo {
  /** Arguments after `shiftguard` (`process.argv.slice(2)`). */
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  isTTY: { stdout: boolean; stderr: boolean };
}
