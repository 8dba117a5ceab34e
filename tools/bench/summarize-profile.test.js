import { describe, expect, it } from 'vitest';
import { summarizeProfile } from './summarize-profile.js';

const frame = (functionName, url = '/repo/packages/core/dist/x.js', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('summarizeProfile', () => {
  // main -> walk -> walk (recursion) -> parse (a package), and main -> report
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('main'), children: [2, 5] },
      { id: 2, callFrame: frame('walk', '/repo/packages/core/dist/x.js', 9), children: [3] },
      { id: 3, callFrame: frame('walk', '/repo/packages/core/dist/x.js', 9), children: [4] },
      { id: 4, callFrame: frame('parse', '/repo/node_modules/typescript/lib/typescript.js', 99) },
      { id: 5, callFrame: frame('report') },
    ],
    samples: [4, 4, 3, 5],
    timeDeltas: [1000, 1000, 2000, 4000],
  };

  it('sums self time per function and inclusive time once per sample despite recursion', () => {
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(8);
    expect(summary.self).toEqual([
      { name: 'report packages/core/dist/x.js:1', ms: 4 },
      { name: 'parse typescript/lib/typescript.js:100', ms: 2 },
      { name: 'walk packages/core/dist/x.js:10', ms: 2 },
    ]);
    expect(summary.inclusive).toEqual([
      { name: 'main packages/core/dist/x.js:1', ms: 8 },
      { name: 'report packages/core/dist/x.js:1', ms: 4 },
      { name: 'walk packages/core/dist/x.js:10', ms: 4 },
    ]);
  });
});
