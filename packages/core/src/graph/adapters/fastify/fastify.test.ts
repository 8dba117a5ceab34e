import { runAdapterSuite } from '../../../../tests/frameworks/run-adapter-suite.js';
import fastify from './index.js';

runAdapterSuite({
  adapter: fastify,
  syntax: {
    head: "import Fastify from 'fastify';\nconst guard = async (request, reply) => { if (!request.headers.authorization) return reply.code(401).send(); };",
    createRouter: (name) => `const ${name} = Fastify();`,
    route: (target, path) => `${target}.get('${path}', async () => 'x');`,
    // Fastify hooks have no path: a hook covers its whole context.
    use: (target) => `${target}.addHook('onRequest', guard);`,
    mount: (parent, prefix, child) => `${parent}.register(async (f) => { f.register(${child}); }, { prefix: '${prefix}' });`,
  },
  skip: [
    { reason: 'Fastify hooks apply to the whole context wherever they are added (verified in tests/frameworks/fastify.test.ts)', tests: ['guard after the route does not protect'] },
    { reason: 'Fastify mounts plugin functions, not instances; plugin mounting is covered by the corpus and the parity table', tests: ['mount prefixes join', 'router from another file'] },
  ],
});
