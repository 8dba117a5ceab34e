import { describe, expect, it } from 'vitest';
import type { ShiftguardConfigInput } from '../../src/config/config.js';
import rule from '../../src/rules/no-unprotected-admin-route.js';
import { scanFiles } from '../../src/scan-files.js';

/** A case is one file (`code`, scanned as src/app.ts) or a small project (`files`). */
interface Case {
  name: string;
  code?: string;
  files?: Record<string, string>;
  config?: ShiftguardConfigInput;
}
interface InvalidCase extends Case {
  errors: Array<{ messageId: string; line: number; file?: string }>;
}

const RULE = rule.meta.id;

const honoHead = `import { Hono } from 'hono';\nimport { bearerAuth } from 'hono/bearer-auth';\nconst app = new Hono();\n`;
const expressHead = `import express from 'express';\nconst app = express();\n`;

const valid: Case[] = [
  { name: 'express: a try whose field reads throw without a session user, caught with 401', code: `${expressHead}function guard(req, res, next) {\n  try { const id = req.session.user.id; req.userId = id; next(); } catch { return res.sendStatus(401); }\n}\napp.use('/admin', guard);\napp.get('/admin/users', (req, res) => res.json([]));` },
  { name: 'express: a try around a helper of the file that throws, caught with 401', code: `${expressHead}function assertAdmin(req) { if (req.get('x-admin-key') !== process.env.ADMIN_KEY) throw new Error('forbidden'); }\nfunction guard(req, res, next) {\n  try { assertAdmin(req); next(); } catch { return res.sendStatus(401); }\n}\napp.use('/admin', guard);\napp.get('/admin/users', (req, res) => res.json([]));` },
  { name: 'express: routers loaded lazily by import() or a loader helper, guarded inside', files: { 'src/admin.ts': `import express from 'express';\nimport basicAuth from 'express-basic-auth';\nconst router = express.Router();\nrouter.use(basicAuth({ users: { admin: 'x' } }));\nrouter.get('/users', (req, res) => res.json([]));\nexport default router;`, 'src/app.ts': `${expressHead}import { lazy } from './lazy.js';\napp.use('/admin', async (req, res, next) => (await import('./admin.js')).default(req, res, next));\napp.use('/internal', lazy(() => import('./admin.js')));`, 'src/lazy.ts': `export const lazy = (load: () => Promise<any>) => async (req: any, res: any, next: any) => (await load()).default(req, res, next);` } },
  { name: 'express: a router required on the first request, guarded inside', files: { 'src/admin.ts': `import express from 'express';\nimport basicAuth from 'express-basic-auth';\nconst router = express.Router();\nrouter.use(basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } }));\nrouter.get('/users', (req, res) => res.json([]));\nmodule.exports = router;`, 'src/app.ts': `${expressHead}app.use('/admin', (req, res, next) => require('./admin')(req, res, next));` } },
  { name: 'express: a guard declared inside the app factory, and a same-named no-op elsewhere', code: `${expressHead}export function secured() {\n  function check(req, res, next) { if (req.headers['x-admin-key'] !== process.env.ADMIN_KEY) return res.sendStatus(401); next(); }\n  app.use('/admin', check);\n  app.get('/admin/users', (req, res) => res.json([]));\n}\nexport function other() {\n  function check(req, res, next) { next(); }\n  return check;\n}` },
  { name: 'hono: guard on /admin/* before the route', code: `${honoHead}app.use('/admin/*', bearerAuth({ token: 't' }));\napp.get('/admin/users', (c) => c.json([]));` },
  { name: 'hono: /admin/* also covers /admin itself', code: `${honoHead}app.use('/admin/*', bearerAuth({ token: 't' }));\napp.get('/admin', (c) => c.json([]));` },
  { name: 'hono: guard in the route handler list', code: `${honoHead}app.post('/admin/reset', bearerAuth({ token: 't' }), (c) => c.text('ok'));` },
  { name: 'hono: non-admin route without guard', code: `${honoHead}app.get('/users', (c) => c.json([]));` },
  { name: 'hono: administration-like word is not a segment match', code: `${honoHead}app.get('/administrators-guide', (c) => c.text('doc'));\napp.get('/badmin', (c) => c.text('x'));` },
  { name: 'hono: exempt login route', code: `${honoHead}app.post('/admin/login', (c) => c.text('ok'));\napp.post('/admin/sign-in', (c) => c.text('ok'));\napp.post('/admin/logout', (c) => c.text('ok'));` },
  { name: 'hono: in-handler 401 check first', code: `${honoHead}app.get('/admin/stats', (c) => {\n  const key = c.req.header('x-admin-key');\n  if (key !== process.env.ADMIN_KEY) return c.json({ error: 'unauthorized' }, 401);\n  return c.json({ ok: true });\n});` },
  { name: 'hono: project middleware that rejects', code: `${honoHead}const requireAdmin = async (c, next) => {\n  if (c.req.header('authorization') !== 'Bearer x') return c.text('no', 403);\n  await next();\n};\napp.use('/admin/*', requireAdmin);\napp.get('/admin/x', (c) => c.text('x'));` },
  { name: 'hono: guard registered only in production', code: `${honoHead}if (process.env.NODE_ENV === 'production') app.use('/admin/*', bearerAuth({ token: 't' }));\napp.get('/admin/x', (c) => c.text('x'));` },
  { name: 'hono: dev-only admin route', code: `${honoHead}if (process.env.NODE_ENV !== 'production') {\n  app.get('/admin/debug', (c) => c.text('x'));\n}` },
  { name: 'hono: basePath app with guard', code: `${honoHead}const api = app.basePath('/admin');\napi.use('*', bearerAuth({ token: 't' }));\napi.get('/users', (c) => c.json([]));` },
  { name: 'express: router guard before routes, mounted at /admin', code: `${expressHead}import passport from 'passport';\nconst admin = express.Router();\nadmin.use(passport.authenticate('jwt', { session: false }));\nadmin.get('/users', (req, res) => res.json([]));\napp.use('/admin', admin);` },
  { name: 'express: use(/admin) covers the subtree', code: `${expressHead}import { expressjwt } from 'express-jwt';\napp.use('/admin', expressjwt({ secret: 's', algorithms: ['HS256'] }));\napp.get('/admin/users/:id', (req, res) => res.json({}));` },
  { name: 'express: guard mounted with the router', code: `${expressHead}import basicAuth from 'express-basic-auth';\nconst admin = express.Router();\nadmin.get('/users', (req, res) => res.json([]));\napp.use('/admin', basicAuth({ users: { a: 'b' } }), admin);` },
  { name: 'express: in-handler 403 check', code: `${expressHead}app.delete('/internal/cache', (req, res) => {\n  if (!req.user?.isAdmin) return res.sendStatus(403);\n  res.send('ok');\n});` },
  { name: 'express: callback-style jwt middleware', code: `${expressHead}import jwt from 'jsonwebtoken';\nfunction auth(req, res, next) {\n  jwt.verify(req.headers.authorization, 'k', (err) => {\n    if (err) return res.status(401).end();\n    next();\n  });\n}\napp.get('/admin/x', auth, (req, res) => res.send('x'));` },
  { name: 'fastify: onRequest hook in the plugin context', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.register(async (f) => {\n  f.addHook('onRequest', async (req) => { await req.jwtVerify(); });\n  f.get('/users', async () => []);\n}, { prefix: '/admin' });` },
  { name: 'fastify: hook added after the route still applies', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/admin/x', async () => 'x');\napp.addHook('onRequest', async (req, reply) => { if (!req.headers.authorization) return reply.code(401).send(); });` },
  { name: 'fastify: preHandler route option', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.decorate('authenticate', async (req, reply) => { try { await req.jwtVerify(); } catch (e) { reply.send(e); } });\napp.get('/admin/x', { preHandler: [app.authenticate] }, async () => 'x');` },
  { name: 'koa: router with prefix and guard first', code: `import Router from '@koa/router';\nconst router = new Router({ prefix: '/admin' });\nrouter.use(async (ctx, next) => { if (!ctx.state.user) ctx.throw(401); await next(); });\nrouter.get('/users', (ctx) => { ctx.body = []; });` },
  { name: 'nest: class guard that throws UnauthorizedException', code: `import { Controller, Get, UseGuards, UnauthorizedException } from '@nestjs/common';\nexport class TokenGuard {\n  canActivate(context) {\n    const req = context.switchToHttp().getRequest();\n    if (!req.headers.authorization) throw new UnauthorizedException();\n    return true;\n  }\n}\n@Controller('admin')\n@UseGuards(TokenGuard)\nexport class AdminController {\n  @Get('users') list() { return []; }\n}` },
  { name: 'nest: passport AuthGuard on the method', code: `import { Controller, Get, UseGuards } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Controller('internal')\nexport class InternalController {\n  @Get('jobs') @UseGuards(AuthGuard('jwt')) jobs() { return []; }\n}` },
  { name: 'fastify: @fastify/auth with relation and needs only one guard', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.decorate('verifyJwt', async (req, reply) => { if (!req.headers.authorization) return reply.code(401).send(); });\napp.decorate('audit', async (req) => { req.log.info('x'); });\napp.get('/admin/x', { preHandler: app.auth([app.verifyJwt, app.audit], { relation: 'and' }) }, async () => 'x');` },
  { name: 'hono: bearerAuth with a verifyToken that compares', code: `${honoHead}app.use('/admin/*', bearerAuth({ verifyToken: async (token) => token === process.env.ADMIN_TOKEN }));\napp.get('/admin/x', (c) => c.text('x'));` },
  { name: 'express: a class method guard passed with bind()', code: `${expressHead}class Auth {\n  verify(req, res, next) {\n    if (!req.get('authorization')) return res.status(401).end();\n    next();\n  }\n}\nconst auth = new Auth();\napp.use('/admin', auth.verify.bind(auth));\napp.get('/admin/users', (req, res) => res.json([]));` },
  { name: 'express: a named guard inside an async wrapper', code: `${expressHead}import asyncHandler from 'express-async-handler';\nasync function staffOnly(req, res, next) {\n  if (!(await lookup(req))) return res.status(401).end();\n  next();\n}\napp.use('/admin', asyncHandler(staffOnly));\napp.get('/admin/users', (req, res) => res.json([]));` },
  { name: 'express: guard that lets only CORS preflight through', code: `${expressHead}function gate(req, res, next) {\n  if (req.method === 'OPTIONS') return next();\n  if (!req.user) return res.status(401).end();\n  next();\n}\napp.use('/admin', gate);\napp.get('/admin/users', (req, res) => res.json([]));` },
  { name: 'hono: factory.createHandlers with a guard first', code: `${honoHead}import { createFactory } from 'hono/factory';\nconst factory = createFactory();\nconst handlers = factory.createHandlers(async (c, next) => {\n  if (!c.req.header('authorization')) return c.json({}, 401);\n  await next();\n}, (c) => c.json([]));\napp.get('/admin/users', ...handlers);` },
  { name: 'fastify: @fastify/auth strategy that fails with done(error)', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.decorate('verifyKey', function (req, reply, done) {\n  if (req.headers['x-key'] !== process.env.KEY) return done(new Error('bad key'));\n  done();\n});\napp.get('/admin/x', { preHandler: app.auth([app.verifyKey]) }, async () => 'x');` },
  { name: 'express: inline expressjwt(...).unless(...)', code: `${expressHead}import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: 's', algorithms: ['HS256'] }).unless({ path: ['/login'] }));\napp.get('/admin/users', (req, res) => res.json([]));` },
  { name: 'express: route(path).all(guard) before the methods', code: `${expressHead}function staffGate(req, res, next) {\n  if (!req.session.staff) return res.status(401).end();\n  next();\n}\napp.route('/admin/users').all(staffGate).get((req, res) => res.json([]));` },
  { name: 'option: publicPaths exempts a health route', code: `${honoHead}app.get('/internal/health', (c) => c.text('ok'));`, config: { publicPaths: ['/internal/health'] } },
  { name: 'option: authMiddleware names a project guard whose body we cannot judge', code: `${honoHead}import { gate } from './gate-not-scanned';\napp.use('/admin/*', gate);\napp.get('/admin/x', (c) => c.text('x'));`, config: { authMiddleware: ['gate'] } },
  {
    name: 'cross-file: guard imported from another file',
    files: {
      'src/auth.ts': `export async function requireAuth(c, next) {\n  if (!c.req.header('authorization')) return c.json({}, 401);\n  await next();\n}`,
      'src/app.ts': `${honoHead}import { requireAuth } from './auth.js';\napp.use('/admin/*', requireAuth);\napp.get('/admin/x', (c) => c.text('x'));`,
    },
  },
  { name: 'express: unless exceptions outside admin paths', code: `${expressHead}import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: 's', algorithms: ['HS256'] }).unless({ method: 'OPTIONS', path: ['/admin', /^\\/public/, { url: '/admin/stats', methods: ['get'] }] }));\napp.get('/admin/users', (req, res) => res.json([]));\napp.get('/admin/stats', (req, res) => res.json({}));` },
  { name: 'nest: @Public() under a bare passport AuthGuard, which reads no route metadata', code: `import { Controller, Get } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\nimport { AuthGuard } from '@nestjs/passport';\n@Controller('admin')\nexport class AdminController {\n  @Public() @Get('stats') stats() { return {}; }\n}\nconst app = await NestFactory.create(AppModule);\napp.useGlobalGuards(new (AuthGuard('jwt'))());` },
  { name: 'hono: a global middleware that checks only under /admin', code: `${honoHead}app.use('*', async (c, next) => {\n  if (c.req.path.startsWith('/admin')) {\n    const key = c.req.header('x-admin-key');\n    if (!key || key !== process.env.ADMIN_KEY) return c.json({ error: 'forbidden' }, 403);\n  }\n  await next();\n});\napp.get('/admin/users', (c) => c.json([]));` },
  { name: 'express: a global middleware whose path test and check share one condition', code: `${expressHead}app.use((req, res, next) => {\n  if (req.path.startsWith('/admin') && !req.session?.user) return res.sendStatus(401);\n  next();\n});\napp.get('/admin/users', (req, res) => res.json([]));` },
  { name: 'express: a middleware mounted at /api that checks its /admin subtree, by req.path or req.originalUrl', code: `${expressHead}app.use('/api', (req, res, next) => {\n  if (req.path.startsWith('/admin')) {\n    if (!req.session?.user) return res.sendStatus(401);\n  }\n  next();\n});\napp.use('/v2', (req, res, next) => {\n  if (req.originalUrl.startsWith('/v2/admin')) {\n    if (!req.session?.user) return res.sendStatus(401);\n  }\n  next();\n});\napp.get('/api/admin/users', (req, res) => res.json([]));\napp.get('/v2/admin/users', (req, res) => res.json([]));` },
  { name: 'hono: mount() of another handler under /admin, behind a guard', code: `${honoHead}import { handler } from './legacy-admin';\napp.use('/admin/*', bearerAuth({ token: process.env.ADMIN_TOKEN! }));\napp.mount('/admin', handler);\napp.mount('/legacy', handler);` },
  { name: 'express: package apps under admin paths behind a guard, or under other paths', code: `${expressHead}import basicAuth from 'express-basic-auth';\nimport { createProxyMiddleware } from 'http-proxy-middleware';\nimport AdminJS from 'adminjs';\nimport AdminJSExpress from '@adminjs/express';\nconst admin = new AdminJS({});\napp.use('/admin', basicAuth({ users: { ops: process.env.OPS_PASSWORD! } }));\napp.use(admin.options.rootPath, AdminJSExpress.buildRouter(admin));\napp.use('/api', createProxyMiddleware({ target: 'http://api:8080' }));\napp.use('/internal', AdminJSExpress.buildAuthenticatedRouter(admin, { authenticate, cookiePassword: 'x' }));\napp.use('/internal', express.json());` },
  { name: 'hono and fastify: Bull Board behind a guard registered before it', code: `import Fastify from 'fastify';\nimport { FastifyAdapter } from '@bull-board/fastify';\n${honoHead}import { HonoAdapter } from '@bull-board/hono';\nconst board = new HonoAdapter(serveStatic);\napp.use('/admin/*', bearerAuth({ token: process.env.OPS_TOKEN! }));\napp.route('/admin/queues', board.registerPlugin());\nconst server = Fastify();\nserver.addHook('onRequest', async (req, reply) => { if (req.headers.authorization !== process.env.OPS_TOKEN) return reply.code(401).send(); });\nconst fastifyBoard = new FastifyAdapter();\nserver.register(fastifyBoard.registerPlugin(), { prefix: '/admin/queues' });` },
  { name: 'nest: Express middleware of the app in main.ts guards the controllers under its path', files: { 'src/admin.controller.ts': `import { Controller, Get } from '@nestjs/common';\n@Controller('admin')\nexport class AdminController {\n  @Get('users') users() { return []; }\n}`, 'src/app.module.ts': `import { Module } from '@nestjs/common';\nimport { AdminController } from './admin.controller';\n@Module({ controllers: [AdminController] })\nexport class AppModule {}`, 'src/main.ts': `import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nimport basicAuth from 'express-basic-auth';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet());\n  app.use('/admin', basicAuth({ users: { ops: process.env.OPS_PASSWORD! } }));\n  await app.listen(3000);\n}\nbootstrap();` } },
  { name: 'express: in-handler 403s that end the handler: return after, an else, or a helper answering whether it rejected', code: `${expressHead}function denied(req, res) {\n  if (!req.session?.user?.isAdmin) res.status(403).end();\n  return !req.session?.user?.isAdmin;\n}\napp.get('/admin/a', (req, res) => {\n  if (!req.session?.user?.isAdmin) { res.status(403).json({ error: 'forbidden' }); return; }\n  res.json([]);\n});\napp.get('/admin/b', (req, res) => {\n  if (!req.session?.user?.isAdmin) res.sendStatus(403);\n  else res.json([]);\n});\napp.get('/admin/c', (req, res) => {\n  if (denied(req, res)) return;\n  res.json([]);\n});` },
];

const invalid: InvalidCase[] = [
  { name: 'express and fastify: an in-handler 403 without return, the handler\'s work after it', code: `${expressHead}import Fastify from 'fastify';\napp.delete('/admin/users/:id', async (req, res) => {\n  if (!req.session?.user?.isAdmin) res.status(403).json({ error: 'forbidden' });\n  await deleteUser(req.params.id);\n  res.sendStatus(204);\n});\nconst server = Fastify();\nserver.post('/internal/reset', async (request, reply) => {\n  if (request.headers['x-admin-key'] !== process.env.ADMIN_KEY) reply.code(401).send({ error: 'unauthorized' });\n  return resetEverything();\n});`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }, { messageId: 'unprotectedAdminRoute', line: 10 }] },
  { name: 'nest: Express middleware of the app in main.ts under another path, or no guard', files: { 'src/admin.controller.ts': `import { Controller, Get } from '@nestjs/common';\n@Controller('admin')\nexport class AdminController {\n  @Get('users') users() { return []; }\n}`, 'src/app.module.ts': `import { Module } from '@nestjs/common';\nimport { AdminController } from './admin.controller';\n@Module({ controllers: [AdminController] })\nexport class AppModule {}`, 'src/main.ts': `import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nimport basicAuth from 'express-basic-auth';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet());\n  app.use('/docs', basicAuth({ users: { ops: process.env.OPS_PASSWORD! } }));\n  await app.listen(3000);\n}\nbootstrap();` }, errors: [{ messageId: 'unprotectedAdminRoute', line: 4, file: 'src/admin.controller.ts' }] },
  { name: 'hono and fastify: Bull Board under an admin path with nothing before it', code: `import Fastify from 'fastify';\nimport { FastifyAdapter } from '@bull-board/fastify';\n${honoHead}import { HonoAdapter } from '@bull-board/hono';\nconst board = new HonoAdapter(serveStatic);\napp.route('/admin/queues', board.registerPlugin());\nconst server = Fastify();\nconst fastifyBoard = new FastifyAdapter();\nserver.register(fastifyBoard.registerPlugin(), { prefix: '/internal/queues' });`, errors: [{ messageId: 'unprotectedAdminRoute', line: 8 }, { messageId: 'unprotectedAdminRoute', line: 11 }] },
  { name: 'express: package apps that answer everything under an admin path, with nothing before them', code: `${expressHead}import { createProxyMiddleware } from 'http-proxy-middleware';\nimport proxy from 'express-http-proxy';\nimport Agendash from 'agendash';\nimport AdminJS from 'adminjs';\nimport AdminJSExpress from '@adminjs/express';\nconst admin = new AdminJS({ rootPath: '/internal/panel' });\nconst panel = AdminJSExpress.buildRouter(admin);\napp.use(admin.options.rootPath, panel);\napp.use('/internal/grafana', createProxyMiddleware({ target: 'http://grafana:3000' }));\napp.use('/admin/legacy', proxy('http://legacy-admin:8080'));\napp.use('/admin/jobs', Agendash(agenda));`, errors: [10, 11, 12, 13].map((line) => ({ messageId: 'unprotectedAdminRoute', line })) },
  { name: 'hono: mount() of another handler under /admin, no guard', code: `${honoHead}import { handler } from './legacy-admin';\napp.mount('/admin', handler);`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'express: a global middleware that checks only another subtree', code: `${expressHead}app.use((req, res, next) => {\n  if (req.path.startsWith('/admin/')) {\n    if (!req.session?.user) return res.sendStatus(401);\n  }\n  next();\n});\napp.get('/admin', (req, res) => res.send('dashboard'));\napp.get('/internal/jobs', (req, res) => res.json([]));\napp.get('/admin/users', (req, res) => res.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 9 }, { messageId: 'unprotectedAdminRoute', line: 10 }] },
  { name: 'hono: a subtree check that rejects only requests carrying a user', code: `${honoHead}app.use('*', async (c, next) => {\n  const user = c.get('user');\n  if (c.req.path.startsWith('/admin') && user && !user.isAdmin) return c.json({}, 403);\n  await next();\n});\napp.get('/admin/users', (c) => c.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 9 }] },
  { name: 'express: a 401 in a catch around calls that cannot throw never runs', code: `${expressHead}function isAdmin(req) { return req.get('x-admin') === 'yes'; }\nfunction guard(req, res, next) {\n  try { isAdmin(req); next(); } catch { return res.sendStatus(401); }\n}\napp.use('/admin', guard);\napp.get('/admin/users', (req, res) => res.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 8 }] },
  { name: 'express: routers loaded lazily by import() or a loader helper, with no guard on the way', files: { 'src/admin.ts': `import express from 'express';\nconst router = express.Router();\nrouter.get('/users', (req, res) => res.json([]));\nexport default router;`, 'src/app.ts': `${expressHead}const lazyRouter = (load: () => any) => (req: any, res: any, next: any) => load()(req, res, next);\napp.use('/admin', async (req, res, next) => (await import('./admin.js')).default(req, res, next));\napp.use('/internal', lazyRouter(() => require('./admin').default));` }, errors: [{ messageId: 'unprotectedAdminRoute', line: 3, file: 'src/admin.ts' }] },
  { name: 'express: a router required on the first request, with no guard on the way', files: { 'src/admin.ts': `import express from 'express';\nconst router = express.Router();\nrouter.get('/users', (req, res) => res.json([]));\nmodule.exports = router;`, 'src/app.ts': `${expressHead}import basicAuth from 'express-basic-auth';\napp.use('/reports', basicAuth({ users: { a: 'b' } }));\napp.use('/admin', function (req, res, next) {\n  return require('./admin')(req, res, next);\n});` }, errors: [{ messageId: 'unprotectedAdminRoute', line: 3, file: 'src/admin.ts' }] },
  { name: 'express: a guard-named function declared inside the app factory that never rejects', code: `${expressHead}export function routes() {\n  app.use('/admin', requireAdmin);\n  app.get('/admin/users', (req, res) => res.json([]));\n  function requireAdmin(req, res, next) { console.log('admin', req.path); next(); }\n}`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'hono: no guard at all', code: `${honoHead}app.get('/admin/users', (c) => c.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }] },
  { name: 'hono: guard registered after the route', code: `${honoHead}app.get('/admin/users', (c) => c.json([]));\napp.use('/admin/*', bearerAuth({ token: 't' }));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }] },
  { name: 'hono: /admin alone does not cover /admin/users', code: `${honoHead}app.use('/admin', bearerAuth({ token: 't' }));\napp.get('/admin/users', (c) => c.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'hono: guard-named middleware that never rejects', code: `${honoHead}const requireAdmin = async (c, next) => {\n  console.log('admin access', c.req.path);\n  await next();\n};\napp.use('/admin/*', requireAdmin);\napp.get('/admin/x', (c) => c.text('x'));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 9 }] },
  { name: 'hono: guard only outside production', code: `${honoHead}if (process.env.NODE_ENV !== 'production') app.use('/admin/*', bearerAuth({ token: 't' }));\napp.get('/admin/x', (c) => c.text('x'));`, errors: [{ messageId: 'guardedOnlyOutsideProduction', line: 5 }] },
  { name: 'hono: case-insensitive /Admin and internal-tools', code: `${honoHead}app.get('/Admin/panel', (c) => c.text('x'));\napp.get('/api/internal-tools/run', (c) => c.text('x'));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }, { messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'hono: template path from constants', code: `${honoHead}const API = '/api';\nconst ADMIN = \`\${API}/admin\`;\napp.get(\`\${ADMIN}/users\`, (c) => c.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 6 }] },
  { name: 'hono: check after the work is not a guard', code: `${honoHead}app.post('/admin/wipe', async (c) => {\n  await db.wipe();\n  if (!c.req.header('authorization')) return c.text('no', 401);\n  return c.text('ok');\n});`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }] },
  { name: 'express: use after the route', code: `${expressHead}import basicAuth from 'express-basic-auth';\napp.get('/admin/users', (req, res) => res.json([]));\napp.use('/admin', basicAuth({ users: {} }));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }] },
  { name: 'express: route(path).METHOD chain', code: `${expressHead}app.route('/internal/jobs').get((req, res) => res.json([])).post((req, res) => res.send('ok'));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 3 }, { messageId: 'unprotectedAdminRoute', line: 3 }] },
  { name: 'express: router mounted under /sudo', code: `${expressHead}const r = express.Router();\nr.post('/exec', (req, res) => res.send('ok'));\napp.use('/sudo', r);`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }] },
  { name: 'express: guard on a sibling path', code: `${expressHead}import { requiresAuth } from 'express-openid-connect';\napp.use('/account', requiresAuth());\napp.get('/admin', (req, res) => res.send('x'));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'fastify: hook in a sibling plugin does not cover', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.register(async (f) => { f.addHook('onRequest', async (req) => { await req.jwtVerify(); }); });\napp.register(async (f) => { f.get('/users', async () => []); }, { prefix: '/admin' });`, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }] },
  { name: 'koa: guard after the route', code: `import Router from '@koa/router';\nconst router = new Router({ prefix: '/admin' });\nrouter.get('/users', (ctx) => { ctx.body = []; });\nrouter.use(async (ctx, next) => { if (!ctx.state.user) ctx.throw(401); await next(); });`, errors: [{ messageId: 'unprotectedAdminRoute', line: 3 }] },
  { name: 'nest: guard that always allows', code: `import { Controller, Get, UseGuards } from '@nestjs/common';\nexport class AllowGuard { canActivate() { return true; } }\n@Controller('admin')\n@UseGuards(AllowGuard)\nexport class AdminController {\n  @Get('users') list() { return []; }\n}`, errors: [{ messageId: 'unprotectedAdminRoute', line: 6 }] },
  { name: 'nest: public route under a global guard that honours it', code: `import { Controller, Get } from '@nestjs/common';\nimport { NestFactory } from '@nestjs/core';\nimport { AuthGuard } from '@nestjs/passport';\n@Controller('admin')\nexport class AdminController {\n  @Public() @Get('stats') stats() { return {}; }\n}\nclass JwtGuard extends AuthGuard('jwt') {\n  canActivate(c) { return this.reflector.get('isPublic', c.getHandler()) || super.canActivate(c); }\n}\nconst app = await NestFactory.create(AppModule);\napp.useGlobalGuards(new JwtGuard());`, errors: [{ messageId: 'unprotectedAdminRoute', line: 6 }] },
  { name: 'fastify: @fastify/auth (relation or) with a strategy that never rejects', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.decorate('verifyJwt', async (req, reply) => { if (!req.headers.authorization) return reply.code(401).send(); });\napp.decorate('audit', async (req) => { req.log.info('x'); });\napp.get('/admin/x', { preHandler: app.auth([app.verifyJwt, app.audit]) }, async () => 'x');`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'express: express-jwt with credentialsRequired false', code: `${expressHead}import { expressjwt } from 'express-jwt';\napp.use('/admin', expressjwt({ secret: 's', algorithms: ['HS256'], credentialsRequired: false }));\napp.get('/admin/users', (req, res) => res.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'hono: bearerAuth whose verifyToken accepts any token', code: `${honoHead}app.use('/admin/*', bearerAuth({ verifyToken: async () => true }));\napp.get('/admin/x', (c) => c.text('x'));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'express: check after next()', code: `${expressHead}function requireAdmin(req, res, next) {\n  next();\n  if (!req.headers.authorization) res.status(401).end();\n}\napp.use('/admin', requireAdmin);\napp.post('/admin/wipe', (req, res) => res.send('ok'));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 8 }] },
  { name: 'express: an async wrapper around a guard-named function that never rejects', code: `${expressHead}import asyncHandler from 'express-async-handler';\nasync function requireStaff(req, res, next) {\n  req.log.info('staff');\n  next();\n}\napp.use('/admin', asyncHandler(requireStaff));\napp.get('/admin/users', (req, res) => res.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 9 }] },
  { name: 'express: guard that lets GET through unchecked', code: `${expressHead}function gate(req, res, next) {\n  if (req.method === 'GET') return next();\n  if (!req.user) return res.status(401).end();\n  next();\n}\napp.use('/admin', gate);\napp.get('/admin/users', (req, res) => res.json([]));\napp.post('/admin/users', (req, res) => res.json({}));\napp.all('/admin/cache', (req, res) => res.send('ok'));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 9 }, { messageId: 'unprotectedAdminRoute', line: 11 }] },
  { name: 'hono: factory.createHandlers whose first handler only logs', code: `${honoHead}import { createFactory } from 'hono/factory';\nconst factory = createFactory();\nconst handlers = factory.createHandlers(async (c, next) => {\n  console.log(c.req.path);\n  await next();\n}, (c) => c.json([]));\napp.get('/admin/users', ...handlers);`, errors: [{ messageId: 'unprotectedAdminRoute', line: 10 }] },
  { name: 'fastify: @fastify/auth strategy that always calls done()', code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.decorate('verifyKey', function (req, reply, done) {\n  req.log.info('key');\n  done();\n});\napp.get('/admin/x', { preHandler: app.auth([app.verifyKey]) }, async () => 'x');`, errors: [{ messageId: 'unprotectedAdminRoute', line: 7 }] },
  { name: 'express: route(path).all(guard) after the method', code: `${expressHead}function staffGate(req, res, next) {\n  if (!req.session.staff) return res.status(401).end();\n  next();\n}\napp.route('/admin/users').get((req, res) => res.json([])).all(staffGate);`, errors: [{ messageId: 'unprotectedAdminRoute', line: 7 }] },
  { name: 'option: adminPaths adds a path', code: `${honoHead}app.post('/ops/reindex', (c) => c.text('ok'));`, config: { adminPaths: ['/ops/**'] }, errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }] },
  { name: 'option: publicPaths does not exempt other admin routes', code: `${honoHead}app.get('/internal/health', (c) => c.text('ok'));\napp.get('/internal/metrics', (c) => c.text('ok'));`, config: { publicPaths: ['/internal/health'] }, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  {
    name: 'cross-file: router mounted three files away',
    files: {
      'src/routes/users.ts': `import { Hono } from 'hono';\nexport const users = new Hono();\nusers.delete('/:id', (c) => c.text('gone'));`,
      'src/routes/index.ts': `import { Hono } from 'hono';\nimport { users } from './users.js';\nexport const admin = new Hono();\nadmin.route('/users', users);`,
      'src/server.ts': `import { Hono } from 'hono';\nimport { admin } from './routes/index.js';\nconst app = new Hono();\napp.route('/admin', admin);`,
    },
    errors: [{ messageId: 'unprotectedAdminRoute', line: 3, file: 'src/routes/users.ts' }],
  },
  { name: 'express: unless regex exempts an admin subtree', code: `${expressHead}import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: 's', algorithms: ['HS256'] }).unless({ path: [/^\\/admin\\/reports/] }));\napp.get('/admin/reports/:id', (req, res) => res.json({}));\napp.get('/admin/users', (req, res) => res.json([]));`, errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }] },
  { name: 'koa: unless { url, methods } exempts GET only', code: `import Koa from 'koa';\nimport Router from '@koa/router';\nimport jwt from 'koa-jwt';\nconst app = new Koa();\napp.use(jwt({ secret: 's' }).unless({ path: [{ url: '/admin/stats', methods: ['GET'] }] }));\nconst r = new Router();\nr.get('/admin/stats', (ctx) => { ctx.body = {}; });\nr.post('/admin/stats', (ctx) => { ctx.body = {}; });\napp.use(r.routes());`, errors: [{ messageId: 'unprotectedAdminRoute', line: 7 }] },
];

