import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// The labelled corpus belongs to the engine; this test only runs it through the other front door.
import { findingKeys, loadCorpus } from '../../core/tests/corpus.js';
import { runCli } from './support/run-cli.js';

const corpus = loadCorpus();
const configDir = mkdtempSync(join(tmpdir(), 'shiftguard-parity-'));
afterAll(() => rmSync(configDir, { recursive: true, force: true }));

/**
 * `shiftguard scan` in each case folder must report exactly the case's expected findings: the
 * command line (file discovery, config file, scan root) adds nothing to and hides nothing from
 * what the engine decides. The CLI runs the built engine (`@shiftguard/core` from dist, which turbo
 * builds before tests): after changing a rule, rebuild core before running this file alone.
 */
describe('CLI parity with the labelled corpus', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const args = ['scan', '--format', 'json'];
    if (c.config) {
      const file = join(configDir, `${name.replace(/\//g, '__')}.json`);
      writeFileSync(file, JSON.stringify(c.config));
      args.push('--config', file);
    }
    const run = await runCli(args, { cwd: c.dir });
    const result = JSON.parse(run.stdout);
    expect(result.errors).toEqual([]);
    expect(findingKeys(result.findings)).toEqual(findingKeys(c.expected));
    expect(run.code).toBe(c.expected.length ? 1 : 0);
  });
});
