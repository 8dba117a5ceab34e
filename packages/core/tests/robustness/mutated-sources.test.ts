import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/errors.js';
import type { ScanResult } from '../../src/findings/finding.js';
import { parseSource } from '../../src/parse/parse-source.js';
import { scanFiles } from '../../src/scan-files.js';
import { loadCorpus } from '../corpus.js';
import { applyMutations, mutationArbitrary } from './mutate-source.js';
import { SEED_SOURCES } from './seed-sources.js';

// Every file of the labelled corpus is a seed too, so new rule code meets mutated versions of the
// very constructs it was written for.
const seeds = [...SEED_SOURCES, ...loadCorpus().flatMap((c) => c.files)];
const CLEAN = { path: 'src/clean.ts', text: 'export const answer: number = 42;\n' };
/** A hang tripwire, not a speed goal (tools/bench has those): far above any scan of a small file. */
const BUDGET_MS = 10_000;
/**
 * A tripwire, not a leak test: inputs are a few kilobytes, so a process past this size means
 * memory that grows with something other than the input (a runaway worklist, an unbounded memo).
 */
const RSS_LIMIT = 1.5 * 1024 ** 3;

/** Scans a hostile file next to a clean one and checks the engine's promises for any input. */
function checkScan(file: { path: string; text: string }): void {
  const started = performance.now();
  const result = scanFiles({ files: [file, CLEAN] });
  expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  expect(process.memoryUsage().rss).toBeLessThan(RSS_LIMIT);
  expectParseVerdict(file, result);
  // No input may crash an extractor or a rule: an internal error is a bug, whatever the file says.
  expect(result.errors.filter((e) => e.kind === 'internal')).toEqual([]);
  // One broken file never costs the others their analysis.
  expect(result.errors.filter((e) => e.file === CLEAN.path)).toEqual([]);
  expect(result.stats.files).toBe(2);
}

/** The parse verdict must agree with the parser: unparsable files are listed as 'parse' errors. */
function expectParseVerdict(file: { path: string; text: string }, result: ScanResult): void {
  let parseError: ParseError | undefined;
  try {
    parseSource(file.path, file.text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    parseError = error;
  }
  const reported = result.errors.filter((e) => e.file === file.path && e.kind === 'parse');
  if (parseError) {
    expect(reported).toHaveLength(1);
    expect(reported[0]?.message).toContain(file.path);
  } else {
    expect(reported).toEqual([]);
  }
}

const extension = fc.constantFrom('ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx');

describe('the engine on random and mutated sources', () => {
  it('survives mutated real sources', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }), (seed, mutations) => {
        checkScan({ path: seed.path, text: applyMutations(seed.text, mutations) });
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('survives arbitrary unicode text under any source extension', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), extension, (text, ext) => {
        checkScan({ path: `src/random.${ext}`, text });
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('survives seeds spliced into each other', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.constantFrom(...seeds), fc.nat(), fc.nat(), (a, b, i, j) => {
        const text = a.text.slice(0, i % (a.text.length + 1)) + b.text.slice(j % (b.text.length + 1));
        checkScan({ path: a.path, text });
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
