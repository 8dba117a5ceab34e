import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import type { ts } from '../parse/typescript.js';
import { ts as tsApi } from '../parse/typescript.js';
import { checkOutsidePathsOf, conditionalBypassOf, pathBypassOf } from './path-bypass.js';

/** The paths the last statement of `code` lets through, read as the guard `(req, res, next)` would. */
function bypassed(code: string) {
  const statements = parseSource('a.ts', code).statements;
  return pathBypassOf(statements[statements.length - 1] as ts.Statement, 'next', ['req', 'res', 'next', 'c', 'ctx'], false);
}

describe('pathBypassOf', () => {
  it.each([
    ["if (req.path === '/admin/metrics') return next();", [{ path: { parts: ['/admin/metrics'] } }]],
    ["if (c.req.path === '/health' || c.req.path.startsWith('/public/')) return next();", [{ path: { parts: ['/health'] } }, { regex: '^\\/public\\/', flags: '' }]],
    ["if (['/a', '/b'].includes(ctx.path)) { next(); return; }", [{ path: { parts: ['/a'] } }, { path: { parts: ['/b'] } }]],
    ["const PUBLIC = ['/login'];\nif (PUBLIC.includes(req.originalUrl)) return next();", [{ path: { parts: ['/login'] } }]],
    ["if (req.path === '/x') return next(); else return res.sendStatus(401);", [{ path: { parts: ['/x'] } }]],
    ["if ('/x' === req.path) { return next(); } else { return auth(req, res, next); }", [{ path: { parts: ['/x'] } }]],
    // A list the guard does not declare (imported, a config member): a reference for the graph to resolve.
    ['if (PUBLIC.includes(req.path)) return next();', [{ path: { parts: [{ ref: 'PUBLIC' }] } }]],
    ['if (config.publicPaths.includes(req.path)) return next();', [{ path: { parts: [{ ref: 'config.publicPaths' }] } }]],
    ['if (PUBLIC.some((p) => req.path.startsWith(p))) return next();', [{ path: { parts: [{ ref: 'PUBLIC' }] }, prefix: true }]],
    ["const PUBLIC = new Set(['/login']);\nif (PUBLIC.has(req.path)) return next();", [{ path: { parts: ['/login'] } }]],
    ["const PUBLIC = ['/login'];\nif (PUBLIC.indexOf(req.path) !== -1) return next();", [{ path: { parts: ['/login'] } }]],
    ["const PUBLIC = ['/login'];\nif (PUBLIC.indexOf(req.path) >= 0) return next();", [{ path: { parts: ['/login'] } }]],
    ["const PUBLIC = ['/public/', /^\\/docs/];\nif (PUBLIC.some(function (p) { return req.path.startsWith(p); })) return next();", [{ path: { parts: ['/public/'] }, prefix: true }, { regex: '^\\/docs', flags: '' }]],
    ["const PUBLIC = ['/login'];\nif (PUBLIC.some((p) => p === req.path)) return next();", [{ path: { parts: ['/login'] } }]],
    ["const PUBLIC = [/^\\/login$/];\nif (PUBLIC.some((r) => r.test(req.path))) return next();", [{ regex: '^\\/login$', flags: '' }]],
    ["const PUBLIC = ['/login'];\nconst isPublic = PUBLIC.includes(req.path);\nif (isPublic) return next();", [{ path: { parts: ['/login'] } }]],
    ["const { path } = req;\nif (path === '/login') return next();", [{ path: { parts: ['/login'] } }]],
    ["const url = req.originalUrl;\nif (url.startsWith('/public/')) return next();", [{ regex: '^\\/public\\/', flags: '' }]],
    ["if (/^\\/public\\//i.test(req.path)) return next();", [{ regex: '^\\/public\\/', flags: 'i' }]],
    ["if (req.path.match(/^\\/public/)) return next();", [{ regex: '^\\/public', flags: '' }]],
    ['if (req.path.startsWith(PUBLIC_PREFIX)) return next();', [{ path: { parts: [{ ref: 'PUBLIC_PREFIX' }] }, prefix: true }]],
    // Negated: every path but the tested ones goes through.
    ["if (!req.path.startsWith('/api/')) return next();", [{ regex: '^(?!(?:\\/api\\/))', flags: '', outside: true }]],
    ["if (!['/a', '/b'].includes(req.path)) return next();", [{ regex: '^(?!(?:\\/a/?$|\\/b/?$))', flags: '', outside: true }]],
    ["if (req.path.endsWith('/health')) return next();", [{ regex: '\\/health$', flags: '' }]],
    ["if (req.path.includes('/public/')) return next();", [{ regex: '\\/public\\/', flags: '' }]],
    ["if (req.path === '/x') { next(); } else { check(req, res, next); }", [{ path: { parts: ['/x'] } }]],
    // A helper of the file that returns a path test, given the path or the request.
    ["function isPublic(p) { return ['/login'].includes(p); }\nif (isPublic(req.path)) return next();", [{ path: { parts: ['/login'] } }]],
    ["const isPublic = (r) => r.path.startsWith('/public/');\nif (isPublic(req)) return next();", [{ regex: '^\\/public\\/', flags: '' }]],
  ])('%s', (code, expected) => {
    expect(bypassed(code)).toEqual(expected);
  });

  it.each([
    ["if (req.path === '/x') res.send('x');"],
    ["if (isPublic(req.path)) return next();"],
    ["if (req.path === '/x' || req.user) return next();"],
    ['if (path === req.path) return next();'],
    // A parameter of the guard itself is no list the rule can read.
    ['if (res.includes(req.path)) return next();'],
    ["const PUBLIC = ['/login'];\nif (PUBLIC.some((p) => p.length > 3)) return next();"],
    ["const PUBLIC = ['/login'];\nif (PUBLIC.indexOf(req.path) === -1) return next();"],
    ["const PUBLIC = [...BASE, '/login'];\nif (PUBLIC.includes(req.path)) return next();"],
    ['const isPublic = req.user;\nif (isPublic) return next();'],
    ["const { user } = req;\nif (user === '/login') return next();"],
    ["function isTrusted(r) { return r.ip === '127.0.0.1'; }\nif (isTrusted(req)) return next();"],
    // Without an else, a then-branch that calls next() and falls through runs the code after it too.
    ["if (req.path === '/x') { next(); }"],
    // A negated test that matches anywhere, or names a list the rule reads later, cannot be turned around.
    ["if (!req.path.includes('/api/')) return next();"],
    ['if (!PUBLIC.includes(req.path)) return next();'],
    ["function isPublic(p) { log(p); return p === '/x'; }\nif (isPublic(req.path)) return next();"],
    ["function isPublic(p) { return p === '/x'; }\nif (isPublic(other)) return next();"],
  ])('reads no public paths from %s', (code) => {
    expect(bypassed(code)).toBeUndefined();
  });
});

