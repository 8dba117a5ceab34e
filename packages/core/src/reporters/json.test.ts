import { describe, expect, it } from 'vitest';
import { sampleScanResult } from '../../tests/support/sample-scan-result.js';
import json from './json.js';

describe('json reporter', () => {
  it('prints exactly the versioned shape, findings sorted by file and line', () => {
    const withExtra = { ...sampleScanResult(), stats: { files: 3, durationMs: 12, cacheHits: 2 } };
    const out = JSON.parse(json(withExtra, {})) as Record<string, unknown> & { findings: Array<{ file: string }>; stats: object };
    expect(Object.keys(out)).toEqual(['version', 'findings', 'errors', 'suppressed', 'stats']);
    expect(out.version).toBe(1);
    expect(out.stats).toEqual({ files: 3, durationMs: 12 });
    expect(out.findings.map((f) => f.file)).toEqual(['src/app.ts', 'src/z.ts']);
    expect(out.errors).toEqual(sampleScanResult().errors);
  });
});
