import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractModuleFacts } from '../summary/module-facts.js';
import { extractRouteFacts } from './route-facts.js';

const config = resolveConfig({});
const routeFactsOf = (text: string) => extractRouteFacts(parseSource('lib/app.js', text), { path: 'lib/app.js', config });
const invocations = (text: string) =>
  routeFactsOf(text).registrations.flatMap((r) => (r.kind === 'invoke' ? [`${r.callee}${r.member ? `.${r.member}` : ''}(#${r.argIndex})`] : []));

// CommonJS as people write it and as tsc/Babel compile ESM to it: the same app must come out.
describe('CommonJS shapes', () => {
  it.each([
    ["const routes = require('./routes');\nconst app = require('express')();\nroutes.mountAdmin(app);", ['routes.mountAdmin(#0)']],
    ["const { Router } = require('express');\nconst auth_1 = __importDefault(require('./auth'));\nconst route = Router();\n(0, auth_1.default)(route);", ['auth_1.default(#0)']],
    ["import express from 'express';\nimport * as routes from './routes';\nconst app = express();\nroutes.admin(app);", ['routes.admin(#0)']],
  ])('records the call that hands the app to a function: %s', (text, expected) => {
    expect(invocations(text)).toEqual(expected);
  });

  it.each([
    ["app.use('/admin', require('./routes/admin')(db));", { kind: 'module', specifier: './routes/admin', called: true }],
    ["app.use('/admin', require('./routes/admin'));", { kind: 'module', specifier: './routes/admin' }],
    ["app.use('/admin', __importDefault(require('./auth'))(opts));", { kind: 'module', specifier: './auth', called: true }],
  ])('reads a module used in place, called or not: %s', (line, handler) => {
    const facts = routeFactsOf(`const express = require('express');\nconst app = express();\n${line}`);
    expect(facts.registrations.flatMap((r) => (r.kind === 'use' ? r.handlers : []))).toEqual([handler]);
  });

  it('names a function assigned to exports.x (also exports.default) by that export', () => {
    const facts = routeFactsOf("exports.default = (function (app) {\n  app.get('/admin/users', h);\n});\nexports.mountAdmin = function (router) {\n  router.post('/admin/x', h);\n};");
    expect(facts.instances.map((i) => i.id)).toEqual(['default#0', 'mountAdmin#0']);
  });

  it.each([
    ["var auth_1 = __importDefault(require('./auth'));", { local: 'auth_1', imported: '*', specifier: './auth' }],
    ["var lib_1 = __importStar(require('./lib'));", { local: 'lib_1', imported: '*', specifier: './lib' }],
    ["var _auth = _interopRequireDefault(require('./auth'));", { local: '_auth', imported: '*', specifier: './auth' }],
  ])('reads an interop-wrapped require as the require: %s', (text, binding) => {
    expect(extractModuleFacts(parseSource('lib/app.js', text)).imports).toEqual([binding]);
  });

  it.each([
    ['tsc output', 'var authenticate = function () { return h; };\nexports.default = { authenticate: authenticate, audit: logger_1.default.audit };', { 'default.authenticate': 'authenticate', 'default.audit': 'logger_1.default.audit' }],
    ['ESM shorthand', 'function authenticate() { return h; }\nexport default { authenticate };', { 'default.authenticate': 'authenticate' }],
  ])('reads the members of an object exported as default as names: %s', (_name, text, expected) => {
    const aliases = routeFactsOf(text).aliases;
    expect(Object.fromEntries(Object.entries(aliases).map(([k, v]) => [k, v.kind === 'name' ? v.name : v.kind]))).toEqual(expected);
  });

  it('reads a guard used through a compiled default import as a call of that member', () => {
    const text = "var express_1 = require('express');\nvar mw_1 = __importDefault(require('./mw'));\nvar router = (0, express_1.Router)();\nrouter.use(mw_1.default.authenticate(), mw_1.default.requireAdmin);";
    const use = routeFactsOf(text).registrations.find((r) => r.kind === 'use');
    expect(use?.kind === 'use' && use.handlers).toEqual([
      { kind: 'call', callee: 'mw_1', member: 'default.authenticate', literals: { count: 0 } },
      { kind: 'name', name: 'mw_1.default.requireAdmin' },
    ]);
  });
});
