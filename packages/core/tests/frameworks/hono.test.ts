import { describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { crossScenarios, loadApp, staticallyProtected, type Scenario } from './parity.js';

const head = `import { Hono } from 'hono';
const guard = async (c, next) => {
  if (c.req.header('authorization') !== 'ok') return c.text('no', 401);
  await next();
};
const app = new Hono();
`;
const tail = '\nexport default app;\n';

const seen = new Set<boolean>();

const scenarios: Scenario[] = [
  ...crossScenarios(
    ['/admin/*', '/admin', '*', '/admin/users', '/admin/:section', '/api/*', '/admin*'],
    [
      { path: '/admin', request: '/admin' },
      { path: '/admin/users', request: '/admin/users' },
      { path: '/admin/users/:id', request: '/admin/users/7' },
    ],
    (p) => `app.use('${p}', guard);`,
    (p) => `app.get('${p}', (c) => c.text('handler'));`,
  ),
  { name: 'path-less use covers everything', body: `app.use(guard);\napp.get('/admin/x', (c) => c.text('handler'));`, request: '/admin/x' },
  { name: 'sub-app guard with use(*) mounted by route()', body: `const admin = new Hono();\nadmin.use('*', guard);\nadmin.get('/users', (c) => c.text('handler'));\napp.route('/admin', admin);`, request: '/admin/users' },
  { name: 'parent guard before route() covers the sub-app', body: `const admin = new Hono();\nadmin.get('/users', (c) => c.text('handler'));\napp.use('/admin/*', guard);\napp.route('/admin', admin);`, request: '/admin/users' },
  { name: 'parent guard after route() does not cover the sub-app', body: `const admin = new Hono();\nadmin.get('/users', (c) => c.text('handler'));\napp.route('/admin', admin);\napp.use('/admin/*', guard);`, request: '/admin/users' },
  { name: 'sub-app guard added after route() is not copied', body: `const admin = new Hono();\nadmin.get('/users', (c) => c.text('handler'));\napp.route('/admin', admin);\nadmin.use('*', guard);`, request: '/admin/users' },
  { name: 'a guard-only sub-app mounted before a sibling sub-app', body: `const g = new Hono();\ng.use('*', guard);\nconst admin = new Hono();\nadmin.get('/users', (c) => c.text('handler'));\napp.route('/admin', g);\napp.route('/admin', admin);`, request: '/admin/users' },
  { name: 'a guard-only sub-app mounted elsewhere', body: `const g = new Hono();\ng.use('*', guard);\nconst admin = new Hono();\nadmin.get('/users', (c) => c.text('handler'));\napp.route('/account', g);\napp.route('/admin', admin);`, request: '/admin/users' },
  { name: 'mounted basePath sub-app, guard on the parent before', body: `const sub = new Hono().basePath('/v1');\nsub.get('/users', (c) => c.text('handler'));\napp.use('/admin/v1/*', guard);\napp.route('/admin', sub);`, request: '/admin/v1/users' },
  { name: 'mounted basePath sub-app, guard on a sibling path', body: `const sub = new Hono().basePath('/v1');\nsub.get('/users', (c) => c.text('handler'));\napp.use('/admin/v2/*', guard);\napp.route('/admin', sub);`, request: '/admin/v1/users' },
  { name: 'basePath alias guard', body: `const api = app.basePath('/admin');\napi.use('*', guard);\napi.get('/users', (c) => c.text('handler'));`, request: '/admin/users' },
  { name: 'guard registered as a GET route does not cover POST', body: `app.get('/admin/*', guard);\napp.post('/admin/users', (c) => c.text('handler'));`, request: 'POST /admin/users' },
  { name: 'a use() that answers by itself, behind a guard before it', body: `app.use('/admin/*', guard);\napp.use('/admin/*', (c) => c.text('handler'));`, request: '/admin/users' },
  { name: 'a use() that answers by itself, before the guard', body: `app.use('/admin/*', (c) => c.text('handler'));\napp.use('/admin/*', guard);`, request: '/admin' },
  { name: 'guard before mount() covers the mounted handler', body: `app.use('/admin/*', guard);\napp.mount('/admin', () => new Response('handler'));`, request: '/admin/users' },
  { name: 'guard after mount() does not cover it', body: `app.mount('/admin', () => new Response('handler'));\napp.use('/admin/*', guard);`, request: 'POST /admin' },
  { name: 'guard on /admin alone does not cover what mount() serves below it', body: `app.use('/admin', guard);\napp.mount('/admin', () => new Response('handler'));`, request: '/admin/users' },
  { name: 'mounted Hono app by its fetch, guarded inside', body: `const sub = new Hono();\nsub.use('*', guard);\nsub.get('/users', (c) => c.text('handler'));\napp.mount('/admin', sub.fetch);`, request: '/admin/users' },
  { name: 'guard registered as a GET route covers a later GET', body: `app.get('/admin/*', guard);\napp.get('/admin/users', (c) => c.text('handler'));`, request: '/admin/users' },
];

describe('Hono parity: static verdict equals what app.request() observes', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const source = `${head}${s.body}${tail}`;
    const app = await loadApp<Hono>(source);
    const [method, path] = s.request.includes(' ') ? s.request.split(' ') : ['GET', s.request];
    const response = await app.request(path ?? '/', { method });
    // Protected means the handler never ran (a status alone can be set by a guard that falls through).
    const observed = (await response.text()) !== 'handler';
    seen.add(observed);
    expect(observed).toBe(staticallyProtected(source));
  });

  it('the table exercises both verdicts', () => {
    expect([...seen].sort()).toEqual([false, true]);
  });
});
