#!/usr/bin/env node
// `node tools/bench/server/run.js [--duration 5] [--rounds 3] [--connections 10] [--runs 3]` (after
// `npm run build`): autocannon against `tools/call` on /mcp, full security stack on Redis vs a bare
// Hono app serving the same tools. Variants take turns within each round and the median round is
// kept (a shared machine's load moves between seconds); the whole measurement is repeated `--runs`
// times and every run is reported, with the run of median list_rules ratio in full. Also times the
// Redis token check itself. Prints requests/s, p50, p99 and their ratios; writes RESULTS.md. Not
// part of `npm test`.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, createConnection } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';

const BENCH_ADMIN_KEY = randomBytes(32).toString('base64url');
const SERVE = fileURLToPath(new URL('./serve.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
  },
});
const DURATION = Number(values.duration);
const ROUNDS = Number(values.rounds);
const CONNECTIONS = Number(values.connections);
const RUNS = Number(values.runs);

const SNIPPET = "import express from 'express';\nconst app = express();\napp.get('/admin/users', (req, res) => { res.json([]); });\napp.listen(3000);\n";
const CALLS = {
  list_rules: { name: 'list_rules', arguments: {} },
  scan_source: { name: 'scan_source', arguments: { files: [{ path: 'src/app.ts', content: SNIPPET }] } },
};
const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

const redis = await startRedis();
const variants = {};
try {
  for (const mode of ['bare', 'full', 'full-memory']) variants[mode] = await startVariant(mode, redis.url);
  const auth = {
    full: await authenticate(variants.full.url),
    'full-memory': await authenticate(variants['full-memory'].url),
    bare: {},
  };
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push({ rows: await measure(variants, auth), tokenCheck: await timeTokenCheck(redis.url) });
  report(runs);
} finally {
  for (const variant of Object.values(variants)) variant.child.kill('SIGTERM');
  redis.child.kill('SIGKILL');
}

async function measure(variants, auth) {
  const rows = [];
  for (const [tool, call] of Object.entries(CALLS)) {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: call });
    const modes = ['bare', 'full', 'full-memory'];
    for (const mode of modes) await load(variants[mode].url, auth[mode], body, 2); // warm-up: JIT, worker start
    const samples = Object.fromEntries(modes.map((m) => [m, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order so no variant always runs right after the same neighbour.
      for (const mode of [...modes.slice(round % 3), ...modes.slice(0, round % 3)]) {
        samples[mode].push(await load(variants[mode].url, auth[mode], body, DURATION));
      }
    }
    for (const mode of modes) rows.push({ tool, mode, ...medianRound(samples[mode]) });
  }
  return rows;
}

async function authenticate(url) {
  const issued = await fetch(`${url}/admin/tokens`, {
    method: 'POST',
    headers: { 'x-api-key': BENCH_ADMIN_KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ subject: 'bench', scopes: ['mcp'] }),
  });
  const { token } = await issued.json();
  const init = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: { ...HEADERS, authorization: `Bearer ${token}` },
    body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } }),
  });
  if (init.status !== 200) throw new Error(`initialize failed on ${url}: ${init.status}`);
  return { authorization: `Bearer ${token}`, 'mcp-session-id': init.headers.get('mcp-session-id') ?? '' };
}

