import { describe, expect, it } from 'vitest';
import { capturesParam } from './param-callback.js';

describe('capturesParam', () => {
  const tenant = { name: 'tenant', from: 0, depth: 0 };
  it.each([
    ['a route on the router that captures it', tenant, '/:tenant/admin/settings', [], true],
    ['a sub-router mounted at a path that captures it', tenant, '/:tenant/admin/users', ['/:tenant/admin'], true],
    ['a sub-router whose own route captures it', tenant, '/x/:tenant/admin', ['/x'], false],
    ['a route capturing another parameter', tenant, '/:org/admin', [], false],
    ['a parameter with a pattern and an optional one', tenant, '/:tenant(\\w+)/admin', [], true],
    ['a parameter whose name only starts the same', tenant, '/:tenantId/admin', [], false],
    ['the part before the router mount', { name: 'tenant', from: 1, depth: 1 }, '/:tenant/admin/users', ['/:tenant'], false],
  ])('%s', (_name, callback, path, mounts, expected) => {
    expect(capturesParam(callback, path, mounts)).toBe(expected);
  });
});
