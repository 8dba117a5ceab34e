import { readFileSync } from 'node:fs';
import { zod } from '../config/lazy-zod.js';
import { ConfigError } from '../errors.js';
import type { Finding, ScanResult } from './finding.js';

/** One accepted finding. `file` is informative (reviewers read it); matching uses rule + fingerprint. */
export interface BaselineEntry {
  ruleId: string;
  fingerprint: string;
  file: string;
}

/** The `shiftguard baseline` file: findings that exist today and must not fail a build. */
export interface Baseline {
  version: 1;
  fingerprints: BaselineEntry[];
}

function buildBaselineSchema() {
  const z = zod();
  return z
    .object({
      version: z.literal(1),
      fingerprints: z.array(z.object({ ruleId: z.string().min(1), fingerprint: z.string().min(1), file: z.string() }).strict()),
    })
    .strict();
}

let baselineSchema: ReturnType<typeof buildBaselineSchema> | undefined;

/** The current findings as a baseline, sorted so the file diffs cleanly between runs. */
export function createBaseline(result: Pick<ScanResult, 'findings'>): Baseline {
  const seen = new Set<string>();
  const fingerprints: BaselineEntry[] = [];
  for (const f of result.findings) {
    const id = entryId(f);
    if (seen.has(id)) continue;
    seen.add(id);
    fingerprints.push({ ruleId: f.ruleId, fingerprint: f.fingerprint, file: f.file });
  }
  fingerprints.sort((a, b) => compareText(a.file, b.file) || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint));
  return { version: 1, fingerprints };
}

/** Validates a parsed baseline file. Throws ConfigError naming the offending key. */
export function parseBaseline(json: unknown, source: string): Baseline {
  baselineSchema ??= buildBaselineSchema();
  const parsed = baselineSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue?.path.join('.') || '(root)';
  throw new ConfigError(`${source}: not a shiftguard baseline: invalid "${key}": ${issue?.message ?? 'invalid'}. Either: regenerate it with "shiftguard baseline --output ${source}".`, key);
}

export function readBaselineFile(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${file}: cannot read the baseline file (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`, undefined, { cause });
  }
  try {
    return parseBaseline(JSON.parse(text), file);
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    throw new ConfigError(`${file}: the baseline file is not valid JSON (${(cause as Error).message})`, undefined, { cause });
  }
}

/**
 * Marks every finding `unchanged` (in the baseline: not a failure) or `new`, suppressed ones too
 * (SARIF wants the state on every result of a run once any result has it). Returns a new result;
 * the input is left untouched so one scan can be reported with and without a baseline.
 */
export function applyBaseline(result: ScanResult, baseline: Baseline): ScanResult {
  const known = new Set(baseline.fingerprints.map(entryId));
  const mark = <F extends Finding>(f: F): F => ({ ...f, baselineState: known.has(entryId(f)) ? 'unchanged' : 'new' });
  return { ...result, findings: result.findings.map(mark), suppressed: result.suppressed.map(mark) };
}

/** Whether a finding still fails the build: everything except what the baseline accepted. */
export function isNewFinding(finding: Finding): boolean {
  return finding.baselineState !== 'unchanged';
}

function entryId(entry: { ruleId: string; fingerprint: string }): string {
  return `${entry.ruleId}\0${entry.fingerprint}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
