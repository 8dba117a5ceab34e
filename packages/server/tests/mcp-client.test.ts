import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { scanFiles } from '@shiftguard/core';
import { describe, expect, it } from 'vitest';
import { issueToken, VULNERABLE_SNIPPET } from './harness/mcp-requests.js';
import { serverOnRedis } from './harness/server-on-redis.js';

describe('a real MCP client over Streamable HTTP (SDK Client + StreamableHTTPClientTransport)', () => {
  const live = serverOnRedis();

  const connect = async (token?: string) => {
    const client = new Client({ name: 'shiftguard-test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(`${live.server.url}/mcp`), {
      requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
    });
    await client.connect(transport);
    return client;
  };

  it('lists the tools and scans a vulnerable snippet, returning the engine findings', async () => {
    const { token } = await issueToken(live.server.url);
    const client = await connect(token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['explain_rule', 'list_rules', 'scan_source']);

    const result = await client.callTool({ name: 'scan_source', arguments: { files: [VULNERABLE_SNIPPET] } });
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent as { findings: { ruleId: string; line: number }[]; errors: unknown[] };
    const direct = scanFiles({ files: [{ path: VULNERABLE_SNIPPET.path, text: VULNERABLE_SNIPPET.content }] });
    // The tool is a thin front door: exactly the engine's verdicts, nothing added or dropped.
    expect(output.findings.map((f) => [f.ruleId, f.line])).toEqual(direct.findings.map((f) => [f.ruleId, f.line]));
    expect(output.errors).toEqual([]);
    expect(output.findings).toContainEqual(expect.objectContaining({ ruleId: 'no-unprotected-admin-route', line: 3 }));
    await client.close();
  });

  it('rejects unsafe scan input with a tool error', async () => {
    const { token } = await issueToken(live.server.url);
    const client = await connect(token);
    const traversal = await client.callTool({ name: 'scan_source', arguments: { files: [{ path: '../../etc/passwd.ts', content: 'x' }] } });
    expect(traversal.isError).toBe(true);
    const tooMany = await client.callTool({
      name: 'scan_source',
      arguments: { files: Array.from({ length: 51 }, (_, i) => ({ path: `f${i}.ts`, content: '' })) },
    });
    expect(tooMany.isError).toBe(true);
    const unknownRule = await client.callTool({ name: 'scan_source', arguments: { files: [VULNERABLE_SNIPPET], ruleIds: ['no-such-rule'] } });
    expect(unknownRule.isError).toBe(true);
    const explain = await client.callTool({ name: 'explain_rule', arguments: { ruleId: 'no-such-rule' } });
    expect(explain.isError).toBe(true);
    const traversalId = await client.callTool({ name: 'explain_rule', arguments: { ruleId: '../../package' } });
    expect(traversalId.isError).toBe(true);
    await client.close();
  });

  it('lists the registered rules and explains one from its docs page', async () => {
    const { token } = await issueToken(live.server.url);
    const client = await connect(token);
    const listed = (await client.callTool({ name: 'list_rules', arguments: {} })).structuredContent as { rules: { id: string; cwe: string }[] };
    expect(listed.rules.map((r) => r.id)).toContain('no-unprotected-admin-route');
    const explained = await client.callTool({ name: 'explain_rule', arguments: { ruleId: 'no-unprotected-admin-route' } });
    expect(explained.isError).toBeFalsy();
    expect(explained.structuredContent).toMatchObject({ id: 'no-unprotected-admin-route', cwe: expect.stringMatching(/^CWE-\d+$/) });
    await client.close();
  });

  it('fails without a token with the spec 401 and its resource_metadata challenge', async () => {
    await expect(connect()).rejects.toThrow(/401|Unauthorized/i);
    const response = await fetch(`${live.server.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="http://127.0.0.1:3000/.well-known/oauth-protected-resource/mcp"',
    );
  });
});
