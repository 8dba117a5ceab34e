#!/usr/bin/env node
// `node tools/bench/summarize-profile.js FILE.cpuprofile [N]`: the N functions with the most self
// time and the N project functions with the most inclusive time (time spent in them or in anything
// they call), from a `node --cpu-prof` profile. Inclusive time counts a function once per sample
// even when it recurses, so numbers add up to wall time, not more.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} CpuProfile
 */

/**
 * @param {CpuProfile} profile
 * @param {(name: string) => boolean} [isProject] which functions the inclusive list keeps
 */
export function summarizeProfile(profile, isProject = (name) => name.includes('packages/')) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} */
  const sampled = new Map();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const inclusive = new Map();
  for (const [id, micros] of sampled) {
    const leaf = byId.get(id);
    if (leaf) add(self, nameOf(leaf), micros);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (!node) break;
      const name = nameOf(node);
      if (seen.has(name)) continue; // recursion: count each function once per sample
      seen.add(name);
      add(inclusive, name, micros);
    }
  }
  const total = [...sampled.values()].reduce((a, b) => a + b, 0);
  return { totalMs: total / 1000, self: top(self), inclusive: top(new Map([...inclusive].filter(([name]) => isProject(name)))) };
}

/** @param {ProfileNode} node */
function nameOf(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\//, '').replace(/^.*\/(packages|tools|eslint-rules)\//, '$1/').replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
}

/** @param {Map<string, number>} map @param {string} key @param {number} value */
function add(map, key, value) {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** @param {Map<string, number>} map */
function top(map) {
  // Ties broken by name: the output never depends on the profile's node order.
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([name, micros]) => ({ name, ms: micros / 1000 }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, count = '25'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node tools/bench/summarize-profile.js FILE.cpuprofile [N]');
    process.exit(2);
  }
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')));
  const lines = (/** @type {Array<{ name: string, ms: number }>} */ rows) => rows.slice(0, Number(count)).map((r) => `${r.ms.toFixed(0).padStart(8)} ms  ${r.name}`);
  console.log([`total ${summary.totalMs.toFixed(0)} ms`, '', 'self time:', ...lines(summary.self), '', 'inclusive (project code):', ...lines(summary.inclusive)].join('\n'));
}
