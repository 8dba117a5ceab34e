import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { rules as coreRules, INVALID_SUPPRESSION_ID, scanProject, type ScanResult } from '@shiftguard/core';
import { ESLint, type Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { findingKeys, loadCorpus, type CorpusCase, type ExpectedFinding } from '../../packages/core/tests/corpus.js';
import { SUPPRESSION_WITHOUT_REASON_ID } from '../src/bridge.js';
import plugin from '../src/index.js';

// The contract: for code whose verdict is decided inside one file, the ESLint rules and the scanner
// report the same findings at the same lines. Every `singleFile` case of the shared fixture corpus
// is run through both front doors: ESLint file by file, and `scanProject` (the CLI's entry point)
// over the case folder on disk.
// A reasonless suppression comment is `invalid-suppression` in the CLI and a
// `suppressionWithoutReason` message of the rule it names in ESLint: compared as the same finding.
const COMPARED_RULES = new Set([...Object.keys(plugin.rules), INVALID_SUPPRESSION_ID]);
const cases = loadCorpus().filter((c) => c.singleFile);
const configDir = mkdtempSync(join(tmpdir(), 'shiftguard-parity-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

describe('ESLint and shiftguard scan agree on every single-file case of the corpus', () => {
  it('the corpus has single-file cases for every rule of the plugin', () => {
    const covered = new Set(cases.map((c) => c.ruleId));
    expect(coreRules.map((r) => r.meta.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const scanned = scanLikeCli(c);
    expect(scanned.errors).toEqual([]);
    const fromScan = findingKeys(scanned.findings.filter((f) => COMPARED_RULES.has(f.ruleId)));
    expect(await lintCase(c)).toEqual(fromScan);
  });
});

/** What `shiftguard scan` does with the case folder: files from disk, the case's config as a file. */
function scanLikeCli(c: CorpusCase): ScanResult {
  let configFile: string | undefined;
  if (c.config) {
    configFile = join(configDir, `${c.name.replace(/\//g, '__')}.json`);
    writeFileSync(configFile, JSON.stringify(c.config));
  }
  return scanProject({ root: c.dir, configFile, cacheFile: false });
}

async function lintCase(c: CorpusCase): Promise<string[]> {
  const eslint = new ESLint({
    cwd: c.dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      plugin.configs.recommended,
      { rules: rulesFromScannerConfig(c.config ?? {}) },
    ],
  });
  const found: ExpectedFinding[] = [];
  for (const file of c.files) {
    const [result] = await eslint.lintText(file.text, { filePath: join(c.dir, file.path) });
    for (const m of result?.messages ?? []) {
      if (m.fatal) throw new Error(`${c.name}/${file.path}: ESLint could not parse it: ${m.message}`);
      if (!m.ruleId?.startsWith('shiftguard/')) continue;
      if (m.messageId !== SUPPRESSION_WITHOUT_REASON_ID) {
        found.push({ ruleId: m.ruleId.slice('shiftguard/'.length), file: file.path, line: m.line });
        continue;
      }
      // A comment naming two rules is reported by both ESLint rules, and once by the CLI.
      const suppression = { ruleId: INVALID_SUPPRESSION_ID, file: file.path, line: m.line };
      if (!found.some((f) => f.ruleId === suppression.ruleId && f.file === suppression.file && f.line === suppression.line)) found.push(suppression);
    }
  }
  return findingKeys(found);
}

/** A case's scanner config as ESLint rule settings: each rule gets its own config keys as options. */
function rulesFromScannerConfig(config: Record<string, unknown>): Linter.RulesRecord {
  const levels = (config.rules ?? {}) as Record<string, 'off' | 'warning' | 'error'>;
  return Object.fromEntries(
    coreRules.map((rule) => {
      const options = Object.fromEntries(Object.entries(config).filter(([key]) => key in rule.meta.schema));
      const level = levels[rule.meta.id] ?? 'error';
      return [`shiftguard/${rule.meta.id}`, level === 'off' ? 'off' : [level === 'warning' ? 'warn' : 'error', options]];
    }),
  );
}
