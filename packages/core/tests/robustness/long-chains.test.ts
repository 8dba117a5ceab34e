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

describe('chains thousands of links long', () => {
  it('follows a guard through 3000 delegating functions in one file', () => {
    expect(scan([{ path: 'src/app.ts', text: delegationChain(GUARD_BODY) }])).toEqual([]);
    expect(scan([{ path: 'src/app.ts', text: delegationChain(OPEN_BODY) }])).toEqual([`no-unprotected-admin-route src/app.ts:${N + 6}`]);
  });

  it('follows a guard through 3000 files', () => {
    expect(scan(delegationAcrossFiles(GUARD_BODY))).toEqual([]);
    expect(scan(delegationAcrossFiles(OPEN_BODY))).toEqual(['no-unprotected-admin-route src/app.ts:5']);
  }, 60_000);

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
});
