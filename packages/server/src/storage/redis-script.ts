import { createHash } from 'node:crypto';
import type { RedisClient } from './create-redis-client.js';

export type RedisScript = (keys: readonly string[], args: readonly string[]) => Promise<unknown>;

/**
 * A Lua script called by its SHA1 (EVALSHA), so the hot path does not ship and hash the script
 * text on every call; when Redis does not know it yet (first call, restart, SCRIPT FLUSH) it is
 * sent once with EVAL, which also caches it.
 */
export function createRedisScript(redis: RedisClient, lua: string): RedisScript {
  assertKeysDeclared(lua);
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

/** Commands whose every argument is a key; for the others only the first argument is. */
const ALL_KEYS = new Set(['DEL', 'UNLINK', 'EXISTS', 'MGET', 'TOUCH']);

/**
 * Redis Cluster routes a script by the keys it declares and refuses undeclared or cross-slot keys,
 * so a script may name a key only as KEYS[i] (never build one from ARGV or a value it read). Checked
 * when the script is created, at startup, so a script that would break on a cluster never ships.
 */
export function assertKeysDeclared(lua: string): void {
  for (const args of redisCalls(lua)) {
    const [command = '', ...rest] = args;
    const name = command.replace(/^'|'$/g, '').toUpperCase();
    const keys = ALL_KEYS.has(name) ? rest : rest.slice(0, 1);
    const undeclared = keys.find((key) => !/^KEYS\[[^\]]+\]$/.test(key));
    if (undeclared !== undefined) {
      throw new Error(`createRedisScript: ${name} on ${undeclared}: a script may only touch the keys it declares (KEYS[i])`);
    }
  }
}

/** The top-level arguments of every `redis.call(...)` / `redis.pcall(...)` in a script. */
function redisCalls(lua: string): string[][] {
  const calls: string[][] = [];
  for (const match of lua.matchAll(/redis\.p?call\(/g)) {
    const args: string[] = [];
    let depth = 0;
    let start = match.index + match[0].length;
    for (let i = start; i < lua.length; i++) {
      const char = lua[i];
      if (char === '(') depth++;
      else if (char === ')' && depth-- === 0) {
        args.push(lua.slice(start, i).trim());
        break;
      } else if (char === ',' && depth === 0) {
        args.push(lua.slice(start, i).trim());
        start = i + 1;
      }
    }
    calls.push(args);
  }
  return calls;
}
