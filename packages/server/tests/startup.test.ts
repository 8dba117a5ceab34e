import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../tools/testing/redis-server.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const KEY = Buffer.alloc(32, 3).toString('base64');

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];

/** The built entry point as `npm start` runs it (turbo builds before test). */
function run(env: Record<string, string>): Run {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build -w @shiftguard/server" first (turbo's test task does).`);
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (d: Buffer) => stdout.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  return { child, stdout, stderr, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

/** Startup loads the engine and TypeScript: seconds on a loaded 2-core CI runner, so only a hang fails. */
async function waitForListening(r: Run, limitMs = 15_000): Promise<number> {
  for (const deadline = Date.now() + limitMs; Date.now() < deadline; ) {
    const line = r.stdout.join('').split('\n').find((l) => l.includes('"event":"listening"'));
    if (line) return (JSON.parse(line) as { port: number }).port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not start: ${r.stderr.join('')}`);
}

/**
 * The development admin key goes to stderr right after the listening event goes to stdout: two
 * pipes, so the parent can read them in either order. Wait for the key rather than assume it came first.
 */
async function waitForAdminKey(r: Run, limitMs = 5_000): Promise<string> {
  for (const deadline = Date.now() + limitMs; Date.now() < deadline; ) {
    const key = /admin key[^\n]*\n\s+(\S+)\n/.exec(r.stderr.join(''))?.[1];
    if (key) return key;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no admin key on stderr: ${JSON.stringify(r.stderr.join(''))}`);
}

describe('process startup (dist/main.js)', () => {
  let redis: RedisTestServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(() => {
    // A failed assertion must not leave a server running: kill whatever is still alive.
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  afterAll(async () => redis?.stop());

  it('refuses a bad production configuration: exit 1, one line per problem, no stack trace', async () => {
    const r = run({ NODE_ENV: 'production', ALLOWED_ORIGINS: '*', DISABLE_AUTH: '1' });
    expect(await r.exited).toBe(1);
    const lines = r.stderr.join('').trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.startsWith('shiftguard-server: configuration error: '))).toBe(true);
    expect(lines.join('\n')).toMatch(/ALLOWED_ORIGINS: "\*" is not allowed/);
    expect(lines.join('\n')).not.toMatch(/\bat .+:\d+:\d+/);
    const event = JSON.parse(r.stdout.join('').trim()) as { event: string; problems: string[] };
    expect(event.event).toBe('config_error');
    expect(event.problems).toHaveLength(6);
  });

  it('starts with a correct production configuration, sends HSTS, and exits 0 on SIGTERM', async () => {
    const r = run({
      NODE_ENV: 'production',
      PORT: '0',
      REDIS_URL: redis.url,
      TOKEN_ENCRYPTION_KEYS: `p1:${KEY}`,
      ALLOWED_ORIGINS: 'https://app.example.com',
      ADMIN_API_KEYS: 'z'.repeat(40),
      PUBLIC_URL: 'https://mcp.example.com',
      ALLOWED_HOSTS: 'mcp.example.com',
    });
    const port = await waitForListening(r);
    const { request } = await import('node:http');
    const response = await new Promise<{ status: number; hsts: unknown }>((resolve, reject) => {
      request({ port, path: '/ready', headers: { host: 'mcp.example.com' } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, hsts: res.headers['strict-transport-security'] });
      })
        .on('error', reject)
        .end();
    });
    expect(response).toEqual({ status: 200, hsts: 'max-age=63072000; includeSubDomains' });
    expect(r.stderr.join('')).toBe('');
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  });

  it('starts in development with no configuration and prints a generated admin key once to stderr', async () => {
    const r = run({ PORT: '0' });
    const port = await waitForListening(r);
    const key = await waitForAdminKey(r);
    const stderr = r.stderr.join('');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stderr.split(key)).toHaveLength(2);
    expect(r.stdout.join('')).not.toContain(key);
    const listed = await fetch(`http://127.0.0.1:${port}/admin/tokens`, { headers: { 'x-api-key': key } });
    expect(listed.status).toBe(200);
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  });

  it('finishes an in-flight request after SIGTERM, then exits 0', async () => {
    const r = run({ PORT: '0', LOG_LEVEL: 'debug' });
    const base = `http://127.0.0.1:${await waitForListening(r)}`;
    const adminKey = await waitForAdminKey(r);
    const issued = (await (
      await fetch(`${base}/admin/tokens`, { method: 'POST', headers: { 'x-api-key': adminKey, 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'shutdown', scopes: ['mcp'] }) })
    ).json()) as { token: string };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${issued.token}` };
    const init = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
    });
    const sessionId = init.headers.get('mcp-session-id') ?? '';
    // A scan still running when the signal arrives (it is sent as soon as the request is logged),
    // yet far inside the server's 5 s scan budget on a loaded CI runner.
    const files = Array.from({ length: 20 }, (_, i) => ({
      path: `src/f${i}.ts`,
      content: Array.from({ length: 40 }, (_, j) => `app.get('/admin/r${i}x${j}', (req, res) => { console.log(req.headers.authorization); res.send(process.env.SECRET_${j}); });`).join('\n'),
    }));
    const requestsSeen = () => r.stdout.join('').split('\n').filter((l) => l.includes('"msg":"request"')).length;
    const before = requestsSeen();
    const pending = fetch(`${base}/mcp`, {
      method: 'POST',
      headers: { ...headers, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'scan_source', arguments: { files } } }),
    });
    while (requestsSeen() === before) await new Promise((resolve) => setTimeout(resolve, 2));
    r.child.kill('SIGTERM');
    const response = await pending;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { isError?: boolean; content: unknown; structuredContent: { findings: unknown[] } } };
    expect(body.result.isError, JSON.stringify(body.result).slice(0, 300)).toBeFalsy();
    expect(body.result.structuredContent.findings.length).toBeGreaterThan(0);
    expect(await r.exited).toBe(0);
    expect(r.stdout.join('')).toContain('"event":"shutdown"');
  });
});

