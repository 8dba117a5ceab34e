import { readFile } from 'node:fs/promises';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Rule } from '@shiftguard/core';
import { z } from 'zod';
import { describeRule } from './list-rules-tool.js';

/** `docs/rules/` at the repository root: four levels up from both src/tools and dist/tools. */
export const DEFAULT_DOCS_DIR = new URL('../../../../docs/rules/', import.meta.url);

const inputSchema = { ruleId: z.string().regex(/^[a-z0-9-]{1,64}$/).describe('A rule id from list_rules.') };

export function registerExplainRuleTool(server: McpServer, deps: { rules: readonly Rule[]; docsDir: URL }): void {
  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: 'Explains one shiftguard rule: what it finds, why it matters, incorrect and correct code.',
      inputSchema,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ ruleId }) => {
      // The id is looked up in the registry before any file is touched: it never becomes a path on its own.
      const rule = deps.rules.find((r) => r.meta.id === ruleId);
      if (!rule) return { content: [{ type: 'text', text: `Unknown rule "${ruleId}". Call list_rules for the ids.` }], isError: true };
      const docs = await readFile(new URL(`${rule.meta.id}.md`, deps.docsDir), 'utf8').catch(() => undefined);
      const text = docs ?? `${rule.meta.id}: ${rule.meta.description}`;
      return { content: [{ type: 'text', text }], structuredContent: { ...describeRule(rule), docs: docs ?? null } };
    },
  );
}
