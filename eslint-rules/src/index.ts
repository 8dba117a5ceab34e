import { createRequire } from 'node:module';
import { DEFAULT_IGNORES, rules as coreRules, SOURCE_GLOB } from '@shiftguard/core';
import type { ESLint, Linter, Rule } from 'eslint';
import { createBridgedRule } from './bridge.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** Generated from the engine's registry: one ESLint rule per engine rule, same id. */
const rules: Record<string, Rule.RuleModule> = Object.fromEntries(coreRules.map((r) => [r.meta.id, createBridgedRule(r)]));

const recommendedRules: Linter.RulesRecord = Object.fromEntries(coreRules.map((r) => [`shiftguard/${r.meta.id}`, 'error']));

interface ShiftguardPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  configs: { recommended: Linter.Config };
}

const plugin: ShiftguardPlugin = {
  meta: { name, version, namespace: 'shiftguard' },
  rules,
  configs: { recommended: {} },
};

// The config refers to the plugin object itself, as typescript-eslint's flat configs do, so it is
// filled in after the plugin exists. It covers the files `shiftguard scan` reads by default (test
// code, declarations and build output left out), so the editor and the CLI judge the same files.
plugin.configs.recommended = {
  name: 'shiftguard/recommended',
  files: [SOURCE_GLOB],
  ignores: [...DEFAULT_IGNORES],
  plugins: { shiftguard: plugin },
  rules: recommendedRules,
};

export default plugin;
