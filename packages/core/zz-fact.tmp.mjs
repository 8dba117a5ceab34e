import { readFileSync } from 'node:fs';
import { resolveConfig, ruleIds } from './dist/index.js';
import { parseSource } from './dist/parse/parse-source.js';
import { extractRouteFacts } from './dist/graph/route-facts.js';
const config = resolveConfig({}, 'defaults', ruleIds);
const f = process.argv[2];
const r = extractRouteFacts(parseSource(f, readFileSync(f, 'utf8')), { path: f, config });
console.log(JSON.stringify(r.functions[process.argv[3] ?? 'default'], null, 1).slice(0, 3000));
