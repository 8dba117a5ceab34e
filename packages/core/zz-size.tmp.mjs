import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles, resolveConfig } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { summarizeFile } from './dist/summary/summarize-file.js';
const root = process.argv[2];
const files = discoverFiles({ root });
const config = resolveConfig({});
const size = {};
const add = (k, v) => (size[k] = (size[k] ?? 0) + v);
let n = 0;
for (const f of files) {
  const sf = parseSource(f, readFileSync(join(root, f), 'utf8'));
  const sum = summarizeFile(sf, '', { path: f, config });
  for (const [sec, val] of Object.entries(sum)) {
    if (val && typeof val === 'object' && !Array.isArray(val)) for (const [k, v] of Object.entries(val)) add(`${sec}.${k}`, JSON.stringify(v ?? null).length);
    else add(sec, JSON.stringify(val ?? null).length);
  }
  if (f.includes("services/coupon-service") && n++ === 0) console.log(JSON.stringify(sum.flow.functions).slice(0, 1200), "\n", JSON.stringify(sum.flow.calls).slice(0, 1200), "\n", JSON.stringify(sum.flow.logCalls).slice(0, 800));
}
console.log(Object.entries(size).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${(v / 1e6).toFixed(2)} MB ${k}`).join('\n'));
{
  let total = 0, trace = 0, loc = 0, empties = 0;
  for (const f of files.slice(0, 3000)) {
    const sf = parseSource(f, readFileSync(join(root, f), 'utf8'));
    const j = JSON.stringify(summarizeFile(sf, '', { path: f, config }));
    total += j.length;
    for (const m of j.matchAll(/"trace":\[[^\]]*\]/g)) trace += m[0].length;
    for (const m of j.matchAll(/\{"line":\d+,"column":\d+,"endLine":\d+,"endColumn":\d+,"offset":\d+/g)) loc += m[0].length;
    for (const m of j.matchAll(/"\w+":\[\]/g)) empties += m[0].length;
  }
  console.log({ total, trace, loc, empties });
}