function run(c: Case) {
  const files = c.files ? Object.entries(c.files).map(([path, text]) => ({ path, text })) : [{ path: 'src/app.ts', text: c.code ?? '' }];
  const result = scanFiles({ files, config: c.config, ruleIds: [RULE] });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => f.ruleId === RULE);
}

describe(RULE, () => {
  it('has unique case names', () => {
    const names = [...valid, ...invalid].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
    expect(run(c).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it.each(invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
    const actual = run(c).map((f) => ({ messageId: f.messageId, line: f.line, file: f.file }));
    const expected = c.errors.map((e) => ({ messageId: e.messageId, line: e.line, file: e.file ?? 'src/app.ts' }));
    expect(actual).toEqual(expected);
  });

  it('names the method and every resolved path, and relates the mount', () => {
    const [finding] = run({
      name: 'mounted twice',
      files: {
        'src/admin.ts': `import { Hono } from 'hono';\nexport const admin = new Hono();\nadmin.get('/users', (c) => c.json([]));`,
        'src/app.ts': `import { Hono } from 'hono';\nimport { admin } from './admin.js';\nconst app = new Hono();\napp.route('/admin', admin);\napp.route('/internal', admin);`,
      },
    });
    expect(finding?.data).toEqual({ method: 'GET', paths: '/admin/users, /internal/users' });
    expect(finding?.related?.map((r) => [r.file, r.line])).toEqual([['src/app.ts', 4], ['src/app.ts', 5]]);
  });

  it('relates a router prefix that made the route administrative', () => {
    const [finding] = run({ name: 'koa prefix', code: `import Router from '@koa/router';\nconst router = new Router({ prefix: '/admin' });\nrouter.get('/users', (ctx) => { ctx.body = []; });` });
    expect(finding?.related?.map((r) => r.line)).toEqual([2]);
  });

  it('terminates on alias and import cycles', () => {
    const findings = run({
      name: 'cycles',
      files: {
        'src/a.ts': `import { Hono } from 'hono';\nimport { b } from './b.js';\nexport const a = b();\nconst x = y();\nconst y = x();\nconst app = new Hono();\napp.use('/admin/*', a, x, y);\napp.get('/admin/u', (c) => c.text('x'));`,
        'src/b.ts': `import { a } from './a.js';\nexport const b = a();\nexport default a;`,
      },
    });
    expect(findings.map((f) => f.line)).toEqual([8]);
  });

  it('does not mutate the config it is given', () => {
    const config = Object.freeze({ adminPaths: Object.freeze(['/ops/**']) }) as ShiftguardConfigInput;
    expect(() => run({ name: 'frozen', code: `${honoHead}app.get('/ops/x', (c) => c.text('x'));`, config })).not.toThrow();
  });
});
