import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { scanProject } from '../scan-project.js';
import { summarizeFile } from '../summary/summarize-file.js';
import { cacheKeyOf, createFileCache, journalLimit, type FileStamp } from './summary-cache.js';

const config = resolveConfig({});
const HOUR = 60 * 60 * 1000;
let dir: string;

function summaryOf(path: string, text: string, hash = `hash-of-${text.length}`) {
  return summarizeFile(parseSource(path, text), hash, { path, config });
}

/** A cache file with a.ts, which imports b.ts, and b.ts, both read from disk an hour ago. */
function savedPair() {
  dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
  const file = join(dir, 'cache.json');
  const old: FileStamp = { mtimeMs: Date.now() - HOUR, size: 20 };
  const first = createFileCache(file, config);
  first.set(summaryOf('a.ts', `import { b } from './b.js';\nexport const a = b;\n`), old);
  first.set(summaryOf('b.ts', 'export const b = 1;\n'), old);
  first.save();
  return { file, old };
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('summary cache', () => {
  it('finds an unchanged file by its stamp, in the next process', () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'cache.json');
    const old: FileStamp = { mtimeMs: Date.now() - HOUR, size: 20 };
    const first = createFileCache(file, config);
    first.set(summaryOf('a.ts', 'export const a = 1;\n'), old);
    first.save();

    const second = createFileCache(file, config);
    expect(second.getByStamp('a.ts', old)?.path).toBe('a.ts');
    expect(second.getByStamp('a.ts', { ...old, size: 21 })).toBeUndefined();
    expect(second.getByStamp('a.ts', { ...old, mtimeMs: old.mtimeMs + 1 })).toBeUndefined();
    expect(second.getByStamp('b.ts', old)).toBeUndefined();
  });

  it('never trusts a stamp from around the last save (racily clean), but still matches by content hash', () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'cache.json');
    const racy: FileStamp = { mtimeMs: Date.now(), size: 20 };
    const first = createFileCache(file, config);
    const summary = summaryOf('a.ts', 'export const a = 1;\n');
    first.set(summary, racy);
    first.save();

    const second = createFileCache(file, config);
    expect(second.getByStamp('a.ts', racy)).toBeUndefined();
    expect(second.get('a.ts', summary.hash, racy)?.path).toBe('a.ts');
    expect(second.get('a.ts', 'another-hash', racy)).toBeUndefined();
  });

  it('learns the new stamp of a touched but unchanged file', () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'cache.json');
    const summary = summaryOf('a.ts', 'export const a = 1;\n');
    const first = createFileCache(file, config);
    first.set(summary);
    first.save();
    const touched: FileStamp = { mtimeMs: Date.now() - HOUR, size: 20 };
    const second = createFileCache(file, config);
    expect(second.getByStamp('a.ts', touched)).toBeUndefined();
    expect(second.get('a.ts', summary.hash, touched)).toBeDefined();
    second.save();
    expect(createFileCache(file, config).getByStamp('a.ts', touched)?.path).toBe('a.ts');
  });

  it('ignores a corrupt cache file or one written under another config', () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'cache.json');
    const old: FileStamp = { mtimeMs: Date.now() - HOUR, size: 20 };
    const first = createFileCache(file, config);
    first.set(summaryOf('a.ts', 'export const a = 1;\n'), old);
    first.save();
    expect(createFileCache(file, resolveConfig({ adminPaths: ['/ops/**'] })).getByStamp('a.ts', old)).toBeUndefined();
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 40));
    expect(createFileCache(file, config).getByStamp('a.ts', old)).toBeUndefined();
  });

  it('refuses an index line damaged in place, even when it still parses', () => {
    const { file, old } = savedPair();
    expect(createFileCache(file, config).getByStamp('a.ts', old)).toBeDefined();
    // Same length, still JSON: the importers of b.js now point at the wrong row.
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('"importers":[0]');
    writeFileSync(file, text.replace('"importers":[0]', '"importers":[1]'));
    expect(createFileCache(file, config).getByStamp('a.ts', old)).toBeUndefined();
  });
});

