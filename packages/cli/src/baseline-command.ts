import { resolve } from 'node:path';
import { createBaseline } from '@shiftguard/core/scan';
import type { ScanOptions } from './args.js';
import type { CliIo } from './cli-io.js';
import { runScan } from './run-scan.js';
import { writeOutputFile } from './write-output-file.js';

/**
 * `shiftguard baseline`: records today's findings so that only new ones fail. Files that could not
 * be scanned are listed and exit 2: a baseline of a partial scan would hide their findings later.
 */
export async function runBaselineCommand(options: ScanOptions & { output: string }, io: CliIo): Promise<number> {
  const { result } = await runScan(options, io);
  const baseline = createBaseline(result);
  writeOutputFile(resolve(io.cwd, options.output), `${JSON.stringify(baseline, null, 2)}\n`);
  io.stderr.write(`shiftguard: wrote ${baseline.fingerprints.length} findings to the baseline ${options.output}\n`);
  for (const error of result.errors) io.stderr.write(`shiftguard: ${error.kind} error: ${error.message}\n`);
  return result.errors.length ? 2 : 0;
}
