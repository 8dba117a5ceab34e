import { describe, expect, it } from 'vitest';
import { scanFiles } from '../src/scan-files.js';
import { findingKeys, loadCorpus } from './corpus.js';

const corpus = loadCorpus();

describe('labelled fixture corpus', () => {
  it('has cases', () => {
    expect(corpus.length).toBeGreaterThan(0);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = scanFiles({ files: c.files, configFiles: c.configFiles, config: c.config });
    expect(result.errors).toEqual([]);
    expect(findingKeys(result.findings)).toEqual(findingKeys(c.expected));
    if (c.naive) expect(c.expected).toEqual([]);
  });
});
