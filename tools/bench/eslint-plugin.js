#!/usr/bin/env node
// `node tools/bench/eslint-plugin.js [--lines N] [--seed S] [--rounds R] [--runs K]`: editor speed of eslint-plugin-shiftguard.
// Lints the generated corpus (tools/bench/generate.js, in memory) three ways in one run: ESLint with
// no rules (parse cost only), with shiftguard's recommended config, and with eslint-plugin-security's
// recommended config. Files are linted one by one through `Linter.verify`, as an editor does on each
// change, with the order of the three configs rotated per file so drift in machine load is shared.
// Every lint, of every config, gets text no lint saw before (a numbered comment is appended), as an
// editor's buffer differs between keystrokes: a cache keyed by text can never answer a lint here.
// Every file is linted R times per config and its median time is kept: a shared, loaded machine
// otherwise turns scheduler pauses into noise that is larger than the differences being measured.
// The whole measurement is repeated K times and the median run decides, because load on a shared
// machine moves between minutes. Prints a table and writes RESULTS-eslint-plugin.md.
// Fails (exit 1) when, in the median run, shiftguard adds as much time as eslint-plugin-security or
// more, or when a typical (median) file takes 50 ms or more with shiftguard.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import security from 'eslint-plugin-security';
import shiftguard from 'eslint-plugin-shiftguard';
import { DEFAULT_SEED, generateCorpus } from './generate.js';

const TYPICAL_FILE_BUDGET_MS = 50;
const WARMUP_FILES = 40;
const RESULTS = fileURLToPath(new URL('./RESULTS-eslint-plugin.md', import.meta.url));

const { values } = parseArgs({
  options: { lines: { type: 'string', default: '40000' }, seed: { type: 'string' }, rounds: { type: 'string', default: '3' }, runs: { type: 'string', default: '3' } },
});
const rounds = Math.max(1, Number(values.rounds));
const runs = Math.max(1, Number(values.runs));
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

let edits = 0;

/** @param {string} name @param {{ path: string, text: string }} file */
function lintOnce(name, file) {
  const text = `${file.text}\n// edit ${++edits}\n`;
  const started = performance.now();
  const messages = linter.verify(text, configs[name], { filename: join('/bench', file.path) });
  const ms = performance.now() - started;
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${file.path}: ${fatal.message} (the benchmark only measures files every config can parse)`);
  return { ms, reports: messages.filter((m) => m.ruleId).length };
}

for (const file of files.slice(0, WARMUP_FILES)) for (const name of names) lintOnce(name, file);

/**
 * One pass over the corpus: per config, the median time of each file over `rounds` lints, and the
 * reports of the first round.
 */
function measure() {
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
  const sum = (/** @type {number[]} */ ms) => ms.reduce((a, b) => a + b, 0);
  /** @param {string} name */
  const addedPerFile = (name) => perFile[name].map((ms, i) => ms - perFile['no rules'][i]);
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        total: sum(perFile[name]),
        added: sum(perFile[name]) - sum(perFile['no rules']),
        medianFile: quantile(perFile[name], 0.5),
        p95File: quantile(perFile[name], 0.95),
        medianAdded: quantile(addedPerFile(name), 0.5),
        p95Added: quantile(addedPerFile(name), 0.95),
        reports: reports[name],
      },
    ]),
  );
}

/** @typedef {ReturnType<typeof measure>} Run */
/** @type {Run[]} */
const results = [];
for (let run = 0; run < runs; run++) {
  results.push(measure());
  console.log(`run ${run + 1}/${runs}: shiftguard adds ${results[run].shiftguard.added.toFixed(0)} ms, eslint-plugin-security ${results[run]['eslint-plugin-security'].added.toFixed(0)} ms`);
}
// The run whose shiftguard/security ratio is the median: its numbers belong together.
const ratio = (/** @type {Run} */ r) => r.shiftguard.added / r['eslint-plugin-security'].added;
const median = [...results].sort((a, b) => ratio(a) - ratio(b))[Math.floor((results.length - 1) / 2)];

const header = `eslint-plugin benchmark: ${files.length} files, ${corpus.lines} lines (seed ${values.seed ?? DEFAULT_SEED}), median of ${rounds} lint(s) per file and config, ${runs} run(s), Node ${process.version}`;
const rows = names.map((name) => {
  const m = median[name];
  const added = name === 'no rules' ? '-' : m.added.toFixed(0);
  const addedRuns = name === 'no rules' ? '-' : results.map((r) => r[name].added.toFixed(0)).join(', ');
  const addedFile = name === 'no rules' ? '-' : `${m.medianAdded.toFixed(2)} / ${m.p95Added.toFixed(2)}`;
  return [name, m.total.toFixed(0), added, addedRuns, m.medianFile.toFixed(2), addedFile, String(m.reports)];
});
const columns = ['config', 'total ms', 'added ms', 'added ms, each run', 'median file ms', 'added per file ms (median / p95)', 'reports'];
console.log(header);
console.log(columns.join(' | '));
for (const row of rows) console.log(row.join(' | '));

const failures = [];
const ours = median.shiftguard;
const theirs = median['eslint-plugin-security'];
if (ours.added >= theirs.added) failures.push(`shiftguard adds ${ours.added.toFixed(0)} ms, not less than eslint-plugin-security's ${theirs.added.toFixed(0)} ms`);
if (ours.medianFile >= TYPICAL_FILE_BUDGET_MS) failures.push(`a typical file takes ${ours.medianFile.toFixed(1)} ms with shiftguard (budget ${TYPICAL_FILE_BUDGET_MS} ms)`);
const verdict = failures.length === 0 ? 'PASS: shiftguard adds less time than eslint-plugin-security, and a typical file stays under 50 ms' : failures.map((f) => `FAIL: ${f}`).join('\n');
for (const f of failures) console.error(`FAIL: ${f}`);
if (failures.length === 0) console.log(verdict);

writeFileSync(
  RESULTS,
  [
    '# ESLint plugin benchmark',
    '',
    'Generated by `node tools/bench/eslint-plugin.js` (after `npm run build`); do not edit by hand.',
    '',
    `- ${header}.`,
    `- Date: ${new Date().toISOString()}; ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), shared: load average ${loadavg()[0].toFixed(1)} at the end.`,
    '- Added ms = total of the per-file medians minus that of ESLint with no rules. The table shows the run whose shiftguard / security ratio is the median.',
    '',
    `| ${columns.join(' | ')} |`,
    `| ${columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Target: shiftguard adds less time than eslint-plugin-security (median run: ${ours.added.toFixed(0)} vs ${theirs.added.toFixed(0)} ms, ratio ${ratio(median).toFixed(2)}), and a typical file takes under ${TYPICAL_FILE_BUDGET_MS} ms.`,
    '',
    verdict,
    '',
  ].join('\n'),
);
process.exitCode = failures.length > 0 ? 1 : 0;
