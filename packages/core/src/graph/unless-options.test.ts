import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { collectExceptionLists, unlessOptionsOf, type UnlessOptions } from './unless-options.js';

/** The argument of the `.unless(...)` call in `code`. */
function unlessArgument(code: string): ts.Expression | undefined {
  const sf = parseSource('a.ts', code);
  let arg: ts.Expression | undefined;
  const find = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'unless') arg = node.arguments[0];
    else ts.forEachChild(node, find);
  };
  find(sf);
  return arg;
}

describe('unlessOptionsOf', () => {
  it.each<[string, string, UnlessOptions]>([
    ['string list', `jwt(o).unless({ path: ['/login', '/health'] })`, { exceptions: [{ path: { parts: ['/login'] } }, { path: { parts: ['/health'] } }] }],
    ['one string', `jwt(o).unless({ path: '/health' })`, { exceptions: [{ path: { parts: ['/health'] } }] }],
    ['regular expression', `jwt(o).unless({ path: [/^\\/public/i] })`, { exceptions: [{ regex: '^\\/public', flags: 'i' }] }],
    ['url and methods object', `jwt(o).unless({ path: [{ url: '/admin/x', methods: ['GET', 'HEAD'] }] })`, { exceptions: [{ path: { parts: ['/admin/x'] }, methods: ['GET', 'HEAD'] }] }],
    ['url object with one method', `jwt(o).unless({ path: [{ url: /^\\/a/, methods: 'GET' }] })`, { exceptions: [{ regex: '^\\/a', flags: '', methods: ['GET'] }] }],
    ['constant reference', `auth.unless({ path: [PUBLIC] })`, { exceptions: [{ path: { parts: [{ ref: 'PUBLIC' }] } }] }],
    ['method on every path', `auth.unless({ method: 'OPTIONS' })`, { exceptMethods: ['options'] }],
    ['unreadable methods drop the exception', `auth.unless({ path: [{ url: '/admin', methods: list }] })`, {}],
    // A list constant is no string constant: resolving the reference fails and drops it (excepts-request).
    ['one variable is a reference', `auth.unless({ path: publicPaths })`, { exceptions: [{ path: { parts: [{ ref: 'publicPaths' }] } }] }],
    ['paths relative to the mount are not read', `auth.unless({ path: ['/admin'], useOriginalUrl: false })`, {}],
    // Options declared elsewhere (imported): their path list, for the graph to resolve or drop.
    ['options in a variable not declared here', `auth.unless(options)`, { exceptions: [{ path: { parts: [{ ref: 'options.path' }] } }] }],
    ['options in a member of a config object', `auth.unless(config.auth)`, { exceptions: [{ path: { parts: [{ ref: 'config.auth.path' }] } }] }],
    ['options made by a call are not read', `auth.unless(makeOptions())`, {}],
    ['url object with method (singular)', `jwt(o).unless({ path: [{ url: '/admin/x', method: 'GET' }] })`, { exceptions: [{ path: { parts: ['/admin/x'] }, methods: ['GET'] }] }],
    ['new RegExp of literal text', `jwt(o).unless({ path: [new RegExp('^/public', 'i')] })`, { exceptions: [{ regex: '^/public', flags: 'i' }] }],
    ['new RegExp of a computed source is not read', `jwt(o).unless({ path: [new RegExp(prefix)] })`, {}],
    ['options in a module-level const', `const options = { path: ['/health'] };\nauth.unless(options)`, { exceptions: [{ path: { parts: ['/health'] } }] }],
    ['a module-level const list', `const PUBLIC = ['/health', /^\\/docs/];\nauth.unless({ path: PUBLIC })`, { exceptions: [{ path: { parts: ['/health'] } }, { regex: '^\\/docs', flags: '' }] }],
    ['a let list is not followed', `let PUBLIC = ['/health'];\nauth.unless({ path: PUBLIC })`, { exceptions: [{ path: { parts: [{ ref: 'PUBLIC' }] } }] }],
    ['no options', `auth.unless()`, {}],
  ])('%s', (_name, code, expected) => {
    expect(unlessOptionsOf(unlessArgument(code))).toEqual(expected);
  });
});

describe('collectExceptionLists', () => {
  it('keeps module-level lists with a RegExp or url entry, by the names path constants get', () => {
    const sf = parseSource(
      'a.ts',
      [
        "export const STRINGS = ['/login'];",
        "export const OPEN = ['/login', /^\\/docs/, { url: '/status', methods: ['GET'] }];",
        "export const authOptions = { path: [new RegExp('^/public')] };",
        'module.exports = { UNPROTECTED: [/^\\/x/] };',
      ].join('\n'),
    );
    expect(collectExceptionLists(sf)).toEqual({
      OPEN: [{ path: { parts: ['/login'] } }, { regex: '^\\/docs', flags: '' }, { path: { parts: ['/status'] }, methods: ['GET'] }],
      'authOptions.path': [{ regex: '^/public', flags: '' }],
      'default.UNPROTECTED': [{ regex: '^\\/x', flags: '' }],
    });
  });
});
