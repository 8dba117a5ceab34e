import { runAdapterSuite } from '../../../../tests/frameworks/run-adapter-suite.js';
import hono from './index.js';

runAdapterSuite({
  adapter: hono,
  syntax: {
    head: "import { Hono } from 'hono';\nconst guard = async (c, next) => { if (!c.req.header('authorization')) return c.text('no', 401); await next(); };",
    createRouter: (name) => `const ${name} = new Hono();`,
    route: (target, path) => `${target}.get('${path}', (c) => c.text('x'));`,
    // Hono patterns are exact unless they end in /*.
    use: (target, path) => (path === undefined ? `${target}.use(guard);` : `${target}.use('${path}/*', guard);`),
    mount: (parent, prefix, child) => `${parent}.route('${prefix}', ${child});`,
  },
});
