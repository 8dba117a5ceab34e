import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../src/scan-files.js';

/**
 * Generated code links things thousands deep: a guard reached through 3000 delegating functions
 * (in one file or across files), a router mounted 3000 routers down, 3000 chained registrations.
 * Each must be followed to its end with the same verdict as a short chain, and never throw.
 */
const N = 3000;
const GUARD_BODY = "if (!c.req.header('authorization')) return c.json({ error: 'unauthorized' }, 401);\n  await next();";
const OPEN_BODY = 'await next();';

function scan(files: Array<{ path: string; text: string }>) {
  const result = scanFiles({ files });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
}

function delegationChain(lastBody: string): string {
  const links = Array.from({ length: N - 1 }, (_, i) => `async function mw${i}(c, next) { return mw${i + 1}(c, next); }`);
  return `import { Hono } from 'hono';
${links.join('\n')}
async function mw${N - 1}(c, next) {
  ${lastBody}
}
const app = new Hono();
app.use('/admin/*', mw0);
app.get('/admin/users', (c) => c.json([]));
export default app;
`;
}

function delegationAcrossFiles(lastBody: string): Array<{ path: string; text: string }> {
  const files = Array.from({ length: N - 1 }, (_, i) => ({
    path: `src/mw${i}.ts`,
    text: `import { mw${i + 1} } from './mw${i + 1}.js';\nexport async function mw${i}(c, next) { return mw${i + 1}(c, next); }\n`,
  }));
  files.push({ path: `src/mw${N - 1}.ts`, text: `export async function mw${N - 1}(c, next) {\n  ${lastBody}\n}\n` });
  files.push({ path: 'src/app.ts', text: "import { Hono } from 'hono';\nimport { mw0 } from './mw0.js';\nconst app = new Hono();\napp.use('/admin/*', mw0);\napp.get('/admin/users', (c) => c.json([]));\nexport default app;\n" });
  return files;
}

// Each takes 1-2 s alone and several times that on a loaded CI machine: the timeout only catches hangs.
describe('chains thousands of links long', { timeout: 60_000 }, () => {
  it('follows a guard through 3000 delegating functions in one file', () => {
    expect(scan([{ path: 'src/app.ts', text: delegationChain(GUARD_BODY) }])).toEqual([]);
    expect(scan([{ path: 'src/app.ts', text: delegationChain(OPEN_BODY) }])).toEqual([`no-unprotected-admin-route src/app.ts:${N + 6}`]);
  });

  it('follows a guard through 3000 files', () => {
    expect(scan(delegationAcrossFiles(GUARD_BODY))).toEqual([]);
    expect(scan(delegationAcrossFiles(OPEN_BODY))).toEqual(['no-unprotected-admin-route src/app.ts:5']);
  });

  it('resolves the full path of a route mounted 3000 routers down', () => {
    const routers = Array.from({ length: N }, (_, i) => `const r${i} = new Hono();`);
    // Deepest first: Hono copies a sub-app's routes when it is mounted.
    const mounts = Array.from({ length: N - 1 }, (_, i) => `r${i}.route('/v${i}', r${i + 1});`).reverse();
    const text = `import { Hono } from 'hono';\n${routers.join('\n')}\nr${N - 1}.get('/users', (c) => c.json([]));\n${mounts.join('\n')}\nconst app = new Hono();\napp.route('/admin', r0);\nexport default app;\n`;
    expect(scan([{ path: 'src/app.ts', text }])).toEqual([`no-unprotected-admin-route src/app.ts:${N + 2}`]);
  });

  it('reads 3000 chained registrations and a guard condition of 3000 terms', () => {
    const chain = Array.from({ length: N }, (_, i) => `.get('/p${i}', ok)`).join('');
    const condition = Array.from({ length: N }, (_, i) => `!c.req.header('x-${i}')`).join(' || ');
    const text = `import { Hono } from 'hono';
const ok = (c) => c.text('ok');
async function scoped(c, next) { if (${condition}) return c.json({}, 401); await next(); }
export const api = new Hono()${chain}.get('/admin/a', ok);
export const guarded = new Hono().use('/admin/*', scoped)${chain}.get('/admin/b', ok);
`;
    expect(scan([{ path: 'src/app.ts', text }])).toEqual(['no-unprotected-admin-route src/app.ts:4']);
  });

  it('follows 3000 nested Fastify plugins, Express routers and register functions', () => {
    const plugins = Array.from({ length: N - 1 }, (_, i) => `const p${i} = fp(async (f) => { await f.register(p${i + 1}); });`).reverse();
    const fastify = `import Fastify from 'fastify';\nimport fp from 'fastify-plugin';\nconst p${N - 1} = fp(async (f) => { f.get('/admin/x', async () => 'x'); });\n${plugins.join('\n')}\nconst app = Fastify();\napp.register(p0);\nexport default app;\n`;
    expect(scan([{ path: 'src/fastify.ts', text: fastify }])).toEqual(['no-unprotected-admin-route src/fastify.ts:3']);

    const routers = Array.from({ length: N }, (_, i) => `const r${i} = express.Router();`);
    const uses = Array.from({ length: N - 1 }, (_, i) => `r${i}.use('/v', r${i + 1});`).reverse();
    const express = `import express from 'express';\n${routers.join('\n')}\nr${N - 1}.get('/x', (req, res) => res.send('x'));\n${uses.join('\n')}\nconst app = express();\napp.use('/admin', r0);\nexport default app;\n`;
    expect(scan([{ path: 'src/express.ts', text: express }])).toEqual([`no-unprotected-admin-route src/express.ts:${N + 2}`]);

    const registers = Array.from({ length: N - 1 }, (_, i) => `function reg${i}(app) { reg${i + 1}(app); }`);
    const hono = `import { Hono } from 'hono';\nfunction reg${N - 1}(app) { app.get('/admin/x', (c) => c.text('x')); }\n${registers.join('\n')}\nconst app = new Hono();\nreg0(app);\nexport default app;\n`;
    expect(scan([{ path: 'src/hono.ts', text: hono }])).toEqual(['no-unprotected-admin-route src/hono.ts:2']);
  });
});

