import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { crossScenarios, loadApp, staticallyProtected, type Scenario } from './parity.js';

const head = `import express from 'express';
const guard = (req, res, next) => {
  if (req.get('authorization') !== 'ok') return res.status(401).send('no');
  next();
};
const app = express();
`;
const tail = '\nexport default app;\n';

const seen = new Set<boolean>();

const scenarios: Scenario[] = [
  ...crossScenarios(
    ['/admin', '/admin/users', '/', '/ADMIN', '/account', '/admin/users/:id'],
    [
      { path: '/admin', request: '/admin' },
      { path: '/admin/users', request: '/admin/users' },
      { path: '/admin/users/:id', request: '/admin/users/7' },
    ],
    (p) => `app.use('${p}', guard);`,
    (p) => `app.get('${p}', (req, res) => res.send('handler'));`,
  ),
  { name: '401 without return, then next(): the handler still runs', body: `app.use((req, res, next) => {\n  if (req.get('authorization') !== 'ok') { res.status(401); }\n  next();\n});\napp.get('/admin/x', (req, res) => res.send('handler'));`, request: '/admin/x' },
  { name: 'a guard-only router mounted before a sibling router', body: `const g = express.Router();\ng.use(guard);\nconst r = express.Router();\nr.get('/users', (req, res) => res.send('handler'));\napp.use('/admin', g);\napp.use('/admin', r);`, request: '/admin/users' },
  { name: 'a guard-only router mounted after a sibling router', body: `const g = express.Router();\ng.use(guard);\nconst r = express.Router();\nr.get('/users', (req, res) => res.send('handler'));\napp.use('/admin', r);\napp.use('/admin', g);`, request: '/admin/users' },
  { name: 'a guard-only router mounted elsewhere', body: `const g = express.Router();\ng.use(guard);\nconst r = express.Router();\nr.get('/users', (req, res) => res.send('handler'));\napp.use('/account', g);\napp.use('/admin', r);`, request: '/admin/users' },
  { name: 'path-less use covers everything', body: `app.use(guard);\napp.get('/admin/x', (req, res) => res.send('handler'));`, request: '/admin/x' },
  { name: 'router guard before its routes, mounted at /admin', body: `const r = express.Router();\nr.use(guard);\nr.get('/users', (req, res) => res.send('handler'));\napp.use('/admin', r);`, request: '/admin/users' },
  { name: 'router guard after its routes', body: `const r = express.Router();\nr.get('/users', (req, res) => res.send('handler'));\nr.use(guard);\napp.use('/admin', r);`, request: '/admin/users' },
  { name: 'guard in the mount call before the router', body: `const r = express.Router();\nr.get('/users', (req, res) => res.send('handler'));\napp.use('/admin', guard, r);`, request: '/admin/users' },
  { name: 'app guard after the router mount', body: `const r = express.Router();\nr.get('/users', (req, res) => res.send('handler'));\napp.use('/admin', r);\napp.use('/admin', guard);`, request: '/admin/users' },
  { name: 'route(path) chain with guard in the list', body: `app.route('/admin/jobs').get(guard, (req, res) => res.send('handler'));`, request: '/admin/jobs' },
  { name: 'all(/admin/*splat) guard before route', body: `app.all('/admin/{*splat}', guard);\napp.get('/admin/users', (req, res) => res.send('handler'));`, request: '/admin/users' },
  { name: 'express 5 optional group guard (/admin{/*splat}) before the root route', body: `app.all('/admin{/*splat}', guard);\napp.get('/admin', (req, res) => res.send('handler'));`, request: '/admin' },
  { name: 'express 5 optional group guard (/admin{/*splat}) before a route below', body: `app.all('/admin{/*splat}', guard);\napp.get('/admin/users', (req, res) => res.send('handler'));`, request: '/admin/users' },
  { name: 'express 5 optional parameter group on the route, guard on its other form only', body: `app.all('/admin/:section', guard);\napp.get('/admin{/:section}', (req, res) => res.send('handler'));`, request: '/admin' },
  { name: 'a use() that answers by itself, behind a guard before it', body: `app.use('/admin', guard);\napp.use('/admin', (req, res) => res.send('handler'));`, request: '/admin/users/7' },
  { name: 'a use() that answers by itself, with the guard only on a sibling path', body: `app.use('/account', guard);\napp.use('/admin', (req, res) => res.send('handler'));`, request: '/admin' },
  { name: 'array of paths in use', body: `app.use(['/internal', '/admin'], guard);\napp.get('/admin/users', (req, res) => res.send('handler'));`, request: '/admin/users' },
];

describe('Express parity: static verdict equals what supertest observes', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const source = `${head}${s.body}${tail}`;
    const app = await loadApp<Express>(source);
    const response = await request(app).get(s.request);
    // Protected means the handler never ran (a status alone can be set by a guard that falls through).
    const observed = response.text !== 'handler';
    seen.add(observed);
    expect(observed).toBe(staticallyProtected(source));
  });

  it('the table exercises both verdicts', () => {
    expect([...seen].sort()).toEqual([false, true]);
  });
});
