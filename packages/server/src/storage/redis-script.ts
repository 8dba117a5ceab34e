import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export type RedisScript = (keys: readonly string[], args: readonly string[]) => Promise<unknown>;

/**
 * A Lua script called by its SHA1 (EVALSHA), so the hot path does not ship and hash the script
 * text on every call; when Redis does not know it yet (first call, restart, SCRIPT FLUSH) it is
 * sent once with EVAL, which also caches it.
 */
export function createRedisScript(redis: Redis, lua: string): RedisScript {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(lua, keys.length, ...keys, ...args);
    }
  };
}
