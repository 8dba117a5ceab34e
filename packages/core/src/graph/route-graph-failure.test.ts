import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { analyze } from '../engine/analyze.js';
import { ruleIds } from '../rules/index.js';
import type * as ResolvePathModule from './resolve-path.js';
import type * as TableRoutesModule from './table-routes.js';

// A bug in the route graph, injected: resolving a route path of one file throws.
vi.mock('./resolve-path.js', async (importOriginal) => {
  const real = await importOriginal<typeof ResolvePathModule>();
  return {
    ...real,
    resolvePath: (...args: Parameters<typeof real.resolvePath>) => {
      if (args[1] === 'src/broken.ts') throw new TypeError('injected graph bug');
      return real.resolvePath(...args);
    },
  };
});

// And indexing one file's route table throws.
vi.mock('./table-routes.js', async (importOriginal) => {
  const real = await importOriginal<typeof TableRoutesModule>();
  return {
    ...real,
    tableRoutes: (...args: Parameters<typeof real.tableRoutes>) => {
      if (args[1] === 'src/table.ts') throw new TypeError('injected index bug');
      return real.tableRoutes(...args);
    },
  };
});

const ADMIN_APP = `import express from 'express';
const app = express();
app.get('/admin/users', (req, res) => res.json([]));
`;

describe('a route graph that fails on one file', () => {
  it('reports that file as an internal error and still judges the routes of every other app', () => {
    const files = { 'src/broken.ts': ADMIN_APP, 'src/healthy.ts': ADMIN_APP };
    const inputs = Object.entries(files).map(([path, text]) => ({ path, read: () => text }));
    const config = resolveConfig({}, 'test', ruleIds);
    const result = analyze(inputs, { config, ruleIds: ['no-unprotected-admin-route'] });
    expect(result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['no-unprotected-admin-route src/healthy.ts:3']);
    expect(result.errors.map((e) => [e.kind, e.file])).toEqual([['internal', 'src/broken.ts']]);
    expect(result.errors[0]?.message).toContain('src/broken.ts: rule no-unprotected-admin-route failed on this file');
    expect(result.errors[0]?.message).toContain('TypeError: injected graph bug');
  });

  it('drops every registration of a file it cannot index, and keeps the other files', () => {
    // The route before the table is indexed before the failure: keeping it would judge half a file.
    const table = `import express from 'express';
import { ROUTES } from './routes.js';
const app = express();
app.get('/admin/early', (req, res) => res.end());
for (const r of ROUTES) app[r.method as 'get'](r.path, r.action);
`;
    const rows = `export const ROUTES = [{ method: 'get', path: '/admin/stats', action: (req: any, res: any) => res.end() }];\n`;
    const files = { 'src/table.ts': table, 'src/routes.ts': rows, 'src/healthy.ts': ADMIN_APP };
    const inputs = Object.entries(files).map(([path, text]) => ({ path, read: () => text }));
    const result = analyze(inputs, { config: resolveConfig({}, 'test', ruleIds), ruleIds: ['no-unprotected-admin-route'] });
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/healthy.ts:3']);
    expect(result.errors.map((e) => [e.kind, e.file])).toEqual([['internal', 'src/table.ts']]);
    expect(result.errors[0]?.message).toContain('TypeError: injected index bug');
  });
});
