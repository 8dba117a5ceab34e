import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_IGNORES, discoverFiles, selectSourceFiles, SOURCE_GLOB } from './discover-files.js';

describe('discoverFiles', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('applies the source glob, the default ignores and config globs, also a literal path with glob characters', () => {
    root = mkdtempSync(join(tmpdir(), 'shiftguard-discover-'));
    for (const path of ['src/a.ts', 'src/file(1).ts', 'src/a.test.ts', 'src/types.d.ts', 'lib/x.js', 'lib/gen/y.gen.ts', 'node_modules/m/index.js', 'README.md']) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), 'export {};\n');
    }
    expect(discoverFiles({ root, ignore: ['src/file(1).ts', '**/*.gen.ts'] })).toEqual(['lib/x.js', 'src/a.ts']);
    expect(discoverFiles({ root })).toEqual(['lib/gen/y.gen.ts', 'lib/x.js', 'src/a.ts', 'src/file(1).ts']);
  });
});

describe('selectSourceFiles', () => {
  it('keeps exactly the source files that no default ignore matches, as picomatch reads the globs', () => {
    const isSource = picomatch(SOURCE_GLOB, { dot: true });
    const isIgnored = picomatch([...DEFAULT_IGNORES], { dot: true });
    const segments = ['src', 'node_modules', 'dist', 'distx', 'build', 'coverage', '.git', '.github', '__tests__', 'test', 'tests', 'mytest', 'testing', '.d', 'a.ts', 'b.test.ts', 'c.spec.jsx', 'd.d.ts', 'e.d.mts', 'f.d.cts', 'g.d.tsx', '.d.ts', 'test.ts', 'tests.js', 'x.testing.ts', 'y.mjs'];
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(fc.constantFrom(...segments), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'))), (paths) => {
        const expected = paths.filter((p) => isSource(p) && !isIgnored(p)).sort();
        expect(selectSourceFiles({ root: process.cwd() }, paths)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
