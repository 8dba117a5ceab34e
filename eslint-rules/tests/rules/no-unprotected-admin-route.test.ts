import { pluginRule, ruleTester } from '../rule-tester.js';

const hono = `import { Hono } from 'hono';\nimport { bearerAuth } from 'hono/bearer-auth';\nconst app = new Hono();\n`;
const express = `import express from 'express';\nconst app = express();\n`;
const handler = `(req, res) => res.json({})`;

// The ESLint front door of the engine rule, on verdicts decided inside one file. The full behaviour
// table lives in packages/core/tests/rules.
ruleTester.run('no-unprotected-admin-route', pluginRule('no-unprotected-admin-route'), {
  valid: [
    { name: 'hono: bearerAuth on the /admin/* group before the route', code: `${hono}app.use('/admin/*', bearerAuth({ token: 't' }));\napp.get('/admin/users', (c) => c.json([]));` },
    { name: 'express: a login route under /admin is exempt', code: `${express}app.post('/admin/login', ${handler});` },
    { name: 'express: a route that is not administrative', code: `${express}app.get('/users', ${handler});` },
    { name: 'options: publicPaths', code: `${express}app.get('/admin/health', ${handler});`, options: [{ publicPaths: ['/admin/health'] }] },
    {
      name: 'options: authMiddleware names a package guard whose definition cannot be read',
      code: `${express}import { staffOnly } from '@corp/auth';\napp.get('/admin/x', staffOnly, ${handler});`,
      options: [{ authMiddleware: ['staffOnly'] }],
    },
    { name: 'options: adminPaths not given, /ops is not administrative', code: `${express}app.post('/ops/restart', ${handler});` },
  ],
  invalid: [
    {
      name: 'hono: no guard at all',
      code: `${hono}app.get('/admin/users', (c) => c.json([]));`,
      errors: [{ messageId: 'unprotectedAdminRoute', line: 4, column: 1 }],
    },
    {
      name: 'hono: use(/admin) covers only /admin itself, not /admin/users',
      code: `${hono}app.use('/admin', bearerAuth({ token: 't' }));\napp.get('/admin/users', (c) => c.json([]));`,
      errors: [{ messageId: 'unprotectedAdminRoute', line: 5 }],
    },
    {
      name: 'express: the guard is registered after the route',
      code: `${express}app.get('/admin/stats', ${handler});\napp.use('/admin', (req, res, next) => { if (!req.headers.authorization) return res.sendStatus(401); next(); });`,
      errors: [{ messageId: 'unprotectedAdminRoute', line: 3 }],
    },
    {
      name: 'express: a router mounted under /admin in the same file',
      code: `${express}const r = express.Router();\nr.get('/users', ${handler});\napp.use('/admin', r);`,
      errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }],
    },
    {
      name: 'a project function named requireAuth that never rejects is not authentication',
      code: `${express}function requireAuth(req: unknown, res: unknown, next: () => void) { console.log('auth'); next(); }\napp.get('/admin/x', requireAuth, ${handler});`,
      errors: [{ messageId: 'unprotectedAdminRoute', line: 4 }],
    },
    {
      name: 'a guard registered only outside production',
      code: `${express}import { requireAuth } from '@corp/auth';\nif (process.env.NODE_ENV !== 'production') app.use('/admin', requireAuth);\napp.get('/admin/x', ${handler});`,
      errors: [{ messageId: 'guardedOnlyOutsideProduction', line: 5 }],
    },
    {
      name: 'options: adminPaths makes /ops administrative',
      code: `${express}app.post('/ops/restart', ${handler});`,
      options: [{ adminPaths: ['/ops/**'] }],
      errors: [{ messageId: 'unprotectedAdminRoute', line: 3 }],
    },
  ],
});
