import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI the hooks run (the `test` task builds first). */
export const CLI_BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Sandbox {
  dir: string;
  /** Where the CLI shim is installed: the repository, or its parent folder. */
  installRoot: string;
  /** A directory holding only the `shiftguard` shim: put it on PATH to call the CLI by name. */
  binDir: string;
  write(path: string, text: string): void;
  git(...args: string[]): string;
  /** `git commit`, hooks enabled; never throws. */
  commit(message: string): { status: number; output: string };
  remove(): void;
}

/**
 * A real git repository in a temporary directory, set up like a user's project: a package.json and
 * `node_modules/.bin/shiftguard` (a shim to the built CLI), so `npx --no-install shiftguard` in the
 * hook finds the CLI exactly as it finds an installed one.
 */
export function createSandbox(options: { installedIn?: 'repository' | 'parent' } = {}): Sandbox {
  // `parent`: the CLI is installed one folder up (a repository inside a workspace), so the hook has
  // no ./node_modules/.bin/shiftguard and must find it through npx.
  const outer = options.installedIn === 'parent' ? mkdtempSync(join(tmpdir(), 'shiftguard-init-ws-')) : undefined;
  const dir = outer ? join(outer, 'repo') : mkdtempSync(join(tmpdir(), 'shiftguard-init-'));
  mkdirSync(dir, { recursive: true });
  const installRoot = outer ?? dir;
  const binDir = join(installRoot, 'node_modules', '.bin');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  git('config', 'commit.gpgsign', 'false');
  write('.gitignore', 'node_modules/\n');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(join(installRoot, 'package.json'), `${JSON.stringify({ name: 'sandbox', private: true, type: 'module' })}\n`);
  // The shim leaves a mark, so a test can tell this install from any other shiftguard on the way.
  writeFileSync(join(binDir, 'shiftguard'), `#!/bin/sh\ntouch "${join(installRoot, 'shim-used')}"\nexec "${process.execPath}" "${CLI_BIN}" "$@"\n`);
  chmodSync(join(binDir, 'shiftguard'), 0o755);
  git('add', '.gitignore');
  git('commit', '-q', '--no-verify', '-m', 'initial');
  return {
    dir,
    installRoot,
    binDir,
    write,
    git,
    commit(message) {
      const r = spawnSync('git', ['commit', '-m', message], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
    },
    remove: () => rmSync(installRoot, { recursive: true, force: true }),
  };
}

/** A route handler that logs the request's password: a `no-secrets-in-logs` finding on line 3. */
export const LEAKY_SOURCE = `import express from 'express';
const app = express();
app.post('/login', (req, res) => { console.log('login attempt', req.body.password); res.sendStatus(204); });
export default app;
`;

/** The same handler without the secret. */
export const CLEAN_SOURCE = `import express from 'express';
const app = express();
app.post('/login', (req, res) => { console.log('login attempt', req.body.username); res.sendStatus(204); });
export default app;
`;

/** Runs the built CLI (`shiftguard init …`) in `cwd`. */
export function runCli(cwd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
