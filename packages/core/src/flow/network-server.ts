/**
 * Modules that serve requests from the network: the MCP SDK's HTTP transports and web frameworks.
 * Plain `http` is left out: a local tool imports it to call APIs, or to catch its own OAuth redirect
 * on localhost.
 */
const SERVES_NETWORK =
  /^(?:@modelcontextprotocol\/sdk\/server\/(?:streamableHttp|sse)(?:\.js)?|(?:express|fastify|koa|hono|restify|polka|next|ws|socket\.io|h3|elysia|micro|connect|restana|hyper-express|ultimate-express|uWebSockets\.js|sails)(?:\/.*)?|@(?:fastify|hono|koa|nestjs|hapi|trpc|feathersjs|tinyhttp|adonisjs|loopback)\/.*)$/;
/** Node's own servers: `bin/www` starts an Express app through `http.createServer(app)`. */
const NODE_SERVERS = /^(?:node:)?(?:http|https|http2|net)$/;

/** Whether importing `specifier` makes the importer a network server. */
export function servesNetwork(specifier: string): boolean {
  return SERVES_NETWORK.test(specifier);
}

/** Whether importing `specifier` may make the importer a network server: a framework, or Node's own `http`. */
export function mayServeNetwork(specifier: string): boolean {
  return SERVES_NETWORK.test(specifier) || NODE_SERVERS.test(specifier);
}
