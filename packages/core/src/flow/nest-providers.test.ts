import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

const HEAD = "import { Module } from '@nestjs/common';\nimport { FileStore } from './file-store';\nimport { RedisStore } from './redis-store';\nclass Service {}\n";

/** The classes recorded as made by the `@Module` of `code`, with where each is chosen. */
function madeOf(code: string): Array<[string, string]> {
  const sf = parseSource('a.ts', `${HEAD}${code}`);
  return extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).news.map((n) => [n.callee, n.env]);
}

describe('classes a NestJS module makes (nestProvidedClasses)', () => {
  it.each([
    ['listed providers', '@Module({ providers: [Service, FileStore] }) export class M {}', [['Service', 'unknown'], ['FileStore', 'unknown']]],
    ['useClass chosen by NODE_ENV', "@Module({ providers: [{ provide: 'S', useClass: process.env.NODE_ENV === 'production' ? RedisStore : FileStore }] }) export class M {}", [['RedisStore', 'prod'], ['FileStore', 'nonprod']]],
    ['useClass chosen by configuration', "@Module({ providers: [{ provide: 'S', useClass: process.env.STORE === 'redis' ? RedisStore : FileStore }] }) export class M {}", [['RedisStore', 'unknown'], ['FileStore', 'unknown']]],
  ])('%s', (_name, code, expected) => {
    expect(madeOf(code)).toEqual(expected);
  });

  it.each([
    ['a Module from another package', "import { Module as M2 } from 'other';\n@M2({ providers: [FileStore] }) export class M {}"],
    ['a value provider', "@Module({ providers: [{ provide: 'S', useValue: {} }] }) export class M {}"],
    ['a factory provider', "@Module({ providers: [{ provide: 'S', useFactory: () => ({}) }] }) export class M {}"],
  ])('none for %s', (_name, code) => {
    expect(madeOf(code)).toEqual([]);
  });
});