/**
 * A verifier that calls itself from several places (Directus's `validateFilter` walks nested
 * filters): judged once, not once per path through its calls, which never ends.
 */
function recursiveVerifier(rejection: string): string {
  return `import { Hono } from 'hono';
function validateFilter(filter) {
  for (const [key, nested] of Object.entries(filter)) {
    if (key === '_and' || key === '_or') nested.forEach(validateFilter);
    else if (key === '_some') validateFilter(nested);
    else if (key === '_none') validateFilter(nested);
    else validateList(nested, key);
  }
}
function validateList(value, key) {
  if (!Array.isArray(value)) throw new ${rejection}(key);
  return true;
}
async function auth(c, next) { validateFilter(c.req.query()); await next(); }
const app = new Hono();
app.use('/admin/*', auth);
app.get('/admin/users', (c) => c.json([]));
export default app;
`;
}

describe('a verifier that calls itself', { timeout: 60_000 }, () => {
  it('is judged once: a guard when it rejects with 401, else the route is reported', () => {
    expect(scan([{ path: 'src/app.ts', text: recursiveVerifier('UnauthorizedError') }])).toEqual([]);
    expect(scan([{ path: 'src/app.ts', text: recursiveVerifier('InvalidQueryError') }])).toEqual(['no-unprotected-admin-route src/app.ts:17']);
  });
});

/** Express routes whose guard is a function declared inside the route factory that calls itself (a retry). */
function recursiveInnerGuard(rejects: boolean): string {
  return `import express from 'express';
export function routes() {
  const app = express();
  app.use('/admin', check);
  app.get('/admin/users', (req, res) => res.json([]));
  return app;
  function check(req, res, next) {
    if (req.retrying) return check({ ...req, retrying: false }, res, next);
    ${rejects ? "if (req.get('x-admin-key') !== process.env.ADMIN_KEY) return res.sendStatus(401);" : ''}
    next();
  }
}
`;
}

describe('a guard declared inside the route factory that calls itself', { timeout: 60_000 }, () => {
  // Judged while its own name was looked up inside it, it once recursed until the stack ran out,
  // and the file lost its routes (jQuery, Monaco, Notion's MCP server).
  it('is judged once, without running out of stack', () => {
    const clean = scanFiles({ files: [{ path: 'src/app.ts', text: recursiveInnerGuard(true) }] });
    expect(clean.errors).toEqual([]);
    expect(clean.findings).toEqual([]);
    const open = scanFiles({ files: [{ path: 'src/app.ts', text: recursiveInnerGuard(false) }] });
    expect(open.errors).toEqual([]);
    expect(open.findings.map((f) => `${f.ruleId} ${f.line}`)).toEqual(['no-unprotected-admin-route 5']);
  });
});
