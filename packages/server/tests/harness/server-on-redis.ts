import { afterAll, beforeAll } from 'vitest';
import { startRedis, type RedisTestServer } from '../../../../tools/testing/redis-server.js';
import { createScanRunner } from '../../src/tools/scan-runner.js';
import { startTestServer, type TestServer, type TestServerOptions } from './start-test-server.js';

export interface ServerOnRedis {
  readonly redis: RedisTestServer;
  readonly server: TestServer;
}

/**
 * A real redis-server and a test server on it for the enclosing `describe` block: started before
 * its tests, and server, scanner worker and Redis all stopped after them, whatever happened.
 */
export function serverOnRedis(options: Omit<TestServerOptions, 'redisUrl' | 'scanner'> = {}): ServerOnRedis {
  let redis: RedisTestServer | undefined;
  let server: TestServer | undefined;
  const scanner = createScanRunner();
  beforeAll(async () => {
    redis = await startRedis();
    server = await startTestServer({ ...options, redisUrl: redis.url, scanner });
  });
  afterAll(async () => {
    await server?.close();
    await scanner.close();
    await redis?.stop();
  });
  return {
    get redis() {
      if (!redis) throw new Error('serverOnRedis: Redis is used before beforeAll started it');
      return redis;
    },
    get server() {
      if (!server) throw new Error('serverOnRedis: the server is used before beforeAll started it');
      return server;
    },
  };
}
