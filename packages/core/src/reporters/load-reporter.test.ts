import { describe, expect, it } from 'vitest';
import { reporters } from './index.js';
import { loadReporter, REPORT_FORMATS } from './load-reporter.js';

describe('loadReporter', () => {
  it.each(REPORT_FORMATS)('loads the same %s reporter as the registry', async (format) => {
    expect(await loadReporter(format)).toBe(reporters[format]);
  });
});
