import { describe, expect, it } from 'vitest';
import { scanFiles } from '../../src/scan-files.js';
import { SEED_SOURCES } from './seed-sources.js';

// A reasonless suppression is reported by the engine itself (no rule needed): a cheap probe that
// a file was really analysed, and at which line and column the engine thinks a comment starts.
const PROBE = '// shiftguard-ignore-next-line no-secrets-in-logs\nexport const probed = 1;\n';
const probeFile = { path: 'src/probe.ts', text: PROBE };

function errorsOf(files: Array<{ path: string; text: string }>) {
  const result = scanFiles({ files: [...files, probeFile] });
  // The healthy neighbour is always analysed, whatever happened to the hostile file.
  expect(result.findings.filter((f) => f.file === probeFile.path).map((f) => f.line)).toEqual([1]);
  return result.errors;
}

describe('hostile inputs', () => {
  it('scans a 5 MB file', () => {
    const text = fiveMegabytes();
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    // Speed is measured by tools/bench (ratios in one run), never by a wall clock here: on a loaded
    // 2-core CI machine this took 4 s one run and 24 s the next.
    expect(errorsOf([{ path: 'src/huge.ts', text }])).toEqual([]);
  }, 300_000);

  it.each([
    ['50k nested parentheses', `export const x = ${'('.repeat(50_000)}1${')'.repeat(50_000)};\n`],
    ['50k nested arrays', `export const x = ${'['.repeat(50_000)}${']'.repeat(50_000)};\n`],
    ['20k nested calls', `export const x = ${'f('.repeat(20_000)}1${')'.repeat(20_000)};\n`],
    ['20k nested blocks', `${'if (a) {'.repeat(20_000)}${'}'.repeat(20_000)}\n`],
  ])('reports %s as that file\'s error and scans the rest', (_name, text) => {
    const errors = errorsOf([{ path: 'src/deep.ts', text }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'parse', file: 'src/deep.ts' });
    expect(errors[0]?.message).toMatch(/nested too deeply|syntax error/);
  });

  it('analyses a 20k-term + chain, or reports it as too deep, without crashing', () => {
    const text = `export const s = ${Array.from({ length: 20_000 }, (_, i) => `part${i % 10}`).join(' + ')};\n`;
    const errors = errorsOf([{ path: 'src/chain.ts', text }]);
    for (const e of errors) expect(e).toMatchObject({ kind: 'parse', file: 'src/chain.ts', message: expect.stringContaining('nested too deeply') });
  });

  it('reports a binary file named .ts as a parse error', () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    const errors = errorsOf([{ path: 'src/logo.ts', text: png.repeat(100) }]);
    expect(errors).toEqual([expect.objectContaining({ kind: 'parse', file: 'src/logo.ts', message: expect.stringContaining('binary') })]);
  });

  it('reports a syntax error with its position and scans the rest', () => {
    const errors = errorsOf([{ path: 'src/broken.ts', text: 'export const ok = 1;\nexport function (\n' }]);
    expect(errors).toEqual([expect.objectContaining({ kind: 'parse', file: 'src/broken.ts', line: 2 })]);
  });

  it('accepts empty and whitespace-only files', () => {
    expect(errorsOf([{ path: 'src/empty.ts', text: '' }, { path: 'src/blank.js', text: '\n\n   \t\n' }])).toEqual([]);
  });

  it('reads through a byte-order mark without shifting positions', () => {
    const result = scanFiles({ files: [{ path: 'src/bom.ts', text: `\uFEFF${PROBE}` }] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => [f.line, f.column])).toEqual([[1, 1]]);
  });

  it('counts CRLF line endings as one line break', () => {
    const text = `const a = 1;\r\nconst b = 2;\r\n${PROBE.replaceAll('\n', '\r\n')}`;
    const result = scanFiles({ files: [{ path: 'src/crlf.ts', text }] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => f.line)).toEqual([3]);
  });
});

/**
 * A 5 MB module shaped like a bundled server: mostly domain code (classes, async functions, types,
 * object literals), with an app, routes, a guard and log calls every tenth block.
 */
function fiveMegabytes(): string {
  const app = SEED_SOURCES[0]?.text.replace(/export default app;\n/, '') ?? '';
  const blocks: string[] = [];
  for (let i = 0, size = 0; size <= 5 * 1024 * 1024; i++) {
    const block = i % 10 === 0 ? app.replaceAll('app', `app${i}`) : domainBlock(i);
    blocks.push(block);
    size += block.length + 1;
  }
  return blocks.join('\n');
}

function domainBlock(i: number): string {
  return `export interface Item${i} { id: string; name: string; amount: number; tags: string[] }
export type Patch${i} = Partial<Omit<Item${i}, 'id'>>;
export class Item${i}Service {
  private readonly items = new Map<string, Item${i}>();
  constructor(private readonly log: { info(obj: object, msg: string): void }) {}
  async list(page = 1, limit = 20): Promise<Item${i}[]> {
    const all = [...this.items.values()].sort((a, b) => a.name.localeCompare(b.name));
    return all.slice((page - 1) * limit, page * limit);
  }
  async update(id: string, patch: Patch${i}): Promise<Item${i}> {
    const current = this.items.get(id);
    if (!current) throw new Error(\`item ${i} \${id} not found\`);
    const next = { ...current, ...patch, id };
    this.items.set(id, next);
    this.log.info({ id, fields: Object.keys(patch) }, 'updated item ${i}');
    return next;
  }
}
export const schema${i} = { type: 'object', properties: { id: { type: 'string' }, amount: { type: 'number', minimum: ${i % 7} } }, required: ['id'] } as const;
`;
}
