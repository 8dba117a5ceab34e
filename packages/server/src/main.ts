/**
 * The process entry point and the only module with side effects: read the environment, connect
 * storage, serve, and shut down cleanly on SIGTERM.
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { rules } from '@shiftguard/core';
import { createApp } from './app.js';
import { createJwtVerifier } from './auth/jwt-verifier.js';
import { loadConfig } from './config/server-config.js';
import { createLogger } from './observability/logger.js';
import { createRedisClient } from './storage/create-redis-client.js';
import { createStores } from './storage/create-stores.js';
import { DEFAULT_DOCS_DIR } from './tools/explain-rule-tool.js';
import { createScanRunner } from './tools/scan-runner.js';
import { createClientIpResolver } from './transport/client-ip.js';

const SHUTDOWN_GRACE_MS = 10_000;

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  // Humans read stderr; log pipelines get the same problems as one security event on stdout.
  createLogger({ level: 'error' }).error({ event: 'config_error', problems: loaded.problems }, 'invalid configuration');
  for (const problem of loaded.problems) process.stderr.write(`shiftguard-server: configuration error: ${problem}\n`);
  process.exit(1);
}
const config = loaded.config;
const logger = createLogger({ level: config.logLevel });
const clock = () => Date.now();

const redis = config.storage === 'redis' && config.redisUrl ? createRedisClient(config.redisUrl) : undefined;
redis?.on('error', (error: Error) => logger.warn({ event: 'redis_error', message: error.message }, 'redis connection problem'));
// Start even when Redis is down (/ready says 503 and requests fail closed until it answers).
await redis?.connect().catch(() => logger.warn({ event: 'redis_unavailable' }, 'redis not reachable yet; retrying in the background'));

const resolveClientIp = createClientIpResolver({ trustedProxies: config.trustedProxies });
const scanner = createScanRunner();
const app = createApp({
  config,
  stores: createStores(config, redis),
  logger,
  clock,
  getClientIp: (c) => resolveClientIp(getConnInfo(c).remote.address, c.req.header('x-forwarded-for')),
  scanner,
  rules,
  docsDir: DEFAULT_DOCS_DIR,
  verifyJwt:
    config.oauth &&
    createJwtVerifier({ issuer: config.oauth.issuer, audience: config.oauth.audience, keys: { jwksUrl: config.oauth.jwksUrl }, tokenTypes: config.oauth.tokenTypes, clock }),
});

const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  logger.info({ event: 'listening', host: config.host, port: info.port, environment: config.environment, storage: config.storage }, 'shiftguard server listening');
  if (config.generatedAdminKey) {
    // Development only (production requires ADMIN_API_KEYS): the one place this key is ever shown.
    process.stderr.write(`\nDevelopment admin key (shown once, valid until restart):\n  ${config.generatedAdminKey}\n\n`);
  }
});

function shutdown(signal: string): void {
  logger.info({ event: 'shutdown', signal }, 'shutting down');
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  server.close(() => {
    void Promise.all([scanner.close(), redis?.quit().catch(() => undefined)]).then(() => process.exit(0));
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
