#!/usr/bin/env node
// `npm run bench [-- --runs N --lines N --skip-eslint]`: one run, one generated corpus, every
// measurement on the same files; prints a table and ratios and writes RESULTS.md.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
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

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

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

  const { byRule: recall, unplanted } = plantedRecall(corpus.violations, full.findings ?? []);
  const rows = [
    ['measurement', 'wall time', 'CPU time', 'peak RSS', 'files'],
    ['(a) parse-only baseline', seconds(parse.ms), seconds(parse.cpuMs), `${parse.maxRssMb} MB`, String(parse.files)],
    ['(b) shiftguard full scan', seconds(full.ms), seconds(full.cpuMs), `${full.maxRssMb} MB`, String(full.files)],
    ['(c) eslint + security', eslint ? seconds(eslint.ms) : 'skipped', eslint ? seconds(eslint.cpuMs) : '', eslint ? `${eslint.maxRssMb} MB` : '', eslint ? String(eslint.files) : ''],
    ['(d) staged 10 files, warm', 'ms' in (staged.warm ?? {}) ? seconds(staged.warm?.ms ?? 0) : `failed: ${staged.error ?? staged.warm?.error}`, staged.warm?.cpuMs ? seconds(staged.warm.cpuMs) : '', staged.warm?.maxRssMb ? `${staged.warm.maxRssMb} MB` : '', String(staged.files ?? '')],
  ];
  const ratios = [
    ['full / parse-only (wall)', (full.ms / parse.ms).toFixed(2), '<= 2.00'],
    ['full / parse-only (CPU)', (full.cpuMs / parse.cpuMs).toFixed(2), '<= 2.00'],
    ['eslint+security / full (wall)', eslint ? (eslint.ms / full.ms).toFixed(2) : 'n/a', '>= 5.00'],
    ['eslint+security / full (CPU)', eslint ? (eslint.cpuMs / full.cpuMs).toFixed(2) : 'n/a', '>= 5.00'],
    ['peak RSS full scan', `${full.maxRssMb} MB`, '< 1024 MB'],
    ['warm staged (10 files, wall)', staged.warm && !staged.warm.error ? `${Math.round(staged.warm.ms)} ms` : 'n/a', '< 500 ms'],
    ['warm staged (10 files, CPU)', staged.warm?.cpuMs ? `${staged.warm.cpuMs} ms` : 'n/a', '< 500 ms'],
  ];
  const table = (/** @type {string[][]} */ t) => {
    const widths = (t[0] ?? []).map((_, i) => Math.max(...t.map((r) => (r[i] ?? '').length)));
    return t.map((r) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`).join('\n');
  };
  const report = [
    `# Benchmark results`,
    ``,
    `Generated by \`npm run bench\` (tools/bench/run.js); do not edit by hand.`,
    ``,
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version} (shared with other jobs: expect noise)`,
    `- Corpus: ${corpus.lines} lines in ${full.files} scanned files (seed ${values.seed ?? DEFAULT_SEED}, hash ${corpus.hash.slice(0, 12)})`,
    `- Load average when done: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)`,
    `- Runs: median of ${runs} for (a) and (b) [${parse.runsMs.join(', ')}] / [${full.runsMs.join(', ')}] ms; one run of (c); median of 3 warm runs for (d) (cold: ${staged.coldMs ? `${Math.round(staged.coldMs)} ms` : 'n/a'})`,
    ``,
    table(rows),
    ``,
    table([['ratio', 'value', 'target'], ...ratios]),
    ``,
    `Planted violations found by the full scan: ${Object.entries(recall).map(([id, r]) => `${id} ${r.found}/${r.planted}`).join(', ') || 'none planted'}.`,
    `Findings that were not planted: ${unplanted.length}${unplanted.length ? ` (first: ${unplanted.slice(0, 5).join('; ')})` : ''}.`,
    `Findings by rule: ${JSON.stringify(full.findingsByRule)}; scan errors: ${full.errors}${full.errors ? ` (${full.firstErrors.join('; ')})` : ''}.`,
    eslint ? `ESLint: ${eslint.messages} messages, ${eslint.fatal} fatal.` : '',
  ].join('\n');
  console.log(`\n${report}`);
  writeFileSync(join(HERE, 'RESULTS.md'), `${report}\n`);
}

main();
