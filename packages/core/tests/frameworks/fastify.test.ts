import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadApp, staticallyProtected, type Scenario } from './parity.js';

// fastify-plugin is not a dependency: this local `fp` does what it does (skip encapsulation).
const head = `import Fastify from 'fastify';
import bearerAuth from '@fastify/bearer-auth';
const fp = (plugin) => { plugin[Symbol.for('skip-override')] = true; return plugin; };
const guard = async (request, reply) => {
  if (request.headers.authorization !== 'ok') return reply.code(401).send('no');
};
const app = Fastify();
`;
const tail = '\nexport default app;\n';
const route = `f.get('/users', async () => 'handler');`;

const seen = new Set<boolean>();

const scenarios: Scenario[] = [
  { name: 'root hook before the route', body: `app.addHook('onRequest', guard);\napp.get('/admin/users', async () => 'handler');`, request: '/admin/users' },
  { name: 'root hook after the route', body: `app.get('/admin/users', async () => 'handler');\napp.addHook('onRequest', guard);`, request: '/admin/users' },
  { name: 'root hook after register covers the child', body: `app.register(async (f) => { ${route} }, { prefix: '/admin' });\napp.addHook('onRequest', guard);`, request: '/admin/users' },
  { name: 'hook in the child plugin', body: `app.register(async (f) => { f.addHook('preHandler', guard); ${route} }, { prefix: '/admin' });`, request: '/admin/users' },
  { name: 'hook in a sibling plugin', body: `app.register(async (g) => { g.addHook('onRequest', guard); });\napp.register(async (f) => { ${route} }, { prefix: '/admin' });`, request: '/admin/users' },
  { name: 'hook in a sibling plugin wrapped in fp', body: `app.register(fp(async (g) => { g.addHook('onRequest', guard); }));\napp.register(async (f) => { ${route} }, { prefix: '/admin' });`, request: '/admin/users' },
  { name: 'preHandler route option', body: `app.get('/admin/users', { preHandler: [guard] }, async () => 'handler');`, request: '/admin/users' },
  { name: 'onRequest in route()', body: `app.route({ method: 'GET', url: '/admin/users', onRequest: guard, handler: async () => 'handler' });`, request: '/admin/users' },
  { name: '@fastify/bearer-auth registered after the plugin', body: `app.register(async (f) => { ${route} }, { prefix: '/admin' });\napp.register(bearerAuth, { keys: new Set(['secret']) });`, request: '/admin/users' },
  { name: '@fastify/bearer-auth with addHook: false', body: `app.register(bearerAuth, { keys: new Set(['secret']), addHook: false });\napp.get('/admin/users', async () => 'handler');`, request: '/admin/users' },
  { name: '@fastify/bearer-auth inside a sibling plugin', body: `app.register(async (g) => { g.register(bearerAuth, { keys: new Set(['secret']) }); });\napp.register(async (f) => { ${route} }, { prefix: '/admin' });`, request: '/admin/users' },
  { name: 'no hook', body: `app.get('/admin/users', async () => 'handler');`, request: '/admin/users' },
  { name: 'onSend hook runs after the handler', body: `app.addHook('onSend', async () => {});\napp.get('/admin/users', async () => 'handler');`, request: '/admin/users' },
];

describe('Fastify parity: static verdict equals what inject() observes', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const source = `${head}${s.body}${tail}`;
    const app = await loadApp<FastifyInstance>(source);
    const response = await app.inject(s.request);
    await app.close();
    // Protected means the handler never ran (a status alone can be set by a guard that falls through).
    const observed = response.body !== 'handler';
    seen.add(observed);
    expect(observed).toBe(staticallyProtected(source));
  });

  it('the table exercises both verdicts', () => {
    expect([...seen].sort()).toEqual([false, true]);
  });
});
