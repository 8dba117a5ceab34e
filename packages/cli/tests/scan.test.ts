import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ruleIds } from '@shiftguard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { BARE_IGNORE, BARE_IGNORE_LINE, BROKEN, CLEAN, SECRET_LOG, SECRET_LOG_LINE } from './support/sources.js';
import { createTempProject, type TempProject } from './support/temp-project.js';

let project: TempProject;
afterEach(() => project?.remove());

const scan = (argv: string[], options: Partial<Parameters<typeof runCli>[1]> = {}) => runCli(['scan', ...argv], { cwd: project.dir, ...options });
const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex -- matching terminal escapes is the point

describe('shiftguard scan: exit codes and the text report', () => {
  it('exits 0 on a clean project and prints the summary', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN, 'src/b.ts': CLEAN });
    const run = await scan([]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^✔ no problems in 2 files · \d+ ms\n$/);
  });

  it('exits 1 on a finding and shows it under its file with a code frame', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN, 'src/bad.ts': BARE_IGNORE });
    const run = await scan([]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`src/bad.ts\n  ${BARE_IGNORE_LINE}:1  error  Suppression of no-unprotected-admin-route has no reason`);
    expect(run.stdout).toContain(`> ${BARE_IGNORE_LINE} | // shiftguard-ignore-next-line no-unprotected-admin-route`);
    expect(run.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 2 files · \d+ ms\n$/);
  });

  it('exits 2 when a file cannot be parsed, prints it, and still scans and reports the other files', async () => {
    project = createTempProject({ 'src/broken.ts': BROKEN, 'src/bad.ts': BARE_IGNORE });
    const text = await scan([]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('src/broken.ts:1:14: syntax error');
    expect(text.stdout).toContain('src/bad.ts\n');
    const json = JSON.parse((await scan(['--format', 'json'])).stdout);
    expect(json.errors).toMatchObject([{ kind: 'parse', file: 'src/broken.ts', line: 1 }]);
    expect(json.findings.map((f: { file: string }) => f.file)).toEqual(['src/bad.ts']);
  });

  it('--fail-on none reports findings but exits 0; a bad --fail-on is a usage error', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    expect((await scan(['--fail-on', 'none'])).code).toBe(0);
    expect((await scan(['--fail-on', 'error'])).code).toBe(1);
    const bad = await scan(['--fail-on', 'never']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid --fail-on "never"');
  });

  it('scans only the given paths; a missing path exits 2', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN, 'lib/bad.ts': BARE_IGNORE });
    expect((await scan(['src'])).code).toBe(0);
    expect((await scan(['src', 'lib/bad.ts'])).code).toBe(1);
    const missing = await scan(['nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope');
  });

  it('scans a directory outside the working directory, keeping the default ignores', async () => {
    project = createTempProject({ 'app/src/bad.ts': BARE_IGNORE, 'app/tests/bad.ts': BARE_IGNORE, 'tool/readme.md': '' });
    const run = await runCli(['scan', '../app', '--format', 'json'], { cwd: join(project.dir, 'tool') });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['../app/src/bad.ts']);
  });

  it('colours only on a terminal, unless --color / --no-color / NO_COLOR say otherwise', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    const tty = { stdout: true, stderr: false };
    expect((await scan([])).stdout).not.toMatch(ANSI);
    expect((await scan([], { isTTY: tty })).stdout).toMatch(ANSI);
    expect((await scan(['--no-color'], { isTTY: tty })).stdout).not.toMatch(ANSI);
    expect((await scan([], { isTTY: tty, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await scan(['--color'])).stdout).toMatch(ANSI);
  });
});

