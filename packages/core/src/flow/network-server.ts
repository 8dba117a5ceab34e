/**
 * Modules that serve requests from the network: the MCP SDK's HTTP transports and web frameworks.
 * Plain `http` is left out: a local tool imports it to call APIs, or to catch its own OAuth redirect
 * on localhost.
 */
const SERVES_NETWORK = /^(?:@modelcontextprotocol\/sdk\/server\/(?:streamableHttp|sse)(?:\.js)?|express|fastify|koa|hono|@hono\/node-server|@nestjs\/core|@hapi\/hapi|restify|polka|next|ws)(?:\/.*)?$/;

/** Whether importing `specifier` makes the importer a network server. */
export function servesNetwork(specifier: string): boolean {
  return SERVES_NETWORK.test(specifier);
}
