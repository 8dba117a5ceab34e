import { describe, expect, it } from 'vitest';
import { sampleScanResult } from '../../tests/support/sample-scan-result.js';
import github from './github.js';

describe('github reporter', () => {
  it('prints one workflow command per finding with its full position and rule as title', () => {
    const lines = github(sampleScanResult(), {}).trimEnd().split('\n');
    expect(lines[0]).toBe('::error file=src/app.ts,line=3,endLine=3,col=1,endColumn=11,title=no-unprotected-admin-route::Admin route GET /admin/users is reachable without authentication.');
    expect(lines[1]).toMatch(/^::warning file=src\/z\.ts,line=2,/);
  });

  it('annotates files that could not be scanned', () => {
    expect(github(sampleScanResult(), {})).toContain('::error title=shiftguard parse error,file=src/broken.ts,line=1,col=7::src/broken.ts:1:7: syntax error: Expression expected.');
  });

  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    const result = sampleScanResult();
    result.errors = [];
    result.findings = [{ ...result.findings[1]!, file: 'src/a,b:c.ts', message: '100% bad\r\nreally' }];
    expect(github(result, {})).toBe('::error file=src/a%2Cb%3Ac.ts,line=3,endLine=3,col=1,endColumn=11,title=no-unprotected-admin-route::100%25 bad%0D%0Areally\n');
  });

  it('turns baselined findings into notices', () => {
    const result = sampleScanResult();
    result.findings = result.findings.map((f) => ({ ...f, baselineState: 'unchanged' as const }));
    const out = github(result, {});
    expect(out).not.toMatch(/^::(error|warning) file=/m);
    expect(out).toMatch(/^::notice file=src\/app\.ts,.*title=no-unprotected-admin-route \(baseline\)::/m);
  });
});