describe('shiftguard scan: formats and output', () => {
  it('--format json prints exactly the versioned object', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    const run = await scan(['--format', 'json']);
    const out = JSON.parse(run.stdout);
    expect(run.code).toBe(1);
    expect(Object.keys(out)).toEqual(['version', 'findings', 'errors', 'suppressed', 'stats']);
    expect(Object.keys(out.stats)).toEqual(['files', 'durationMs']);
    expect(out.findings[0]).toMatchObject({ ruleId: 'invalid-suppression', file: 'src/bad.ts', line: BARE_IGNORE_LINE, column: 1, severity: 'error' });
    expect(out.findings[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('--format sarif prints SARIF 2.1.0 with paths relative to the scan root', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    const run = await scan(['--format', 'sarif']);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    const [result] = log.runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'src/bad.ts', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${project.dir}/`);
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...ruleIds, 'invalid-suppression']);
  });

  it('--format github prints workflow commands', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    const run = await scan(['--format', 'github']);
    expect(run.stdout).toMatch(new RegExp(`^::error file=src/bad\\.ts,line=${BARE_IGNORE_LINE},.*title=invalid-suppression::Suppression of`));
  });

  it('rejects an unknown format', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN });
    const run = await scan(['--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid --format "xml": use text, json, sarif, github');
  });

  it('--output writes the report to a file (creating its folder) and nothing to stdout', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    const ok = await scan(['--format', 'json', '--output', 'out/report.json']);
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('');
    expect(JSON.parse(project.read('out/report.json')).findings).toHaveLength(1);
    expect(ok.stderr).toContain('wrote the json report to out/report.json');
  });
});

describe('shiftguard scan: usage errors and config', () => {
  it('exits 2 with a clear message and the usage on an unknown option', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN });
    const run = await scan(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--frobnicate'/);
    expect(run.stderr).toContain('Usage:');
  });

  it('exits 2 on an unknown --rule id, naming it', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN });
    const run = await scan(['--rule', 'no-such-rule']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown rule "no-such-rule"');
  });

  it('exits 2 on an unknown config key and names it', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN, 'shiftguard.config.json': JSON.stringify({ adminPath: ['/ops/*'] }) });
    const run = await scan([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown key "adminPath"');
  });

  it('exits 2 on a config value of the wrong type and names the key', async () => {
    project = createTempProject({ 'src/a.ts': CLEAN, 'custom.json': JSON.stringify({ sensitiveNames: { add: 'apiSecret' } }) });
    const run = await scan(['--config', 'custom.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"sensitiveNames.add"');
  });

  it('uses --config, whose ignore globs leave files out', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE, 'cfg/sg.json': JSON.stringify({ ignore: ['src/bad.ts'] }) });
    expect((await scan([])).code).toBe(1);
    expect((await scan(['--config', 'cfg/sg.json'])).code).toBe(0);
    const missing = await scan(['--config', 'cfg/none.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the config file');
  });

  it('--cache writes per-file summaries into a self-ignoring folder', async () => {
    project = createTempProject({ 'src/bad.ts': BARE_IGNORE });
    expect((await scan([])).code).toBe(1);
    expect(existsSync(join(project.dir, '.shiftguard-cache'))).toBe(false);
    expect((await scan(['--cache'])).code).toBe(1);
    expect(project.read('.shiftguard-cache/.gitignore')).toContain('*');
    // The cache file opens with one line, its checksum and the JSON index of the summaries that follow.
    const line = project.read('.shiftguard-cache/summaries.json').split('\n', 1)[0] ?? '';
    expect(JSON.parse(line.slice(line.indexOf(' ') + 1)).paths).toEqual(['src/bad.ts']);
    expect((await scan(['--cache'])).code).toBe(1); // a warm cache gives the same verdict
  });
});

describe('shiftguard scan: rule selection and severities (no-secrets-in-logs)', () => {
  const asWarning = JSON.stringify({ rules: { 'no-secrets-in-logs': 'warning' } });

  it('--rule runs only the named rules; config can turn a rule off', async () => {
    project = createTempProject({ 'src/log.ts': SECRET_LOG, 'off.json': JSON.stringify({ rules: { 'no-secrets-in-logs': 'off' } }) });
    const only = JSON.parse((await scan(['--rule', 'no-secrets-in-logs', '--format', 'json'])).stdout);
    expect(only.findings).toMatchObject([{ ruleId: 'no-secrets-in-logs', line: SECRET_LOG_LINE }]);
    expect((await scan(['--rule', 'shiftguard/no-secrets-in-logs'])).code).toBe(1); // the ESLint spelling works too
    expect((await scan(['--config', 'off.json'])).code).toBe(0);
  });

  it('warnings alone exit 0 unless --fail-on warning', async () => {
    project = createTempProject({ 'src/log.ts': SECRET_LOG, 'shiftguard.config.json': asWarning });
    const run = await scan([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✖ 1 problem \(0 errors, 1 warning\)/);
    expect((await scan(['--fail-on', 'warning'])).code).toBe(1);
  });

  it('--quiet reports errors only', async () => {
    project = createTempProject({ 'src/log.ts': SECRET_LOG, 'src/bad.ts': BARE_IGNORE, 'shiftguard.config.json': asWarning });
    const loud = JSON.parse((await scan(['--format', 'json'])).stdout);
    expect(loud.findings.map((f: { severity: string }) => f.severity).sort()).toEqual(['error', 'warning']);
    const quiet = await scan(['--quiet', '--format', 'json']);
    expect(quiet.code).toBe(1);
    expect(JSON.parse(quiet.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['invalid-suppression']);
  });
});

describe('shiftguard help, version, rules', () => {
  it('prints help and the version, exit 0; no command is a usage error', async () => {
    project = createTempProject({});
    expect(await runCli(['--help'], { cwd: project.dir })).toMatchObject({ code: 0, stdout: expect.stringContaining('shiftguard scan [PATH ...]') });
    expect((await runCli(['--version'], { cwd: project.dir })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runCli([], { cwd: project.dir })).code).toBe(2);
    expect((await runCli(['lint'], { cwd: project.dir })).stderr).toContain('unknown command "lint"');
  });

  it('lists every registered rule with CWE, severity and docs', async () => {
    project = createTempProject({});
    const run = await runCli(['rules', '--format', 'json'], { cwd: project.dir });
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as Array<{ id: string; cwe: string; docs: string }>;
    expect(listed.map((r) => r.id)).toEqual(ruleIds);
    for (const r of listed) {
      expect(r.cwe).toMatch(/^CWE-\d+$/);
      expect(r.docs).toContain(`docs/rules/${r.id}.md`);
    }
    expect((await runCli(['rules'], { cwd: project.dir })).code).toBe(0);
  });
});
