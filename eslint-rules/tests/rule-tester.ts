import { RuleTester } from '@typescript-eslint/rule-tester';
import type { Rule } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import plugin from '../src/index.js';

// typescript-eslint's RuleTester drives whatever test framework it is given: vitest here.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A RuleTester that parses with @typescript-eslint/parser, as users of the plugin do. */
export const ruleTester = new RuleTester();

/**
 * The plugin's rule by id, typed for typescript-eslint's RuleTester. The plugin is typed with ESLint's
 * own `Rule.RuleModule`; both describe the same runtime object.
 */
// The rule type RuleTester expects, taken from RuleTester itself: its own copy of
// @typescript-eslint/utils may differ from the one at the root.
type TesterRule = Parameters<RuleTester['run']>[1];

export function pluginRule(id: string): TesterRule {
  const rule: Rule.RuleModule | undefined = plugin.rules[id];
  if (!rule) throw new Error(`eslint-plugin-shiftguard has no rule ${id}: is it registered in packages/core/src/rules/index.ts?`);
  return rule as unknown as TesterRule;
}
