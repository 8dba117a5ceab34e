import { describe, expect, it } from 'vitest';
import { createScanRunner, ScanRejectedError } from './scan-runner.js';

const file = { path: 'src/app.ts', text: "import express from 'express';\nconst app = express();\napp.get('/x', (req, res) => res.send('ok'));\n" };

describe('createScanRunner', () => {
  it('scans in a worker and returns the engine result', async () => {
    const runner = createScanRunner();
    try {
      const result = await runner.scan({ files: [file] });
      expect(result).toMatchObject({ version: 1, errors: [], stats: { files: 1 } });
      const broken = await runner.scan({ files: [{ path: 'bad.ts', text: 'const = ;' }] });
      expect(broken.errors).toEqual([expect.objectContaining({ kind: 'parse', file: 'bad.ts' })]);
    } finally {
      await runner.close();
    }
  });

  it('terminates a scan over its time budget and serves the next one with a fresh worker', async () => {
    const runner = createScanRunner({ timeoutMs: 1 });
    try {
      await expect(runner.scan({ files: [file] })).rejects.toThrow(/exceeded its 1 ms time budget/);
    } finally {
      await runner.close();
    }
  });

  it('refuses jobs beyond its queue instead of piling them up', async () => {
    const runner = createScanRunner({ maxQueue: 1 });
    try {
      const jobs = [runner.scan({ files: [file] }), runner.scan({ files: [file] }), runner.scan({ files: [file] })];
      const settled = await Promise.allSettled(jobs);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(ScanRejectedError);
    } finally {
      await runner.close();
    }
  });
});
