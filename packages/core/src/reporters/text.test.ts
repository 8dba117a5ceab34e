import { describe, expect, it } from 'vitest';
import { sampleRules, sampleScanResult, sampleSources } from '../../tests/support/sample-scan-result.js';
import text from './text.js';

const ctx = { rules: sampleRules, readSource: (file: string) => sampleSources[file] };
const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex -- matching terminal escapes is the point

describe('text reporter', () => {
  it('groups findings by file in path order, each with position, severity, message and rule', () => {
    const out = text(sampleScanResult(), ctx);
    const app = out.indexOf('src/app.ts\n');
    const z = out.indexOf('src/z.ts\n');
    expect(app).toBeGreaterThanOrEqual(0);
    expect(z).toBeGreaterThan(app);
    expect(out).toMatch(/ {2}3:1 {2}error {2}Admin route GET \/admin\/users is reachable without authentication\. {2}no-unprotected-admin-route/);
    expect(out).toMatch(/ {2}2:1 {2}warning {2}console\.log logs the secret user\.password\. {2}no-secrets-in-logs/);
  });

  it('shows a code frame with the reported line marked', () => {
    const out = text(sampleScanResult(), ctx);
    expect(out).toMatch(/> 3 \| app\.get\('\/admin\/users', list\);/);
    expect(out).toMatch(/\| \^{10}/);
  });

  it('underlines only the first line of a finding that spans lines', () => {
    const result = sampleScanResult();
    result.findings = [{ ...result.findings[1]!, line: 3, column: 1, endLine: 4, endColumn: 34 }];
    const out = text(result, ctx);
    expect(out).toMatch(/> 3 \| app\.get\('\/admin\/users', list\);\n\s+\| \^{30}\n/);
    expect(out).not.toMatch(/> 4 \|/);
  });

  it('prints no frame for minified lines or a location past the end of the text', () => {
    const minified = { ...ctx, readSource: (file: string) => (file === 'src/app.ts' ? `a;\n${'x'.repeat(5000)};\nb;\n` : sampleSources[file]) };
    const out = text(sampleScanResult(), minified);
    expect(out).not.toContain('xxxxxxxxxx');
    expect(out).toContain('3:1  error');
    const short = text(sampleScanResult(), { ...ctx, readSource: () => 'one line' });
    expect(short).not.toMatch(/> \d+ \|/);
  });

  it('prints related locations and every trace step in order', () => {
    const out = text(sampleScanResult(), ctx);
    expect(out).toContain('related  src/app.ts:2:13  the app is created here');
    expect(out.indexOf('1. src/z.ts:2:13  user.password is a secret')).toBeLessThan(out.indexOf('2. src/z.ts:2:1  logged by console.log'));
  });

  it('never hides a file that could not be scanned', () => {
    expect(text(sampleScanResult(), ctx)).toContain('src/broken.ts:1:7: syntax error: Expression expected.');
  });

  it('ends with the summary line', () => {
    const lines = text(sampleScanResult(), ctx).trimEnd().split('\n');
    expect(lines.at(-1)).toBe('✖ 2 problems (1 error, 1 warning) in 3 files · 1 suppressed · 1 scan error · 12 ms');
  });

  it('marks baselined findings and leaves them out of the problem count', () => {
    const result = sampleScanResult();
    result.errors = [];
    result.findings = result.findings.map((f) => ({ ...f, baselineState: f.severity === 'error' ? 'unchanged' : 'new' }));
    const out = text(result, ctx);
    expect(out).toMatch(/3:1 {2}error \(baseline\)/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 1 problem (0 errors, 1 warning) in 3 files · 1 in baseline · 1 suppressed · 12 ms');
  });

  it('says so when there is nothing to report', () => {
    const out = text({ version: 1, findings: [], errors: [], suppressed: [], stats: { files: 42, durationMs: 120 } }, ctx);
    expect(out).toBe('✔ no problems in 42 files · 120 ms\n');
  });

  it('uses colours only when asked', () => {
    expect(text(sampleScanResult(), ctx)).not.toMatch(ANSI);
    expect(text(sampleScanResult(), { ...ctx, color: true })).toMatch(ANSI);
  });

  it('prints findings without a frame when the source cannot be read', () => {
    const out = text(sampleScanResult(), { rules: sampleRules });
    expect(out).toContain('3:1  error');
    expect(out).not.toContain('> 3 |');
  });
});
