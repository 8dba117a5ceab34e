import { Redis, type Cluster, type RedisOptions } from 'ioredis';

/** What the Redis stores run on: one server (or Sentinel) through `Redis`, or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/**
 * ioredis with deliberate failure behaviour. Its defaults queue commands while disconnected and
 * retry each one 20 times, so a request can hang for over a minute when Redis is down. Here a
 * command fails at once while disconnected (no offline queue, no per-request retries) and within
 * `commandTimeout` when Redis hangs, while the connection itself keeps retrying forever, so service
 * resumes by itself when Redis returns.
 */
export const REDIS_DEFAULTS: RedisOptions = {
  connectTimeout: 1000,
  commandTimeout: 500,
  maxRetriesPerRequest: 0,
  enableOfflineQueue: false,
  retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 4), 800),
  lazyConnect: true,
  // No auto-pipelining: ioredis then sends one batch at a time per connection, so with a hung Redis
  // each waiting batch first sits out the previous one's timeout and failures stop being fast.
  enableAutoPipelining: false,
};

export function createRedisClient(url: string, overrides: RedisOptions = {}): Redis {
  // rediss:// turns TLS on through ioredis's URL parsing; overrides carry Sentinel/Cluster settings.
  return new Redis(url, { ...REDIS_DEFAULTS, ...overrides });
}
