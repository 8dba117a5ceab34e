import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import type { ts } from '../parse/typescript.js';
import { pathBypassOf } from './path-bypass.js';

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
  ])('%s', (code, expected) => {
    expect(bypassed(code)).toEqual(expected);
  });

  it.each([
    ["if (req.path === '/x') res.send('x');"],
    ["if (isPublic(req.path)) return next();"],
    ["if (req.path === '/x' || req.user) return next();"],
    ['if (PUBLIC.includes(req.path)) return next();'],
    ["if (req.path === '/x') return next(); else return res.sendStatus(401);"],
  ])('reads no public paths from %s', (code) => {
    expect(bypassed(code)).toBeUndefined();
  });
});
