import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';
import { createJwtVerifier } from '../src/auth/jwt-verifier.js';
import { createScanRunner } from '../src/tools/scan-runner.js';
import { AUDIENCE, ISSUER, startJwksServer, type JwksServer } from './harness/jwks-server.js';
import { INITIALIZE, issueToken, MCP_HEADERS, VULNERABLE_SNIPPET } from './harness/mcp-requests.js';
import { ADMIN_KEY, ENCRYPTION_KEY, startTestServer, type TestServer } from './harness/start-test-server.js';

const REDIS_PASSWORD = 'redis-pass-6d1f0c9e2b';

describe('logs of a full session at debug level contain no secret', () => {
  let redis: RedisTestServer;
  let server: TestServer;
  let jwks: JwksServer;
  const scanner = createScanRunner();
  const printed: string[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const setup = new Redis(redis.url);
    await setup.config('SET', 'requirepass', REDIS_PASSWORD);
    setup.disconnect();
    jwks = await startJwksServer();
    const verifyJwt = createJwtVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: { jwksUrl: jwks.jwksUrl }, clock: Date.now });
    const redisUrl = `redis://:${REDIS_PASSWORD}@127.0.0.1:${redis.port}`;
    server = await startTestServer({ redisUrl, scanner, verifyJwt, env: { LOG_LEVEL: 'trace' } });
    // Anything written to the process streams (SDK warnings, stray console calls) counts as output too.
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        printed.push(String(chunk));
        return true;
      });
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
    await jwks?.close();
    await scanner.close();
    await redis?.stop();
  });

  it('never prints a token, key, password, session id or authorization value', async () => {
    const secrets: string[] = [ADMIN_KEY, ENCRYPTION_KEY, REDIS_PASSWORD];
    const { id, token } = await issueToken(server.url);
    secrets.push(token);
    const jwt = await jwks.sign({ sub: 'jwt-user' });
    secrets.push(jwt, jwt.split('.')[2] ?? '');

    for (const credential of [token, jwt]) {
      const client = new Client({ name: 'log-test', version: '1.0.0' });
      const transport = new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${credential}` } } });
      await client.connect(transport);
      secrets.push(transport.sessionId ?? '');
      await client.listTools();
      await client.callTool({ name: 'scan_source', arguments: { files: [VULNERABLE_SNIPPET] } });
      await client.callTool({ name: 'list_rules', arguments: {} });
      await transport.terminateSession();
      await client.close();
    }

    // Failures: wrong token, wrong admin key, token in the query string, a foreign session.
    const wrongToken = 'sgt_wrongwrongwrongwrongwrongwrongwrongwrong12';
    const wrongAdmin = 'wrong-admin-key-wrong-admin-key-0000';
    secrets.push(wrongToken, wrongAdmin);
    await fetch(`${server.url}/mcp`, { method: 'POST', headers: { ...MCP_HEADERS, authorization: `Bearer ${wrongToken}` }, body: INITIALIZE });
    await fetch(`${server.url}/admin/tokens`, { headers: { authorization: `Bearer ${wrongAdmin}`, cookie: 'sid=cookie-secret-123456' } });
    await fetch(`${server.url}/mcp?access_token=${token}`, { method: 'POST', headers: MCP_HEADERS, body: INITIALIZE });
    // A credential pasted into the path itself.
    await fetch(`${server.url}/admin/${ADMIN_KEY}`);
    await fetch(`${server.url}/${token}`);
    secrets.push('cookie-secret-123456');
    await fetch(`${server.url}/admin/tokens/${id}`, { method: 'DELETE', headers: { 'x-api-key': ADMIN_KEY } });

    const output = [...server.logs, ...printed].join('\n');
    expect(server.logs.length).toBeGreaterThan(20);
    expect(output).toContain('"event":"auth_failure"');
    expect(output).toContain('"event":"admin_action"');
    for (const secret of secrets.filter((s) => s.length >= 8)) {
      expect(output, `secret found in logs: ${secret.slice(0, 6)}…`).not.toContain(secret);
    }
    expect(output).not.toMatch(/bearer [A-Za-z0-9]/i);
  });
});
