import { describe, expect, it } from 'vitest';
import type { ShiftguardConfigInput } from '../../src/config/config.js';
import { scanFiles } from '../../src/scan-files.js';

/** One row of a rule table: a tiny project (one file or several) and the findings it must give. */
export interface RuleTableCase {
  name: string;
  /** One file's source (named `src/app.ts`), or several files by path. */
  code: string | Record<string, string>;
  config?: ShiftguardConfigInput;
  /** Invalid cases only: every finding of the rule, by line (and file when not `src/app.ts`). */
  errors?: Array<{ messageId: string; line: number; file?: string }>;
}

const DEFAULT_FILE = 'src/app.ts';

/**
 * Runs a rule table through the real engine, as typescript-eslint's RuleTester does: valid cases
 * give no finding of the rule, invalid ones exactly the listed message ids and lines. Duplicate
 * case names are an error, so a copied row cannot hide.
 */
export function runRuleTable(ruleId: string, table: { valid: RuleTableCase[]; invalid: RuleTableCase[] }): void {
  const names = [...table.valid, ...table.invalid].map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new Error(`${ruleId}: duplicate rule table case "${duplicate}"`);

  const findingsOf = (c: RuleTableCase) => {
    const files = typeof c.code === 'string' ? [{ path: DEFAULT_FILE, text: c.code }] : Object.entries(c.code).map(([path, text]) => ({ path, text }));
    const result = scanFiles({ files, config: Object.freeze({ ...c.config }), ruleIds: [ruleId] });
    expect(result.errors).toEqual([]);
    return result.findings
      .filter((f) => f.ruleId === ruleId)
      .map((f) => ({ messageId: f.messageId ?? '', line: f.line, file: f.file }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  };

  describe(`${ruleId} valid`, () => {
    it.each(table.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      expect(findingsOf(c)).toEqual([]);
    });
  });

  describe(`${ruleId} invalid`, () => {
    it.each(table.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const expected = (c.errors ?? []).map((e) => ({ messageId: e.messageId, line: e.line, file: e.file ?? DEFAULT_FILE }));
      expect(expected.length).toBeGreaterThan(0);
      expect(findingsOf(c)).toEqual(expected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)));
    });
  });
}
