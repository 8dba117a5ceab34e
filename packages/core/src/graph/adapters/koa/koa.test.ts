import { runAdapterSuite } from '../../../../tests/frameworks/run-adapter-suite.js';
import koa from './index.js';

runAdapterSuite({
  adapter: koa,
  syntax: {
    head: "import Router from '@koa/router';\nconst guard = async (ctx, next) => { if (!ctx.get('authorization')) ctx.throw(401); await next(); };",
    createRouter: (name, prefix) => `const ${name} = new Router(${prefix ? `{ prefix: '${prefix}' }` : ''});`,
    route: (target, path) => `${target}.get('${path}', (ctx) => { ctx.body = 'x'; });`,
    use: (target, path) => (path === undefined ? `${target}.use(guard);` : `${target}.use('${path}', guard);`),
    mount: (parent, prefix, child) => `${parent}.use('${prefix}', ${child}.routes());`,
  },
});
