import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanProject } from '../../src/scan-project.js';

const OK = 'export const ok = 1;\n';
// Reported by the engine itself, so a finding proves the file was analysed without any rule.
const PROBE = '// shiftguard-ignore-next-line no-secrets-in-logs\nexport const probed = 1;\n';

let root: string;

function project(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'shiftguard-hostile-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function gitInit(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'init');
}

afterEach(() => {
  if (!root) return;
  // Restore permissions first: a 000 file can block cleanup for a non-root user.
  try {
    chmodSync(join(root, 'src', 'locked.ts'), 0o644);
  } catch {
    // only the chmod test creates it
  }
  rmSync(root, { recursive: true, force: true });
});

describe.each([
  ['outside git', false],
  ['inside a git work tree', true],
])('hostile files on disk, %s', (_where, inGit) => {
  function scan(setup: (dir: string) => void) {
    const dir = project({ 'src/app.ts': OK, 'src/probe.ts': PROBE });
    setup(dir);
    if (inGit) gitInit(dir);
    const result = scanProject({ root: dir, cacheFile: false });
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/probe.ts:1']);
    return result;
  }

  it('terminates on symlink loops and scans each real file once', () => {
    const result = scan((dir) => {
      symlinkSync('.', join(dir, 'src', 'loop'));
      symlinkSync('..', join(dir, 'src', 'up'));
      symlinkSync('self.ts', join(dir, 'src', 'self.ts'));
    });
    expect(result.errors).toEqual([]);
    expect(result.stats.files).toBe(2);
  });

  it('does not follow dangling symlinks or symlinks to directories', () => {
    const result = scan((dir) => {
      symlinkSync('missing.ts', join(dir, 'src', 'dangling.ts'));
      symlinkSync('.', join(dir, 'src', 'folder.ts'));
      symlinkSync('app.ts', join(dir, 'src', 'alias.ts'));
    });
    expect(result.errors).toEqual([]);
    expect(result.stats.files).toBe(2);
  });

  it('skips a directory whose name looks like a source file, but scans its contents', () => {
    const result = scan((dir) => {
      mkdirSync(join(dir, 'src', 'weird.ts'));
      writeFileSync(join(dir, 'src', 'weird.ts', 'inner.ts'), OK);
    });
    expect(result.errors).toEqual([]);
    expect(result.stats.files).toBe(3);
  });

  it('never opens a named pipe called .ts (reading it would block forever)', () => {
    const result = scan((dir) => execFileSync('mkfifo', [join(dir, 'src', 'pipe.ts')]));
    expect(result.errors).toEqual([]);
    expect(result.stats.files).toBe(2);
  });

  it('reports an unreadable file when permissions deny reading (and scans it when they cannot, as root)', () => {
    let denied = false;
    const result = scan((dir) => {
      const locked = join(dir, 'src', 'locked.ts');
      writeFileSync(locked, OK);
      chmodSync(locked, 0o000);
      // root ignores file modes: detect what this process can really do rather than assume.
      try {
        accessSync(locked, constants.R_OK);
      } catch {
        denied = true;
      }
    });
    if (denied) {
      expect(result.errors).toEqual([expect.objectContaining({ kind: 'read', file: 'src/locked.ts', message: expect.stringContaining('permission denied') })]);
    } else {
      expect(result.errors).toEqual([]);
      expect(result.stats.files).toBe(3);
    }
  });
});

describe('git work tree specifics', () => {
  it('does not report a tracked file deleted from the working tree', () => {
    const dir = project({ 'src/app.ts': OK, 'src/gone.ts': OK });
    gitInit(dir);
    unlinkSync(join(dir, 'src', 'gone.ts'));
    const result = scanProject({ root: dir, cacheFile: false });
    expect(result.errors).toEqual([]);
    expect(result.stats.files).toBe(1);
  });
});

describe('files supplied by the caller', () => {
  it('scans a tracked file deleted from the work tree when a snapshot (the staged index) has it', () => {
    const dir = project({ 'src/app.ts': OK, 'src/gone.ts': OK });
    gitInit(dir);
    unlinkSync(join(dir, 'src', 'gone.ts'));
    const texts = new Map([['src/app.ts', OK], ['src/gone.ts', PROBE]]);
    const snapshot = { files: new Map([['src/app.ts', 'blob-app'], ['src/gone.ts', 'blob-gone']]), read: () => texts };
    const result = scanProject({ root: dir, cacheFile: false, snapshot });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/gone.ts:1']);
  });
});
