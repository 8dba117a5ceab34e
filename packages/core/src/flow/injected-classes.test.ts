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

describe('classes a NestJS module makes (injectedClassesOf)', () => {
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

describe('classes other DI containers make (injectedClassesOf)', () => {
  const made = (code: string) => {
    const sf = parseSource('a.ts', `import { FileStore } from './file-store';\nimport { RedisStore } from './redis-store';\n${code}`);
    return extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).news.map((n) => [n.callee, n.env]);
  };
  it.each([
    ['tsyringe register with useClass', "import { container } from 'tsyringe';\ncontainer.register('TokenStore', { useClass: FileStore });", [['FileStore', 'unknown']]],
    ['tsyringe registerSingleton', "import { container } from 'tsyringe';\ncontainer.registerSingleton('TokenStore', FileStore);", [['FileStore', 'unknown']]],
    ['inversify bind().to()', "import { Container } from 'inversify';\nconst c = new Container();\nc.bind('TokenStore').to(process.env.NODE_ENV === 'production' ? RedisStore : FileStore);", [['RedisStore', 'prod'], ['FileStore', 'nonprod']]],
    ['awilix asClass', "import { asClass, createContainer } from 'awilix';\ncreateContainer().register({ tokenStore: asClass(FileStore).singleton() });", [['FileStore', 'unknown']]],
  ])('%s', (_name, code, expected) => {
    expect(made(code)).toEqual(expected);
  });

  it('none for a register method of something else', () => {
    expect(made("import { router } from './router';\nrouter.register('x', { useClass: FileStore });")).toEqual([]);
  });
});
