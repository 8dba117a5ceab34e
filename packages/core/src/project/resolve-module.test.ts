import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modulePathsNaming, resolveModule, resolveModulePath } from './resolve-module.js';

describe('resolveModule', () => {
  const files = new Set(['src/app.ts', 'src/routes/index.ts', 'src/guards/auth.ts', 'lib/legacy.js', 'src/esm.mts']);
  const has = (p: string) => files.has(p);
  it.each([
    ['src/app.ts', './guards/auth.js', 'src/guards/auth.ts'],
    ['src/app.ts', './guards/auth', 'src/guards/auth.ts'],
    ['src/app.ts', './guards/auth.ts', 'src/guards/auth.ts'],
    ['src/app.ts', './routes', 'src/routes/index.ts'],
    ['src/app.ts', './routes/index.js', 'src/routes/index.ts'],
    ['src/routes/index.ts', '../../lib/legacy', 'lib/legacy.js'],
    ['src/app.ts', './esm.mjs', 'src/esm.mts'],
  ])('from %s, %s resolves to %s', (from, spec, expected) => {
    expect(resolveModule(from, spec, has)).toBe(expected);
  });
  it.each([['hono'], ['./missing.js'], ['@scope/pkg/admin']])('%s does not resolve to a project file', (spec) => {
    expect(resolveModule('src/app.ts', spec, has)).toBeUndefined();
  });
});

describe('modulePathsNaming', () => {
  const files = ['src/app.ts', 'src/routes/index.ts', 'src/routes.ts', 'lib/legacy.js', 'src/esm.mts', 'src/view.tsx', 'src/dot.x.ts', 'index.ts', 'src/c.cjs'];
  const has = (p: string) => files.includes(p);
  it('names every module path that resolves to a file', () => {
    const segments = ['src', 'lib', 'routes', 'index', 'app', 'legacy', 'esm', 'view', 'dot.x', 'c', '.', '..', ''];
    const extensions = ['', '.js', '.ts', '.mjs', '.mts', '.tsx', '.jsx', '.cjs', '.cts', '.x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...segments), { minLength: 1, maxLength: 3 }), fc.constantFrom(...extensions), (parts, ext) => {
        const modulePath = parts.join('/') + ext;
        const target = resolveModulePath(modulePath, has);
        if (target !== undefined) expect(modulePathsNaming(target)).toContain(modulePath);
      }),
      { numRuns: 2000 },
    );
  });
});
