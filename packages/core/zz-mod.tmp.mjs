import { readFileSync } from 'node:fs';
import { parseSource } from './dist/parse/parse-source.js';
import { extractModuleFacts } from './dist/summary/module-facts.js';
const f = process.argv[2];
console.log(JSON.stringify(extractModuleFacts(parseSource(f, readFileSync(f, 'utf8')))));
