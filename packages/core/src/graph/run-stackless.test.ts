import { describe, expect, it } from 'vitest';
import { runStackless, type Stackless } from './run-stackless.js';

/** Sums 1..n by "recursing" n levels deep. */
function* sumTo(n: number): Stackless<number> {
  if (n === 0) return 0;
  const rest = yield sumTo(n - 1);
  return n + rest;
}

describe('runStackless', () => {
  it('passes each sub-computation result back to its parent', () => {
    expect(runStackless(sumTo(10), 100, -1)).toBe(55);
  });

  it('runs chains far deeper than the call stack allows for recursion', () => {
    expect(runStackless(sumTo(200_000), 1_000_000, -1)).toBe(200_000 * 200_001 / 2);
  });

  it('answers tooDeep for a sub-computation past maxDepth instead of starting it', () => {
    // Depth 3 reached: sumTo(7) gets -1 for sumTo(6), so the sum is 10 + 9 + 8 + 7 - 1.
    expect(runStackless(sumTo(10), 3, -1)).toBe(33);
  });

  it('runs several sub-computations of one parent in order', () => {
    function* pair(): Stackless<string> {
      const a = yield leaf('a');
      const b = yield leaf('b');
      return a + b;
    }
    function* leaf(s: string): Stackless<string> {
      // A leaf that still asks for one sub-computation: the empty string.
      const empty = yield nothing();
      return s + empty;
    }
    // eslint-disable-next-line require-yield -- a leaf computation: it returns without asking for more.
    function* nothing(): Stackless<string> {
      return '';
    }
    expect(runStackless(pair(), 10, '?')).toBe('ab');
  });
});
