#!/usr/bin/env node
// `node tools/bench/generate.js [--lines N] [--seed S] [--out DIR]`: writes a deterministic,
// realistic multi-package server codebase for the benchmark, plus `violations.json` listing every
// planted violation (rule, file, line).
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatePackage, planPackage } from './generator/generate-package.js';
import { createRng } from './generator/prng.js';

export const DEFAULT_OUT = fileURLToPath(new URL('./.generated/', import.meta.url));
export const DEFAULT_SEED = 20261122;
export const DEFAULT_LINES = 520_000;

/**
 * @typedef {{ ruleId: string, file: string, line: number }} PlantedViolation
 * @typedef {{ files: import('./generator/generate-package.js').GeneratedFile[], lines: number, hash: string, violations: PlantedViolation[], packages: import('./generator/generate-package.js').PackagePlan[] }} GeneratedCorpus
 */

/**
 * Generates packages until the line target is reached. Pure: same seed and target, same files.
 * @param {{ seed?: number, lines?: number }} [options]
 * @returns {GeneratedCorpus}
 */
export function generateCorpus({ seed = DEFAULT_SEED, lines = DEFAULT_LINES } = {}) {
  const rng = createRng(seed);
  /** @type {import('./generator/generate-package.js').GeneratedFile[]} */
  const files = [];
  const packages = [];
  let total = 0;
  for (let index = 0; total < lines; index++) {
    const plan = planPackage(rng, index);
    packages.push(plan);
    for (const file of generatePackage(rng, plan)) {
      files.push(file);
      total += file.text.split('\n').length - 1;
    }
  }
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.text).update('\0');
  const violations = files.flatMap((f) => f.violations.map((v) => ({ ruleId: v.ruleId, file: f.path, line: v.line })));
  return { files, lines: total, hash: hash.digest('hex'), violations, packages };
}

/**
 * @param {GeneratedCorpus} corpus
 * @param {string} out replaced wholesale
 */
export function writeCorpus(corpus, out) {
  rmSync(out, { recursive: true, force: true });
  for (const f of corpus.files) {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.text);
  }
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['packages/*'] }, null, 2)}\n`);
  writeFileSync(join(out, 'violations.json'), `${JSON.stringify({ hash: corpus.hash, lines: corpus.lines, violations: corpus.violations }, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { lines: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } } });
  const corpus = generateCorpus({ seed: values.seed ? Number(values.seed) : DEFAULT_SEED, lines: values.lines ? Number(values.lines) : DEFAULT_LINES });
  const out = values.out ?? DEFAULT_OUT;
  writeCorpus(corpus, out);
  /** @type {Map<string, number>} */
  const byRule = new Map();
  for (const v of corpus.violations) byRule.set(v.ruleId, (byRule.get(v.ruleId) ?? 0) + 1);
  console.log(`generated ${corpus.files.length} files, ${corpus.lines} lines, ${corpus.packages.length} packages into ${out}`);
  console.log(`planted violations: ${[...byRule].map(([id, n]) => `${id}: ${n}`).join(', ')}; hash ${corpus.hash.slice(0, 16)}`);
}
