import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { BARE_IGNORE, BARE_IGNORE_LINE, BROKEN, CLEAN, LOG_WRAPPER, LOGS_THROUGH_WRAPPER, LOGS_THROUGH_WRAPPER_LINE } from './support/sources.js';
import { createTempProject, type TempProject } from './support/temp-project.js';

let project: TempProject;
afterEach(() => project?.remove());

const scan = (argv: string[]) => runCli(['scan', ...argv], { cwd: project.dir });
const findingsOf = async (argv: string[]) => {
  const run = await scan(['--format', 'json', ...argv]);
  return { code: run.code, findings: JSON.parse(run.stdout).findings as Array<{ ruleId: string; file: string; line: number }>, stderr: run.stderr };
};

/** A repository whose first commit already holds a violation in `old.ts`. */
function repoWithCommittedViolation(): TempProject {
  const p = createTempProject({ 'src/old.ts': BARE_IGNORE, 'src/a.ts': CLEAN }, { git: true });
  p.git('add', '.');
  p.git('commit', '-q', '-m', 'initial');
  return p;
}

describe('shiftguard scan --staged (a real git repository)', () => {
  it('reports a staged violation even when an unstaged edit fixes it, and only in staged files', async () => {
    project = repoWithCommittedViolation();
    project.write('src/new.ts', `export const n = 0;\n${BARE_IGNORE}`);
    project.git('add', 'src/new.ts');
    project.write('src/new.ts', CLEAN); // the fix is not staged: the commit would still contain the problem

    const run = await scan(['--staged']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`src/new.ts\n  ${BARE_IGNORE_LINE + 1}:1  error`);
    expect(run.stdout).toContain('// shiftguard-ignore-next-line'); // the code frame shows the index text
    expect(run.stdout).not.toContain('src/old.ts'); // committed before, not staged now
    expect((await scan([])).stdout).toContain('src/old.ts'); // a full scan still sees it
  });

  it('resolves imports across the project: a staged call into an unchanged wrapper file is a finding', async () => {
    project = createTempProject({ 'src/log.ts': LOG_WRAPPER, 'src/handler.ts': CLEAN }, { git: true });
    project.git('add', '.');
    project.git('commit', '-q', '-m', 'wrapper');
    project.write('src/handler.ts', LOGS_THROUGH_WRAPPER);
    project.git('add', 'src/handler.ts');
    const { code, findings } = await findingsOf(['--staged']);
    expect(code).toBe(1);
    expect(findings).toMatchObject([{ ruleId: 'no-secrets-in-logs', file: 'src/handler.ts', line: LOGS_THROUGH_WRAPPER_LINE }]);
  });

  it('fails on a staged file that does not parse, but only warns about an unparsable file outside the commit', async () => {
    project = repoWithCommittedViolation();
    project.write('scratch.ts', BROKEN); // committed half-done work, not part of this change
    project.git('add', 'scratch.ts');
    project.git('commit', '-q', '-m', 'wip');
    project.write('untracked.ts', BROKEN); // not in the commit at all: not even read (staged-index.test.ts)
    project.write('src/new.ts', CLEAN);
    project.git('add', 'src/new.ts');
    const run = await scan(['--staged']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('scratch.ts:1:14: syntax error');
    expect(run.stderr).not.toContain('untracked.ts');
    project.write('src/new.ts', BROKEN);
    project.git('add', 'src/new.ts');
    const staged = await scan(['--staged', '--format', 'json']);
    expect(staged.code).toBe(2);
    expect(JSON.parse(staged.stdout).errors.map((e: { file: string }) => e.file)).toEqual(['src/new.ts']);
  });

  it('works from a subfolder of the repository: paths are relative to it, other folders are out of scope', async () => {
    project = repoWithCommittedViolation();
    project.write('apps/api/src/new.ts', BARE_IGNORE);
    project.write('apps/web/src/new.ts', BARE_IGNORE);
    project.git('add', 'apps');
    const run = await runCli(['scan', '--staged', '--format', 'json'], { cwd: `${project.dir}/apps/api` });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['src/new.ts']);
  });

  it('limits a staged scan to the given paths', async () => {
    project = repoWithCommittedViolation();
    project.write('src/new.ts', BARE_IGNORE);
    project.write('lib/new.ts', BARE_IGNORE);
    project.git('add', '.');
    expect((await findingsOf(['--staged', 'lib'])).findings.map((f) => f.file)).toEqual(['lib/new.ts']);
  });

  it('passes when the staged content is fixed even though the work tree still has the problem', async () => {
    project = repoWithCommittedViolation();
    project.write('src/old.ts', CLEAN);
    project.git('add', 'src/old.ts');
    project.write('src/old.ts', BARE_IGNORE);
    expect((await findingsOf(['--staged'])).findings).toEqual([]);
  });

  it('scans a staged file that was deleted from the work tree afterwards', async () => {
    project = repoWithCommittedViolation();
    project.write('src/gone.ts', BARE_IGNORE);
    project.git('add', 'src/gone.ts');
    project.git('rm', '-q', '--cached', '--', 'src/a.ts'); // an unrelated staged deletion is fine
    rmSync(join(project.dir, 'src/gone.ts'));
    const { code, findings } = await findingsOf(['--staged']);
    expect(code).toBe(1);
    expect(findings.map((f) => f.file)).toEqual(['src/gone.ts']);
  });

  it('exits 0 quickly when nothing is staged, and 2 outside a git repository', async () => {
    project = repoWithCommittedViolation();
    const clean = await scan(['--staged']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('no problems in 0 files');
    project.remove();
    project = createTempProject({ 'src/a.ts': CLEAN });
    const outside = await scan(['--staged']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/git diff failed/);
  });

  it('still validates the config when nothing is staged', async () => {
    project = repoWithCommittedViolation();
    project.write('shiftguard.config.json', '{"rulez":{}}');
    const run = await scan(['--staged']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown key "rulez"');
  });

  it('caches summaries by default (ignored by git) and gives the same verdict warm', async () => {
    project = repoWithCommittedViolation();
    project.write('src/new.ts', BARE_IGNORE);
    project.git('add', 'src/new.ts');
    const cold = await findingsOf(['--staged']);
    expect(project.read('.shiftguard-cache/summaries.json')).toContain('src/new.ts');
    expect(project.git('status', '--porcelain', '--untracked-files=all')).not.toContain('.shiftguard-cache');
    const warm = await findingsOf(['--staged']);
    expect(warm).toEqual(cold);
    expect((await findingsOf(['--staged', '--no-cache'])).findings).toEqual(cold.findings);
  });
});

describe('shiftguard scan --changed-since', () => {
  it('reports files changed since the merge base, committed or not, plus untracked ones', async () => {
    project = repoWithCommittedViolation();
    project.git('checkout', '-q', '-b', 'feature');
    project.write('src/committed.ts', BARE_IGNORE);
    project.git('add', '.');
    project.git('commit', '-q', '-m', 'feature work');
    project.write('src/untracked.ts', BARE_IGNORE);
    project.git('checkout', '-q', 'main');
    project.write('src/on-main.ts', `${BARE_IGNORE}`); // main moves on after the branch point
    project.git('add', 'src/on-main.ts');
    project.git('commit', '-q', '-m', 'main work');
    project.git('checkout', '-q', 'feature');

    const { code, findings } = await findingsOf(['--changed-since', 'main']);
    expect(code).toBe(1);
    expect(findings.map((f) => f.file)).toEqual(['src/committed.ts', 'src/untracked.ts']);
  });

  it('exits 2 on an unknown ref and refuses to combine with --staged', async () => {
    project = repoWithCommittedViolation();
    const bad = await scan(['--changed-since', 'no-such-branch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"no-such-branch" is not a commit');
    const both = await scan(['--staged', '--changed-since', 'main']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cannot be combined');
  });
});
