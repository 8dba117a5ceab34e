import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { ProjectModel } from '../project/project-model.js';
import { summarizeFile } from '../summary/summarize-file.js';
import { resolvePathList } from './resolve-path-list.js';

const config = resolveConfig({});

function projectOf(files: Record<string, string>): ProjectModel {
  return new ProjectModel(new Map(Object.entries(files).map(([path, text]) => [path, summarizeFile(parseSource(path, text), path, { path, config })])));
}

const ref = (name: string) => ({ parts: [{ ref: name }] });

describe('resolvePathList', () => {
  it.each([
    ['an imported list', { 'src/paths.ts': "export const PUBLIC = ['/login', '/admin/health'];", 'src/app.ts': "import { PUBLIC } from './paths.js';" }, 'src/app.ts', ref('PUBLIC'), ['/login', '/admin/health']],
    ['a list from a required CommonJS object', { 'src/config.js': "module.exports = { PUBLIC: ['/login'] };", 'src/app.js': "const { PUBLIC } = require('./config');" }, 'src/app.js', ref('PUBLIC'), ['/login']],
    ['a member of an imported namespace', { 'src/config.js': "module.exports = { PUBLIC: ['/a'] };", 'src/app.js': "const config = require('./config');" }, 'src/app.js', ref('config.PUBLIC'), ['/a']],
    ['an entry that is not a string', { 'src/paths.ts': "export const PUBLIC = [/^\\/p/, '/b'];", 'src/app.ts': "import { PUBLIC } from './paths.js';" }, 'src/app.ts', ref('PUBLIC'), [':PUBLIC.0', '/b']],
    ['an imported string', { 'src/paths.ts': "export const LOGIN = '/login';", 'src/app.ts': "import { LOGIN } from './paths.js';" }, 'src/app.ts', ref('LOGIN'), ['/login']],
    ['a list from a package', { 'src/app.ts': "import { PUBLIC } from '@org/config';" }, 'src/app.ts', ref('PUBLIC'), [':PUBLIC']],
  ])('%s', (_name, files, file, path, expected) => {
    expect(resolvePathList(projectOf(files), file, path)).toEqual(expected);
  });
});
