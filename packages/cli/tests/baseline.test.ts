import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { BARE_IGNORE, BARE_IGNORE_LINE, CLEAN, SECRET_LOG } from './support/sources.js';
import { createTempProject, type TempProject } from './support/temp-project.js';

let project: TempProject;
afterEach(() => project?.remove());

const cli = (argv: string[]) => runCli(argv, { cwd: project.dir });

describe('shiftguard baseline', () => {
  it('writes today\'s findings, which then no longer fail the scan but are still shown', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE, 'src/a.ts': CLEAN });
    const written = await cli(['baseline', '--output', 'sg/baseline.json']);
    expect(written.code).toBe(0);
    const baseline = JSON.parse(project.read('sg/baseline.json'));
    expect(baseline).toMatchObject({ version: 1, fingerprints: [{ ruleId: 'invalid-suppression', file: 'src/bad.ts' }] });
    expect(baseline.fingerprints[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);

    const scan = await cli(['scan', '--baseline', 'sg/baseline.json']);
    expect(scan.code).toBe(0);
    expect(scan.stdout).toContain(`${BARE_IGNORE_LINE}:1  error (baseline)`);
    expect(scan.stdout).toMatch(/✔ no problems in 2 files · 1 in baseline/);
  });

  it('keeps a baselined finding baselined when lines are inserted above it; a new one fails', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    expect((await cli(['baseline'])).code).toBe(0); // default file: shiftguard-baseline.json
    const before = JSON.parse((await cli(['scan', '--format', 'json'])).stdout).findings[0];

    project.write('src/bad.ts', `// a new header\nimport { x } from './x.js';\n\n${BARE_IGNORE}`);
    const after = await cli(['scan', '--format', 'json', '--baseline', 'shiftguard-baseline.json']);
    const moved = JSON.parse(after.stdout).findings[0];
    expect(moved.line).toBe(before.line + 3);
    expect(moved.fingerprint).toBe(before.fingerprint);
    expect(moved.baselineState).toBe('unchanged');
    expect(after.code).toBe(0);

    project.write('src/new.ts', BARE_IGNORE);
    const sarif = await cli(['scan', '--format', 'sarif', '--baseline', 'shiftguard-baseline.json']);
    expect(sarif.code).toBe(1);
    const states = JSON.parse(sarif.stdout).runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>; baselineState: string }) => [
      r.locations[0]!.physicalLocation.artifactLocation.uri,
      r.baselineState,
    ]);
    expect(states).toEqual([
      ['src/bad.ts', 'unchanged'],
      ['src/new.ts', 'new'],
    ]);
  });

  it('holds a real rule\'s finding through edits above it, and fails on a second one', async () => {
    project = createTempProject({ 'src/log.ts': SECRET_LOG });
    expect((await cli(['baseline', '-o', 'b.json'])).code).toBe(0);
    project.write('src/log.ts', `import { a } from './a.js';\n\n/** Docs. */\n${SECRET_LOG}`);
    const shifted = JSON.parse((await cli(['scan', '--format', 'json', '--baseline', 'b.json'])).stdout);
    expect(shifted.findings).toMatchObject([{ ruleId: 'no-secrets-in-logs', line: 5, baselineState: 'unchanged' }]);
    project.write('src/log.ts', `${SECRET_LOG}export function h(token: string) {\n  console.log(token);\n}\n`);
    const run = await cli(['scan', '--format', 'json', '--baseline', 'b.json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { baselineState: string }) => f.baselineState)).toEqual(['unchanged', 'new']);
  });

  it('exits 2 on a missing or malformed baseline file', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN, 'bad.json': '{"version":1,"fingerprints":[{"ruleId":"x"}]}' });
    const missing = await cli(['scan', '--baseline', 'none.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the baseline file');
    const malformed = await cli(['scan', '--baseline', 'bad.json']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('"fingerprints.0.fingerprint"');
  });
});
