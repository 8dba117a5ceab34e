import { describe, expect, it } from 'vitest';
import { exceptsRequest, resolveExceptions, type ResolvedException } from './excepts-request.js';
import type { RequestException } from './unless-options.js';

const literal = (x: RequestException): ResolvedException[] => resolveExceptions([x], (p) => [p.parts.map((part) => (typeof part === 'string' ? part : ':ref')).join('')]);

describe('exceptsRequest', () => {
  it.each<[string, RequestException, string, string[]]>([
    ['the same path', { path: { parts: ['/internal/flags'] } }, '/internal/flags', ['get']],
    ['a trailing slash', { path: { parts: ['/internal/flags/'] } }, '/internal/flags', ['get']],
    ['another case (Express routes ignore it)', { path: { parts: ['/Admin/Stats'] } }, '/admin/stats', ['get']],
    ['a value of a route parameter', { path: { parts: ['/admin/users/me'] } }, '/admin/users/:id', ['get']],
    ['a path under a wildcard route', { path: { parts: ['/admin/files/a/b'] } }, '/admin/files/*', ['get']],
    ['a prefix expression', { regex: '^\\/admin\\/reports', flags: '' }, '/admin/reports/:id/export', ['get']],
    ['an expression over parameter values', { regex: '^\\/admin\\/users\\/\\d+$', flags: '' }, '/admin/users/:id', ['delete']],
    ['the listed method', { path: { parts: ['/admin/settings'] }, methods: ['GET'] }, '/admin/settings', ['get']],
    ['a route for every method', { path: { parts: ['/admin/settings'] }, methods: ['GET'] }, '/admin/settings', ['all']],
  ])('excepts %s', (_name, exception, path, methods) => {
    expect(exceptsRequest(literal(exception), path, methods)).toBe(true);
  });

  it.each<[string, RequestException, string, string[]]>([
    ['another path', { path: { parts: ['/internal/flags'] } }, '/internal/jobs', ['get']],
    ['a parent path (strings are compared whole)', { path: { parts: ['/admin'] } }, '/admin/users', ['get']],
    ['a longer path', { path: { parts: ['/admin/users/me/keys'] } }, '/admin/users/:id', ['get']],
    ['an expression for another subtree', { regex: '^\\/public', flags: '' }, '/admin/public-keys', ['get']],
    ['another method', { path: { parts: ['/admin/settings'] }, methods: ['GET'] }, '/admin/settings', ['put']],
    ['a lower-case method (never equal to the request method)', { path: { parts: ['/admin/settings'] }, methods: ['get'] }, '/admin/settings', ['get']],
    ['an unresolved constant', { path: { parts: [{ ref: 'PUBLIC' }] } }, '/admin', ['get']],
    ['a nested quantifier', { regex: '^(\\/\\w+)+$', flags: '' }, '/admin', ['get']],
    ['an expression this Node cannot compile', { regex: '(', flags: '' }, '/admin', ['get']],
  ])('does not except %s', (_name, exception, path, methods) => {
    expect(exceptsRequest(literal(exception), path, methods)).toBe(false);
  });

  it('excepts nothing without exceptions', () => {
    expect(exceptsRequest(undefined, '/admin', ['get'])).toBe(false);
  });
});