function load(url, authHeaders, body, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${url}/mcp`, method: 'POST', headers: { ...HEADERS, ...authHeaders }, body, connections: CONNECTIONS, duration }, (error, result) => {
      if (error) return reject(error);
      const failures = result.non2xx + result.errors + result.timeouts;
      if (failures > 0) return reject(new Error(`${failures} failed requests against ${url}`));
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total });
    });
  });
}

function medianRound(samples) {
  const sorted = [...samples].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The token check alone: store.verify (HMAC, Lua GET + last-use stamp, AES-GCM decrypt), sequential. */
async function timeTokenCheck(redisUrl) {
  const { createRedisClient } = await import('../../../packages/server/dist/storage/create-redis-client.js');
  const { createStores } = await import('../../../packages/server/dist/storage/create-stores.js');
  const keys = [{ kid: 'b', key: randomBytes(32) }];
  const client = createRedisClient(redisUrl);
  await client.connect();
  const timings = {};
  for (const storage of ['redis', 'memory']) {
    const stores = createStores({ storage, encryptionKeys: keys, sessionTimeouts: { idleSeconds: 600, maxSeconds: 3600 } }, client);
    const { token } = await stores.tokens.issue({ subject: 'bench', scopes: ['mcp'], ttlSeconds: 600 }, Date.now());
    const samples = [];
    for (let i = 0; i < 3000; i++) {
      const started = performance.now();
      await stores.tokens.verify(token, Date.now());
      if (i >= 500) samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    timings[storage] = { p50: samples[Math.floor(samples.length / 2)], p99: samples[Math.floor(samples.length * 0.99)] };
  }
  client.disconnect();
  return timings;
}

function report(runs) {
  const ratioOf = (rows, tool, mode) => rows.find((r) => r.tool === tool && r.mode === mode).rps / rows.find((r) => r.tool === tool && r.mode === 'bare').rps;
  const byRatio = [...runs].sort((a, b) => ratioOf(a.rows, 'list_rules', 'full') - ratioOf(b.rows, 'list_rules', 'full'));
  const { rows, tokenCheck } = byRatio[Math.floor(byRatio.length / 2)];
  const lines = [
    `# Server benchmark`,
    '',
    `autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s per variant (median round) after a 2 s warm-up, ${RUNS} run(s); ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg()[0].toFixed(1)} at the end, Node ${process.version}.`,
    'bare = tools/bench/server/bare-app.js (no security layer); full = the real createApp on Redis; full-memory = the same on in-memory storage.',
    '',
    `Every run (full and full-memory as a share of bare req/s; p50/p99 in ms as bare → full):`,
    '',
    '| run | list_rules full | list_rules full-memory | list_rules p50 | list_rules p99 | scan_source full | scan_source full-memory | token check p50 (Redis − memory) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const pct = (value) => `${Math.round(value * 100)}%`;
  const latency = (runRows, tool, key) => `${runRows.find((r) => r.tool === tool && r.mode === 'bare')[key]} → ${runRows.find((r) => r.tool === tool && r.mode === 'full')[key]}`;
  runs.forEach((run, i) => {
    const r = run.rows;
    lines.push(
      `| ${i + 1} | ${pct(ratioOf(r, 'list_rules', 'full'))} | ${pct(ratioOf(r, 'list_rules', 'full-memory'))} | ${latency(r, 'list_rules', 'p50')} | ${latency(r, 'list_rules', 'p99')} | ${pct(ratioOf(r, 'scan_source', 'full'))} | ${pct(ratioOf(r, 'scan_source', 'full-memory'))} | ${(run.tokenCheck.redis.p50 - run.tokenCheck.memory.p50).toFixed(3)} ms |`,
    );
  });
  lines.push(
    '',
    'The run with the median list_rules ratio, in full:',
    '',
    '| tool | variant | req/s | p50 ms | p99 ms | req/s vs bare | p50 vs full-memory |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  for (const row of rows) {
    const bare = rows.find((r) => r.tool === row.tool && r.mode === 'bare');
    const memory = rows.find((r) => r.tool === row.tool && r.mode === 'full-memory');
    const ratio = `${Math.round((row.rps / bare.rps) * 100)}%`;
    const delta = row.mode === 'full' ? `+${(row.p50 - memory.p50).toFixed(2)} ms` : '';
    lines.push(`| ${row.tool} | ${row.mode} | ${Math.round(row.rps)} | ${row.p50} | ${row.p99} | ${ratio} | ${delta} |`);
  }
  const ms = (v) => v.toFixed(3);
  lines.push(
    '',
    '| token check (store.verify, sequential) | p50 ms | p99 ms |',
    '|---|---:|---:|',
    `| Redis | ${ms(tokenCheck.redis.p50)} | ${ms(tokenCheck.redis.p99)} |`,
    `| memory | ${ms(tokenCheck.memory.p50)} | ${ms(tokenCheck.memory.p99)} |`,
    '',
    `Redis-backed token check adds ${ms(tokenCheck.redis.p50 - tokenCheck.memory.p50)} ms at p50.`,
    'Targets: full keeps >= 70% of bare req/s; a Redis-backed token check adds < 1 ms at p50.',
    '',
  );
  const text = lines.join('\n');
  process.stdout.write(`${text}\n`);
  writeFileSync(RESULTS, text);
}

function startVariant(mode, redisUrl) {
  const child = spawn(process.execPath, [SERVE, mode, redisUrl], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_ADMIN_KEY } });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}`)));
    child.stdout.once('data', (data) => resolve({ child, url: `http://127.0.0.1:${JSON.parse(String(data).split('\n')[0]).port}` }));
  });
}

// A throw-away Redis like tools/testing/redis-server.ts starts for tests (that helper is TypeScript,
// which this plain-Node script cannot import).
async function startRedis() {
  const port = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  child.once('error', () => {
    process.stderr.write('redis-server is not installed: sudo apt-get install -y redis-server\n');
    process.exit(2);
  });
  for (let i = 0; i < 100; i++) {
    const answered = await new Promise((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => socket.write('PING\r\n'));
      socket.once('data', (d) => (socket.destroy(), resolve(String(d).startsWith('+PONG'))));
      socket.once('error', () => resolve(false));
    });
    if (answered) return { child, url: `redis://127.0.0.1:${port}` };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start');
}
