import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Rule } from '@shiftguard/core';

export function describeRule(rule: Rule) {
  const { id, description, severity, cwe } = rule.meta;
  return { id, description, severity, cwe };
}

export function registerListRulesTool(server: McpServer, deps: { rules: readonly Rule[] }): void {
  server.registerTool(
    'list_rules',
    {
      title: 'List rules',
      description: 'Lists the shiftguard rules: id, one-line description, severity and CWE.',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => {
      const output = { rules: deps.rules.map(describeRule) };
      return { content: [{ type: 'text', text: JSON.stringify(output) }], structuredContent: output };
    },
  );
}
