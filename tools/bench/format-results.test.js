import { describe, expect, it } from 'vitest';
import { formatResults } from './format-results.js';

const base = {
  corpus: { lines: 520_000, hash: '0123456789abcdef' },
  runs: 3,
  seed: '7',
  parse: { ms: 4000, cpuMs: 5000, maxRssMb: 170, files: 10, runsMs: [3900, 4000, 4100] },
  full: { ms: 8000, cpuMs: 9000, maxRssMb: 230, files: 10, runsMs: [8000], findingsByRule: { a: 2 }, errors: 0, firstErrors: [] },
  eslint: { ms: 60_000, cpuMs: 54_000, maxRssMb: 700, files: 10, messages: 5, fatal: 0 },
  staged: { coldMs: 9000, files: 10, warm: { ms: 450, cpuMs: 400, maxRssMb: 200 } },
  planted: { byRule: { a: { planted: 3, found: 2 } }, unplanted: ['a x.ts:1'] },
};

/** The cells of the table row whose first cell is `name`. */
function row(report, name) {
  const line = report.split('\n').find((l) => l.startsWith(`| ${name} `)) ?? '';
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

describe('benchmark report', () => {
  it('computes each ratio from the measurements, on wall and CPU time', () => {
    const report = formatResults(base);
    expect(row(report, 'full / parse-only (wall)')).toEqual(['full / parse-only (wall)', '2.00', '<= 2.00']);
    expect(row(report, 'full / parse-only (CPU)')[1]).toBe('1.80');
    expect(row(report, 'eslint+security / full (wall)')[1]).toBe('7.50');
    expect(row(report, 'eslint+security / full (CPU)')[1]).toBe('6.00');
    expect(row(report, 'warm staged (10 files, CPU)')[1]).toBe('400 ms');
  });

  it('reports the bundled modules, and how their times scale with their sizes', () => {
    const bundles = { small: { mb: 1, ms: 1000, cpuMs: 1200, maxRssMb: 90, files: 1 }, large: { mb: 4, ms: 4100, cpuMs: 4800, maxRssMb: 200, files: 1 } };
    const report = formatResults({ ...base, bundles });
    expect(row(report, '(e) one 4 MB module, full scan')).toEqual(['(e) one 4 MB module, full scan', '4.10 s', '4.80 s', '200 MB', '1']);
    expect(row(report, '4 MB module / 1 MB module (CPU)')).toEqual(['4 MB module / 1 MB module (CPU)', '4.00', '<= 5.00 (linear)']);
    expect(formatResults(base)).not.toContain('MB module');
  });

  it('renders Markdown tables with a separator under each header', () => {
    const lines = formatResults(base).split('\n');
    const headers = lines.flatMap((l, i) => (l.startsWith('| measurement') || l.startsWith('| ratio') ? [i] : []));
    expect(headers).toHaveLength(2);
    for (const i of headers) expect(lines[i + 1]).toMatch(/^\| -+ \|( -+ \|)+$/);
  });

  it('says what was skipped or failed instead of inventing numbers', () => {
    const report = formatResults({ ...base, eslint: undefined, staged: { error: 'CLI not built (x)' } });
    expect(row(report, '(c) eslint + security')[1]).toBe('skipped');
    expect(row(report, '(d) staged 10 files, warm')[1]).toBe('failed: CLI not built (x)');
    expect(row(report, 'eslint+security / full (CPU)')[1]).toBe('n/a');
    expect(report).toContain('Planted violations found by the full scan: a 2/3.');
    expect(report).toContain('Findings that were not planted: 1 (first: a x.ts:1).');
  });
});
