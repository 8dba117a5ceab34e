// Baseline: read every file, parse it with the engine's TypeScript (ts-morph's copy, same flags as
// parse/parse-source.ts) and visit every node. Nothing a scanner can do costs less than this.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles } from '@shiftguard/core';
import { ts } from 'ts-morph';
import { reportResult } from './report-result.js';

const root = process.argv[2] ?? '.';
const files = discoverFiles({ root });
let nodes = 0;
/** @param {import('ts-morph').ts.Node} node */
const visit = (node) => {
  nodes++;
  ts.forEachChild(node, visit);
};
for (const file of files) {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[mc]?jsx?$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  visit(ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true, kind));
}
reportResult({ files: files.length, nodes });
