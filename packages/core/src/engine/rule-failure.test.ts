import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { ruleIds } from '../rules/index.js';
import { analyze } from './analyze.js';
import type * as TraceModule from '../flow/trace.js';

// A bug in a rule, injected: building a finding's trace throws for one file.
vi.mock('../flow/trace.js', async (importOriginal) => {
  const real = await importOriginal<typeof TraceModule>();
  return {
    ...real,
    toTrace: (...args: Parameters<typeof real.toTrace>) => {
      if (args[1] === 'src/broken.ts') throw new TypeError('injected rule bug');
      return real.toTrace(...args);
    },
  };
});

const LEAKS = `import { writeFileSync } from 'node:fs';
console.log(process.env.API_SECRET);
export function keep(token: string) { writeFileSync('./tokens.json', token); }
`;

describe('a rule that fails on one file', () => {
  it('reports that file as an internal error and still checks every other file', () => {
    const files = { 'src/broken.ts': LEAKS, 'src/healthy.ts': LEAKS };
    const inputs = Object.entries(files).map(([path, text]) => ({ path, read: () => text }));
    const result = analyze(inputs, { config: resolveConfig({}, 'test', ruleIds) });
    expect(result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual(['no-secrets-in-logs src/healthy.ts:2', 'no-file-storage-in-production src/healthy.ts:3']);
    expect(result.errors.map((e) => [e.kind, e.file])).toEqual([
      ['internal', 'src/broken.ts'],
      ['internal', 'src/broken.ts'],
    ]);
    const messages = result.errors.map((e) => e.message).sort();
    expect(messages[0]).toContain('src/broken.ts: rule no-file-storage-in-production failed on this file');
    expect(messages[1]).toContain('src/broken.ts: rule no-secrets-in-logs failed on this file');
    for (const m of messages) expect(m).toContain('its other files are still checked: TypeError: injected rule bug');
  });
});
