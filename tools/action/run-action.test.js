import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isFailing, readInputs, scanArgs } from './run-action.js';

const SCRIPT = fileURLToPath(new URL('./run-action.js', import.meta.url));
const CLI_BIN = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));
const ACTION_YML = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');

const LEAKY = `export function login(req: { body: { user: string; password: string } }) {
  const { user } = req.body;
  console.log('login', user, req.body.password);
}
`;
const CLEAN = `export function login(req: { body: { user: string } }) {
  console.log('login', req.body.user);
}
`;

/** @type {string[]} */
const dirs = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A checked-out repository and the files GitHub provides to a step.
 * @param {Record<string, string>} files
 */
function workspace(files) {
  const root = mkdtempSync(join(tmpdir(), 'shiftguard-action-'));
  dirs.push(root);
  const dir = join(root, 'repo');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const summary = join(root, 'step-summary.md');
  const output = join(root, 'github-output.txt');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  return { dir, summary, output };
}

/**
 * Runs the action's script as action.yml does: `node run-action.js` with INPUT_* and GITHUB_* set.
 * @param {ReturnType<typeof workspace>} ws
 * @param {Record<string, string>} inputs
 */
function runScript(ws, inputs) {
  const env = {
    ...process.env,
    GITHUB_WORKSPACE: ws.dir,
    GITHUB_STEP_SUMMARY: ws.summary,
    GITHUB_OUTPUT: ws.output,
    SHIFTGUARD_COMMAND: JSON.stringify([process.execPath, CLI_BIN]),
    NO_COLOR: '1',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase().replace(/-/g, '_')}`, v])),
  };
  const r = spawnSync(process.execPath, [SCRIPT], { cwd: ws.dir, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(ws.output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(ws.summary, 'utf8'), outputs };
}

// Each case spawns the script, which spawns the CLI three times: allow for a loaded machine.
describe('the action script, run with the environment GitHub provides', { timeout: 60_000 }, () => {
  it('fails on a new error finding and writes SARIF, annotations, a summary table and outputs', () => {
    const ws = workspace({ 'src/login.ts': LEAKY });
    const r = runScript(ws, { path: '.', 'fail-on': 'error', 'sarif-file': 'out/shiftguard.sarif' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=src\/login\.ts,line=3/m);

    const sarif = JSON.parse(readFileSync(join(ws.dir, 'out/shiftguard.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((res) => [res.ruleId, res.locations[0].physicalLocation.region.startLine])).toEqual([['no-secrets-in-logs', 3]]);

    expect(r.summary).toContain('| Severity | Rule | Location | Message | Status |');
    expect(r.summary).toContain('| error | `no-secrets-in-logs` | `src/login.ts:3` |');
    expect(r.outputs).toEqual({ 'sarif-file': join(ws.dir, 'out/shiftguard.sarif'), findings: '1', 'new-findings': '1' });
  });

  it('passes with fail-on none, still reporting', () => {
    const ws = workspace({ 'src/login.ts': LEAKY });
    const r = runScript(ws, { 'fail-on': 'none' });
    expect(r.status).toBe(0);
    expect(r.outputs['new-findings']).toBe('1');
    expect(r.summary).toContain('`no-secrets-in-logs`');
  });

  it('applies the config input: a rule turned down to warning fails only with fail-on warning', () => {
    const ws = workspace({ 'src/login.ts': LEAKY, 'ci/shiftguard.json': JSON.stringify({ rules: { 'no-secrets-in-logs': 'warning' } }) });
    expect(runScript(ws, { config: 'ci/shiftguard.json', 'fail-on': 'error' }).status).toBe(0);
    const strict = runScript(ws, { config: 'ci/shiftguard.json', 'fail-on': 'warning' });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/^::warning file=src\/login\.ts,line=3/m);
  });

  it('does not fail on findings recorded in the baseline, and says so in the summary', () => {
    const ws = workspace({ 'src/login.ts': LEAKY });
    const baseline = spawnSync(process.execPath, [CLI_BIN, 'baseline', '.', '--output', 'shiftguard-baseline.json'], { cwd: ws.dir, encoding: 'utf8' });
    expect(baseline.status).toBe(0);
    const r = runScript(ws, { baseline: 'shiftguard-baseline.json' });
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ findings: '1', 'new-findings': '0' });
    expect(r.summary).toContain('1 in the baseline');
    expect(r.summary).toMatch(/\| baseline \|$/m);
  });

  it('passes a clean repository', () => {
    const ws = workspace({ 'src/login.ts': CLEAN });
    const r = runScript(ws, {});
    expect(r.status).toBe(0);
    expect(r.summary).toContain('**0** new findings');
    expect(r.outputs.findings).toBe('0');
  });

  it('rejects an unknown fail-on with a workflow error and exit 2', () => {
    const ws = workspace({ 'src/login.ts': CLEAN });
    const r = runScript(ws, { 'fail-on': 'sometimes' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('::error title=shiftguard::input fail-on is "sometimes"');
  });
});

describe('inputs and verdict', () => {
  it('defaults the inputs like action.yml', () => {
    expect(readInputs({})).toEqual({ path: '.', config: '', baseline: '', failOn: 'error', sarifFile: 'shiftguard.sarif' });
  });

  it('passes config and baseline to every scan, the output file only to the SARIF one', () => {
    const inputs = { path: 'server', config: 'c.json', baseline: 'b.json', failOn: 'error', sarifFile: 's.sarif' };
    expect(scanArgs(inputs, 'sarif')).toEqual(['scan', 'server', '--format', 'sarif', '--no-color', '--config', 'c.json', '--baseline', 'b.json', '--output', 's.sarif']);
    expect(scanArgs(inputs, 'github')).not.toContain('--output');
  });

  it('fails on warnings only when asked to, and never on baseline findings', () => {
    const warning = { ruleId: 'r', severity: 'warning', message: '', file: 'a.ts', line: 1 };
    expect(isFailing([warning], 'error')).toBe(false);
    expect(isFailing([warning], 'warning')).toBe(true);
    expect(isFailing([{ ...warning, severity: 'error', baselineState: 'unchanged' }], 'warning')).toBe(false);
    expect(isFailing([{ ...warning, severity: 'error' }], 'none')).toBe(false);
  });
});

describe('action.yml', () => {
  it('declares the contract inputs and hands each one to the script', () => {
    for (const input of ['path', 'config', 'baseline', 'fail-on', 'sarif-file']) {
      expect(ACTION_YML).toMatch(new RegExp(`^  ${input}:\\n`, 'm'));
      expect(ACTION_YML).toContain(`INPUT_${input.toUpperCase().replace(/-/g, '_')}: \${{ inputs.${input} }}`);
    }
    expect(ACTION_YML).toContain('using: composite');
    expect(ACTION_YML).toContain('node "$GITHUB_ACTION_PATH/tools/action/run-action.js"');
  });
});
