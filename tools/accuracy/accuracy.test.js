import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccuracy } from './run.js';

const RUN = fileURLToPath(new URL('./run.js', import.meta.url));

// The engine reports a suppression comment without a reason as `invalid-suppression`: a finding
// that exists independently of which rules are registered, so this corpus does not drift as rules grow.
const BARE_SUPPRESSION = '// shiftguard-ignore-next-line demo-rule\nexport const x = 1;\n';
const CLEAN = 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n';

/** @type {string} */
let root;

/**
 * @param {string} name
 * @param {object} meta
 * @param {Record<string, string>} files
 */
function writeCase(name, meta, files) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'case.json'), JSON.stringify(meta));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shiftguard-accuracy-'));
  writeCase('demo-rule/true-positive', { expected: [{ ruleId: 'invalid-suppression', file: 'src/app.ts', line: 1 }] }, { 'src/app.ts': BARE_SUPPRESSION });
  writeCase('demo-rule/false-positive', { naive: true, expected: [] }, { 'src/app.ts': BARE_SUPPRESSION });
  writeCase('demo-rule/false-negative', { expected: [{ ruleId: 'demo-rule', file: 'src/app.ts', line: 3 }] }, { 'src/app.ts': CLEAN });
  writeCase('other-rule/unparsable', { expected: [] }, { 'src/broken.ts': 'export const = ;\n' });
  writeCase('other-rule/clean', { expected: [] }, { 'lib/deep/ok.ts': CLEAN, 'notes.md': '# not a source file' });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('accuracy report', () => {
  it('counts TP, FP, FN and errors per rule and computes precision and recall', () => {
    const report = runAccuracy(root);
    expect(report.rules).toEqual([
      { ruleId: 'demo-rule', cases: 3, clean: 1, naive: 1, tp: 0, fp: 0, fn: 1, errors: 0, precision: 1, recall: 0 },
      { ruleId: 'invalid-suppression', cases: 0, clean: 0, naive: 0, tp: 1, fp: 1, fn: 0, errors: 0, precision: 0.5, recall: 1 },
      { ruleId: 'other-rule', cases: 2, clean: 2, naive: 0, tp: 0, fp: 0, fn: 0, errors: 1, precision: 1, recall: 1 },
    ]);
  });

  it('lists every mismatch with its case and location', () => {
    const kinds = runAccuracy(root).mismatches.map((m) => `${m.kind} ${m.caseName} ${m.ruleId} ${m.file}${m.line ? `:${m.line}` : ''}`);
    expect(kinds).toEqual([
      'FN demo-rule/false-negative demo-rule src/app.ts:3',
      'FP demo-rule/false-positive invalid-suppression src/app.ts:1',
      'error other-rule/unparsable other-rule src/broken.ts',
    ]);
  });

  it('prints the table and exits 1 when a rule is below 100%', () => {
    let status = 0;
    let stdout = '';
    try {
      execFileSync(process.execPath, [RUN, root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const failure = /** @type {{ status: number, stdout: string }} */ (error);
      status = failure.status;
      stdout = failure.stdout;
    }
    expect(status).toBe(1);
    expect(stdout).toMatch(/invalid-suppression\s+0\s+0\s+0\s+1\s+1\s+0\s+0\s+50\.0%\s+100\.0%/);
    expect(stdout).toMatch(/demo-rule\s+3\s+1\s+1\s+0\s+0\s+1\s+0\s+100\.0%\s+0\.0%/);
  });

  it('exits 0 on a corpus where every rule is perfect', () => {
    const perfect = join(root, '..', `${root.split('/').pop()}-perfect`);
    mkdirSync(join(perfect, 'demo-rule', 'only'), { recursive: true });
    writeFileSync(join(perfect, 'demo-rule', 'only', 'case.json'), JSON.stringify({ expected: [{ ruleId: 'invalid-suppression', file: 'a.ts', line: 1 }] }));
    writeFileSync(join(perfect, 'demo-rule', 'only', 'a.ts'), BARE_SUPPRESSION);
    try {
      const stdout = execFileSync(process.execPath, [RUN, perfect], { encoding: 'utf8' });
      expect(stdout).toMatch(/invalid-suppression\s+0\s+0\s+0\s+1\s+0\s+0\s+0\s+100\.0%\s+100\.0%/);
    } finally {
      rmSync(perfect, { recursive: true, force: true });
    }
  });
});
