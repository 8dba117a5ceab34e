import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, writeCorpus } from './generate.js';

/** @param {string} cwd @param {string[]} args */
export const git = (cwd, ...args) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });

/**
 * Makes sure `out` holds the generated corpus for this seed and line target, committed in its own
 * git repository. The repository matters twice: `--staged` needs an index, and file discovery asks
 * git for the file list (without a repository of its own, `.generated/` would be seen as ignored
 * content of the shiftguard repository).
 * @param {string} out
 * @param {{ seed: number, lines: number }} options
 * @returns {{ hash: string, lines: number, violations: Array<{ ruleId: string, file: string, line: number }> }}
 */
export function prepareRepo(out, options) {
  const corpus = generateCorpus(options);
  const manifest = join(out, 'violations.json');
  const current = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : undefined;
  if (current?.hash !== corpus.hash || !existsSync(join(out, '.git'))) {
    writeCorpus(corpus, out);
    git(out, 'init', '-q', '-b', 'main');
    git(out, 'add', '-A');
    git(out, 'commit', '-q', '-m', `generated corpus ${corpus.hash.slice(0, 12)}`);
  }
  return { hash: corpus.hash, lines: corpus.lines, violations: corpus.violations };
}
