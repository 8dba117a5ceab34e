import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { discoverFiles, resolveConfig, ruleIds, rules } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { summarizeFile } from './dist/summary/summarize-file.js';
import { loadPathAliases } from './dist/project/path-aliases.js';
import { ProjectModel } from './dist/project/project-model.js';
import { loadedSummary } from './dist/summary/lazy-summary.js';
const root = resolve(process.argv[2]);
const files = discoverFiles({ root });
const config = resolveConfig({}, 'defaults', ruleIds);
const aliases = loadPathAliases(root, files);
const sums = new Map(); const lazy = new Map();
let t = performance.now();
for (const f of files) {
  const s0 = performance.now(); if (process.env.TRACE) console.log("file", f);
  try { const s = summarizeFile(parseSource(f, readFileSync(join(root, f), 'utf8')), '', { path: f, config, aliases }); sums.set(f, s); lazy.set(f, loadedSummary(s, aliases)); } catch (e) { console.log('ERR', f, e.message); }
  const d = performance.now() - s0; if (d > 500) console.log('slow', f, d.toFixed(0));
}
console.log('summaries', (performance.now() - t).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
const project = new ProjectModel(sums, lazy, aliases);
for (const rule of rules) {
  t = performance.now();
  let n = 0;
  rule.check({ project, config, report: () => n++ });
  console.log(rule.meta.id, n, (performance.now() - t).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0));
}
