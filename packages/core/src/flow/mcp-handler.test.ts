import { describe, expect, it } from 'vitest';
import { loggedSecretsOf } from '../../tests/support/logged-secrets.js';

/** The secrets each log call of `code` (an MCP server file) is given. */
const loggedOf = (code: string) => loggedSecretsOf(`import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst server = new McpServer({ name: 'x', version: '1' });\n${code}`);

describe("an MCP handler's extra (mcpHandlerParamOf)", () => {
  it.each([
    ['last of two parameters', "server.tool('t', {}, async (args, extra) => { console.log(extra); return { content: [] }; });", [['extra.authInfo.token', 'extra.requestInfo.headers']]],
    ['alone, when nothing gives the handler arguments', "server.tool('t', 'about', async (extra) => { console.log(extra.authInfo); return { content: [] }; });", [['extra.authInfo.token']]],
    ['destructured', "server.registerTool('t', { description: 'd' }, async ({ requestInfo }) => { console.log(requestInfo); return { content: [] }; });", [['requestInfo.headers']]],
    ['a resource template handler', "server.resource('r', template, async (uri, vars, extra) => { console.log(extra.authInfo); return { contents: [] }; });", [['extra.authInfo.token']]],
    ['a function of the file passed by name', "async function h(args: unknown, extra: unknown) { console.log(extra.authInfo); return { content: [] }; }\nserver.tool('t', {}, h);", [['extra.authInfo.token']]],
  ])('%s', (_name, code, expected) => {
    expect(loggedOf(code)).toEqual(expected);
  });

  it.each([
    ['the arguments of a tool with a schema', "server.tool('t', { q: z.string() }, async (request) => { console.log(request); return { content: [] }; });"],
    ['a registered tool with an input schema', "server.registerTool('t', { inputSchema: { q: z.string() } }, async (request) => { console.log(request); return { content: [] }; });"],
    ["the JSON-RPC request of setRequestHandler", "server.server.setRequestHandler(S, async (request) => { console.log(request); return {}; });"],
    ['fields of authInfo other than the token', "server.tool('t', {}, async (args, extra) => { console.log(extra.authInfo?.clientId, extra.authInfo?.scopes); return { content: [] }; });"],
  ])('not %s', (_name, code) => {
    expect(loggedOf(code).flat()).toEqual([]);
  });
});
