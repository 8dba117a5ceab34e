import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { ProjectModel } from '../project/project-model.js';
import { summarizeFile } from '../summary/summarize-file.js';
import { devOnlyModules } from './dev-only-modules.js';

const config = resolveConfig({});

function devOnlyOf(files: Record<string, string>): string[] {
  const summaries = new Map(Object.entries(files).map(([path, text]) => [path, summarizeFile(parseSource(path, text), '', { path, config })]));
  return [...devOnlyModules(new ProjectModel(summaries))].sort();
}

const STORE = { 'src/dev-store.ts': "import { writeFile } from 'node:fs/promises'; export const save = (t: string) => writeFile('tokens.json', t);" };
const GUARDED = "if (process.env.NODE_ENV !== 'production') { const { save } = await import('./dev-store.js'); save('x'); }";

describe('devOnlyModules', () => {
  it.each([
    ['an if on NODE_ENV', GUARDED],
    ['a ternary', "const dev = process.env.NODE_ENV === 'development' ? await import('./dev-store.js') : undefined;"],
    ['an early return', "export async function warm() { if (process.env.NODE_ENV === 'production') return; (await import('./dev-store.js')).save('x'); }"],
    ['a then callback', "if (!isProduction) import('./dev-store.js').then(({ save }) => save('x'));"],
  ])('holds a module loaded only under %s', (_name, app) => {
    expect(devOnlyOf({ ...STORE, 'src/app.ts': app })).toEqual(['src/dev-store.ts']);
  });

  it.each([
    ['also loaded unguarded', `${GUARDED}\nexport async function warm() { await import('./dev-store.js'); }`],
    ['also imported statically elsewhere', GUARDED, "import { save } from './dev-store.js'; save('y');"],
    ['loaded under a test of configuration', "if (process.env.STORE === 'file') await import('./dev-store.js');"],
  ])('is empty for a module %s', (_name, app, other = '') => {
    expect(devOnlyOf({ ...STORE, 'src/app.ts': app, 'src/other.ts': other })).toEqual([]);
  });
});
