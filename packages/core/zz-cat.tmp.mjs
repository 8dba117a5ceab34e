import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles, resolveConfig } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { extractModuleFacts } from './dist/summary/module-facts.js';
import { extractRouteFacts } from './dist/graph/route-facts.js';
import { extractFlowFacts } from './dist/flow/flow-facts.js';
const root = process.argv[2];
const files = discoverFiles({ root });
const config = resolveConfig({});
const t = {};
const add = (cat, k, v) => { t[cat] ??= { n: 0, parse: 0, mod: 0, route: 0, flow: 0 }; t[cat][k] += v; };
const only = process.env.ONLY; const sec = process.env.SEC;
for (let pass = 0; pass < 2; pass++) for (const f of files) {
  if (only && f.split("/").at(-2) !== only) continue;
  const cat = f.split('/').at(-2);
  const text = readFileSync(join(root, f), 'utf8');
  let s = performance.now();
  const sf = parseSource(f, text);
  let e = performance.now(); if (pass) add(cat, 'parse', e - s); s = e;
  const module = extractModuleFacts(sf);
  e = performance.now(); if (pass) add(cat, 'mod', e - s); s = e;
  if (sec !== "flow") extractRouteFacts(sf, { path: f, config }, module);
  e = performance.now(); if (pass) add(cat, 'route', e - s); s = e;
  if (sec !== "route") extractFlowFacts(sf, { path: f, config });
  e = performance.now(); if (pass) { add(cat, 'flow', e - s); t[cat].n++; }
}
for (const [c, v] of Object.entries(t).sort((a, b) => b[1].parse - a[1].parse)) console.log(c.padEnd(12), String(v.n).padStart(5), ...['parse', 'mod', 'route', 'flow'].map((k) => `${k} ${v[k].toFixed(0).padStart(5)}`));
