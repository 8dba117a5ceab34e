import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LAZY = fileURLToPath(new URL('../lazy-typescript.mjs', import.meta.url));
const LOADER = fileURLToPath(new URL('../load-typescript.cjs', import.meta.url));
// load-typescript.cjs keeps its caches in the node_modules that holds ts-morph's TypeScript.
const TS_FILE = createRequire(createRequire(LOADER).resolve('ts-morph')).resolve('@ts-morph/common/dist/typescript.js');
const CACHE_DIR = join(TS_FILE.slice(0, TS_FILE.lastIndexOf('node_modules') + 'node_modules'.length), '.cache', 'shiftguard');

/** Runs `body` in a fresh Node process with `ts` imported from lazy-typescript.mjs; returns its JSON line. */
function inFreshProcess(body: string, defer: boolean): Record<string, unknown> {
  const script = `
    import { createRequire } from 'node:module';
    ${defer ? "globalThis[Symbol.for('shiftguard.deferTypeScript')] = true;" : ''}
    const { ts } = await import(${JSON.stringify(LAZY)});
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.endsWith('typescript.js'));
    ${body}`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as Record<string, unknown>;
}

describe('lazy-typescript.mjs', () => {
  it('loads TypeScript up front unless a scoped CLI scan asks to defer it', () => {
    expect(inFreshProcess(`console.log(JSON.stringify({ loaded: loaded() }));`, false)).toEqual({ loaded: true });
  });

  it('deferred: stands in for SyntaxKind and functions read at module scope, and loads TypeScript on first use', () => {
    inFreshProcess(`ts.version; console.log('{}');`, false); // records TypeScript's shape, as any earlier run does
    const result = inFreshProcess(
      `
      const { SyntaxKind, isIdentifier } = ts;
      const before = loaded();
      const sf = ts.createSourceFile('a.ts', 'const token = 1;', ts.ScriptTarget.Latest, true);
      const name = sf.statements[0].declarationList.declarations[0].name;
      console.log(JSON.stringify({ before, after: loaded(), kind: name.kind === SyntaxKind.Identifier, is: isIdentifier(name), same: SyntaxKind.Identifier === ts.SyntaxKind.Identifier }));`,
      true,
    );
    expect(result).toEqual({ before: false, after: true, kind: true, is: true, same: true });
  });

  it('deferred: loading the whole engine reads only SyntaxKind and functions of TypeScript at module scope', () => {
    // A warm scoped scan that parses nothing must not pay TypeScript's load (~0.4 s): a module that
    // read any other export at load time (`const { factory } = ts`) would load it.
    inFreshProcess(`ts.version; console.log('{}');`, false);
    const engine = JSON.stringify(fileURLToPath(new URL('../dist/index.js', import.meta.url)));
    expect(inFreshProcess(`await import(${engine}); console.log(JSON.stringify({ loaded: loaded() }));`, true)).toEqual({ loaded: false });
  });

  it('keeps a V8 code cache per set of Node flags: a process with other flags neither rejects nor rewrites it', () => {
    const load = (flags: string[]) => spawnSync(process.execPath, [...flags, '-e', `require(${JSON.stringify(LOADER)}).loadTypeScript()`], { env: { ...process.env, NODE_OPTIONS: '' } });
    const flagged = ['--max-old-space-size=3999'];
    load(flagged);
    load([]);
    const written = () => new Map(readdirSync(CACHE_DIR).filter((name) => name.endsWith('.v8')).map((name) => [name, statSync(join(CACHE_DIR, name)).mtimeMs]));
    const before = written();
    load(flagged);
    load([]);
    load(flagged);
    const after = written();
    expect([...before.keys()].filter((name) => name.includes('-flags-')).length).toBeGreaterThan(0);
    expect([...before.keys()].filter((name) => !name.includes('-flags-')).length).toBe(1);
    for (const [name, mtimeMs] of before) expect(after.get(name), name).toBe(mtimeMs);
  });
});
