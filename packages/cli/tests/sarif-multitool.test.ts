import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { BARE_IGNORE, BROKEN, LOG_WRAPPER, LOGS_THROUGH_WRAPPER, SECRET_LOG, SUPPRESSED_SECRET_LOG } from './support/sources.js';
import { createTempProject, type TempProject } from './support/temp-project.js';

// SARIF is JSON: the test walks it as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a typed SARIF model would outweigh the test
type Json = any;

// The validator is a devDependency of @shiftguard/core (which owns the SARIF reporter): resolve it from there.
const multitool = createRequire(createRequire(import.meta.url).resolve('@shiftguard/core/package.json'))('@microsoft/sarif-multitool') as string;

let project: TempProject;
let log: Json;

/** Runs Microsoft's validator with GitHub's rules, offline, and returns what it reported. */
function validate(name: string, sarif: string): Array<{ ruleId: string; level: string; text: string }> {
  project.write(`${name}.sarif`, sarif);
  const output = join(project.dir, `${name}.validation.sarif`);
  execFileSync(multitool, ['validate', join(project.dir, `${name}.sarif`), '--rule-kind', 'Sarif;Gh', '--output', output], {
    // No ICU is needed to validate; without this switch .NET aborts on machines that lack libicu.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    stdio: 'pipe',
  });
  const results: Json[] = JSON.parse(readFileSync(output, 'utf8')).runs[0].results ?? [];
  return results.map((r) => ({ ruleId: r.ruleId, level: r.level ?? 'warning', text: r.message.text ?? JSON.stringify(r.message.arguments) }));
}

beforeAll(async () => {
  // Every SARIF feature from real scans: cross-file traces (code flows), a suppression with its
  // justification, the invalid-suppression pseudo-rule, a parse failure, and a baseline.
  project = createTempProject({ 'src/log.ts': LOG_WRAPPER, 'src/handler.ts': LOGS_THROUGH_WRAPPER, 'src/old.ts': SECRET_LOG });
  expect((await runCli(['baseline'], { cwd: project.dir })).code).toBe(0);
  project.write('src/suppressed.ts', SUPPRESSED_SECRET_LOG);
  project.write('src/bare.ts', BARE_IGNORE);
  project.write('src/broken.ts', BROKEN);
  const run = await runCli(['scan', '--format', 'sarif', '--baseline', 'shiftguard-baseline.json'], { cwd: project.dir });
  expect(run.code).toBe(2);
  log = JSON.parse(run.stdout);
});
afterAll(() => project?.remove());

describe("SARIF from a real scan, checked by Microsoft's SARIF Multitool", () => {
  it('holds every feature the check is meant to cover', () => {
    const [run] = log.runs;
    expect(run.results.some((r: Json) => r.codeFlows?.[0].threadFlows[0].locations.length > 1)).toBe(true);
    expect(run.results.some((r: Json) => r.suppressions?.[0].justification === 'a test fixture, the value is fake')).toBe(true);
    // old.ts and handler.ts were baselined; the suppression and the bare ignore came later.
    expect(run.results.map((r: Json) => r.baselineState).sort()).toEqual(['new', 'new', 'unchanged', 'unchanged']);
    expect(run.results.some((r: Json) => r.ruleId === 'invalid-suppression')).toBe(true);
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error' }] });
  });

  it('takes each rule\'s help from its page in docs/rules', () => {
    const rule = log.runs[0].tool.driver.rules.find((r: Json) => r.id === 'no-secrets-in-logs');
    const page = readFileSync(new URL('../../../docs/rules/no-secrets-in-logs.md', import.meta.url), 'utf8');
    expect(rule.help).toEqual({ text: page, markdown: page });
    expect(rule.properties.tags).toEqual(['security', 'external/cwe/cwe-532']);
  });

  it('has no errors under the Sarif and Gh (GitHub code scanning) rules', () => {
    expect(validate('scan', JSON.stringify(log)).filter((p) => p.level === 'error')).toEqual([]);
  });

  it('would fail on a broken log, so the check above can fail', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.endLine = 0; // before its startLine
    delete broken.runs[0].tool.driver.rules;
    const errors = validate('broken', JSON.stringify(broken)).filter((p) => p.level === 'error');
    expect(errors.map((e) => e.ruleId)).toEqual(expect.arrayContaining(['GH1018']));
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});
