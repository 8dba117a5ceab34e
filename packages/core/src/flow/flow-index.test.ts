import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { ProjectModel } from '../project/project-model.js';
import { summarizeFile } from '../summary/summarize-file.js';
import { FlowIndex, ownerKeysOf, unredacted } from './flow-index.js';
import { createNameClassifier } from './sensitive-names.js';
import type { SecretItem } from './taint.js';

const secretAt = (path: string[], container?: SecretItem['container']): SecretItem => ({ k: 'secret', label: path.join('.'), path, trace: [], ...(container && { container }) });

describe('unredacted (pino redact paths)', () => {
  it('drops a secret at a covered path, keeps the others', () => {
    const kept = unredacted([secretAt(['password']), secretAt(['token'])], ['password']);
    expect(kept.map((s) => s.label)).toEqual(['token']);
  });

  it('covers everything under a redacted object', () => {
    expect(unredacted([secretAt(['req', 'headers', 'authorization'])], ['req.headers'])).toEqual([]);
  });

  it('matches wildcards and bracket notation', () => {
    expect(unredacted([secretAt(['user', 'token'])], ['*.token'])).toEqual([]);
    expect(unredacted([secretAt(['headers', 'x-api-key'])], ['headers["x-api-key"]'])).toEqual([]);
  });

  it('never covers a secret logged as the whole first argument', () => {
    expect(unredacted([secretAt([])], ['password', '*'])).toHaveLength(1);
  });

  it('drops a whole headers object once its authorization and cookie entries are both redacted', () => {
    expect(unredacted([secretAt(['req', 'headers'], 'headers')], ['req.headers.cookie'])).toHaveLength(1);
    expect(unredacted([secretAt(['req', 'headers'], 'headers')], ['req.headers.authorization'])).toHaveLength(1);
    expect(unredacted([secretAt(['req', 'headers'], 'headers')], ['req.headers.authorization', 'req.headers.cookie'])).toEqual([]);
    expect(unredacted([secretAt(['req', 'headers'], 'headers')], ['req.headers.*'])).toEqual([]);
  });
});

describe('FlowIndex.wrapperSinks', () => {
  // Bundled code: every helper calls the next one twice, so there are 2^n paths from the top
  // helper's parameter to the log call. They are all one way of logging it.
  it('lists one sink per way a parameter is read, however many paths lead there', () => {
    const depth = 16;
    const helpers = Array.from({ length: depth }, (_, i) => `function h${i}(v) { h${i + 1}(v); h${i + 1}(v); }`);
    const text = [...helpers, `function h${depth}(v) { console.log(v); }`, 'h0(password);'].join('\n');
    const config = resolveConfig({});
    const project = new ProjectModel(new Map([['a.js', summarizeFile(parseSource('a.js', text), '', { path: 'a.js', config })]]));
    const sinks = new FlowIndex(project, createNameClassifier(config.sensitiveNames)).wrapperSinks('a.js', 'h0');
    expect(sinks.map((s) => s.param)).toEqual([0]);
    expect(ownerKeysOf(sinks[0]?.owners ?? { key: '', via: [] })).toHaveLength(depth + 1);
  });

  // A minified bundle composes the ways its helpers read their arguments level by level: one
  // function of Monaco's editor.main.js had 65,000. The first ones found are kept.
  it('keeps at most 64 ways per function', () => {
    const reads = Array.from({ length: 100 }, (_, i) => `console.log(v.f${i});`).join(' ');
    const text = `function logAll(v) { ${reads} }\nlogAll({ f0: password });`;
    const config = resolveConfig({});
    const project = new ProjectModel(new Map([['a.js', summarizeFile(parseSource('a.js', text), '', { path: 'a.js', config })]]));
    const sinks = new FlowIndex(project, createNameClassifier(config.sensitiveNames)).wrapperSinks('a.js', 'logAll');
    expect(sinks).toHaveLength(64);
    expect(sinks[0]?.accesses[0]?.proj).toEqual(['f0']);
  });
});
