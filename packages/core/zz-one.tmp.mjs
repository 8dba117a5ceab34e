import { readFileSync } from 'node:fs';
import { resolveConfig, ruleIds } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { extractFlowFacts } from './dist/flow/flow-facts.js';
import { extractRouteFacts } from './dist/graph/route-facts.js';
const config = resolveConfig({}, 'defaults', ruleIds);
for (const f of process.argv.slice(2)) {
  const sf = parseSource(f, readFileSync(f, 'utf8'));
  let t = performance.now();
  const r = extractRouteFacts(sf, { path: f, config });
  const tr = performance.now() - t; t = performance.now();
  const fl = extractFlowFacts(sf, { path: f, config });
  console.log(f, 'route', tr.toFixed(0), 'flow', (performance.now() - t).toFixed(0), 'json', JSON.stringify(fl).length, JSON.stringify(r).length);
}
