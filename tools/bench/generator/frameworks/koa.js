/** @type {import('./dialect.js').Dialect} */
export const koa = {
  name: 'koa',
  routerImports: `import Router from '@koa/router';`,
  openRouter: (name) => `export const ${name} = new Router();`,
  closeRouter: () => '',
  routerRef: (name) => name,
  route: (ref, method, path, guards, body) => `${ref}.${method === 'patch' ? 'patch' : method}('${path}', ${guards.map((g) => `${g}, `).join('')}async (ctx) => {\n${body}\n});`,
  use: (ref, guard) => `${ref}.use(${guard});`,
  h: {
    queryObject: 'ctx.query as Record<string, string>',
    query: (n) => `ctx.query.${n} as string | undefined`,
    param: (n) => `ctx.params.${n} ?? ''`,
    body: 'ctx.request.body',
    json: (e, s) => `${s ? `  ctx.status = ${s};\n` : ''}  ctx.body = ${e};`,
    empty: '  ctx.status = 204;',
    headers: 'ctx.headers',
  },
  authModule: () => `import type { Context, Next } from 'koa';
import { authService } from '../container.js';

function bearerOf(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

export async function requireUser(ctx: Context, next: Next): Promise<void> {
  const token = bearerOf(ctx.get('authorization'));
  const claims = token ? await authService.verify(token) : undefined;
  if (!claims) ctx.throw(401, 'unauthorized');
  ctx.state.userId = claims.userId;
  await next();
}

export async function requireAdmin(ctx: Context, next: Next): Promise<void> {
  const token = bearerOf(ctx.get('authorization'));
  const claims = token ? await authService.verify(token) : undefined;
  if (!claims || claims.role !== 'admin') ctx.throw(403, 'forbidden');
  await next();
}
`,
  auditModule: () => `import type { Context, Next } from 'koa';
import { httpLogger } from '../logger.js';

/** Records who touches the admin area. It does not authenticate: it always continues. */
export async function checkAdminSession(ctx: Context, next: Next): Promise<void> {
  httpLogger.info({ path: ctx.path, method: ctx.method }, 'admin request');
  await next();
}
`,
  appModule: (mounts) => `import Koa from 'koa';
import Router from '@koa/router';
import { authService } from './container.js';
import { httpLogger } from './logger.js';
${mounts.map((m) => `import { ${m.exportName} } from './routes/${m.file}.js';`).join('\n')}

export function createApp(): Koa {
  const app = new Koa();
  const api = new Router({ prefix: '/api' });
  api.get('/health', (ctx) => {
    ctx.body = { ok: true };
  });
  api.post('/auth/login', async (ctx) => {
    const issued = await authService.login(ctx.request.body as { email: string; password: string });
    if (!issued) ctx.throw(401, 'invalid credentials');
    ctx.body = issued;
  });
${mounts.map((m) => `  api.use('${m.prefix}', ${m.exportName}.routes(), ${m.exportName}.allowedMethods());`).join('\n')}
  app.on('error', (err: Error) => httpLogger.error({ err: err.message }, 'request failed'));
  app.use(api.routes()).use(api.allowedMethods());
  return app;
}
`,
  mainModule: () => `import { createApp } from './app.js';
import { config } from './config.js';
import { logger } from './logger.js';

createApp().listen(config.port, () => logger.info({ port: config.port }, 'listening'));
`,
};
