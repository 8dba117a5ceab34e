import { describe, expect, it, vi } from 'vitest';
import type { FileSummary } from '../summary/file-summary.js';
import { noCache, type SummaryCache } from '../cache/summary-cache.js';
import { resolveConfig } from '../config/config.js';
import { ruleIds } from '../rules/index.js';
import { analyze } from './analyze.js';
import type * as FlowFactsModule from '../flow/flow-facts.js';

// A bug in one extractor, injected: the value-flow extractor throws on a file that mentions
// `explode`, as the `this`-in-a-top-level-arrow bug once did on real code.
vi.mock('../flow/flow-facts.js', async (importOriginal) => {
  const real = await importOriginal<typeof FlowFactsModule>();
  return {
    ...real,
    extractFlowFacts: (...args: Parameters<typeof real.extractFlowFacts>) => {
      if (args[0].text.includes('explode')) throw new TypeError('injected extractor bug');
      return real.extractFlowFacts(...args);
    },
  };
});

const BROKEN = `import express from 'express';
const app = express();
app.delete('/admin/users/:id', (req, res) => res.send('gone'));
// shiftguard-ignore-next-line no-secrets-in-logs
console.log(process.env.API_SECRET, 'explode');
export default app;
`;
const HEALTHY = `console.log(process.env.API_SECRET);\n`;

function scan(cache: SummaryCache = noCache) {
  const files = { 'src/app.ts': BROKEN, 'src/other.ts': HEALTHY };
  const inputs = Object.entries(files).map(([path, text]) => ({ path, read: () => text }));
  return analyze(inputs, { config: resolveConfig({}, 'test', ruleIds), cache });
}

describe('a failing extractor', () => {
  it('costs only its own part of the file: the routes, the suppressions and the other files are still analysed', () => {
    const result = scan();
    // The reason-less suppression comment is reported: the suppressions part was still read.
    expect(result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([
      'no-unprotected-admin-route src/app.ts:3',
      'invalid-suppression src/app.ts:4',
      'no-secrets-in-logs src/other.ts:1',
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ kind: 'internal', file: 'src/app.ts' });
    expect(result.errors[0]?.message).toContain('failed to analyse its value flow (logs and stores); its other findings are still reported');
    expect(result.errors[0]?.message).toContain('TypeError: injected extractor bug');
  });

  it('leaves the file out of the cache, so the next scan tries it again and reports it again', () => {
    const cached: string[] = [];
    const recording: SummaryCache = { ...noCache, set: (summary: FileSummary) => void cached.push(summary.path) };
    scan(recording);
    expect(cached).toEqual(['src/other.ts']);
  });
});
