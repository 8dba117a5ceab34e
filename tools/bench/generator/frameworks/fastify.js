/** @type {import('./dialect.js').Dialect} */
export const fastify = {
  name: 'fastify',
  routerImports: `import type { FastifyInstance } from 'fastify';`,
  openRouter: (name) => `export async function ${name}(app: FastifyInstance): Promise<void> {`,
  closeRouter: () => '}',
  routerRef: () => 'app',
  route: (ref, method, path, guards, body) =>
    `  ${ref}.${method}('${path}', ${guards.length ? `{ preHandler: [${guards.join(', ')}] }, ` : ''}async (request, reply) => {\n${body.replace(/^/gm, '  ')}\n  });`,
  use: (ref, guard) => `  ${ref}.addHook('onRequest', ${guard});`,
  h: {
    queryObject: 'request.query as Record<string, string>',
    query: (n) => `(request.query as Record<string, string>).${n}`,
    param: (n) => `(request.params as Record<string, string>).${n} ?? ''`,
    body: 'request.body',
    json: (e, s) => `  return reply.code(${s ?? 200}).send(${e});`,
    empty: '  return reply.code(204).send();',
    headers: 'request.headers',
  },
  authModule: () => `import type { FastifyReply, FastifyRequest } from 'fastify';
import { authService } from '../container.js';

function bearerOf(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = bearerOf(request.headers.authorization);
  const claims = token ? await authService.verify(token) : undefined;
  if (!claims) return reply.code(401).send({ error: 'unauthorized' });
}

export async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = bearerOf(request.headers.authorization);
  const claims = token ? await authService.verify(token) : undefined;
  if (!claims || claims.role !== 'admin') return reply.code(403).send({ error: 'forbidden' });
}
`,
  auditModule: () => `import type { FastifyRequest } from 'fastify';
import { httpLogger } from '../logger.js';

/** Records who touches the admin area. It does not authenticate: it never replies. */
export async function checkAdminSession(request: FastifyRequest): Promise<void> {
  httpLogger.info({ path: request.url, method: request.method }, 'admin request');
}
`,
  appModule: (mounts) => `import Fastify, { type FastifyInstance } from 'fastify';
import { authService } from './container.js';
${mounts.map((m) => `import { ${m.exportName} } from './routes/${m.file}.js';`).join('\n')}

export async function createApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: true });
  app.get('/api/health', async () => ({ ok: true }));
  app.post('/api/auth/login', async (request, reply) => {
    const issued = await authService.login(request.body as { email: string; password: string });
    return issued ? issued : reply.code(401).send({ error: 'invalid credentials' });
  });
${mounts.map((m) => `  await app.register(${m.exportName}, { prefix: '/api${m.prefix}' });`).join('\n')}
  return app;
}
`,
  mainModule: () => `import { createApp } from './app.js';
import { config } from './config.js';

const app = await createApp();
await app.listen({ port: config.port, host: '0.0.0.0' });
`,
};
