import { ADMIN_KEY } from './start-test-server.js';

export const MCP_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** An Express app with an admin route and no auth: what `no-unprotected-admin-route` exists for. */
export const VULNERABLE_SNIPPET = {
  path: 'src/app.ts',
  content: [
    "import express from 'express';",
    'const app = express();',
    "app.get('/admin/users', (req, res) => { res.json([]); });",
    'app.listen(3000);',
    '',
  ].join('\n'),
};

export async function issueToken(baseUrl: string, body: { subject: string; scopes: string[]; ttlSeconds?: number } = { subject: 'alice', scopes: ['mcp'] }) {
  const response = await fetch(`${baseUrl}/admin/tokens`, {
    method: 'POST',
    headers: { 'x-api-key': ADMIN_KEY, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`issue failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; token: string; expiresAt: string };
}

export function rpc(method: string, params: Record<string, unknown> = {}, id: number | undefined = 1) {
  return JSON.stringify(id === undefined ? { jsonrpc: '2.0', method, params } : { jsonrpc: '2.0', id, method, params });
}

export const INITIALIZE = rpc('initialize', {
  protocolVersion: '2025-11-25',
  capabilities: {},
  clientInfo: { name: 'test', version: '1.0.0' },
});

/** Opens a session with raw HTTP; returns its id. */
export async function openSession(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, authorization: `Bearer ${token}` }, body: INITIALIZE });
  const sessionId = response.headers.get('mcp-session-id');
  if (response.status !== 200 || !sessionId) throw new Error(`initialize failed: ${response.status} ${await response.text()}`);
  return sessionId;
}

export function mcpCall(baseUrl: string, token: string, sessionId: string, body: string, extra: Record<string, string> = {}) {
  return fetch(`${baseUrl}/mcp`, {
    method: 'POST',
    headers: { ...MCP_HEADERS, authorization: `Bearer ${token}`, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25', ...extra },
    body,
  });
}
