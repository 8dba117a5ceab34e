import { describe, expect, it } from 'vitest';
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

// Validation by Microsoft's SARIF Multitool runs on real CLI output: packages/cli/tests/sarif-multitool.test.ts.
