// Our full scan as the CLI runs it: discovery, parse, summaries, every rule, no cache.
import { scanProject } from '@shiftguard/core';
import { reportResult } from './report-result.js';

const root = process.argv[2] ?? '.';
const result = scanProject({ root, cacheFile: false });
/** @type {Record<string, number>} */
const findingsByRule = {};
for (const f of result.findings) findingsByRule[f.ruleId] = (findingsByRule[f.ruleId] ?? 0) + 1;
reportResult({
  files: result.stats.files,
  findingsByRule,
  findings: result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`),
  errors: result.errors.length,
  firstErrors: result.errors.slice(0, 3).map((e) => e.message),
});
