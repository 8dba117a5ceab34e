#!/usr/bin/env node
// Adds up the vitest JSON reports every workspace writes (`.vitest-report.json`, see each package's
// `test` script) and prints one closing line for the whole repository: "Tests: N passed, N failed".
// CI reads that line to know tests really ran; a report from a run older than `--since` is ignored
// so a stale file can never stand in for a run that did not happen.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';

const root = join(import.meta.dirname, '..', '..');
const sinceArg = process.argv.indexOf('--since');
const since = sinceArg > 0 ? Number(process.argv[sinceArg + 1]) * 1000 : 0;

const reports = fg.sync('**/.vitest-report.json', { cwd: root, ignore: ['**/node_modules/**'], dot: true });
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports.sort()) {
  const path = join(root, file);
  if (statSync(path).mtimeMs < since) continue;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`  ${file.replace('/.vitest-report.json', '') || '.'}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
