import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles, resolveConfig } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { summarizeFile } from './dist/summary/summarize-file.js';
const root = process.argv[2];
const keep = process.env.KEEP === '1';
const files = discoverFiles({ root });
const config = resolveConfig({});
const kept = [];
const s = performance.now();
for (const f of files) {
  const sf = parseSource(f, readFileSync(join(root, f), 'utf8'));
  const sum = summarizeFile(sf, '', { path: f, config });
  if (keep) kept.push(process.env.STR ? JSON.stringify(sum) : sum);
}
if (process.env.STR) for (let i = 0; i < kept.length; i++) kept[i] = JSON.parse(kept[i]);
const e = performance.now();
globalThis.gc?.();
console.error('ms', (e - s).toFixed(0), 'heap', (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'MB', 'json', keep ? (JSON.stringify(kept).length / 1e6).toFixed(0) : '');
