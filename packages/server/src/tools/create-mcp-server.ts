import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
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

/**
 * Returns a maker of MCP servers with the three tools. The HTTP layer makes one server per request
 * (a server binds to one transport), so the costly part, the JSON Schema validator (an Ajv
 * instance), is built once here and shared.
 */
export function createMcpServerFactory(deps: McpToolDeps): () => McpServer {
  const jsonSchemaValidator = new AjvJsonSchemaValidator();
  const knownRuleIds = deps.rules.map((r) => r.meta.id);
  return function createMcpServer() {
    const server = new McpServer(SERVER_INFO, { capabilities: { tools: {} }, jsonSchemaValidator });
    registerScanSourceTool(server, { scanner: deps.scanner, knownRuleIds });
    registerListRulesTool(server, deps);
    registerExplainRuleTool(server, deps);
    return server;
  };
}
