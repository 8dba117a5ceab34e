import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { linksOf } from '../summary/lazy-summary.js';
import { summarizeFile } from '../summary/summarize-file.js';
import { ts } from '../parse/typescript.js';
import { memoryPathAliases } from './path-aliases.js';
import { ProjectModel } from './project-model.js';

const config = resolveConfig({});

function projectOf(files: Record<string, string>): ProjectModel {
  const summaries = new Map(Object.entries(files).map(([path, text]) => [path, summarizeFile(parseSource(path, text), path, { path, config })]));
  return new ProjectModel(summaries);
}

describe('ProjectModel', () => {
  const project = projectOf({
    'src/app.ts': `import { guard } from './lib/index.js';\nimport { Hono } from 'hono';\nimport { gone } from './missing.js';\n`,
    'src/lib/index.ts': `export { guard } from './guard.js';\n`,
    'src/lib/guard.ts': `export function guard() {}\n`,
    'src/other/app.ts': `import { guard } from '../lib/guard.js';\n`,
  });

  it('follows imports and re-exports to the definition', () => {
    expect(project.originOf('src/app.ts', 'guard')).toEqual({ kind: 'local', file: 'src/lib/guard.ts', name: 'guard' });
    expect(project.originOf('src/app.ts', 'Hono')).toEqual({ kind: 'package', specifier: 'hono', imported: 'Hono' });
    expect(project.originOf('src/app.ts', 'gone')).toMatchObject({ kind: 'unresolved', specifier: './missing.js' });
    expect(project.originOf('src/app.ts', 'notImported')).toEqual({ kind: 'local', file: 'src/app.ts', name: 'notImported' });
  });

  it('answers a repeated question from its memo, and keeps same-named imports of different files apart', () => {
    expect(project.originOf('src/app.ts', 'guard')).toBe(project.originOf('src/app.ts', 'guard'));
    expect(project.originOf('src/other/app.ts', 'guard')).toEqual({ kind: 'local', file: 'src/lib/guard.ts', name: 'guard' });
    // Same specifier text, different directories: different targets.
    expect(project.resolveModule('src/app.ts', './lib/guard.js')).toBe('src/lib/guard.ts');
    expect(project.resolveModule('src/other/app.ts', './lib/guard.js')).toBeUndefined();
    expect(project.resolveModule('src/lib/index.ts', './guard.js')).toBe('src/lib/guard.ts');
  });
});

describe('ProjectModel.originOfMember: a member of a namespace import', () => {
  const project = projectOf({
    'src/mw/index.ts': `export * from './guards.js';\nexport { log as logRequest } from './log.js';\nexport const OWN = 1;\n`,
    'src/mw/guards.ts': `export function requireAdmin() {}\n`,
    'src/mw/log.ts': `export function log() {}\n`,
    'src/cjs.js': `exports.helper = function () {};\n`,
  });

  it.each([
    ['src/mw/index.ts', 'requireAdmin', { kind: 'local', file: 'src/mw/guards.ts', name: 'requireAdmin' }],
    ['src/mw/index.ts', 'logRequest', { kind: 'local', file: 'src/mw/log.ts', name: 'log' }],
    ['src/mw/index.ts', 'OWN', { kind: 'local', file: 'src/mw/index.ts', name: 'OWN' }],
    // Not among its exports (a CommonJS member): the name as written in the module.
    ['src/cjs.js', 'helper', { kind: 'local', file: 'src/cjs.js', name: 'helper' }],
  ])('%s: %s', (file, name, expected) => {
    expect(project.originOfMember(file, name)).toEqual(expected);
  });
});

describe('ProjectModel with tsconfig path aliases', () => {
  const files = {
    'src/app.ts': `import { guard } from '@/lib';\nimport { log } from 'utils/log';\nimport { Hono } from 'hono';\nimport { gone } from '@/missing';\n`,
    'src/lib/index.ts': `export { guard } from '@/lib/guard';\n`,
    'src/lib/guard.ts': `export function guard() {}\n`,
    'src/utils/log.ts': `export function log() {}\n`,
  };
  const tsconfig = { path: 'tsconfig.json', text: '{ "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["*"] } } }' };
  const aliases = memoryPathAliases(Object.keys(files), [tsconfig], (path, text) => ts.parseConfigFileTextToJson(path, text).config);
  const summaries = new Map(Object.entries(files).map(([path, text]) => [path, summarizeFile(parseSource(path, text), path, { path, config, aliases })]));
  const project = new ProjectModel(summaries, summaries, aliases);

  it('follows aliased imports and re-exports to project files, and leaves packages alone', () => {
    expect(project.originOf('src/app.ts', 'guard')).toEqual({ kind: 'local', file: 'src/lib/guard.ts', name: 'guard' });
    expect(project.originOf('src/app.ts', 'log')).toEqual({ kind: 'local', file: 'src/utils/log.ts', name: 'log' });
    expect(project.originOf('src/app.ts', 'Hono')).toEqual({ kind: 'package', specifier: 'hono', imported: 'Hono' });
    expect(project.originOf('src/app.ts', 'gone')).toMatchObject({ kind: 'unresolved', specifier: '@/missing' });
  });

  it('links a summary to the module paths of its aliased imports, for scoped scans', () => {
    const linked = (path: string) => {
      const summary = summaries.get(path);
      return summary ? linksOf(summary, aliases).modules : [];
    };
    expect(linked('src/app.ts')).toEqual(['src/lib', 'src/utils/log', 'src/missing']);
    expect(linked('src/lib/index.ts')).toEqual(['src/lib/guard']);
    expect(linked('src/lib/guard.ts')).toEqual([]);
  });
});

