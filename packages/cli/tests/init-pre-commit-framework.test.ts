import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLEAN_SOURCE, createSandbox, LEAKY_SOURCE, type Sandbox } from './init-sandbox.js';

type HookDefinition = Record<string, string | boolean | string[]>;

/**
 * Reads `.pre-commit-hooks.yaml`: a list of flat maps whose values are scalars or flow lists. That
 * is all the file format uses, and a parser for it is smaller than a YAML dependency.
 */
function parseHookDefinitions(text: string): HookDefinition[] {
  const hooks: HookDefinition[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const item = /^- /.test(line);
    const match = /^(?:- | {2})([\w-]+):\s*(.*)$/.exec(line);
    if (!match) throw new Error(`unexpected line in .pre-commit-hooks.yaml: ${raw}`);
    if (item) hooks.push({});
    const current = hooks.at(-1);
    if (!current) throw new Error(`a key before the first hook: ${raw}`);
    current[match[1] as string] = scalar(match[2] as string);
  }
  return hooks;
}

function scalar(value: string): string | boolean | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (value.startsWith('[')) return value.slice(1, -1).split(',').map((v) => unquote(v.trim())).filter(Boolean);
  return unquote(value);
}

function unquote(value: string): string {
  return /^(['"]).*\1$/.test(value) ? value.slice(1, -1) : value;
}

const definitions = parseHookDefinitions(readFileSync(new URL('../../../.pre-commit-hooks.yaml', import.meta.url), 'utf8'));
const hook = definitions.find((d) => d.id === 'shiftguard');

/**
 * Runs the hook's `entry` the way pre-commit does for `pass_filenames: false`: split into words,
 * no file names appended, from the repository root, with the hook's installed bins on PATH.
 */
function runEntry(repo: Sandbox): { status: number; output: string } {
  const [command, ...args] = String(hook?.entry).split(/\s+/);
  const r = spawnSync(command as string, args, {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${repo.binDir}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' },
  });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}

const sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes.splice(0)) s.remove();
});

describe('.pre-commit-hooks.yaml', { timeout: 60_000 }, () => {
  it('defines the shiftguard hook as the contract says', () => {
    expect(hook).toMatchObject({
      id: 'shiftguard',
      language: 'node',
      entry: 'shiftguard scan --staged',
      pass_filenames: false,
      require_serial: true,
    });
  });

  it('its entry fails on a staged violation even when the fix is only in the working tree', () => {
    const repo = createSandbox();
    sandboxes.push(repo);
    repo.write('src/app.ts', LEAKY_SOURCE);
    repo.git('add', 'src/app.ts');
    repo.write('src/app.ts', CLEAN_SOURCE);
    const result = runEntry(repo);
    expect(result.status).toBe(1);
    expect(result.output).toContain('no-secrets-in-logs');
  });

  it('its entry passes when the staged content is clean', () => {
    const repo = createSandbox();
    sandboxes.push(repo);
    repo.write('src/app.ts', CLEAN_SOURCE);
    repo.git('add', 'src/app.ts');
    repo.write('src/app.ts', LEAKY_SOURCE);
    expect(runEntry(repo)).toMatchObject({ status: 0 });
  });
});
