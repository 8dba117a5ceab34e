import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOOK_COMMAND, runInit, shellBlock, withBlock, withLefthookCommand } from '../src/init.js';
import { CLEAN_SOURCE, createSandbox, LEAKY_SOURCE, runCli, type Sandbox } from './init-sandbox.js';

const sandboxes: Sandbox[] = [];
afterEach(() => {
  for (const s of sandboxes.splice(0)) s.remove();
});

function sandbox(): Sandbox {
  const s = createSandbox();
  sandboxes.push(s);
  return s;
}

async function init(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runInit(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const countBlocks = (text: string) => text.split('# >>> shiftguard pre-commit').length - 1;

// Real git commits run the hook, which starts npx and the CLI: allow for a loaded machine.
describe('shiftguard init in a real git repository', { timeout: 60_000 }, () => {
  it('installs through the CLI; a staged violation then blocks the commit with a readable message', async () => {
    const repo = sandbox();
    const installed = runCli(repo.dir, ['init']);
    expect(installed.status).toBe(0);
    expect(installed.stdout).toContain('.git/hooks/pre-commit');

    repo.write('src/app.ts', LEAKY_SOURCE);
    repo.git('add', 'src/app.ts');
    const commit = repo.commit('leak');
    expect(commit.status).not.toBe(0);
    expect(commit.output).toContain('no-secrets-in-logs');
    expect(commit.output).toMatch(/src\/app\.ts.*3/);
    expect(commit.output).toContain('shiftguard: commit blocked');
    expect(repo.git('rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('finds the CLI through npx when the repository has no ./node_modules/.bin/shiftguard of its own', async () => {
    const repo = createSandbox({ installedIn: 'parent' });
    sandboxes.push(repo);
    expect(existsSync(join(repo.dir, 'node_modules'))).toBe(false);
    expect((await init(repo.dir)).code).toBe(0);
    repo.write('src/app.ts', LEAKY_SOURCE);
    repo.git('add', 'src/app.ts');
    const commit = repo.commit('leak');
    expect(commit.status).not.toBe(0);
    expect(commit.output).toContain('no-secrets-in-logs');
    expect(existsSync(join(repo.installRoot, 'shim-used'))).toBe(true);
  });

  it('lets a clean commit through', async () => {
    const repo = sandbox();
    expect((await init(repo.dir)).code).toBe(0);
    repo.write('src/app.ts', CLEAN_SOURCE);
    repo.git('add', 'src/app.ts');
    const commit = repo.commit('clean');
    expect(commit.output).not.toContain('commit blocked');
    expect(commit.status).toBe(0);
    expect(repo.git('rev-list', '--count', 'HEAD')).toBe('2');
  });

  it('checks what is staged: a fix left unstaged does not hide the staged problem', async () => {
    const repo = sandbox();
    await init(repo.dir);
    repo.write('src/app.ts', LEAKY_SOURCE);
    repo.git('add', 'src/app.ts');
    repo.write('src/app.ts', CLEAN_SOURCE);
    const commit = repo.commit('leak with an unstaged fix');
    expect(commit.status).not.toBe(0);
    expect(commit.output).toContain('no-secrets-in-logs');
  });

  it('is harmless to run again: same hook, one shiftguard block', async () => {
    const repo = sandbox();
    await init(repo.dir);
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    const first = readFileSync(hook, 'utf8');
    const again = await init(repo.dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already installed');
    expect(readFileSync(hook, 'utf8')).toBe(first);
    expect(countBlocks(first)).toBe(1);
  });

  it('keeps a foreign hook, runs it, and still blocks a staged violation', async () => {
    const repo = sandbox();
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho foreign >> foreign-ran.txt\nexit 0\n');
    chmodSync(hook, 0o755);
    const result = await init(repo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kept');
    const text = readFileSync(hook, 'utf8');
    expect(text).toContain('echo foreign >> foreign-ran.txt\nexit 0\n');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);

    repo.write('src/app.ts', CLEAN_SOURCE);
    repo.git('add', 'src/app.ts');
    expect(repo.commit('clean').status).toBe(0);
    expect(existsSync(join(repo.dir, 'foreign-ran.txt'))).toBe(true);

    // The foreign hook ends in `exit 0`; shiftguard's check runs before it, so it cannot be skipped.
    repo.write('src/leak.ts', LEAKY_SOURCE);
    repo.git('add', 'src/leak.ts');
    expect(repo.commit('leak').status).not.toBe(0);
  });

  it('never rewrites a hook in another language, and says how to add the check', async () => {
    const repo = sandbox();
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    const python = '#!/usr/bin/env python3\nprint("checks")\n';
    writeFileSync(hook, python);
    const result = await init(repo.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(HOOK_COMMAND);
    expect(readFileSync(hook, 'utf8')).toBe(python);
  });

  it('leaves hand-edited shiftguard lines alone unless --force, which replaces only them', async () => {
    const repo = sandbox();
    await init(repo.dir);
    const hook = join(repo.dir, '.git/hooks/pre-commit');
    const edited = readFileSync(hook, 'utf8').replace('scan --staged', 'scan --staged --quiet') + 'echo after\n';
    writeFileSync(hook, edited);

    const plain = await init(repo.dir);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('--force');
    expect(readFileSync(hook, 'utf8')).toBe(edited);

    expect((await init(repo.dir, '--force')).code).toBe(0);
    const replaced = readFileSync(hook, 'utf8');
    expect(replaced).not.toContain('--quiet');
    expect(replaced).toContain('echo after\n');
    expect(countBlocks(replaced)).toBe(1);
  });

  it('installs at the repository root when run from a sub-folder', async () => {
    const repo = sandbox();
    repo.write('src/keep.txt', '');
    const result = await init(join(repo.dir, 'src'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('../.git/hooks/pre-commit');
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(true);
  });

  it('respects core.hooksPath', async () => {
    const repo = sandbox();
    repo.git('config', 'core.hooksPath', 'githooks');
    expect((await init(repo.dir)).code).toBe(0);
    expect(existsSync(join(repo.dir, 'githooks/pre-commit'))).toBe(true);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(false);
    repo.write('src/app.ts', LEAKY_SOURCE);
    repo.git('add', 'src/app.ts');
    expect(repo.commit('leak').status).not.toBe(0);
  });

  it('adds to a husky setup: .husky/pre-commit keeps its commands and blocks the violation', async () => {
    const repo = sandbox();
    // husky 9's layout: git runs .husky/_/pre-commit, which runs the user's .husky/pre-commit with `sh -e`.
    repo.write('.husky/_/pre-commit', '#!/bin/sh\nexec sh -e "$(dirname "$0")/../pre-commit" "$@"\n');
    chmodSync(join(repo.dir, '.husky/_/pre-commit'), 0o755);
    repo.write('.husky/pre-commit', 'echo husky >> husky-ran.txt\n');
    repo.git('config', 'core.hooksPath', '.husky/_');

    const result = await init(repo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('.husky/pre-commit');
    expect(readFileSync(join(repo.dir, '.husky/pre-commit'), 'utf8')).toContain('echo husky >> husky-ran.txt');
    expect(existsSync(join(repo.dir, '.husky/_/pre-commit.shiftguard'))).toBe(false);

    repo.write('src/app.ts', LEAKY_SOURCE);
    repo.git('add', 'src/app.ts');
    expect(repo.commit('leak').status).not.toBe(0);
    repo.write('src/app.ts', CLEAN_SOURCE);
    repo.git('add', 'src/app.ts');
    expect(repo.commit('clean').status).toBe(0);
    expect(existsSync(join(repo.dir, 'husky-ran.txt'))).toBe(true);
  });

  it('refuses outside a git work tree, and an unknown argument, with exit code 2', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'shiftguard-no-git-'));
    try {
      const result = await init(outside);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('not inside a git work tree');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const bogus = await init(sandbox().dir, '--bogus');
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('"--bogus"');
  });
});

describe('withBlock', () => {
  it('puts the block right after the interpreter line of a shell hook', () => {
    expect(withBlock('#!/bin/bash\nmake lint\n', 'BLOCK', false, 'hook')).toBe('#!/bin/bash\nBLOCK\nmake lint\n');
  });

  it('puts the block first in a hook without an interpreter line', () => {
    expect(withBlock('make lint\n', 'BLOCK', false, 'hook')).toBe('BLOCK\nmake lint\n');
  });

  it('leaves a hook that already holds the current block byte for byte', () => {
    const hook = `#!/bin/sh\n${shellBlock()}\nmake lint\n`;
    expect(withBlock(hook, shellBlock(), false, 'hook')).toBe(hook);
  });

  it('refuses a block whose end marker was deleted rather than guessing where it ends', () => {
    const broken = `#!/bin/sh\n${shellBlock().split('\n').slice(0, -1).join('\n')}\nmake lint\n`;
    expect(() => withBlock(broken, shellBlock(), true, 'hook')).toThrow(/end marker/);
  });
});

describe('withLefthookCommand', () => {
  it('adds a command under the existing pre-commit commands, keeping the others', () => {
    const yml = 'pre-commit:\n  parallel: true\n  commands:\n    lint:\n      run: eslint .\npre-push:\n  commands:\n    test:\n      run: npm test\n';
    const out = withLefthookCommand(yml, false, 'lefthook.yml');
    expect(out).toContain(`    shiftguard:\n      run: ${HOOK_COMMAND}\n`);
    expect(out).toContain('    lint:\n      run: eslint .\n');
    expect(out.indexOf('shiftguard:')).toBeLessThan(out.indexOf('pre-push:'));
    expect(withLefthookCommand(out, false, 'lefthook.yml')).toBe(out);
  });

  it('adds a commands map to a pre-commit group that has none, with the file’s indentation', () => {
    const yml = 'pre-commit:\n    parallel: true\n';
    const out = withLefthookCommand(yml, false, 'lefthook.yml');
    expect(out).toContain(`pre-commit:\n    commands:\n`);
    expect(out).toContain(`        shiftguard:\n          run: ${HOOK_COMMAND}`);
  });

  it('adds a pre-commit group to a file without one', () => {
    const out = withLefthookCommand('pre-push:\n  commands: {}\n', false, 'lefthook.yml');
    expect(out).toMatch(/^pre-push:\n {2}commands: \{\}\npre-commit:\n {2}commands:\n/);
    expect(out).toContain(`      run: ${HOOK_COMMAND}`);
  });

  it('refuses a flow-style pre-commit group it cannot edit safely', () => {
    expect(() => withLefthookCommand('pre-commit: { commands: {} }\n', false, 'lefthook.yml')).toThrow(HOOK_COMMAND);
  });
});
