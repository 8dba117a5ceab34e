import { describe, expect, it } from 'vitest';
import { autoloadedPlugins } from './autoload-plugins.js';
import type { AutoloadOptions } from './route-facts.js';

const DEFAULTS: AutoloadOptions = { dirNamePrefix: true, autoHooks: false, cascadeHooks: false };
const FILES = [
  'src/app.ts',
  'src/routes/root.ts',
  'src/routes/schemas.d.ts',
  'src/routes/admin/index.ts',
  'src/routes/admin/helpers.ts',
  'src/routes/admin/reports/export.ts',
  'src/routes/users/list.ts',
  'src/routes/users/autohooks.ts',
  'src/routes/autohooks.mjs',
  'src/routes-old/legacy.ts',
];
const run = (options = DEFAULTS) => autoloadedPlugins(FILES, 'src/routes', options).map((p) => `${p.file} @${p.prefix} [${p.hooks.join(' ')}]`);

describe('autoloadedPlugins', () => {
  it('loads every script of a folder, only the index where there is one, and subfolders under their names', () => {
    expect(run()).toEqual([
      'src/routes/root.ts @ []',
      'src/routes/admin/index.ts @admin []',
      'src/routes/admin/reports/export.ts @admin/reports []',
      'src/routes/users/list.ts @users []',
    ]);
  });

  it('gives no folder prefix without dirNameRoutePrefix', () => {
    expect(run({ ...DEFAULTS, dirNamePrefix: false })).toContain('src/routes/users/list.ts @ []');
  });

  it.each([
    [{ autoHooks: true, cascadeHooks: false }, 'src/routes/users/list.ts @users [src/routes/users/autohooks.ts]', 'src/routes/root.ts @ [src/routes/autohooks.mjs]'],
    [{ autoHooks: true, cascadeHooks: true }, 'src/routes/users/list.ts @users [src/routes/autohooks.mjs src/routes/users/autohooks.ts]', 'src/routes/admin/reports/export.ts @admin/reports [src/routes/autohooks.mjs]'],
    [{ autoHooks: false, cascadeHooks: true }, 'src/routes/users/list.ts @users []', 'src/routes/root.ts @ []'],
  ])('applies autohooks files with %j', (hookOptions, ...expected) => {
    const plugins = run({ ...DEFAULTS, ...hookOptions });
    for (const line of expected) expect(plugins).toContain(line);
    expect(plugins.some((p) => p.startsWith('src/routes/users/autohooks.ts'))).toBe(false);
  });
});

describe('autoloadedPlugins: a loop over readdirSync(dir)', () => {
  it('loads what require() of each listed name loads: the scripts of the folder and each subfolder index, under their names', () => {
    expect(run({ ...DEFAULTS, readdir: { fileNamePrefix: true } })).toEqual([
      'src/routes/admin/index.ts @admin []',
      'src/routes/autohooks.mjs @autohooks []',
      'src/routes/root.ts @root []',
    ]);
  });

  it('gives them no prefix of their own when the mount path does not use the name', () => {
    expect(run({ ...DEFAULTS, readdir: { fileNamePrefix: false } })).toEqual(['src/routes/admin/index.ts @ []', 'src/routes/autohooks.mjs @ []', 'src/routes/root.ts @ []']);
  });
});
