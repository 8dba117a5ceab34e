import { isNewFinding, type ScanResult } from '@shiftguard/core/scan';
import type { FailOn } from './args.js';

/**
 * 2 when a file could not be scanned (the report is incomplete, whatever it found), else 1 when a
 * finding at or above `failOn` is not accepted by the baseline, else 0.
 */
export function exitCodeOf(result: ScanResult, failOn: FailOn): 0 | 1 | 2 {
  if (result.errors.length) return 2;
  if (failOn === 'none') return 0;
  const failing = result.findings.some((f) => isNewFinding(f) && (failOn === 'warning' || f.severity === 'error'));
  return failing ? 1 : 0;
}
