#!/usr/bin/env node
// `node tools/bench/eslint-plugin.js [--lines N] [--seed S] [--rounds R]`: editor speed of eslint-plugin-shiftguard.
// Lints the generated corpus (tools/bench/generate.js, in memory) three ways in one run: ESLint with
// no rules (parse cost only), with shiftguard's recommended config, and with eslint-plugin-security's
// recommended config. Files are linted one by one through `Linter.verify`, as an editor does on each
// change, with the order of the three configs rotated per file so drift in machine load is shared.
// Every file is linted R times per config and its median time is kept: a shared, loaded machine
// otherwise turns scheduler pauses into noise that is larger than the differences being measured.
// Fails (exit 1) when shiftguard adds as much time as eslint-plugin-security or more, or when a
// typical (median) file takes 50 ms or more with shiftguard.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import security from 'eslint-plugin-security';
import shiftguard from 'eslint-plugin-shiftguard';
import { DEFAULT_SEED, generateCorpus } from './generate.js';

const TYPICAL_FILE_BUDGET_MS = 50;
const WARMUP_FILES = 40;

const { values } = parseArgs({ options: { lines: { type: 'string', default: '40000' }, seed: { type: 'string' }, rounds: { type: 'string', default: '3' } } });
const rounds = Math.max(1, Number(values.rounds));
const corpus = generateCorpus({ seed: values.seed ? Number(values.seed) : DEFAULT_SEED, lines: Number(values.lines) });
const files = corpus.files.filter((f) => /\.[cm]?[jt]sx?$/.test(f.path));

const parsing = {
  files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
  languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
};
/** @type {Record<string, import('eslint').Linter.Config[]>} */
const configs = {
  'no rules': [parsing],
  shiftguard: [parsing, shiftguard.configs.recommended],
  'eslint-plugin-security': [parsing, security.configs.recommended],
};
const names = Object.keys(configs);
const linter = new Linter({ configType: 'flat', cwd: '/bench' });

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

/** @param {string} name @param {{ path: string, text: string }} file */
function lintOnce(name, file) {
  const started = performance.now();
  const messages = linter.verify(file.text, configs[name], { filename: join('/bench', file.path) });
  const ms = performance.now() - started;
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file.path}: ${fatal.message} (the benchmark only measures files every config can parse)`);
  return { ms, reports: messages.filter((m) => m.ruleId).length };
}

for (const file of files.slice(0, WARMUP_FILES)) for (const name of names) lintOnce(name, file);

/** @type {Record<string, number[]>} */
const perFile = Object.fromEntries(names.map((n) => [n, []]));
/** @type {Record<string, number>} */
const reports = Object.fromEntries(names.map((n) => [n, 0]));
files.forEach((file, i) => {
  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + round + k) % names.length];
      const { ms, reports: n } = lintOnce(name, file);
      samples[name].push(ms);
      if (round === 0) reports[name] += n;
    }
  }
  for (const name of names) perFile[name].push(quantile(samples[name], 0.5));
});

const total = (name) => perFile[name].reduce((a, b) => a + b, 0);
const base = total('no rules');
const added = (name) => total(name) - base;
const addedPerFile = (name) => perFile[name].map((ms, i) => ms - perFile['no rules'][i]);

console.log(`eslint-plugin benchmark: ${files.length} files, ${corpus.lines} lines (seed ${values.seed ?? DEFAULT_SEED}), median of ${rounds} lint(s) per file and config, Node ${process.version}`);
console.log('config                    total ms   added ms   median file ms   p95 file ms   reports');
for (const name of names) {
  const row = [
    name.padEnd(24),
    total(name).toFixed(0).padStart(9),
    (name === 'no rules' ? '-' : added(name).toFixed(0)).padStart(10),
    quantile(perFile[name], 0.5).toFixed(2).padStart(16),
    quantile(perFile[name], 0.95).toFixed(2).padStart(13),
    String(reports[name]).padStart(9),
  ];
  console.log(row.join(' '));
}
const typical = quantile(perFile.shiftguard, 0.5);
console.log(`shiftguard adds ${quantile(addedPerFile('shiftguard'), 0.5).toFixed(2)} ms to a median file (p95 ${quantile(addedPerFile('shiftguard'), 0.95).toFixed(2)} ms); eslint-plugin-security adds ${quantile(addedPerFile('eslint-plugin-security'), 0.5).toFixed(2)} ms`);

const failures = [];
if (added('shiftguard') >= added('eslint-plugin-security')) failures.push(`shiftguard adds ${added('shiftguard').toFixed(0)} ms, not less than eslint-plugin-security's ${added('eslint-plugin-security').toFixed(0)} ms`);
if (typical >= TYPICAL_FILE_BUDGET_MS) failures.push(`a typical file takes ${typical.toFixed(1)} ms with shiftguard (budget ${TYPICAL_FILE_BUDGET_MS} ms)`);
for (const f of failures) console.error(`FAIL: ${f}`);
if (failures.length === 0) console.log('PASS: shiftguard adds less time than eslint-plugin-security, and a typical file stays under 50 ms');
process.exitCode = failures.length > 0 ? 1 : 0;
