import { describe, expect, it } from 'vitest';
import { mayServeNetwork, servesNetwork } from './network-server.js';

describe('servesNetwork', () => {
  it.each(['express', 'fastify', '@fastify/static', 'hono', '@hono/node-server', '@nestjs/platform-express', '@modelcontextprotocol/sdk/server/streamableHttp.js', '@modelcontextprotocol/sdk/server/sse.js', 'socket.io', '@trpc/server/adapters/standalone', 'next/server'])('%s serves the network', (specifier) => {
    expect(servesNetwork(specifier)).toBe(true);
  });

  it.each(['@modelcontextprotocol/sdk/server/stdio.js', '@modelcontextprotocol/sdk/client/streamableHttp.js', 'node:http', 'commander', 'express-session', 'nextjs-helpers', 'open'])('%s does not', (specifier) => {
    expect(servesNetwork(specifier)).toBe(false);
  });

  it("counts Node's own servers only as a possible server", () => {
    expect(mayServeNetwork('node:http')).toBe(true);
    expect(mayServeNetwork('https')).toBe(true);
    expect(mayServeNetwork('commander')).toBe(false);
  });
});