describe('summary cache, lazily', () => {
  it('parses a summary only when it is loaded, and copies unloaded ones into a rewritten file', () => {
    const { file, old } = savedPair();

    // A corrupt body that is never loaded costs nothing: only the index is read.
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"path":"b.ts"');
    writeFileSync(file, `${text.slice(0, at)}"path":"B.ts"${text.slice(at + 13)}`);
    const second = createFileCache(file, config);
    const a = second.getByStamp('a.ts', old);
    expect(a?.links()).toEqual({ modules: ['b.js'], global: false });
    expect(second.getByStamp('b.ts', old)?.links().modules).toEqual([]);
    second.set(summaryOf('c.ts', 'export const c = 1;\n'), old);
    // Three files, one new: more than the journal takes, so the whole file is rewritten.
    second.save();
    expect(existsSync(`${file}.journal`)).toBe(false);

    const third = createFileCache(file, config);
    expect(third.getByStamp('a.ts', old)?.load().module.imports).toEqual([{ local: 'b', imported: 'b', specifier: './b.js' }]);
    // b.ts was never loaded: its bytes were copied as they were.
    expect(third.getByStamp('b.ts', old)?.load().path).toBe('B.ts');
    expect(third.getByStamp('c.ts', old)?.load().path).toBe('c.ts');
  });
});

describe('summary cache link graph', () => {
  it('answers from the index for unchanged entries and from memory for new ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'cache.json');
    const files: Record<string, string> = {
      'app.ts': `import { a } from './routes/a.js';\nimport { b } from './routes/b.js';\n`,
      'routes/a.ts': `import { log } from '../log.js';\nexport const a = log;\n`,
      'routes/b.ts': `import { log } from '../log';\nexport const b = log;\n`,
      'log.ts': 'export const log = 1;\n',
    };
    const first = createFileCache(file, config);
    for (const [path, text] of Object.entries(files)) first.set(summaryOf(path, text, `h-${path}`));
    first.save();

    const second = createFileCache(file, config);
    for (const path of ['app.ts', 'routes/a.ts', 'log.ts']) expect(second.get(path, `h-${path}`)).toBeDefined();
    // routes/b.ts changed: it no longer imports the logger; a new file does.
    second.set(summaryOf('routes/b.ts', 'export const b = 2;\n', 'h-new-b'));
    second.set(summaryOf('routes/c.ts', `import { log } from '../log.js';\n`, 'h-c'));
    const graph = second.linkGraph();
    expect(graph?.filesLinkingTo('log.js')).toEqual(['routes/a.ts', 'routes/c.ts']);
    expect(graph?.filesLinkingTo('log')).toEqual([]);
    expect(graph?.modulesOf('app.ts')).toEqual(['routes/a.js', 'routes/b.js']);
    expect(graph?.has('routes/c.ts')).toBe(true);
    expect(graph?.has('missing.ts')).toBe(false);
  });
});

describe('scanProject with a warm cache', () => {
  // A suppression without a reason is reported by the engine itself: its line shows which version
  // of the file the scan used.
  const probeAt = (line: number) => `${'\n'.repeat(line - 1)}// shiftguard-ignore-next-line x\nexport const a = 1;\n`;
  const lines = () => scanProject({ root: dir, cacheFile: 'cache.json' }).findings.map((f) => f.line);

  it('does not read files whose size and mtime are unchanged, and re-reads edited ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'app.ts');
    writeFileSync(file, probeAt(2));
    const past = new Date(Date.now() - HOUR);
    utimesSync(file, past, past);
    expect(lines()).toEqual([2]);

    // Same size, same mtime, different content: only a scan that skipped reading still sees line 2.
    writeFileSync(file, probeAt(2).replace('\n// shift', '// shift\n'));
    utimesSync(file, past, past);
    expect(statSync(file).size).toBe(probeAt(2).length);
    expect(lines()).toEqual([2]);

    // A real edit changes the mtime: the file is read again.
    writeFileSync(file, probeAt(4));
    expect(lines()).toEqual([4]);
  });
});

describe('summary cache writes', () => {
  it('does not rewrite the cache file when a scan changed nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'cache.json');
    const old: FileStamp = { mtimeMs: Date.now() - HOUR, size: 20 };
    const summary = summaryOf('a.ts', 'export const a = 1;\n');
    const first = createFileCache(file, config);
    first.set(summary, old);
    first.set(summaryOf('b.ts', 'export const b = 1;\n'), old);
    first.save();

    const second = createFileCache(file, config);
    expect(second.getByStamp('a.ts', old)).toBeDefined();
    // b.ts comes from memory this time (the staged index), with unchanged content.
    expect(second.get('b.ts', summaryOf('b.ts', 'export const b = 1;\n').hash)).toBeDefined();
    utimesSync(file, new Date(0), new Date(0)); // a rewrite would move the mtime
    second.save();
    expect(statSync(file).mtimeMs).toBe(0);
  });
});

