import { main } from '../../src/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd: string;
  isTTY?: { stdout: boolean; stderr: boolean };
  env?: Record<string, string | undefined>;
}

/** Runs the command line in-process with captured output, as a terminal would but without one. */
export async function runCli(argv: readonly string[], options: RunCliOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: options.isTTY ?? { stdout: false, stderr: false },
  });
  return { code, stdout, stderr };
}
