import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Rule } from '@shiftguard/core';
import { registerExplainRuleTool } from './explain-rule-tool.js';
import { registerListRulesTool } from './list-rules-tool.js';
import type { ScanRunner } from './scan-runner.js';
import { registerScanSourceTool } from './scan-source-tool.js';

export interface McpToolDeps {
  scanner: ScanRunner;
  rules: readonly Rule[];
  docsDir: URL;
}

export const SERVER_INFO = { name: 'shiftguard', version: '0.1.0' };

/** One MCP server with the three tools. Cheap to build: the HTTP layer makes one per request. */
export function createMcpServer(deps: McpToolDeps): McpServer {
  const server = new McpServer(SERVER_INFO, { capabilities: { tools: {} } });
  const knownRuleIds = deps.rules.map((r) => r.meta.id);
  registerScanSourceTool(server, { scanner: deps.scanner, knownRuleIds });
  registerListRulesTool(server, deps);
  registerExplainRuleTool(server, deps);
  return server;
}
