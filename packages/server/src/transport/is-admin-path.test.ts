import { describe, expect, it } from 'vitest';
import { isAdminPath } from './is-admin-path.js';

describe('isAdminPath', () => {
  it.each(['/admin', '/admin/', '/admin/tokens', '/admin/tokens/', '/%61dmin/tokens', '/%2561dmin/tokens', '/x/../admin/tokens', '//admin/tokens', '/ADMIN/tokens', '/./admin', '/admin%2ftokens', '/admin\\tokens'])(
    '%s is admin',
    (path) => expect(isAdminPath(path)).toBe(true),
  );

  it.each(['/', '/administrator', '/mcp', '/health', '/x/admin', '/admins/tokens', '/%E0%A4%A'])('%s is not admin', (path) => expect(isAdminPath(path)).toBe(false));
});
