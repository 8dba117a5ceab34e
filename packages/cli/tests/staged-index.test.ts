import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { BARE_IGNORE, BARE_IGNORE_LINE, CLEAN } from './support/sources.js';
import { createTempProject, type TempProject } from './support/temp-project.js';

// `--staged` judges the project as the index holds it: file list, blob ids and contents all come
// from git, and summaries are cached by blob id.

let project: TempProject;
afterEach(() => project?.remove());

const stagedFindings = async (cwd = project.dir) => {
  const run = await runCli(['scan', '--staged', '--format', 'json'], { cwd });
  return { code: run.code, files: (JSON.parse(run.stdout).findings as Array<{ file: string; line: number }>).map((f) => `${f.file}:${f.line}`) };
};

const ADMIN_ROUTER = `import { Router } from 'express';\nexport const admin = Router();\nadmin.get('/users', (req, res) => res.json([]));\n`;
const APP_MOUNTING_ADMIN = `import express from 'express';\nimport { admin } from './routes/admin.js';\nconst app = express();\napp.use('/admin', admin);\napp.listen(3000);\n`;
const ADMIN_ROUTE = 'src/routes/admin.ts:3';

function committed(files: Record<string, string>): TempProject {
  const p = createTempProject(files, { git: true });
  p.git('add', '.');
  p.git('commit', '-q', '-m', 'initial');
  return p;
}

describe('shiftguard scan --staged reads the project from the git index', () => {
  it('leaves untracked files out: an untracked app mounting a staged router is not in the commit', async () => {
    project = committed({ 'src/a.ts': CLEAN });
    project.write('src/routes/admin.ts', ADMIN_ROUTER);
    project.git('add', 'src/routes/admin.ts');
    project.write('src/app.ts', APP_MOUNTING_ADMIN); // untracked: only `/users`, under no prefix, is committed
    expect(await stagedFindings()).toEqual({ code: 0, files: [] });
    project.git('add', 'src/app.ts');
    expect((await stagedFindings()).files).toEqual([ADMIN_ROUTE]);
  });

  it('follows a mount imported through the tsconfig path alias of a package folder, cold and warm', async () => {
    const app = APP_MOUNTING_ADMIN.replace("'./routes/admin.js'", "'@/routes/admin'");
    project = committed({ 'api/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }', 'api/src/app.ts': app, 'api/src/routes/admin.ts': CLEAN });
    project.write('api/src/routes/admin.ts', ADMIN_ROUTER);
    project.git('add', 'api/src/routes/admin.ts');
    expect((await stagedFindings()).files).toEqual([`api/${ADMIN_ROUTE}`]);
    expect((await stagedFindings()).files).toEqual([`api/${ADMIN_ROUTE}`]); // warm
    expect((await stagedFindings(join(project.dir, 'api'))).files).toEqual([ADMIN_ROUTE]); // scanned from the package folder
  });

  it('follows a mount in a file deleted from the work tree but still in the index', async () => {
    project = committed({ 'src/app.ts': APP_MOUNTING_ADMIN, 'src/routes/admin.ts': CLEAN });
    rmSync(join(project.dir, 'src/app.ts')); // not staged: the commit still has the mount
    project.write('src/routes/admin.ts', ADMIN_ROUTER);
    project.git('add', 'src/routes/admin.ts');
    expect((await stagedFindings()).files).toEqual([ADMIN_ROUTE]);
  });

  it('scans a file staged then changed in the work tree with its index content, cold and warm', async () => {
    project = committed({ 'src/a.ts': CLEAN });
    project.write('src/new.ts', BARE_IGNORE);
    project.git('add', 'src/new.ts');
    project.write('src/new.ts', CLEAN);
    const cold = await stagedFindings();
    expect(cold.files).toEqual([`src/new.ts:${BARE_IGNORE_LINE}`]);
    expect(await stagedFindings()).toEqual(cold); // warm: the summary cached under the index blob

    project.git('add', 'src/new.ts'); // now the fix is staged
    project.write('src/new.ts', BARE_IGNORE);
    expect(await stagedFindings()).toEqual({ code: 0, files: [] });
  });

  it('takes the index content of an unstaged file over its work-tree edit', async () => {
    project = committed({ 'src/app.ts': APP_MOUNTING_ADMIN, 'src/routes/admin.ts': CLEAN });
    project.write('src/routes/admin.ts', ADMIN_ROUTER);
    project.git('add', 'src/routes/admin.ts');
    expect((await stagedFindings()).files).toEqual([ADMIN_ROUTE]);
    // Unstaged: the commit still mounts the router under /admin.
    project.write('src/app.ts', APP_MOUNTING_ADMIN.replace("'/admin'", "'/public'"));
    expect((await stagedFindings()).files).toEqual([ADMIN_ROUTE]);
    project.git('add', 'src/app.ts');
    expect((await stagedFindings()).files).toEqual([]);
  });

  it('scans regular files only: a staged symlink to a source file is not scanned twice', async () => {
    project = committed({ 'src/a.ts': CLEAN });
    project.write('src/new.ts', BARE_IGNORE);
    symlinkSync('new.ts', join(project.dir, 'src/link.ts'));
    project.git('add', '.');
    expect((await stagedFindings()).files).toEqual([`src/new.ts:${BARE_IGNORE_LINE}`]);
  });

  it('handles paths with spaces and non-ASCII characters (git -z lists, no quoting)', async () => {
    project = committed({ 'src/a.ts': CLEAN });
    const path = 'src/ünïcödé dir/new file ✓.ts';
    project.write(path, BARE_IGNORE);
    project.git('add', '.');
    expect((await stagedFindings()).files).toEqual([`${path}:${BARE_IGNORE_LINE}`]);
    const text = await runCli(['scan', '--staged', '--no-color'], { cwd: project.dir });
    expect(text.stdout).toContain(`${path}\n  ${BARE_IGNORE_LINE}:1  error`);
    expect(text.stdout).toContain(`> ${BARE_IGNORE_LINE} | // shiftguard-ignore-next-line`); // the index text, read back for the frame
  });
});
