/**
 * Realistic server sources the property test mutates, covering the constructs every extractor
 * looks at: apps, routers, mounts, middleware, guards, loggers, secrets, file stores. Fixture-corpus
 * files are added to these at run time, so the seeds grow with the corpus.
 */
export const SEED_SOURCES: ReadonlyArray<{ path: string; text: string }> = [
  {
    path: 'src/hono-app.ts',
    text: `import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { adminRoutes } from './routes/admin.js';
const ADMIN = '/admin';
export const app = new Hono().basePath('/api');
app.use(\`\${ADMIN}/*\`, bearerAuth({ token: process.env.ADMIN_TOKEN ?? '' }));
app.route(ADMIN, adminRoutes);
app.get('/users/:id', async (c) => {
  const auth = c.req.header('Authorization');
  if (!auth) return c.json({ error: 'unauthorized' }, 401);
  console.log(\`user \${c.req.param('id')} with \${auth}\`);
  return c.json({ ok: true });
});
export default app;
`,
  },
  {
    path: 'src/express-app.js',
    text: `const express = require('express');
const pino = require('pino');
const logger = pino({ redact: ['password'] });
const log = logger.child({ mod: 'admin' });
const router = express.Router();
function requireAdmin(req, res, next) {
  if (req.headers['x-api-key'] !== process.env.API_KEY) return res.status(403).end();
  next();
}
router.delete('/users/:id', requireAdmin, (req, res) => {
  const { password, ...rest } = req.body;
  log.info({ rest, password, headers: req.headers }, 'deleted');
  res.sendStatus(204);
});
const app = express();
app.use('/internal', router);
module.exports = { app };
`,
  },
  {
    path: 'src/stores/file-token-store.ts',
    text: `import { writeFileSync, createWriteStream } from 'node:fs';
import * as fsp from 'fs/promises';
export interface TokenStore { save(id: string, token: string): Promise<void> }
export class FileTokenStore implements TokenStore {
  constructor(private readonly file = './tokens.json') {
    if (process.env.NODE_ENV === 'production') throw new Error('dev only');
  }
  async save(id: string, token: string): Promise<void> {
    await fsp.writeFile(this.file, JSON.stringify({ [id]: token }));
    writeFileSync('.env.local', \`SECRET=\${token}\\n\`);
    const out = createWriteStream('sessions.log');
    out.write(token.slice(0, 4));
    out.end();
  }
}
export const store = process.env.STORE === 'file' ? new FileTokenStore() : undefined;
`,
  },
  {
    path: 'src/fastify-koa.ts',
    text: `import Fastify from 'fastify';
import Router from '@koa/router';
import { Controller, Get, UseGuards } from '@nestjs/common';
const app = Fastify();
app.addHook('onRequest', async (request, reply) => { await request.jwtVerify(); });
app.register(async (admin) => {
  admin.get('/stats', { preHandler: [async (req, reply) => reply.code(401).send()] }, async () => ({}));
}, { prefix: '/admin' });
const router = new Router({ prefix: '/sudo' });
router.use(async (ctx, next) => { if (!ctx.get('authorization')) ctx.throw(401); await next(); });
router.get('/x', (ctx) => { ctx.body = { secret: ctx.cookies.get('session') }; });
@Controller('admin')
@UseGuards(AuthGuard)
export class AdminController { @Get('users') list() { return []; } }
type Deep<T> = { [K in keyof T]: T[K] extends object ? Deep<T[K]> : T[K] };
enum Role { Admin = 'admin', User = 'user' }
export function* gen(): Generator<number> { yield* [1, 2, 3]; }
label: for (const x of [1]) { if (x) break label; }
`,
  },
];
