import tsParser from '@typescript-eslint/parser';
import { Linter as Linter9 } from 'eslint';
import { Linter as Linter10 } from 'eslint-v10';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

// The plugin supports ESLint 9 and 10 flat config: the same checks run against both majors.
// Each Linter is driven through the small surface the test needs, because the two majors ship
// their own (structurally different) type declarations.
interface MinimalLinter {
  version: string;
  verify(code: string, config: unknown[], options: { filename: string }): Array<{ ruleId: string | null; line: number; messageId?: string; suggestions?: Array<{ fix: { text: string } }> }>;
}

const linters: Array<[string, MinimalLinter]> = [
  ['9', new Linter9({ cwd: '/project' }) as unknown as MinimalLinter],
  ['10', new Linter10({ cwd: '/project' }) as unknown as MinimalLinter],
];

const typescript = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };
const leaky = `import { redact } from './redact.js';\nexport function f(token: string) {\n  console.log('t', token);\n}\n`;

describe.each(linters)('ESLint %s', (major, linter) => {
  it('is the major under test', () => {
    expect(linter.version.split('.')[0]).toBe(major);
  });

  it('runs configs.recommended: a finding with its messageId, line and redactor suggestion', () => {
    const messages = linter.verify(leaky, [typescript, plugin.configs.recommended], { filename: '/project/src/a.ts' });
    expect(messages.map((m) => [m.ruleId, m.line, m.messageId])).toEqual([['shiftguard/no-secrets-in-logs', 3, 'secretInLog']]);
    expect(messages[0]?.suggestions?.map((s) => s.fix.text)).toEqual(['redact(token)']);
  });

  it('passes rule options to the engine and rejects keys the rule does not have', () => {
    const ops = `import express from 'express';\nconst app = express();\napp.post('/ops/restart', (req, res) => res.json({}));\n`;
    const withOption = [typescript, plugin.configs.recommended, { rules: { 'shiftguard/no-unprotected-admin-route': ['error', { adminPaths: ['/ops/**'] }] } }];
    expect(linter.verify(ops, [typescript, plugin.configs.recommended], { filename: '/project/src/app.ts' })).toEqual([]);
    expect(linter.verify(ops, withOption, { filename: '/project/src/app.ts' }).map((m) => [m.ruleId, m.line])).toEqual([['shiftguard/no-unprotected-admin-route', 3]]);
    const bogus = [typescript, plugin.configs.recommended, { rules: { 'shiftguard/no-secrets-in-logs': ['error', { adminPaths: ['/x'] }] } }];
    expect(() => linter.verify(leaky, bogus, { filename: '/project/src/a.ts' })).toThrow(/no-secrets-in-logs/);
  });
});
