import { createHash } from 'node:crypto';

/**
 * A stable fingerprint: rule, file and a rule-chosen `key` that names the thing found (for a route,
 * its method and resolved path; for a log call, the sink and the secret expression), plus the
 * occurrence number of that key in the file. Line numbers are left out on purpose, so inserting
 * unrelated lines above a finding keeps its fingerprint.
 */
export function fingerprintOf(ruleId: string, file: string, key: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${key}\0${occurrence}`).digest('hex').slice(0, 32);
}
