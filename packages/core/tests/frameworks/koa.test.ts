import type { RequestListener } from 'node:http';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadApp, staticallyProtected, type Scenario } from './parity.js';

/** The part of a Koa app the test uses (koa ships no types). */
interface KoaApp {
  callback(): RequestListener;
}

const head = `import Koa from 'koa';
import Router from '@koa/router';
const guard = async (ctx, next) => {
  if (ctx.get('authorization') !== 'ok') ctx.throw(401);
  await next();
};
const app = new Koa();
`;
const tail = '\nexport default app;\n';
const handler = `(ctx) => { ctx.body = 'handler'; }`;

const seen = new Set<boolean>();

const scenarios: Scenario[] = [
  { name: 'router.use before the route', body: `const r = new Router({ prefix: '/admin' });\nr.use(guard);\nr.get('/users', ${handler});\napp.use(r.routes());`, request: '/admin/users' },
  { name: 'router.use after the route', body: `const r = new Router({ prefix: '/admin' });\nr.get('/users', ${handler});\nr.use(guard);\napp.use(r.routes());`, request: '/admin/users' },
  { name: 'guard in the route list', body: `const r = new Router();\nr.get('/admin/users', guard, ${handler});\napp.use(r.routes());`, request: '/admin/users' },
  { name: 'app.use before router.routes()', body: `const r = new Router();\nr.get('/admin/users', ${handler});\napp.use(guard);\napp.use(r.routes());`, request: '/admin/users' },
  { name: 'app.use after router.routes()', body: `const r = new Router();\nr.get('/admin/users', ${handler});\napp.use(r.routes());\napp.use(guard);`, request: '/admin/users' },
  { name: 'router.use(path) covering the route', body: `const r = new Router();\nr.use('/admin', guard);\nr.get('/admin/users', ${handler});\napp.use(r.routes());`, request: '/admin/users' },
  { name: 'router.use(path) on a sibling path', body: `const r = new Router();\nr.use('/account', guard);\nr.get('/admin/users', ${handler});\napp.use(r.routes());`, request: '/admin/users' },
  { name: 'nested router with guard in the mount', body: `const child = new Router();\nchild.get('/users', ${handler});\nconst parent = new Router();\nparent.use('/admin', guard, child.routes());\napp.use(parent.routes());`, request: '/admin/users' },
  { name: 'a guard-only router mounted before a sibling router', body: `const g = new Router();\ng.use(guard);\nconst r = new Router();\nr.get('/admin/users', ${handler});\napp.use(g.routes());\napp.use(r.routes());`, request: '/admin/users' },
  { name: 'nested router without guard', body: `const child = new Router();\nchild.get('/users', ${handler});\nconst parent = new Router();\nparent.use('/admin', child.routes());\napp.use(parent.routes());`, request: '/admin/users' },
];

describe('Koa parity: static verdict equals what supertest observes', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const source = `${head}${s.body}${tail}`;
    const app = await loadApp<KoaApp>(source);
    const response = await request(app.callback()).get(s.request);
    // Protected means the handler never ran (a status alone can be set by a guard that falls through).
    const observed = response.text !== 'handler';
    seen.add(observed);
    expect(observed).toBe(staticallyProtected(source));
  });

  it('the table exercises both verdicts', () => {
    expect([...seen].sort()).toEqual([false, true]);
  });
});
