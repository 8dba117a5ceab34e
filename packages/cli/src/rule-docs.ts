import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Finds the rule docs folder: `docs/rules` in the CLI package (a published copy) or in the
 * repository that contains it (the workspace), the one source of every rule's help text.
 */
export function findRuleDocsDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Reads `docs/rules/<id>.md` on demand, once per rule. */
export function createRuleDocs(dir = findRuleDocsDir()): (ruleId: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (ruleId) => {
    if (!dir || !RULE_ID.test(ruleId)) return undefined;
    if (!cache.has(ruleId)) {
      const file = join(dir, `${ruleId}.md`);
      cache.set(ruleId, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    }
    return cache.get(ruleId);
  };
}
