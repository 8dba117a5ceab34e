import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { scanProject } from '../../src/scan-project.js';

// @fastify/autoload registers a folder of plugin files: which files load, under which prefix, and
// which hooks run first is the real package's to decide. Each scenario is a project on disk that the
// real autoload runs (inject) and the static engine scans; both must agree on whether the admin
// handler can run without the guard. Each project links this package's node_modules, so that
// `fastify` and `@fastify/autoload` resolve, and sits outside the repository, whose .gitignore
// would hide it from the scan.
const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const app = (options: string, plugins = false) => `import Fastify from 'fastify';
import autoload from '@fastify/autoload';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const __dirname = dirname(fileURLToPath(import.meta.url));
const app = Fastify();
${plugins ? "app.register(autoload, { dir: join(__dirname, 'plugins') });" : ''}
app.register(autoload, { dir: join(__dirname, 'routes')${options} });
export default app;
`;
const guard = `async (request, reply) => {
    if (request.headers.authorization !== 'ok') return reply.code(401).send('no');
  }`;
// fastify-plugin is not a dependency: this local `fp` does what it does (skip encapsulation).
const fpAuth = `const fp = (plugin) => {
  plugin[Symbol.for('skip-override')] = true;
  return plugin;
};
export default fp(async (fastify) => {
  fastify.addHook('onRequest', ${guard});
});
`;
const hooks = `export default async function hooks(fastify) {
  fastify.addHook('onRequest', ${guard});
}
`;
const adminRoutes = `export default async function admin(fastify) {
  fastify.get('/users', async () => 'handler');
}
`;

interface Scenario {
  name: string;
  files: Record<string, string>;
  request: string;
}

const scenarios: Scenario[] = [
  { name: 'admin folder, no guard', files: { 'app.js': app(''), 'routes/admin/index.js': adminRoutes }, request: '/admin/users' },
  { name: 'fastify-plugin auth plugin in plugins/', files: { 'app.js': app('', true), 'plugins/auth.js': fpAuth, 'routes/admin/index.js': adminRoutes }, request: '/admin/users' },
  { name: 'encapsulated auth plugin in plugins/', files: { 'app.js': app('', true), 'plugins/auth.js': hooks, 'routes/admin/index.js': adminRoutes }, request: '/admin/users' },
  { name: 'autohooks with autoHooks', files: { 'app.js': app(', autoHooks: true'), 'routes/admin/autohooks.js': hooks, 'routes/admin/users.js': adminRoutes }, request: '/admin/users' },
  { name: 'autohooks without autoHooks', files: { 'app.js': app(''), 'routes/admin/autohooks.js': hooks, 'routes/admin/users.js': adminRoutes }, request: '/admin/users' },
  { name: 'autohooks of the parent folder with cascadeHooks', files: { 'app.js': app(', autoHooks: true, cascadeHooks: true'), 'routes/autohooks.js': hooks, 'routes/admin/users.js': adminRoutes }, request: '/admin/users' },
  { name: 'autohooks of the parent folder without cascadeHooks', files: { 'app.js': app(', autoHooks: true'), 'routes/autohooks.js': hooks, 'routes/admin/users.js': adminRoutes }, request: '/admin/users' },
  { name: 'a folder with an index loads only the index', files: { 'app.js': app(''), 'routes/admin/index.js': adminRoutes, 'routes/admin/guard.js': fpAuth }, request: '/admin/users' },
  { name: 'a folder without an index loads every file', files: { 'app.js': app(''), 'routes/admin/users.js': adminRoutes, 'routes/admin/guard.js': fpAuth }, request: '/admin/users' },
  { name: 'prefix option', files: { 'app.js': app(", options: { prefix: '/api' }"), 'routes/admin/users.js': adminRoutes }, request: '/api/admin/users' },
];

function writeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shiftguard-autoload-'));
  roots.push(root);
  symlinkSync(NODE_MODULES, join(root, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries({ 'package.json': '{ "type": "module" }', ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const seen = new Set<boolean>();

describe('@fastify/autoload parity: static verdict equals what inject() observes', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const root = writeProject(s.files);
    const { default: server } = (await import(pathToFileURL(join(root, 'app.js')).href)) as { default: FastifyInstance };
    await server.ready();
    const response = await server.inject(s.request);
    await server.close();
    expect(response.statusCode === 404 ? 'route not found' : 'found').toBe('found');
    const observed = response.body !== 'handler';
    seen.add(observed);
    const scan = scanProject({ root, cacheFile: false, ruleIds: ['no-unprotected-admin-route'] });
    expect(scan.errors).toEqual([]);
    expect(observed).toBe(scan.findings.length === 0);
  });

  it('the table exercises both verdicts', () => {
    expect([...seen].sort()).toEqual([false, true]);
  });
});
