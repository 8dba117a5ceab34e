#!/usr/bin/env node
// `npm run accuracy [-- FIXTURES_DIR]`: precision and recall per rule over the labelled corpus.
// Exits 1 when any rule is below 100% (or a case fails to scan), so CI can gate on it.
import { fileURLToPath } from 'node:url';
import { scanFiles } from '@shiftguard/core';
import { formatReport } from './format-report.js';
import { loadCorpus } from './load-corpus.js';
import { isPerfect, scoreCorpus } from './score-corpus.js';

const DEFAULT_FIXTURES = fileURLToPath(new URL('../../packages/core/tests/fixtures/', import.meta.url));

/**
 * @param {string} fixturesDir
 * @returns {import('./score-corpus.js').AccuracyReport}
 */
export function runAccuracy(fixturesDir) {
  return scoreCorpus(loadCorpus(fixturesDir), (c) => scanFiles({ files: c.files, configFiles: c.configFiles, config: c.config }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fixturesDir = process.argv[2] ?? DEFAULT_FIXTURES;
  const report = runAccuracy(fixturesDir);
  if (report.rules.length === 0) {
    // An empty corpus measures nothing; passing on it would hide a broken fixtures path.
    console.error(`accuracy: no cases found under ${fixturesDir}: expected <rule-id>/<case>/case.json folders.`);
    process.exitCode = 1;
  } else {
    console.log(formatReport(report));
    process.exitCode = isPerfect(report) ? 0 : 1;
  }
}
