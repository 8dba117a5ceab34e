import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { collectConstants } from './dist/graph/path-expr.js';
const root = process.argv[2];
const files = discoverFiles({ root });
const maps = files.map((f) => collectConstants(parseSource(f, readFileSync(join(root, f), 'utf8'))));
let n = 0; for (const m of maps) n += m.size;
console.log('files', maps.length, 'constants', n, 'max', Math.max(...maps.map((m) => m.size)));
for (let r = 0; r < 3; r++) {
  let s = performance.now(); for (const m of maps) Object.fromEntries(m); console.log('fromEntries', (performance.now() - s).toFixed(1));
  s = performance.now(); for (const m of maps) { const o = {}; for (const [k, v] of m) o[k] = v; } console.log('loop', (performance.now() - s).toFixed(1));
  s = performance.now(); for (const m of maps) { const o = Object.create(null); m.forEach((v, k) => { o[k] = v; }); } console.log('forEach', (performance.now() - s).toFixed(1));
}
