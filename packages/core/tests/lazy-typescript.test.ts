import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const LAZY = fileURLToPath(new URL('../lazy-typescript.mjs', import.meta.url));

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
});
