// The GitHub Action's logic (action.yml runs this file). It runs `shiftguard scan` three ways: JSON
// (for the job summary and the verdict), SARIF (for code scanning) and GitHub workflow commands
// (annotations on the diff), then sets the step's outputs and exit status from `fail-on`.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FAIL_ON = ['error', 'warning', 'none'];
const SUMMARY_ROWS = 50;

/** @typedef {{ path: string, config: string, baseline: string, failOn: string, sarifFile: string }} ActionInputs */
/** @typedef {{ ruleId: string, severity: string, message: string, file: string, line: number, baselineState?: string }} Finding */

/**
 * Reads the inputs action.yml passes as INPUT_* variables. Throws on an invalid `fail-on`.
 * @param {NodeJS.ProcessEnv} env
 * @returns {ActionInputs}
 */
export function readInputs(env) {
  const failOn = (env.INPUT_FAIL_ON || 'error').trim().toLowerCase();
  if (!FAIL_ON.includes(failOn)) throw new Error(`input fail-on is "${failOn}"; expected one of ${FAIL_ON.join(', ')}`);
  return {
    path: env.INPUT_PATH?.trim() || '.',
    config: env.INPUT_CONFIG?.trim() ?? '',
    baseline: env.INPUT_BASELINE?.trim() ?? '',
    failOn,
    sarifFile: env.INPUT_SARIF_FILE?.trim() || 'shiftguard.sarif',
  };
}

/**
 * The scan command line for one output format.
 * @param {ActionInputs} inputs
 * @param {'json' | 'sarif' | 'github'} format
 * @returns {string[]}
 */
export function scanArgs(inputs, format) {
  const args = ['scan', inputs.path, '--format', format, '--no-color'];
  if (inputs.config) args.push('--config', inputs.config);
  if (inputs.baseline) args.push('--baseline', inputs.baseline);
  if (format === 'sarif') args.push('--output', inputs.sarifFile);
  return args;
}

/**
 * How to start the CLI: SHIFTGUARD_COMMAND (a JSON array) when set; the project's own install when it
 * has one (same version as its lockfile); else the CLI package of this action's version through npx.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} workspace
 * @returns {string[]}
 */
export function cliCommand(env, workspace) {
  if (env.SHIFTGUARD_COMMAND) return JSON.parse(env.SHIFTGUARD_COMMAND);
  const local = join(workspace, 'node_modules', '.bin', 'shiftguard');
  if (existsSync(local)) return [local];
  const cliPackage = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packages', 'cli', 'package.json');
  const { version } = JSON.parse(readFileSync(cliPackage, 'utf8'));
  return ['npx', '--yes', '--package', `@shiftguard/cli@${version}`, 'shiftguard'];
}

/**
 * The step's verdict: does a finding that is not in the baseline reach the `fail-on` level?
 * @param {Finding[]} findings
 * @param {string} failOn
 */
export function isFailing(findings, failOn) {
  if (failOn === 'none') return false;
  return findings.some((f) => f.baselineState !== 'unchanged' && (failOn === 'warning' || f.severity === 'error'));
}

/**
 * The job summary: counts, then one table row per finding (new ones first), capped so a huge
 * report does not exceed GitHub's summary size limit.
 * @param {{ findings: Finding[], errors: Array<{ message: string }> }} result
 * @param {ActionInputs} inputs
 * @returns {string}
 */
export function summaryMarkdown(result, inputs) {
  const fresh = result.findings.filter((f) => f.baselineState !== 'unchanged');
  const known = result.findings.length - fresh.length;
  const lines = ['## shiftguard', ''];
  const counts = `**${fresh.length}** new finding${fresh.length === 1 ? '' : 's'}` + (inputs.baseline ? `, ${known} in the baseline` : '');
  lines.push(`${counts} in \`${inputs.path}\` (fail-on: \`${inputs.failOn}\`).`, '');
  const rows = [...fresh, ...result.findings.filter((f) => f.baselineState === 'unchanged')];
  if (rows.length > 0) {
    lines.push('| Severity | Rule | Location | Message | Status |', '| --- | --- | --- | --- | --- |');
    for (const f of rows.slice(0, SUMMARY_ROWS)) {
      const status = f.baselineState === 'unchanged' ? 'baseline' : 'new';
      lines.push(`| ${f.severity} | \`${f.ruleId}\` | \`${cell(f.file)}:${f.line}\` | ${cell(f.message)} | ${status} |`);
    }
    if (rows.length > SUMMARY_ROWS) lines.push('', `…and ${rows.length - SUMMARY_ROWS} more: see the SARIF report \`${inputs.sarifFile}\`.`);
  }
  if (result.errors.length > 0) {
    lines.push('', `### ${result.errors.length} file${result.errors.length === 1 ? '' : 's'} could not be analysed`, '');
    for (const e of result.errors) lines.push(`- ${cell(e.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown table cells cannot hold pipes or line breaks. @param {string} text */
function cell(text) {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * Runs the CLI once, collecting its output.
 * @param {string[]} argv
 * @param {string} cwd
 * @returns {Promise<{ status: number | null, stdout: string, stderr: string }>}
 */
function runCli(argv, cwd) {
  return new Promise((done) => {
    const [command, ...args] = argv;
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => done({ status: null, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/**
 * Runs the action. Resolves to the exit status: 0 pass, 1 failing findings, 2 the scan itself failed.
 * @param {NodeJS.ProcessEnv} env
 * @param {{ stdout: (s: string) => void, stderr: (s: string) => void }} io
 * @returns {Promise<number>}
 */
export async function runAction(env, io) {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  let inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    io.stdout(`::error title=shiftguard::${error.message}\n`);
    return 2;
  }
  const cli = cliCommand(env, workspace);
  const sarifPath = isAbsolute(inputs.sarifFile) ? inputs.sarifFile : resolve(workspace, inputs.sarifFile);
  // Workflows commonly name a file in a folder that does not exist yet (`reports/shiftguard.sarif`).
  mkdirSync(dirname(sarifPath), { recursive: true });
  // The three scans are independent; running them side by side roughly halves the step's time.
  const [json, sarif, github] = await Promise.all(['json', 'sarif', 'github'].map((format) => runCli([...cli, ...scanArgs(inputs, format)], workspace)));

  let result;
  try {
    result = JSON.parse(json.stdout);
  } catch {
    // Exit code 2 with no report: a usage or config error. Its message is on stderr.
    io.stdout(`::error title=shiftguard::the scan failed (exit ${json.status}): ${json.stderr.trim()}\n`);
    return 2;
  }
  if (sarif.status !== 0 && sarif.status !== 1 && !existsSync(sarifPath)) {
    io.stdout(`::error title=shiftguard::writing the SARIF report failed: ${sarif.stderr.trim()}\n`);
    return 2;
  }
  io.stdout(github.stdout);

  const fresh = result.findings.filter((f) => f.baselineState !== 'unchanged');
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summaryMarkdown(result, inputs));
  if (env.GITHUB_OUTPUT) {
    appendFileSync(env.GITHUB_OUTPUT, `sarif-file=${sarifPath}\nfindings=${result.findings.length}\nnew-findings=${fresh.length}\n`);
  }
  // A file that could not be parsed is a tool failure (exit 2 in the CLI contract): it fails the
  // step unless the workflow asked never to fail.
  if (result.errors.length > 0 && inputs.failOn !== 'none') return 2;
  return isFailing(result.findings, inputs.failOn) ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runAction(process.env, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
}
