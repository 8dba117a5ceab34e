import { describe, expect, it } from 'vitest';
import { sampleScanResult } from '../../tests/support/sample-scan-result.js';
import { ConfigError } from '../errors.js';
import { applyBaseline, createBaseline, isNewFinding, parseBaseline } from './baseline.js';

describe('baseline', () => {
  it('records each finding once, sorted by file and rule', () => {
    const result = sampleScanResult();
    const baseline = createBaseline({ findings: [...result.findings, ...result.findings] });
    expect(baseline).toEqual({
      version: 1,
      fingerprints: [
        { ruleId: 'no-unprotected-admin-route', fingerprint: 'fp-src/app.ts-3', file: 'src/app.ts' },
        { ruleId: 'no-secrets-in-logs', fingerprint: 'fp-src/z.ts-2', file: 'src/z.ts' },
      ],
    });
  });

  it('marks findings in the baseline unchanged and the others new, without touching the input', () => {
    const result = sampleScanResult();
    const baseline = createBaseline({ findings: result.findings.slice(1) });
    const applied = applyBaseline(result, baseline);
    expect(applied.findings.map((f) => [f.file, f.baselineState])).toEqual([
      ['src/z.ts', 'new'],
      ['src/app.ts', 'unchanged'],
    ]);
    expect(applied.findings.filter(isNewFinding).map((f) => f.file)).toEqual(['src/z.ts']);
    expect(applied.suppressed.map((f) => [f.justification, f.baselineState])).toEqual([['guarded by the gateway', 'new']]);
    expect(result.findings.every((f) => f.baselineState === undefined)).toBe(true);
  });

  it('matches on rule and fingerprint, not on the file name or line', () => {
    const result = sampleScanResult();
    const [admin] = result.findings.filter((f) => f.file === 'src/app.ts');
    const baseline = { version: 1 as const, fingerprints: [{ ruleId: 'no-secrets-in-logs', fingerprint: admin!.fingerprint, file: 'src/app.ts' }] };
    expect(applyBaseline(result, baseline).findings.every((f) => f.baselineState === 'new')).toBe(true);
  });

  it('rejects a file that is not a baseline, naming the offending key', () => {
    expect(() => parseBaseline({ version: 1, fingerprints: [{ ruleId: 'x', file: 'a.ts' }] }, 'b.json')).toThrow(/b\.json: .*"fingerprints\.0\.fingerprint"/);
    expect(() => parseBaseline({ version: 2, fingerprints: [] }, 'b.json')).toThrow(ConfigError);
    expect(() => parseBaseline([], 'b.json')).toThrow(ConfigError);
  });
});
