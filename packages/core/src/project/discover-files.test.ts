import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discoverFiles } from './discover-files.js';

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
