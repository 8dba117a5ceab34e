import { describe, expect, it } from 'vitest';
import { ParseError } from '../errors.js';
import { fileErrorOf, isStackOverflow } from './file-error.js';

function overflow(): RangeError {
  const recurse = (n: number): number => recurse(n + 1) + 1;
  try {
    recurse(0);
  } catch (error) {
    return error as RangeError;
  }
  throw new Error('the stack never overflowed');
}

describe('fileErrorOf', () => {
  it('keeps a ParseError position', () => {
    const e = fileErrorOf('src/a.ts', 'parse', new ParseError('src/a.ts:3:5: syntax error: x', 'src/a.ts', 3, 5));
    expect(e).toMatchObject({ kind: 'parse', file: 'src/a.ts', line: 3, column: 5 });
  });

  it('says in words why a file cannot be read', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    const e = fileErrorOf('src/gone.ts', 'read', enoent);
    expect(e.kind).toBe('read');
    expect(e.message).toContain('src/gone.ts: cannot read: it does not exist');
    expect(e.message).toContain('Either:');
  });

  it('reports a stack overflow as too deep nesting, not as a crash', () => {
    const error = overflow();
    expect(isStackOverflow(error)).toBe(true);
    expect(fileErrorOf('src/deep.ts', 'parse', error)).toMatchObject({ kind: 'parse', file: 'src/deep.ts' });
    expect(fileErrorOf('src/deep.ts', 'summarize', error).message).toContain('nested too deeply to analyse');
  });

  it('reports any other failure as internal, with the stack', () => {
    const e = fileErrorOf('src/a.ts', 'summarize', new TypeError('x is undefined'));
    expect(e.kind).toBe('internal');
    expect(e.message).toContain('TypeError: x is undefined');
    expect(isStackOverflow(new RangeError('Invalid array length'))).toBe(false);
  });
});

describe('fileErrorOf for one part of a file', () => {
  it('names the part that failed and says the rest of the file was analysed', () => {
    const e = fileErrorOf('src/a.ts', 'summarize', new TypeError('x is undefined'), 'routes');
    expect(e).toMatchObject({ kind: 'internal', file: 'src/a.ts' });
    expect(e.message).toContain('failed to analyse its routes and guards; its other findings are still reported');
    expect(fileErrorOf('src/a.ts', 'summarize', overflow(), 'flow').message).toContain('nested too deeply to analyse its value flow (logs and stores)');
  });
});
