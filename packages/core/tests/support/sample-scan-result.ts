import type { Finding, ScanResult, SuppressedFinding } from '../../src/findings/finding.js';
import type { RuleMeta } from '../../src/rules/rule.js';

/** Rule metas as registered rules declare them; reporters take rules through their context. */
export const sampleRule: RuleMeta = {
  id: 'no-unprotected-admin-route',
  description: 'Administrative routes must require authentication.',
  cwe: 'CWE-306',
  severity: 'error',
  precision: 'high',
  securitySeverity: '8.8',
  messages: { unprotectedAdminRoute: 'Admin route {{method}} {{path}} is reachable without authentication.' },
  schema: {},
};

const secretsRule: RuleMeta = {
  id: 'no-secrets-in-logs',
  description: 'Secrets must not be written to logs.',
  cwe: 'CWE-532',
  severity: 'error',
  precision: 'high',
  securitySeverity: '7.5',
  messages: { secretLogged: '{{sink}} logs the secret {{value}}.' },
  schema: {},
};

export const sampleRules: readonly RuleMeta[] = [sampleRule, secretsRule];

export const sampleSources: Record<string, string> = {
  'src/app.ts': ["import express from 'express';", 'const app = express();', "app.get('/admin/users', list);", "app.post('/admin/users', create);", ''].join('\n'),
  'src/z.ts': ['const a = 1;', 'console.log(user.password);', ''].join('\n'),
};

function finding(overrides: Partial<Finding> & Pick<Finding, 'file' | 'line' | 'column'>): Finding {
  return {
    ruleId: sampleRule.id,
    severity: 'error',
    message: 'Admin route GET /admin/users is reachable without authentication.',
    endLine: overrides.line,
    endColumn: overrides.column + 10,
    fingerprint: `fp-${overrides.file}-${overrides.line}`,
    ...overrides,
  };
}

/**
 * A result that exercises every part of a report, deliberately out of order: two files, a warning,
 * a related location, a trace, a suppressed finding, an unparsable file.
 */
export function sampleScanResult(): ScanResult {
  const suppressed: SuppressedFinding = { ...finding({ file: 'src/app.ts', line: 4, column: 1 }), justification: 'guarded by the gateway' };
  return {
    version: 1,
    findings: [
      finding({
        file: 'src/z.ts',
        line: 2,
        column: 1,
        severity: 'warning',
        ruleId: 'no-secrets-in-logs',
        message: 'console.log logs the secret user.password.',
        trace: [
          { file: 'src/z.ts', line: 2, column: 13, endLine: 2, endColumn: 26, offset: 25, message: 'user.password is a secret' },
          { file: 'src/z.ts', line: 2, column: 1, endLine: 2, endColumn: 27, offset: 13, message: 'logged by console.log' },
        ],
      }),
      finding({
        file: 'src/app.ts',
        line: 3,
        column: 1,
        related: [{ file: 'src/app.ts', line: 2, column: 13, endLine: 2, endColumn: 22, offset: 43, message: 'the app is created here' }],
      }),
    ],
    errors: [{ kind: 'parse', file: 'src/broken.ts', line: 1, column: 7, message: 'src/broken.ts:1:7: syntax error: Expression expected.' }],
    suppressed: [suppressed],
    stats: { files: 3, durationMs: 12 },
  };
}
