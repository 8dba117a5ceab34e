import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadReporter } from '@shiftguard/core/reporters';
import { applyBaseline, readBaselineFile, type ScanResult } from '@shiftguard/core/scan';
import type { ScanOptions } from './args.js';
import type { CliIo } from './cli-io.js';
import { exitCodeOf } from './exit-code.js';
import { createRuleDocs } from './rule-docs.js';
import { runScan } from './run-scan.js';
import { toolVersion } from './tool-version.js';

/** `shiftguard scan`: scan, apply the baseline, report, and say how the build should end. */
export async function runScanCommand(options: ScanOptions, io: CliIo): Promise<number> {
  // Read the baseline first: a broken baseline file fails in a second, not after the scan.
  const baseline = options.baseline === undefined ? undefined : readBaselineFile(resolve(io.cwd, options.baseline));
  const run = await runScan(options, io);
  const result = baseline ? applyBaseline(run.result, baseline) : run.result;
  const shown = options.quiet ? withoutWarnings(result) : result;
  const reporter = await loadReporter(options.format); // only the chosen format's module
  const report = reporter(shown, {
    readSource: run.readSource,
    ruleDocs: createRuleDocs(),
    color: isColorOn(options, io),
    rootUri: pathToFileURL(`${run.root}/`).href,
    toolVersion: toolVersion(),
  });
  if (options.output === undefined) {
    io.stdout.write(report);
  } else {
    const { writeOutputFile } = await import('./write-output-file.js'); // most scans print to stdout
    writeOutputFile(resolve(io.cwd, options.output), report);
    if (!options.quiet || result.errors.length) io.stderr.write(`shiftguard: wrote the ${options.format} report to ${options.output} (${describe(result)})\n`);
  }
  return exitCodeOf(result, options.failOn);
}

/** `--quiet`: errors only, as ESLint's `--quiet`. The exit code still comes from the full result. */
function withoutWarnings(result: ScanResult): ScanResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === 'error') };
}

/**
 * `--color`/`--no-color` win; then NO_COLOR and FORCE_COLOR (the conventions of no-color.org and
 * chalk); then colour only when the text report goes to a terminal.
 */
function isColorOn(options: ScanOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return options.output === undefined && io.isTTY.stdout;
}

function describe(result: ScanResult): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [count(result.findings.length, 'finding', 'findings')];
  if (result.errors.length) parts.push(`${count(result.errors.length, 'file', 'files')} could not be scanned`);
  return parts.join(', ');
}
