import { describe, expect, it } from 'vitest';
import { filesInReach, linkGraphOf } from './files-in-reach.js';
import { modulePathOf, resolveModulePath } from './resolve-module.js';

const reach = (graph: Record<string, string[]>, scope: string[], global: string[] = []) => {
  const links = new Map(Object.entries(graph).map(([file, specifiers]) => [file, { modules: specifiers.map((s) => modulePathOf(file, s)), global: global.includes(file) }]));
  return [...filesInReach(linkGraphOf(links), new Set(scope), (m) => resolveModulePath(m, (p) => links.has(p)))].sort();
};

describe('filesInReach', () => {
  it('takes the importers of the scope, transitively, and everything they import', () => {
    const graph = {
      'a/server.ts': ['./app.js'],
      'a/app.ts': ['./routes', './auth.js'],
      'a/routes/index.ts': ['./users.js', './admin'],
      'a/routes/users.ts': [],
      'a/routes/admin.ts': ['../db.js'],
      'a/auth.ts': ['./db'],
      'a/db.ts': [],
      'b/app.ts': ['../a/db.js'],
      'c/other.ts': ['./lib.js'],
      'c/lib.ts': [],
    };
    expect(reach(graph, ['a/routes/admin.ts'])).toEqual(['a/app.ts', 'a/auth.ts', 'a/db.ts', 'a/routes/admin.ts', 'a/routes/index.ts', 'a/routes/users.ts', 'a/server.ts']);
    expect(reach(graph, ['c/lib.ts'])).toEqual(['c/lib.ts', 'c/other.ts']);
  });

  it('finds importers that name a directory or its parent', () => {
    const graph = { 'x/index.ts': [], 'x/y/z.ts': ['..'], 'x/w.ts': ['.'], 'p.ts': ['./x'], 'q.ts': [] };
    expect(reach(graph, ['x/index.ts'])).toEqual(['p.ts', 'x/index.ts', 'x/w.ts', 'x/y/z.ts']);
  });

  it('always takes files with project-wide facts and their imports', () => {
    expect(reach({ 'a.ts': [], 'plugin.ts': ['./auth.js'], 'auth.ts': [], 'b.ts': [] }, ['a.ts'], ['plugin.ts'])).toEqual(['a.ts', 'auth.ts', 'plugin.ts']);
  });

  it('takes every file under a folder a file links to (./routes/), and that file for any of them', () => {
    const graph = {
      'src/app.ts': ['./routes/', './plugins/'],
      'src/plugins/auth.ts': [],
      'src/routes/root.ts': [],
      'src/routes/admin/index.ts': ['../../lib/db.js'],
      'src/routes-old/legacy.ts': [],
      'src/lib/db.ts': [],
    };
    const everyRoute = ['src/app.ts', 'src/lib/db.ts', 'src/plugins/auth.ts', 'src/routes/admin/index.ts', 'src/routes/root.ts'];
    expect(reach(graph, ['src/routes/admin/index.ts'])).toEqual(everyRoute);
    expect(reach(graph, ['src/plugins/auth.ts'])).toEqual(everyRoute);
    expect(reach(graph, ['src/routes-old/legacy.ts'])).toEqual(['src/routes-old/legacy.ts']);
  });
});
