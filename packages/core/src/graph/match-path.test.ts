import { describe, expect, it } from 'vitest';
import { coversPath, joinPaths, type PathPattern } from './match-path.js';

const hono = (path: string): PathPattern => ({ path, mode: 'hono', caseSensitive: true });
const prefix = (path: string): PathPattern => ({ path, mode: 'prefix', caseSensitive: false });
const exact = (path: string): PathPattern => ({ path, mode: 'exact', caseSensitive: false });

describe('coversPath', () => {
  it.each([
    [hono('/admin/*'), '/admin', true],
    [hono('/admin/*'), '/admin/users/:id', true],
    [hono('/admin'), '/admin', true],
    [hono('/admin'), '/admin/users', false],
    [hono('/Admin/*'), '/admin/users', false],
    [hono('/admin/:section'), '/admin/users', true],
    [hono('/admin/users'), '/admin/:id', false],
    [hono('*'), '/anything/at/all', true],
    [hono('/admin*'), '/admin/users', true],
    [hono('/admin*'), '/administrator', true],
    [hono('/admin*'), '/api', false],
    [prefix('/admin'), '/admin', true],
    [prefix('/admin'), '/admin/users/:id', true],
    [prefix('/ADMIN'), '/admin/users', true],
    [prefix('/admin'), '/administrator', false],
    [prefix('/'), '/admin', true],
    [exact('/admin/{*splat}'), '/admin', true],
    [exact('/admin/*splat'), '/admin/users', true],
    [exact('/admin/(.*)'), '/admin/users', true],
    [exact('/admin/(.*)'), '/admin', false],
    [exact('/admin/users'), '/admin/users/7', false],
    [exact('/admin*'), '/admin', true],
    [exact('/admin*'), '/admin/users/:id', true],
    [exact('/admin*splat'), '/administrator', true],
    [exact('/admin{*splat}'), '/admin/users', true],
    [exact('/admin*'), '/api/admin', false],
    [exact('/api/admin*'), '/api/:section', false],
    [{ path: undefined, mode: 'prefix', caseSensitive: false } as PathPattern, '/x', true],
  ])('%o covers %s: %s', (pattern, route, expected) => {
    expect(coversPath(pattern, route)).toBe(expected);
  });
});

describe('joinPaths', () => {
  it.each([
    ['', '/admin', '/admin'],
    ['/api', 'admin', '/api/admin'],
    ['/api/', '/admin/', '/api/admin'],
    ['/admin', '', '/admin'],
    ['', '', '/'],
    ['//a', '//b', '/a/b'],
  ])('%s + %s = %s', (a, b, expected) => {
    expect(joinPaths(a, b)).toBe(expected);
  });
});
