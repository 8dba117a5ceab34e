import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { failsOpen, isAndRelation, verdictCallbackOf } from './call-options.js';

/** The first call expression of `code`. */
function firstCall(code: string): ts.CallExpression {
  const sf = parseSource('a.ts', code);
  let call: ts.CallExpression | undefined;
  const find = (node: ts.Node): void => {
    if (!call && ts.isCallExpression(node)) call = node;
    else ts.forEachChild(node, find);
  };
  find(sf);
  if (!call) throw new Error('no call');
  return call;
}

describe('failsOpen', () => {
  it.each([
    ['express-jwt credentialsRequired: false', 'expressjwt({ secret: s, credentialsRequired: false })'],
    ['koa-jwt passthrough: true', 'jwt({ secret: s, passthrough: true })'],
    ['express-openid-connect authRequired: false', 'auth({ authRequired: false, secret: s })'],
    ['passport with the anonymous strategy', "passport.authenticate(['jwt', 'anonymous'], { session: false })"],
    ['passport session strategy', "passport.authenticate('session')"],
    ['options in a module-level const', 'const config = { authRequired: false, secret: s };\nauth(config);'],
    ['verifyToken arrow returning true', 'bearerAuth({ verifyToken: async (token, c) => true })'],
    ['verifyUser method returning true', 'basicAuth({ verifyUser(u, p) { console.log(u); return true; } })'],
    ['authorizer whose every answer is true', 'basicAuth({ authorizer: (u, p) => { if (u) return true; return true; } })'],
  ])('opens: %s', (_name, code) => {
    expect(failsOpen(firstCall(code))).toBe(true);
  });

  it.each([
    ['credentialsRequired: true', 'expressjwt({ secret: s, credentialsRequired: true })'],
    ['authRequired: true', 'auth({ authRequired: true, secret: s })'],
    ['passport with two real strategies', "passport.authenticate(['jwt', 'bearer'], { session: false })"],
    ['verifyToken comparing', 'bearerAuth({ verifyToken: async (token) => token === process.env.T })'],
    ['verifyUser that can refuse', 'basicAuth({ verifyUser(u, p) { if (p !== k) return false; return true; } })'],
    ['verifyUser that falls off the end', 'basicAuth({ verifyUser(u, p) { if (p === k) return true; } })'],
    ['a true answer inside a callback only', 'basicAuth({ verifyUser: (u, p) => { list.some(() => { return true; }); return check(u, p); } })'],
    ['no options', 'bearerAuth(opts)'],
    ['options in a let (it may change before use)', 'let config = { authRequired: false };\nauth(config);'],
  ])('stays closed: %s', (_name, code) => {
    expect(failsOpen(firstCall(code))).toBe(false);
  });
});

describe('isAndRelation', () => {
  it.each([
    ["fastify.auth([a, b], { relation: 'and' })", true],
    ["fastify.auth([a, b], { relation: 'or' })", false],
    ['fastify.auth([a, b])', false],
  ] as const)('%s -> %s', (code, expected) => {
    expect(isAndRelation(firstCall(code))).toBe(expected);
  });
});

describe('verdictCallbackOf', () => {
  it.each([
    ["passport.authenticate('jwt', { session: false }, (err, user) => next())", true],
    ["passport.authenticate('jwt', function (error, user, info) { next(); })", true],
    ["passport.authenticate('jwt', { session: false })", false],
    ['every((c, next) => next())', false],
    ['wrap((err) => log(err))', false],
  ] as const)('%s -> %s', (code, expected) => {
    expect(verdictCallbackOf(firstCall(code)) !== undefined).toBe(expected);
  });
});
