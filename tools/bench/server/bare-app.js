// The baseline: the same MCP tools over Streamable HTTP with no security layer at all (no auth,
// no sessions, no guards, no rate limits, no audit, no logging). It lives here, not behind a switch
// in the server, so the server has no code path that turns its protections off.
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';

/**
 * @param {{ createServer: () => import('@modelcontextprotocol/sdk/server/mcp.js').McpServer }} deps
 */
export function createBareApp(deps) {
  const app = new Hono();
  app.post('/mcp', async (c) => {
    const server = deps.createServer();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      void server.close();
    }
  });
  return app;
}
