import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleRules, sampleScanResult } from '../../tests/support/sample-scan-result.js';
import { INVALID_SUPPRESSION_ID } from '../findings/apply-suppressions.js';
import sarif from './sarif.js';

// SARIF is JSON: the tests walk it as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a typed SARIF model would be larger than the reporter
type Json = any;

const docs = '# no-unprotected-admin-route\n\nAdministrative routes must not be reachable without authentication.\n\n## Why\n\nCWE-306.\n';
const ctx = {
  rules: sampleRules,
  rootUri: 'file:///work/project/',
  toolVersion: '0.1.0',
  ruleDocs: (id: string) => (id === 'no-unprotected-admin-route' ? docs : undefined),
};

function render(result = sampleScanResult()): Json {
  return JSON.parse(sarif(result, ctx));
}

describe('sarif reporter', () => {
  it('describes every rule, and the invalid-suppression pseudo-rule, for GitHub code scanning', () => {
    const { rules } = render().runs[0].tool.driver;
    expect(rules.map((r: Json) => r.id)).toEqual(['no-unprotected-admin-route', 'no-secrets-in-logs', INVALID_SUPPRESSION_ID]);
    const [admin, secrets] = rules;
    expect(admin.shortDescription.text).toBe('Administrative routes must require authentication.');
    expect(admin.fullDescription.text).toBe('Administrative routes must not be reachable without authentication.');
    expect(admin.help).toEqual({ text: docs, markdown: docs });
    expect(admin.helpUri).toMatch(/docs\/rules\/no-unprotected-admin-route\.md$/);
    expect(admin.properties).toEqual({ tags: ['security', 'external/cwe/cwe-306'], precision: 'high', 'security-severity': '8.8' });
    expect(secrets.help.markdown).toContain('docs/rules/no-secrets-in-logs.md'); // no docs page: a link instead
  });

  it('locates results relative to %SRCROOT% with a full region and a fingerprint', () => {
    const run = render().runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
    const first = run.results[0];
    expect(first.ruleId).toBe('no-unprotected-admin-route');
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/app.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 11 },
    });
    expect(first.partialFingerprints).toEqual({ primaryLocationLineHash: 'fp-src/app.ts-3' });
    expect(first.relatedLocations[0].message.text).toBe('the app is created here');
  });

  it('turns a trace into a code flow, source first', () => {
    const secret = render().runs[0].results.find((r: Json) => r.ruleId === 'no-secrets-in-logs');
    const steps = secret.codeFlows[0].threadFlows[0].locations;
    expect(steps.map((s: Json) => s.location.message.text)).toEqual(['user.password is a secret', 'logged by console.log']);
    expect(secret.level).toBe('warning');
  });

  it('keeps suppressed findings with their in-source justification', () => {
    const suppressed = render().runs[0].results.filter((r: Json) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource', justification: 'guarded by the gateway' }]);
  });

  it('lists files that could not be scanned as tool execution notifications', () => {
    const [invocation] = render().runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0].message.text).toContain('src/broken.ts:1:7: syntax error');
    const clean = render({ ...sampleScanResult(), errors: [] }).runs[0].invocations[0];
    expect(clean).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it('states the baseline state only when a baseline was applied', () => {
    expect(render().runs[0].results.every((r: Json) => r.baselineState === undefined)).toBe(true);
    const result = sampleScanResult();
    result.findings = result.findings.map((f, i) => ({ ...f, baselineState: i === 0 ? 'unchanged' : 'new' }));
    const states = render(result).runs[0].results.map((r: Json) => [r.ruleId, r.baselineState]);
    expect(states).toContainEqual(['no-secrets-in-logs', 'unchanged']);
    expect(states).toContainEqual(['no-unprotected-admin-route', 'new']);
  });
});

describe("sarif reporter output checked by Microsoft's SARIF Multitool", () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiftguard-sarif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

  /** Runs `validate --rule-kind "Sarif;Gh"` offline and returns the problems it found. */
  function validate(name: string, log: string): Array<{ ruleId: string; level: string; text: string }> {
    const input = join(dir, `${name}.sarif`);
    const output = join(dir, `${name}.validation.sarif`);
    writeFileSync(input, log);
    execFileSync(multitool, ['validate', input, '--rule-kind', 'Sarif;Gh', '--output', output], {
      // The tool needs no ICU for this; without the switch it aborts on machines that lack libicu.
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
      stdio: 'pipe',
    });
    const results: Json[] = JSON.parse(readFileSync(output, 'utf8')).runs[0].results ?? [];
    return results.map((r) => ({ ruleId: r.ruleId, level: r.level ?? 'warning', text: r.message.text ?? JSON.stringify(r.message.arguments) }));
  }

  it('reports no errors for a log with every feature (suppressions, baseline, traces, notifications)', () => {
    const result = sampleScanResult();
    result.findings = result.findings.map((f, i) => ({ ...f, baselineState: i === 0 ? 'unchanged' : 'new' }));
    const problems = validate('ours', sarif(result, ctx));
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('does catch a broken log, so the check above can fail', () => {
    const broken = render();
    broken.runs[0].results[0].locations[0].physicalLocation.region.endLine = 1; // before startLine 3
    const problems = validate('broken', JSON.stringify(broken));
    expect(problems.filter((p) => p.level === 'error').map((p) => p.ruleId)).toContain('SARIF1007');
  });
});
