import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

const CLASSES = 'class FileStore { save(t: string) { return t; } } class RedisStore {}';

/** The classes recorded as made by the `new` calls of `code`, with where each is chosen. */
function madeOf(code: string): Array<[string, string]> {
  const sf = parseSource('a.ts', `${CLASSES}\n${code}`);
  return extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).news.map((n) => [n.callee, n.env]);
}

describe('classes chosen before they are made (chosenClassesOf)', () => {
  it.each([
    ['a ternary on NODE_ENV', "const Store = process.env.NODE_ENV === 'production' ? RedisStore : FileStore; new Store();", [['RedisStore', 'prod'], ['FileStore', 'nonprod']]],
    ['a ternary on configuration', "const Store = process.env.STORE === 'redis' ? RedisStore : FileStore; new Store();", [['RedisStore', 'unknown'], ['FileStore', 'unknown']]],
    ['a fallback', 'const Store = (globalThis as any).Store ?? FileStore; new Store();', [['FileStore', 'unknown']]],
    ['a table indexed by configuration', "const stores = { file: FileStore, redis: RedisStore }; new stores[process.env.STORE ?? 'file']();", [['FileStore', 'unknown'], ['RedisStore', 'unknown']]],
    ['a shorthand table', 'const stores = { FileStore }; new stores[kind]();', [['FileStore', 'unknown']]],
    ['the new itself guarded', "const Store = process.env.STORE === 'redis' ? RedisStore : FileStore; if (process.env.NODE_ENV !== 'production') new Store();", [['RedisStore', 'nonprod'], ['FileStore', 'nonprod']]],
  ])('%s', (_name, code, expected) => {
    expect(madeOf(code)).toEqual(expected);
  });

  it.each([
    ['a let that may be reassigned', 'let Store = FileStore; Store = pick(); new Store();'],
    ['a package class in the choice', "import { Hono } from 'hono'; const App = flag ? Hono : Hono; new App();"],
    ['a call result', 'const Store = pick(); new Store();'],
  ])('none for %s', (_name, code) => {
    expect(madeOf(code)).toEqual([]);
  });
});