describe('summary cache journal', () => {
  const old: FileStamp = { mtimeMs: Date.now() - HOUR, size: 20 };

  function seeded(count: number) {
    stamps.clear();
    dir = mkdtempSync(join(tmpdir(), 'shiftguard-cache-'));
    const file = join(dir, 'cache.json');
    const cache = createFileCache(file, config);
    for (let i = 0; i < count; i++) cache.set(summaryOf(`f${i}.ts`, `export const v${i} = ${i};\n`), old);
    cache.save();
    return file;
  }

  /** A scan that sees every file unchanged except `edited`, which gets new content. */
  function scanWithEdit(file: string, count: number, edited: number, text: string) {
    const cache = createFileCache(file, config);
    for (let i = 0; i < count; i++) if (i !== edited) expect(cache.getByStamp(`f${i}.ts`, stamps.get(i) ?? old)).toBeDefined();
    const stamp = { ...old, size: text.length };
    cache.set(summaryOf(`f${edited}.ts`, text), stamp);
    stamps.set(edited, stamp);
    cache.save();
  }
  const stamps = new Map<number, FileStamp>();

  it('appends a small change to the journal instead of rewriting the cache, and reads it back', () => {
    const file = seeded(50);
    const base = readFileSync(file, 'utf8');
    scanWithEdit(file, 50, 7, 'export const seven = 7;\n');
    expect(readFileSync(file, 'utf8')).toBe(base);
    expect(readFileSync(`${file}.journal`, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    const next = createFileCache(file, config);
    expect(next.getByStamp('f7.ts', { ...old, size: 'export const seven = 7;\n'.length })).toBeDefined();
    expect(next.getByStamp('f7.ts', old)).toBeUndefined();
    expect(next.getByStamp('f8.ts', old)).toBeDefined();
  });

  it('ignores a torn journal line', () => {
    const file = seeded(50);
    scanWithEdit(file, 50, 7, 'export const seven = 7;\n');
    writeFileSync(`${file}.journal`, `${readFileSync(`${file}.journal`, 'utf8')}{"key":"torn`);
    const next = createFileCache(file, config);
    expect(next.getByStamp('f7.ts', { ...old, size: 'export const seven = 7;\n'.length })).toBeDefined();
    expect(next.getByStamp('f9.ts', old)).toBeDefined();
  });

  it('lets the journal grow to a quarter of the cache file, and never past 1 MB, which every scan parses', () => {
    expect(journalLimit(400_000)).toBe(100_000);
    expect(journalLimit(45 << 20)).toBe(1 << 20);
  });

  it('folds the journal into the cache file once it grows, and never applies a journal to another base', () => {
    const file = seeded(8);
    for (let round = 0; round < 6; round++) scanWithEdit(file, 8, round, `export const edited${round} = ${'x'.repeat(40)};\n`);
    // Six changes out of eight files outgrow a quarter of the cache: the journal was folded in.
    const index = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
    const compacted = JSON.parse(index.slice(index.indexOf(' ') + 1)) as { paths: string[]; stamps: number[] };
    expect(compacted.stamps[2 * compacted.paths.indexOf('f0.ts') + 1]).toBe(`export const edited0 = ${'x'.repeat(40)};\n`.length);
    const stale = `${JSON.stringify({ key: cacheKeyOf(config), base: 1, writtenAt: Date.now(), set: {}, delete: ['f7.ts'] })}\n`;
    writeFileSync(`${file}.journal`, stale);
    expect(createFileCache(file, config).getByStamp('f7.ts', old)).toBeDefined();
  });
});

describe('cacheKeyOf', () => {
  it('differs when the path aliases differ: a summary records what its imports name', () => {
    expect(cacheKeyOf(config, '')).toBe(cacheKeyOf(config));
    expect(cacheKeyOf(config, '["a"]')).not.toBe(cacheKeyOf(config));
    expect(cacheKeyOf(config, '["a"]')).not.toBe(cacheKeyOf(config, '["b"]'));
  });
});
