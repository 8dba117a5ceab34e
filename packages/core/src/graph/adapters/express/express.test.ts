import { runAdapterSuite } from '../../../../tests/frameworks/run-adapter-suite.js';
import express from './index.js';

runAdapterSuite({
  adapter: express,
  syntax: {
    head: "import express from 'express';\nconst guard = (req, res, next) => { if (!req.get('authorization')) return res.sendStatus(401); next(); };",
    createRouter: (name) => `const ${name} = express.Router();`,
    route: (target, path) => `${target}.get('${path}', (req, res) => res.send('x'));`,
    use: (target, path) => (path === undefined ? `${target}.use(guard);` : `${target}.use('${path}', guard);`),
    mount: (parent, prefix, child) => `${parent}.use('${prefix}', ${child});`,
  },
});
