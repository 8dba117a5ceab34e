import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../tests/corpus.js';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractRouteFacts } from './route-facts.js';

// Summaries are cached as JSON and the rules run on cache hits without any syntax tree, so route
// facts must be plain data that survives a round trip unchanged.
describe('route facts are plain JSON', () => {
  const config = resolveConfig({});
  const files = loadCorpus()
    .filter((c) => c.ruleId === 'no-unprotected-admin-route')
    .flatMap((c) => c.files.map((f) => ({ name: `${c.name}/${f.path}`, ...f })));

  it('covers the corpus files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const facts = extractRouteFacts(parseSource(f.path, f.text), { path: f.path, config });
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
  });
});
