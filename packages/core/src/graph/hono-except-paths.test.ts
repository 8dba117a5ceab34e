import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import type { ts } from '../parse/typescript.js';
import { honoExceptPathsOf, honoPatternSource } from './hono-except-paths.js';

describe('honoPatternSource', () => {
  it.each([
    ['/admin/metrics', '/admin/metrics', true],
    ['/admin/metrics', '/admin/metrics/', true],
    ['/admin/metrics', '/admin/metrics/raw', false],
    ['/admin/exports/*', '/admin/exports', true],
    ['/admin/exports/*', '/admin/exports/:id', true],
    ['/admin/exports/*', '/admin/exports-old', false],
    ['/admin/:id/logs', '/admin/:id/logs', true],
    ['/admin*', '/administrator', true],
    ['/a.b', '/aXb', false],
    ['*', '/admin/x', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(new RegExp(honoPatternSource(pattern)).test(path)).toBe(expected);
  });
});

describe('honoExceptPathsOf', () => {
  const firstArgument = (code: string) => {
    const stmt = parseSource('a.ts', code).statements[0] as ts.ExpressionStatement;
    return (stmt.expression as ts.CallExpression).arguments[0];
  };
  it.each([
    ['one path', "except('/health', mw)", 1],
    ['a list', "except(['/health', '/public/*'], mw)", 2],
    ['a path test', 'except((c) => c.req.path === "/x" || c.req.path.startsWith("/public/"), mw)', 2],
    ['a path test in a function body', 'except(function (c) { return ["/a", "/b"].includes(c.req.path); }, mw)', 2],
    ['a negated path test', 'except((c) => !c.req.path.startsWith("/admin"), mw)', 1],
    ['a negated unreadable test', 'except((c) => !isPublic(c), mw)', undefined],
    ['a header test', 'except((c) => c.req.header("x-internal") === "1", mw)', undefined],
    ['a call', 'except(publicPaths(), mw)', undefined],
  ])('%s', (_name, code, count) => {
    expect(honoExceptPathsOf(firstArgument(code))?.length).toBe(count);
  });

  it('reads a list of a module-level const in place, and keeps another name as a reference to patterns', () => {
    const argumentOf = (code: string) => {
      const statements = parseSource('a.ts', code).statements;
      return ((statements[statements.length - 1] as ts.ExpressionStatement).expression as ts.CallExpression).arguments[0];
    };
    expect(honoExceptPathsOf(argumentOf("const OPEN = ['/health', '/public/*'];\nexcept(OPEN, mw)"))?.length).toBe(2);
    expect(honoExceptPathsOf(argumentOf('except(PUBLIC, mw)'))).toEqual([{ path: { parts: [{ ref: 'PUBLIC' }] }, hono: true }]);
  });
});

describe('honoExceptPathsOf: a negated path test exempts every other path', () => {
  const firstArgument = (code: string) => (((parseSource('a.ts', code).statements[0] as ts.ExpressionStatement).expression as ts.CallExpression).arguments[0]);
  it.each([
    ['/internal/jobs', true],
    ['/admin/users', false],
    ['/admin', false],
    ['/health', false],
    ['/healthz', true],
  ])('%s exempt: %s', (path, expected) => {
    const [x] = honoExceptPathsOf(firstArgument('except((c) => !(c.req.path.startsWith("/admin") || c.req.path === "/health"), mw)')) ?? [];
    expect(x && 'regex' in x && new RegExp(x.regex).test(path)).toBe(expected);
  });
});
