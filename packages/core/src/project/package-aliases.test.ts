import { describe, expect, it } from 'vitest';
import { packageAliases, type PackageManifest } from './package-aliases.js';

const ROOT: PackageManifest = { path: 'package.json', name: 'acme-monorepo', imports: { '#config': './config/index.ts', '#lib/*': './src/lib/*.ts' } };
const AUTH_SOURCE: PackageManifest = { path: 'packages/auth/package.json', name: '@acme/auth', main: './src/index.ts' };
const AUTH_BUILT: PackageManifest = { path: 'packages/auth/package.json', name: '@acme/auth', main: './dist/index.js', types: './dist/index.d.ts' };
const AUTH_EXPORTS: PackageManifest = {
  path: 'packages/auth/package.json',
  name: '@acme/auth',
  exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './guards/*': './dist/guards/*.js' },
};
const LOGGER: PackageManifest = { path: 'libs/logger/package.json', name: 'logger' };

describe('package.json aliases', () => {
  it.each([
    // [manifests, importing file, specifier, module paths tried (empty: not a project module)]
    [[AUTH_SOURCE], 'apps/api/src/app.ts', '@acme/auth', ['packages/auth/src/index.ts', 'packages/auth/src/index', 'packages/auth/index']],
    [[AUTH_BUILT], 'apps/api/src/app.ts', '@acme/auth', ['packages/auth/dist/index.js', 'packages/auth/src/index.js', 'packages/auth/src/index', 'packages/auth/index']],
    [[AUTH_EXPORTS], 'apps/api/src/app.ts', '@acme/auth', ['packages/auth/dist/index.js', 'packages/auth/src/index.js']],
    [[AUTH_EXPORTS], 'apps/api/src/app.ts', '@acme/auth/guards/admin', ['packages/auth/dist/guards/admin.js', 'packages/auth/src/guards/admin.js']],
    [[AUTH_EXPORTS], 'apps/api/src/app.ts', '@acme/auth/internal', []],
    [[AUTH_SOURCE], 'apps/api/src/app.ts', '@acme/authz', []],
    [[AUTH_SOURCE], 'apps/api/src/app.ts', 'hono', []],
    [[LOGGER], 'apps/api/src/app.ts', 'logger/child', ['libs/logger/child']],
    [[ROOT], 'src/app.ts', '#config', ['config/index.ts']],
    [[ROOT], 'src/app.ts', '#lib/tokens', ['src/lib/tokens.ts']],
    [[ROOT], 'src/app.ts', '#missing', []],
  ])('%#: %s imports %s', (manifests, from, specifier, modulePaths) => {
    const aliases = packageAliases(manifests);
    expect(aliases?.modulePaths(from, specifier)).toEqual(modulePaths);
    expect(aliases?.isProject(from, specifier)).toBe(modulePaths.length > 0);
  });

  it('takes #imports from the nearest package.json', () => {
    const api: PackageManifest = { path: 'apps/api/package.json', imports: { '#config': './src/config.ts' } };
    const aliases = packageAliases([ROOT, api]);
    expect(aliases?.modulePaths('apps/api/src/app.ts', '#config')).toEqual(['apps/api/src/config.ts']);
    expect(aliases?.modulePaths('src/app.ts', '#config')).toEqual(['config/index.ts']);
  });

  it('is absent when no package.json has a name or imports', () => {
    expect(packageAliases([{ path: 'package.json', private: true } as PackageManifest])).toBeUndefined();
  });
});
