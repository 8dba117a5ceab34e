import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanProject, type ProjectSnapshot } from '../src/scan-project.js';

// A snapshot (the git index for `--staged`) names each file's content by blob id: the cache finds
// summaries by that id, and only the files it has nothing for are read, all in one batch.
describe('scanProject over a snapshot', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A snapshot of `texts` (path → text) whose blob ids are `ids`, recording each batch read. */
  function snapshotOf(texts: Record<string, string>, ids: Record<string, string>, reads: string[][]): ProjectSnapshot {
    return {
      files: new Map(Object.entries(ids)),
      read: (paths) => {
        reads.push([...paths]);
        return new Map(paths.map((p) => [p, texts[p] ?? '']));
      },
    };
  }
  const bareIgnoreAt = (line: number) => `${'\n'.repeat(line - 1)}// shiftguard-ignore-next-line x\nexport const a = 1;\n`;
  const scan = (snapshot: ProjectSnapshot) => scanProject({ root, snapshot, cacheFile: 'cache.json', reportOnly: new Set(['a.ts']) }).findings.map((f) => `${f.file}:${f.line}`);

  it('reads every file once cold, nothing warm, and only a file whose blob id changed', () => {
    root = mkdtempSync(join(tmpdir(), 'shiftguard-snapshot-')); // empty: nothing comes from the work tree
    const texts = { 'a.ts': bareIgnoreAt(2), 'b.ts': 'export const b = 1;\n', 'README.md': '# not a source\n' };
    const reads: string[][] = [];
    expect(scan(snapshotOf(texts, { 'a.ts': 'blob-a1', 'b.ts': 'blob-b1', 'README.md': 'blob-r' }, reads))).toEqual(['a.ts:2']);
    expect(reads).toEqual([['a.ts', 'b.ts']]);

    reads.length = 0;
    expect(scan(snapshotOf(texts, { 'a.ts': 'blob-a1', 'b.ts': 'blob-b1' }, reads))).toEqual(['a.ts:2']);
    expect(reads).toEqual([]);

    // Same path, new blob id: a miss, even though nothing else tells the files apart.
    const edited = { ...texts, 'a.ts': bareIgnoreAt(5) };
    expect(scan(snapshotOf(edited, { 'a.ts': 'blob-a2', 'b.ts': 'blob-b1' }, reads))).toEqual(['a.ts:5']);
    expect(reads).toEqual([['a.ts']]);
  });

  it('keeps to the path arguments and the ignores, without looking at the work tree', () => {
    root = mkdtempSync(join(tmpdir(), 'shiftguard-snapshot-'));
    const texts = { 'src/a.ts': bareIgnoreAt(2), 'lib/b.ts': bareIgnoreAt(3), 'src/a.test.ts': bareIgnoreAt(4) };
    const ids = { 'src/a.ts': '1', 'lib/b.ts': '2', 'src/a.test.ts': '3' };
    const findings = (paths: string[]) => scanProject({ root, snapshot: snapshotOf(texts, ids, []), paths }).findings.map((f) => `${f.file}:${f.line}`);
    expect(findings(['.'])).toEqual(['lib/b.ts:3', 'src/a.ts:2']);
    expect(findings(['src/a.test.ts'])).toEqual(['src/a.test.ts:4']); // a file argument, tracked but absent from disk
    writeFileSync(join(root, 'untracked.ts'), bareIgnoreAt(1));
    const untracked = scanProject({ root, snapshot: snapshotOf(texts, ids, []), paths: ['untracked.ts'] });
    expect([untracked.findings, untracked.errors]).toEqual([[], []]); // on disk only: not in the snapshot
  });
});
