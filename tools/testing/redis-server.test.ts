import { createConnection } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisTestServer } from './redis-server.js';

function ping(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', () => resolve('refused'));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().trim());
    });
  });
}

describe('startRedis', () => {
  let redis: RedisTestServer | undefined;
  afterAll(async () => redis?.stop());

  it('answers on its port, dies on kill and comes back on the same port', async () => {
    redis = await startRedis();
    expect(redis.url).toBe(`redis://127.0.0.1:${redis.port}`);
    expect(await ping(redis.port)).toBe('+PONG');
    await redis.kill();
    expect(redis.isRunning()).toBe(false);
    expect(await ping(redis.port)).toBe('refused');
    await redis.restart();
    expect(await ping(redis.port)).toBe('+PONG');
  });

  it('fails with an install hint when redis-server is missing', async () => {
    const previous = process.env.REDIS_SERVER_BIN;
    process.env.REDIS_SERVER_BIN = '/nonexistent/redis-server';
    try {
      await expect(startRedis()).rejects.toThrow(/redis-server is not installed.*apt-get install -y redis-server/);
    } finally {
      if (previous === undefined) delete process.env.REDIS_SERVER_BIN;
      else process.env.REDIS_SERVER_BIN = previous;
    }
  });
});
