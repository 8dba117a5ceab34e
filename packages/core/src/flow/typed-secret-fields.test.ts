import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { createNameClassifier } from './sensitive-names.js';
import { typedSecretFields } from './typed-secret-fields.js';

/** The secret field paths of the type of the first parameter of function `f` in `code`. */
function fieldsOf(code: string): string[][] {
  const sf = parseSource('a.ts', code);
  const fn = sf.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'f');
  return typedSecretFields(fn?.parameters[0]?.type, sf, createNameClassifier());
}

describe('typedSecretFields', () => {
  it.each([
    ['a type literal', 'function f(u: { email: string; password: string }) {}', [['password']]],
    ['an interface of the file', 'interface O { apiKey?: string; region: string }\nfunction f(o: O) {}', [['apiKey']]],
    ['an object type alias', 'type S = { id: string; token: string };\nfunction f(s: S) {}', [['token']]],
    ['a DTO class of the file', "class LoginDto { email!: string; password!: string; private apiKey!: string; static token = 'x'; #secret = 'y'; }\nfunction f(d: LoginDto) {}", [['password'], ['apiKey']]],
    ['a nested literal', 'function f(c: { db: { host: string; password: string } }) {}', [['db', 'password']]],
    ['number and boolean fields named like secrets', 'function f(u: { tokens: number; hasPassword: boolean; password: boolean }) {}', []],
    ['a type from elsewhere', "import type { User } from './user';\nfunction f(u: User) {}", []],
    ['no type', 'function f(u) {}', []],
    ['names that only describe a secret', 'function f(p: { passwordPolicy: object; tokenCount: number }) {}', []],
  ])('%s', (_name, code, expected) => {
    expect(fieldsOf(code)).toEqual(expected);
  });
});
