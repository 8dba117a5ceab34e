// Child process of run.js: serves one variant on a free port and reports it as a JSON line.
//   node serve.js bare
//   node serve.js full <redis-url>      the real server wiring (createApp) on Redis storage
//   node serve.js full-memory           the same wiring on in-memory storage
// The admin key comes from BENCH_ADMIN_KEY (set by run.js).
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { rules } from '@shiftguard/core';
import { pino } from 'pino';
import { createApp } from '../../../packages/server/dist/app.js';
import { loadConfig } from '../../../packages/server/dist/config/server-config.js';
import { createRedisClient } from '../../../packages/server/dist/storage/create-redis-client.js';
import { createStores } from '../../../packages/server/dist/storage/create-stores.js';
import { createMcpServerFactory } from '../../../packages/server/dist/tools/create-mcp-server.js';
import { DEFAULT_DOCS_DIR } from '../../../packages/server/dist/tools/explain-rule-tool.js';
import { createScanRunner } from '../../../packages/server/dist/tools/scan-runner.js';
import { createClientIpResolver } from '../../../packages/server/dist/transport/client-ip.js';
import { createBareApp } from './bare-app.js';


const [mode = 'bare', redisUrl] = process.argv.slice(2);
const scanner = createScanRunner();
const toolDeps = { scanner, rules, docsDir: DEFAULT_DOCS_DIR };

const app = mode === 'bare' ? createBareApp({ createServer: createMcpServerFactory(toolDeps) }) : await createFullApp();
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));

async function createFullApp() {
  const loaded = loadConfig({
    NODE_ENV: 'production',
    PUBLIC_URL: 'https://bench.example',
    ALLOWED_ORIGINS: 'https://app.bench.example',
    ADMIN_API_KEYS: process.env.BENCH_ADMIN_KEY,
    TOKEN_ENCRYPTION_KEYS: `b1:${Buffer.alloc(32, 9).toString('base64')}`,
    // Production requires Redis; the memory variant swaps the storage below, after validation.
    REDIS_URL: redisUrl ?? 'redis://127.0.0.1:1',
    // Limits far above the load so that every request does the full limiter round trip and passes.
    RATE_LIMITS: 'admin=100000000/60,mcp=100000000/60,auth_failure=100000000/60',
    LOG_LEVEL: 'info',
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const config = mode === 'full' ? loaded.config : { ...loaded.config, storage: 'memory' };
  const redis = mode === 'full' ? createRedisClient(config.redisUrl) : undefined;
  await redis?.connect();
  const resolveIp = createClientIpResolver({ trustedProxies: [] });
  return createApp({
    config,
    stores: createStores(config, redis),
    // Production logs one JSON line per request; the bench writes them to /dev/null at the same cost.
    logger: pino({ level: config.logLevel }, pino.destination('/dev/null')),
    clock: Date.now,
    getClientIp: (c) => resolveIp(getConnInfo(c).remote.address, c.req.header('x-forwarded-for')),
    ...toolDeps,
  });
}
