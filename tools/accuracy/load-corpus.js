import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SOURCE_GLOB } from '@shiftguard/core';
import picomatch from 'picomatch';

/**
 * @typedef {{ ruleId: string, file: string, line: number }} ExpectedFinding
 * @typedef {{
 *   name: string, ruleId: string, naive: boolean, config?: Record<string, unknown>,
 *   expected: ExpectedFinding[], files: Array<{ path: string, text: string }>,
 *   configFiles: Array<{ path: string, text: string }>
 * }} CorpusCase
 */

const isSource = picomatch(SOURCE_GLOB);

/**
 * Reads `<root>/<rule-id>/<case>/case.json` plus the case's sources: the same layout and file
 * selection as `packages/core/tests/corpus.ts`, which is TypeScript and not importable from a
 * plain-JS tool without a build step.
 * @param {string} root
 * @returns {CorpusCase[]}
 */
export function loadCorpus(root) {
  /** @type {CorpusCase[]} */
  const cases = [];
  for (const ruleId of subdirectories(root)) {
    for (const caseName of subdirectories(join(root, ruleId))) {
      const dir = join(root, ruleId, caseName);
      const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
      cases.push({
        name: `${ruleId}/${caseName}`,
        ruleId,
        naive: meta.naive ?? false,
        config: meta.config,
        expected: meta.expected ?? [],
        files: listFiles(dir, isSource).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') })),
        configFiles: listFiles(dir, isConfigFile).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') })),
      });
    }
  }
  return cases;
}

/** @param {string} dir */
function subdirectories(dir) {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** A case's tsconfig.json, jsconfig.json or package.json: their aliases apply to the case's sources. */
const isConfigFile = (/** @type {string} */ name) => name === 'tsconfig.json' || name === 'jsconfig.json' || name === 'package.json';

/**
 * @param {string} dir
 * @param {(name: string) => boolean} wanted
 * @param {string} [base]
 * @returns {string[]}
 */
function listFiles(dir, wanted, base = dir) {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, wanted, base));
    else if (wanted(entry.name)) out.push(relative(base, full).split('\\').join('/'));
  }
  return out.sort();
}
