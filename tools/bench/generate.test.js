import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from './generate.js';

const SMALL = { seed: 7, lines: 2_000 };

describe('benchmark corpus generator', () => {
  it('is deterministic: same seed, same files', () => {
    expect(generateCorpus(SMALL).hash).toBe(generateCorpus(SMALL).hash);
    expect(generateCorpus({ ...SMALL, seed: 8 }).hash).not.toBe(generateCorpus(SMALL).hash);
  });

  it('reaches the line target', () => {
    expect(generateCorpus(SMALL).lines).toBeGreaterThanOrEqual(2_000);
  });

  it('writes only sources that parse, in every framework', () => {
    const corpus = generateCorpus({ seed: 3, lines: 40_000 });
    expect(new Set(corpus.packages.map((p) => p.framework))).toEqual(new Set(['hono', 'express', 'fastify', 'koa']));
    for (const file of corpus.files.filter((f) => f.path.endsWith('.ts'))) {
      const sf = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      // parseDiagnostics is internal but the only syntax-error list without building a Program.
      const diagnostics = /** @type {{ parseDiagnostics: unknown[] }} */ (/** @type {unknown} */ (sf)).parseDiagnostics;
      expect(diagnostics, file.path).toEqual([]);
    }
  });

  it('points every planted violation at the line that holds it', () => {
    const corpus = generateCorpus({ seed: 3, lines: 40_000 });
    expect(corpus.violations.length).toBeGreaterThan(0);
    const byPath = new Map(corpus.files.map((f) => [f.path, f.text.split('\n')]));
    const shapes = {
      'no-unprotected-admin-route': /^\s*(adminRoutes|app)\.(get|post|delete)\(/,
      'no-secrets-in-logs': /(log|httpLogger)\.debug\(\{ (email, password|headers: )/,
      'no-file-storage-in-production': /new FileTokenStore\(/,
    };
    for (const v of corpus.violations) {
      const line = byPath.get(v.file)?.[v.line - 1] ?? '';
      expect(line, `${v.file}:${v.line}`).toMatch(shapes[/** @type {keyof typeof shapes} */ (v.ruleId)]);
    }
  });
});
