import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuleDocs, findRuleDocsDir } from './rule-docs.js';

describe('rule docs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shiftguard-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'docs', 'rules'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'rules', 'no-x.md'), '# no-x\n');
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });

  it('finds docs/rules in the nearest folder above', () => {
    expect(findRuleDocsDir(join(dir, 'a', 'b'))).toBe(join(dir, 'docs', 'rules'));
    expect(findRuleDocsDir(fileURLToPath(new URL('.', import.meta.url)))).toBe(fileURLToPath(new URL('../../../docs/rules', import.meta.url)));
  });

  it('reads a rule page by id, and never a path outside the folder', () => {
    const docs = createRuleDocs(join(dir, 'docs', 'rules'));
    expect(docs('no-x')).toBe('# no-x\n');
    expect(docs('no-y')).toBeUndefined();
    expect(docs('../../etc/passwd')).toBeUndefined();
    expect(createRuleDocs(undefined)('no-x')).toBeUndefined();
  });
});
