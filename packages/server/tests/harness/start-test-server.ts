import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { rules } from '@shiftguard/core';
import type { Redis } from 'ioredis';
import { createApp } from '../../src/app.js';
import type { JwtVerifier } from '../../src/auth/jwt-verifier.js';
import { loadConfig, type ServerConfig } from '../../src/config/server-config.js';
import { createLogger } from '../../src/observability/logger.js';
import { createRedisClient } from '../../src/storage/create-redis-client.js';
import { createStores, type Stores } from '../../src/storage/create-stores.js';
import { DEFAULT_DOCS_DIR } from '../../src/tools/explain-rule-tool.js';
import type { ScanRunner } from '../../src/tools/scan-runner.js';
import { createClientIpResolver } from '../../src/transport/client-ip.js';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdefghijklmnop';
export const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
export const ALLOWED_ORIGIN = 'https://allowed.example';

export interface TestServer {
  url: string;
  config: ServerConfig;
  stores: Stores;
  redis?: Redis;
  /** Every log line the server wrote, as raw text. */
  logs: string[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  redisUrl?: string;
  scanner: ScanRunner;
  verifyJwt?: JwtVerifier;
  clock?: () => number;
}

/** A real server on a real port: the same wiring as main.ts, with config from a test environment. */
export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const loaded = loadConfig({
    NODE_ENV: 'test',
    ADMIN_API_KEYS: ADMIN_KEY,
    TOKEN_ENCRYPTION_KEYS: `k1:${ENCRYPTION_KEY}`,
    ALLOWED_ORIGINS: ALLOWED_ORIGIN,
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_URL: 'http://127.0.0.1:3000',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  if (!loaded.ok) throw new Error(`test config invalid: ${loaded.problems.join('; ')}`);
  // Tests reach the server as 127.0.0.1:<random port>, so the loopback Host list applies only when asked for.
  const config: ServerConfig = options.env?.ALLOWED_HOSTS ? loaded.config : { ...loaded.config, allowedHosts: undefined };
  const redis = config.storage === 'redis' && config.redisUrl ? createRedisClient(config.redisUrl) : undefined;
  redis?.on('error', () => undefined);
  await redis?.connect();
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString());
      callback();
    },
  });
  const stores = createStores(config, redis);
  const resolveIp = createClientIpResolver({ trustedProxies: config.trustedProxies });
  const app = createApp({
    config,
    stores,
    logger: createLogger({ level: config.logLevel, destination }),
    clock: options.clock ?? Date.now,
    getClientIp: (c) => resolveIp(getConnInfo(c).remote.address, c.req.header('x-forwarded-for')),
    scanner: options.scanner,
    rules,
    docsDir: DEFAULT_DOCS_DIR,
    verifyJwt: options.verifyJwt,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    stores,
    redis,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      redis?.disconnect();
    },
  };
}
