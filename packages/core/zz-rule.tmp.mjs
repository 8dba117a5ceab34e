import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { discoverFiles, resolveConfig, ruleIds, rules } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { summarizeFile } from './dist/summary/summarize-file.js';
import { ProjectModel } from './dist/project/project-model.js';
import { loadedSummary } from './dist/summary/lazy-summary.js';
const root = resolve(process.argv[2]);
const only = process.argv.slice(3);
const files = only.length ? only : discoverFiles({ root });
const config = resolveConfig({}, 'defaults', ruleIds);
const sums = new Map(); const lazy = new Map();
for (const f of files) { const s = summarizeFile(parseSource(f, readFileSync(join(root, f), 'utf8')), '', { path: f, config }); sums.set(f, s); lazy.set(f, loadedSummary(s)); }
const project = new ProjectModel(sums, lazy);
const rule = rules.find((r) => r.meta.id === 'no-secrets-in-logs');
const t = performance.now(); let n = 0;
rule.check({ project, config, report: () => n++ });
console.log(files.length, 'files', n, 'findings', (performance.now() - t).toFixed(0), 'ms');
