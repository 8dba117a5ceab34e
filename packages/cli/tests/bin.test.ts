import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BARE_IGNORE, CLEAN } from './support/sources.js';
import { createTempProject, type TempProject } from './support/temp-project.js';

// The installed entry point, as `npx shiftguard` runs it (needs `npm run build`, which turbo runs first).
const BIN = fileURLToPath(new URL('../bin/shiftguard.js', import.meta.url));

let project: TempProject;
afterEach(() => project?.remove());

const shiftguard = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the shiftguard executable', () => {
  it('sets the process exit code and writes the whole report to a pipe', () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE, 'src/ok.ts': CLEAN });
    const run = shiftguard('scan', '--format', 'json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings).toHaveLength(1);
    expect(run.stderr).toBe(''); // no progress indicator when not on a terminal

    expect(shiftguard('scan', 'src/ok.ts').status).toBe(0);
    expect(shiftguard('scan', '--bogus').status).toBe(2);
  });

  it('scans staged files with the git listings it starts before loading the engine, and exits 2 outside git', () => {
    project = createTempProject({ 'src/ok.ts': CLEAN }, { git: true });
    project.write('src/bad.ts', BARE_IGNORE);
    project.git('add', '.');
    const run = shiftguard('scan', '--staged', '--format', 'json');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['src/bad.ts']);
    project.remove();
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    const outside = shiftguard('scan', '--staged');
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/git diff failed/);
  });

  it('keeps its exit code when the reader closes the pipe early (| head)', () => {
    project = createTempProject({ 'src/many.ts': Array.from({ length: 2000 }, () => BARE_IGNORE).join('') });
    // bash reports the exit status of the first command of a pipeline in PIPESTATUS.
    const script = `"${process.execPath}" "${BIN}" scan | head -n 1 > /dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const run = spawnSync('bash', ['-c', script], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stdout.trim()).toBe('status=1');
    expect(run.stderr).not.toContain('EPIPE');
  });
});
