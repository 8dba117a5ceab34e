import { describe, expect, it } from 'vitest';
import { resolveModule } from './resolve-module.js';

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
