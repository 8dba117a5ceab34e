import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docsUrlOf, rules as coreRules } from '@shiftguard/core';
import { ESLint, Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_FAILED_ID, SUPPRESSION_WITHOUT_REASON_ID } from '../src/bridge.js';
import plugin from '../src/index.js';
import tsParser from '@typescript-eslint/parser';
import { parseSource } from '../../packages/core/src/parse/parse-source.js';
import { parserTreeOf, scanPathOf, scanSourceCode } from '../src/scan-source-code.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

describe('plugin object', () => {
  it('names itself after the package, under the shiftguard namespace', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'shiftguard' });
  });

  it('has one ESLint rule per engine rule, with the same id', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(coreRules.map((r) => r.meta.id).sort());
  });

  it('recommended is a named flat config that registers the plugin as shiftguard and errors on every rule', () => {
    const config = plugin.configs.recommended;
    expect(config.name).toBe('shiftguard/recommended');
    expect(config.plugins?.shiftguard).toBe(plugin);
    expect(config.rules).toEqual(Object.fromEntries(coreRules.map((r) => [`shiftguard/${r.meta.id}`, 'error'])));
  });

  it('recommended turns the rules on for the files the scanner reads by default, not for test code', async () => {
    const eslint = new ESLint({ cwd: '/project', overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const rulesFor = async (file: string) => Object.keys(((await eslint.calculateConfigForFile(`/project/${file}`)) as Linter.Config | undefined)?.rules ?? {});
    const all = Object.keys(plugin.configs.recommended.rules ?? {});
    expect(await rulesFor('src/app.ts')).toEqual(expect.arrayContaining(all));
    expect(await rulesFor('src/server.mjs')).toEqual(expect.arrayContaining(all));
    for (const file of ['src/app.test.ts', 'tests/helpers.ts', 'src/__tests__/a.ts', 'dist/app.js', 'src/types.d.ts']) {
      expect(await rulesFor(file)).not.toContain(all[0]);
    }
  });
});

describe.each(coreRules.map((r) => [r.meta.id, r] as const))('rule %s', (id, coreRule) => {
  const rule = plugin.rules[id] as Rule.RuleModule;

  it('is a problem rule whose docs url is its page in the repository, and that page exists', () => {
    expect(rule.meta?.type).toBe('problem');
    expect(rule.meta?.docs?.description).toBe(coreRule.meta.description);
    expect(rule.meta?.docs?.url).toBe(docsUrlOf(id));
    expect(existsSync(`${REPO_ROOT}docs/rules/${id}.md`)).toBe(true);
  });

  it('declares every message of the engine rule, so findings map to messageIds', () => {
    expect(rule.meta?.messages).toMatchObject(coreRule.meta.messages);
  });

  it('accepts the scanner config keys of the rule as options and rejects any other key', () => {
    const keys = Object.keys(coreRule.meta.schema);
    const linter = new Linter({ configType: 'flat' });
    const lint = (options: Record<string, unknown>) =>
      linter.verify('export {};', [{ plugins: { shiftguard: plugin }, rules: { [`shiftguard/${id}`]: ['error', options] } }], { filename: 'app.js' });
    expect(() => lint({ notAConfigKey: true })).toThrow(/notAConfigKey|additional/i);
    for (const key of keys) expect(() => lint({ [key]: key === 'sensitiveNames' ? { add: ['pin'] } : ['x'] })).not.toThrow();
  });
});

