import { compareFindings, type ScanResult } from '../findings/finding.js';
import type { Reporter } from './reporter.js';

/**
 * `--format json`: exactly `{ version, findings, errors, suppressed, stats: { files, durationMs } }`,
 * built key by key so an engine-internal field can never leak into the versioned output.
 */
const json: Reporter = (result) => {
  const output: ScanResult = {
    version: 1,
    findings: [...result.findings].sort(compareFindings),
    errors: result.errors,
    suppressed: [...result.suppressed].sort(compareFindings),
    stats: { files: result.stats.files, durationMs: result.stats.durationMs },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};

export default json;
