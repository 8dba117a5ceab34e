import { describe, expect, it } from 'vitest';
import { scanFiles } from './scan-files.js';

const file = { path: 'src/a.ts', text: `export function f(pin: string) { audit(pin); }\n` };

describe('scanFiles config', () => {
  it('applies the options of each call, also when an earlier call had other options', () => {
    const scan = (loggers: string[]) => scanFiles({ files: [file], config: { loggers, sensitiveNames: { add: ['pin'] } } }).findings.length;
    expect(scan(['audit'])).toBe(1);
    expect(scan([])).toBe(0);
    expect(scan(['audit'])).toBe(1);
  });

  it('rejects an invalid config on every call', () => {
    for (let i = 0; i < 2; i++) expect(() => scanFiles({ files: [file], config: { loggers: 'audit' } as never })).toThrow(/loggers/);
  });
});