describe('one engine run per file', () => {
  const linter = new Linter({ configType: 'flat' });

  it('reports a file the engine cannot analyse once, not once per rule', () => {
    // A raw NUL character is legal inside a JS string literal, so ESLint's parser accepts the file,
    // but the engine refuses binary content: the failure must surface, exactly once.
    const messages = linter.verify('export const s = "a\0b";\n', [plugin.configs.recommended], { filename: 'app.js' });
    const failures = messages.filter((m) => m.messageId === ANALYSIS_FAILED_ID);
    expect(failures).toHaveLength(coreRules.length > 0 ? 1 : 0);
    expect(failures[0]?.message ?? '').toMatch(/binary/);
  });

  it('shares the scan of one SourceCode between rules with the same options, and not across options', () => {
    let seen: ReturnType<typeof scanSourceCode>[] = [];
    const probe: Rule.RuleModule = {
      meta: { type: 'problem', schema: [] },
      create(context) {
        seen = [
          scanSourceCode(context.sourceCode, context.filename, context.cwd, {}),
          scanSourceCode(context.sourceCode, context.filename, context.cwd, {}),
          scanSourceCode(context.sourceCode, context.filename, context.cwd, { loggers: ['audit'] }),
        ];
        return {};
      },
    };
    linter.verify('console.log(1);\n', [{ plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }], { filename: 'app.js' });
    expect(seen).toHaveLength(3);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});

describe("the parser's tree", () => {
  const linter = new Linter({ configType: 'flat', cwd: '/repo' });
  const CODE = "import express from 'express';\nconst app = express();\napp.get('/admin/users', (req, res) => res.json([]));\nconsole.log(process.env.API_KEY);\n";
  const treeAndFindings = (parser?: Linter.Parser) => {
    let tree: unknown;
    const probe: Rule.RuleModule = { meta: { type: 'problem', schema: [] }, create: (context) => ({ Program: () => void (tree = parserTreeOf(context.sourceCode)) }) };
    const config: Linter.Config[] = [plugin.configs.recommended, { plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } }];
    if (parser) config.unshift({ files: ['**/*.ts'], languageOptions: { parser } });
    const messages = linter.verify(CODE, config, { filename: '/repo/src/app.ts' });
    return { tree, findings: messages.map((m) => [m.ruleId, m.line, m.messageId]) };
  };

  it("typescript-eslint's SourceFile reaches the engine, which walks it instead of parsing again (same TypeScript release here)", () => {
    const { tree, findings } = treeAndFindings(tsParser);
    expect(parseSource('src/app.ts', CODE, tree)).toBe(tree);
    expect(findings).toEqual([
      ['shiftguard/no-unprotected-admin-route', 3, 'unprotectedAdminRoute'],
      ['shiftguard/no-secrets-in-logs', 4, 'secretInLog'],
    ]);
  });

  it('another parser keeps no TypeScript tree: the engine parses the text itself, with the same findings', () => {
    const { tree, findings } = treeAndFindings();
    expect(tree).toBeUndefined();
    expect(findings).toEqual(treeAndFindings(tsParser).findings);
  });
});

describe('shiftguard suppression comments', () => {
  const linter = new Linter({ configType: 'flat' });
  const lint = (code: string) =>
    linter.verify(code, [plugin.configs.recommended], { filename: 'src/app.js' }).map((m) => [m.ruleId, m.line, m.messageId]);

  it('a suppression with a reason hides the finding, as in the CLI', () => {
    expect(lint('// shiftguard-ignore-next-line no-secrets-in-logs -- a test fixture value\nconsole.log(process.env.API_TOKEN);\n')).toEqual([]);
  });

  it('a suppression without a reason suppresses nothing and is reported by the rule it names', () => {
    expect(lint('// shiftguard-ignore-next-line shiftguard/no-secrets-in-logs\nconsole.log(process.env.API_TOKEN);\n')).toEqual([
      ['shiftguard/no-secrets-in-logs', 1, SUPPRESSION_WITHOUT_REASON_ID],
      ['shiftguard/no-secrets-in-logs', 2, 'secretInLog'],
    ]);
  });

  it('a reasonless suppression naming no known rule is reported once, not once per rule', () => {
    expect(lint('// shiftguard-ignore-next-line no-such-rule\nconsole.log("hello");\n')).toEqual([[expect.stringMatching(/^shiftguard\//), 1, SUPPRESSION_WITHOUT_REASON_ID]]);
  });
});

describe('scanPathOf', () => {
  it('names the file relative to the working directory with forward slashes, as the CLI does', () => {
    expect(scanPathOf('/repo/src/app.ts', '/repo')).toBe('src/app.ts');
    expect(scanPathOf('/elsewhere/app.tsx', '/repo')).toBe('/elsewhere/app.tsx');
    expect(scanPathOf('/repo/src/../lib/a.ts', '/repo')).toBe('lib/a.ts');
    expect(scanPathOf('/repo/../elsewhere/a.ts', '/repo')).toBe('/repo/../elsewhere/a.ts');
  });

  it('parses text linted without a file name as TypeScript', () => {
    expect(scanPathOf('<input>', '/repo')).toBe('input.ts');
  });
});