/** The factory `unless(path, paths, mw)`: its parameters by id, as judgeFunction's context gives them. */
const factoryParamOf = (name: string) => (['path', 'paths'].includes(name) ? `unless@0#${name === 'path' ? 0 : 1}` : undefined);

describe('pathBypassOf: a factory parameter', () => {
  it.each([
    ['if (path === req.path) return next();', [{ param: 'unless@0#0' }]],
    ['if (paths.includes(req.path)) { return next(); } else { return mw(req, res, next); }', [{ param: 'unless@0#1' }]],
    ["if (req.path === path || req.path === '/health') return next();", [{ param: 'unless@0#0' }, { path: { parts: ['/health'] } }]],
    ['if (other === req.path) return next();', undefined],
  ])('%s', (code, expected) => {
    const statements = parseSource('a.ts', code).statements;
    expect(pathBypassOf(statements[0] as ts.Statement, 'next', ['req', 'res', 'next'], false, factoryParamOf)).toEqual(expected);
  });
});

describe('conditionalBypassOf', () => {
  const read = (code: string) => {
    const stmt = parseSource('a.ts', code).statements[0];
    if (!stmt || !tsApi.isExpressionStatement(stmt)) throw new Error('no expression');
    const bypass = conditionalBypassOf(stmt.expression, 'next', ['req', 'res', 'next'], factoryParamOf);
    return bypass && { paths: bypass.paths, rest: bypass.rest.getText() };
  };

  it.each([
    ['(path === req.path ? next() : mw(req, res, next));', { paths: [{ param: 'unless@0#0' }], rest: 'mw(req, res, next)' }],
    ["['/a'].includes(req.path) ? next() : mw(req, res, next);", { paths: [{ path: { parts: ['/a'] } }], rest: 'mw(req, res, next)' }],
    ['path === req.path ? mw(req, res, next) : next();', undefined],
    ['req.user ? next() : mw(req, res, next);', undefined],
    ['mw(req, res, next);', undefined],
  ])('%s', (code, expected) => {
    expect(read(code)).toEqual(expected);
  });
});

describe('checkOutsidePathsOf', () => {
  const read = (code: string) => {
    const statements = parseSource('a.ts', code).statements;
    const found = checkOutsidePathsOf(statements[statements.length - 1] as ts.Statement, 'next', ['req', 'res', 'next']);
    return found && { paths: found.paths, check: found.check.getText() };
  };
  it.each([
    ["if (!['/login'].includes(req.path)) { verify(req); }", { paths: [{ path: { parts: ['/login'] } }], check: '{ verify(req); }' }],
    ["if (!req.path.startsWith('/public/')) auth(req, res, next);", { paths: [{ regex: '^\\/public\\/', flags: '' }], check: 'auth(req, res, next);' }],
    // A check scoped to one subtree: every other path goes through.
    ["if (req.path.startsWith('/admin')) { verify(req); }", { paths: [{ regex: '^(?!(?:\\/admin))', flags: '', outside: true }], check: '{ verify(req); }' }],
    ["if (req.path === '/admin') { verify(req); }", { paths: [{ regex: '^(?!(?:\\/admin/?$))', flags: '', outside: true }], check: '{ verify(req); }' }],
    ["if (req.path.startsWith('/admin') && !req.user) return res.sendStatus(401);", { paths: [{ regex: '^(?!(?:\\/admin))', flags: '', outside: true }], check: "if (req.path.startsWith('/admin') && !req.user) return res.sendStatus(401);" }],
    // A test that is not anchored, or not of the path, scopes nothing that can be turned around.
    ["if (req.path.includes('/admin')) { verify(req); }", undefined],
    ["if (req.method === 'POST') { verify(req); }", undefined],
    ["if (req.user && !req.user.isAdmin) return res.sendStatus(403);", undefined],
    ["if (!['/login'].includes(req.path)) { verify(req); } else { other(); }", undefined],
    ['if (!req.user) { res.sendStatus(401); }', undefined],
    // Passing on is no check: the paths outside the test go through (pathBypassOf).
    ["if (!req.path.startsWith('/api')) return next();", undefined],
    ["if (!['/login'].includes(req.path)) { next(); return; }", undefined],
  ])('%s', (code, expected) => {
    expect(read(code)).toEqual(expected);
  });
});
