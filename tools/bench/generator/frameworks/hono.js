/** @type {import('./dialect.js').Dialect} */
export const hono = {
  name: 'hono',
  routerImports: `import { Hono } from 'hono';`,
  openRouter: (name) => `export const ${name} = new Hono();`,
  closeRouter: () => '',
  routerRef: (name) => name,
  route: (ref, method, path, guards, body) => `${ref}.${method}('${path}', ${guards.map((g) => `${g}, `).join('')}async (c) => {\n${body}\n});`,
  use: (ref, guard) => `${ref}.use('*', ${guard});`,
  h: {
    queryObject: 'c.req.query()',
    query: (n) => `c.req.query('${n}')`,
    param: (n) => `c.req.param('${n}')`,
    body: 'await c.req.json()',
    json: (e, s) => `  return c.json(${e}${s ? `, ${s}` : ''});`,
    empty: '  return c.body(null, 204);',
    headers: 'c.req.header()',
  },
  authModule: () => `import type { MiddlewareHandler } from 'hono';
import { authService } from '../container.js';

function bearerOf(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

export const requireUser: MiddlewareHandler = async (c, next) => {
  const token = bearerOf(c.req.header('Authorization'));
  if (!token) return c.json({ error: 'unauthorized' }, 401);
  const claims = await authService.verify(token);
  if (!claims) return c.json({ error: 'unauthorized' }, 401);
  c.set('userId' as never, claims.userId as never);
  await next();
};

export const requireAdmin: MiddlewareHandler = async (c, next) => {
  const token = bearerOf(c.req.header('Authorization'));
  if (!token) return c.json({ error: 'unauthorized' }, 401);
  const claims = await authService.verify(token);
  if (!claims || claims.role !== 'admin') return c.json({ error: 'forbidden' }, 403);
  await next();
};
`,
  auditModule: () => `import type { MiddlewareHandler } from 'hono';
import { httpLogger } from '../logger.js';

/** Records who touches the admin area. It does not authenticate: it always continues. */
export const checkAdminSession: MiddlewareHandler = async (c, next) => {
  httpLogger.info({ path: c.req.path, method: c.req.method }, 'admin request');
  await next();
};
`,
  appModule: (mounts) => `import { Hono } from 'hono';
import { authService } from './container.js';
import { httpLogger } from './logger.js';
${mounts.map((m) => `import { ${m.exportName} } from './routes/${m.file}.js';`).join('\n')}

export function createApp(): Hono {
  const app = new Hono().basePath('/api');
  app.get('/health', (c) => c.json({ ok: true }));
  app.post('/auth/login', async (c) => {
    const issued = await authService.login(await c.req.json());
    return issued ? c.json(issued) : c.json({ error: 'invalid credentials' }, 401);
  });
${mounts.map((m) => `  app.route('${m.prefix}', ${m.exportName});`).join('\n')}
  app.onError((err, c) => {
    httpLogger.error({ err: err.message }, 'request failed');
    return c.json({ error: 'internal' }, 500);
  });
  return app;
}
`,
  mainModule: () => `import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { config } from './config.js';
import { logger } from './logger.js';

serve({ fetch: createApp().fetch, port: config.port }, (info) => logger.info({ port: info.port }, 'listening'));
`,
};
