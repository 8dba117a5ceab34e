#!/usr/bin/env node
// `npm run bench [-- --runs N --lines N --skip-eslint]`: one run, one generated corpus, every
// measurement on the same files; prints a table and ratios and writes RESULTS.md.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatResults, seconds } from './format-results.js';
import { DEFAULT_LINES, DEFAULT_OUT, DEFAULT_SEED } from './generate.js';
import { git, prepareRepo } from './prepare-repo.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CLI = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const STAGED_FILES = 10;
const CPU_REPORTER = join(HERE, 'measure', 'report-cpu-on-exit.cjs');

/**
 * Runs one measurement script in a fresh Node process and returns its JSON line.
 * @param {string} script
 * @param {string} root
 * @returns {Record<string, any>} parsed JSON; `any` because each script reports its own fields
 */
function measure(script, root) {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', join(HERE, 'measure', script), root], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (child.status !== 0) throw new Error(`${script} failed (${child.status}):\n${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}');
}

/**
 * @param {string} script
 * @param {string} root
 * @param {number} runs
 */
function medianOf(script, root, runs) {
  const results = Array.from({ length: runs }, () => measure(script, root));
  results.sort((a, b) => a.ms - b.ms);
  const median = results[Math.floor(results.length / 2)] ?? {};
  return { ...median, runsMs: results.map((r) => Math.round(r.ms)), maxRssMb: Math.max(...results.map((r) => r.maxRssMb)) };
}

/**
 * Stages 10 edited files and times `shiftguard scan --staged` twice: the first run fills the cache,
 * the second is what a developer waits for in a pre-commit hook.
 * @param {string} root
 */
function stagedScan(root) {
  if (!existsSync(CLI)) return { error: `CLI not built (${CLI})` };
  const files = git(root, 'ls-files', '--', '*/routes/*.ts').split('\n').filter(Boolean).slice(0, STAGED_FILES);
  for (const f of files) appendFileSync(join(root, f), `// edited for the staged benchmark\n`);
  // The first run must really be cold: drop whatever cache an earlier benchmark left behind.
  for (const cache of ['.shiftguard-cache', 'node_modules/.cache/shiftguard']) rmSync(join(root, cache), { recursive: true, force: true });
  try {
    git(root, 'add', '--', ...files);
    const run = () => {
      const started = performance.now();
      const child = spawnSync(process.execPath, ['-r', CPU_REPORTER, CLI, 'scan', '--staged', '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      });
      const ms = performance.now() - started;
      if (child.status !== 0 && child.status !== 1) return { ms, error: `exit ${child.status}: ${child.stderr.slice(-500)}` };
      const usage = JSON.parse(String(child.output[3] ?? '{}'));
      return { ms, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssMb, findings: JSON.parse(child.stdout).findings.length };
    };
    const cold = run();
    const warmRuns = [run(), run(), run()].sort((a, b) => a.ms - b.ms);
    return { coldMs: cold.ms, warm: warmRuns[1] ?? cold, files: files.length };
  } finally {
    git(root, 'restore', '--staged', '--worktree', '--', ...files);
  }
}

/** Sizes of the bundled modules of (e): their times grow with their size when the scan is linear. */
const BUNDLE_MB = [1, 4];

/**
 * One module made of the corpus's files laid end to end, `megabytes` of it, alone in its own folder:
 * a bundled server, the largest single file a scan meets.
 * @param {string} corpusRoot
 * @param {number} megabytes
 */
function writeBundle(corpusRoot, megabytes) {
  // Outside the repository: a scan honours the .gitignore of the repository around its root.
  const dir = join(tmpdir(), 'shiftguard-bench-bundles', `${megabytes}mb`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  const parts = [];
  let size = 0;
  for (const file of git(corpusRoot, 'ls-files', '--', '*.ts').split('\n').filter(Boolean).sort()) {
    if (size >= megabytes * 2 ** 20) break;
    const text = readFileSync(join(corpusRoot, file), 'utf8');
    parts.push(text);
    size += text.length + 1;
  }
  writeFileSync(join(dir, 'src', 'bundle.ts'), parts.join('\n'));
  return dir;
}

/** (e): the full scan of a 1 MB and a 4 MB module; the larger takes about 4 times as long when the scan is linear in a file's size. */
function bundleScaling(corpusRoot) {
  const [small, large] = BUNDLE_MB.map((mb) => ({ mb, ...measure('full-scan.js', writeBundle(corpusRoot, mb)) }));
  return { small, large };
}

/**
 * Compares the scan's findings with the planted violations: per rule, how many were found, and
 * which findings were not planted (false positives, unless the generator planted more than it says).
 * @param {Array<{ ruleId: string, file: string, line: number }>} planted
 * @param {string[]} findings `ruleId file:line`
 */
function plantedRecall(planted, findings) {
  const found = new Set(findings);
  const plantedKeys = new Set(planted.map((v) => `${v.ruleId} ${v.file}:${v.line}`));
  /** @type {Record<string, { planted: number, found: number }>} */
  const byRule = {};
  for (const v of planted) {
    const entry = (byRule[v.ruleId] ??= { planted: 0, found: 0 });
    entry.planted++;
    if (found.has(`${v.ruleId} ${v.file}:${v.line}`)) entry.found++;
  }
  return { byRule, unplanted: findings.filter((f) => !plantedKeys.has(f)) };
}

function main() {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '3' }, lines: { type: 'string' }, seed: { type: 'string' }, 'skip-eslint': { type: 'boolean', default: false } },
  });
  const runs = Number(values.runs);
  const root = DEFAULT_OUT;
  const corpus = prepareRepo(root, { seed: values.seed ? Number(values.seed) : DEFAULT_SEED, lines: values.lines ? Number(values.lines) : DEFAULT_LINES });
  console.log(`corpus: ${corpus.lines} lines, hash ${corpus.hash.slice(0, 12)}, ${corpus.violations.length} planted violations`);

  const parse = medianOf('parse-only.js', root, runs);
  console.log(`parse-only: ${seconds(parse.ms)} (runs ${parse.runsMs.join(', ')} ms)`);
  const full = medianOf('full-scan.js', root, runs);
  console.log(`full scan:  ${seconds(full.ms)} (runs ${full.runsMs.join(', ')} ms)`);
  const eslint = values['skip-eslint'] ? undefined : measure('eslint-security.js', root);
  if (eslint) console.log(`eslint:     ${seconds(eslint.ms)}`);
  const staged = stagedScan(root);
  const bundles = bundleScaling(root);
  console.log(`bundles:    ${seconds(bundles.small.ms)} (1 MB) / ${seconds(bundles.large.ms)} (4 MB)`);

  const report = formatResults({ corpus, runs, seed: values.seed ?? String(DEFAULT_SEED), parse, full, eslint, staged, bundles, planted: plantedRecall(corpus.violations, full.findings ?? []) });
  console.log(`\n${report}`);
  writeFileSync(join(HERE, 'RESULTS.md'), `${report}\n`);
}

main();
