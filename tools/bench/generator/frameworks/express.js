/** @type {import('./dialect.js').Dialect} */
export const express = {
  name: 'express',
  routerImports: `import { Router } from 'express';`,
  openRouter: (name) => `export const ${name} = Router();`,
  closeRouter: () => '',
  routerRef: (name) => name,
  route: (ref, method, path, guards, body) => `${ref}.${method}('${path}', ${guards.map((g) => `${g}, `).join('')}async (req, res) => {\n${body}\n});`,
  use: (ref, guard) => `${ref}.use(${guard});`,
  h: {
    queryObject: 'req.query as Record<string, string>',
    query: (n) => `req.query.${n} as string | undefined`,
    param: (n) => `req.params.${n}`,
    body: 'req.body',
    json: (e, s) => (s ? `  res.status(${s}).json(${e});` : `  res.json(${e});`),
    empty: '  res.status(204).end();',
    headers: 'req.headers',
  },
  authModule: () => `import type { NextFunction, Request, Response } from 'express';
import { authService } from '../container.js';

function bearerOf(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

export async function requireUser(req: Request, res: Response, next: NextFunction): Promise<void> {
  const token = bearerOf(req.headers.authorization);
  if (!token) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  const claims = await authService.verify(token);
  if (!claims) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  res.locals.userId = claims.userId;
  next();
}

export async function requireAdmin(req: Request, res: Response, next: NextFunction): Promise<void> {
  const token = bearerOf(req.headers.authorization);
  const claims = token ? await authService.verify(token) : undefined;
  if (!claims || claims.role !== 'admin') {
    res.status(403).json({ error: 'forbidden' });
    return;
  }
  next();
}
`,
  auditModule: () => `import type { NextFunction, Request, Response } from 'express';
import { httpLogger } from '../logger.js';

/** Records who touches the admin area. It does not authenticate: it always continues. */
export function checkAdminSession(req: Request, _res: Response, next: NextFunction): void {
  httpLogger.info({ path: req.path, method: req.method }, 'admin request');
  next();
}
`,
  appModule: (mounts) => `import express from 'express';
import { authService } from './container.js';
import { httpLogger } from './logger.js';
${mounts.map((m) => `import { ${m.exportName} } from './routes/${m.file}.js';`).join('\n')}

export function createApp(): express.Express {
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.post('/api/auth/login', async (req, res) => {
    const issued = await authService.login(req.body);
    if (issued) res.json(issued);
    else res.status(401).json({ error: 'invalid credentials' });
  });
${mounts.map((m) => `  app.use('/api${m.prefix}', ${m.exportName});`).join('\n')}
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    httpLogger.error({ err: err.message }, 'request failed');
    res.status(500).json({ error: 'internal' });
  });
  return app;
}
`,
  mainModule: () => `import { createApp } from './app.js';
import { config } from './config.js';
import { logger } from './logger.js';

createApp().listen(config.port, () => logger.info({ port: config.port }, 'listening'));
`,
};
