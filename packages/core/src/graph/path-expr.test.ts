import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { collectConstants, pathExprOf, referenceName } from './path-expr.js';

/** The initializer of `const x = ...` in `code`. */
function expressionOf(code: string): ts.Expression {
  const stmt = parseSource('a.ts', `const x = ${code};`).statements[0];
  if (!stmt || !ts.isVariableStatement(stmt)) throw new Error('no statement');
  const init = stmt.declarationList.declarations[0]?.initializer;
  if (!init) throw new Error('no initializer');
  return init;
}

describe('referenceName', () => {
  it.each([
    ['API', 'API'],
    ['ROUTES.admin', 'ROUTES.admin'],
    ['ROUTES.admin.users', 'ROUTES.admin.users'],
    ['getRoutes().admin', undefined],
    ['"x"', undefined],
  ])('%s -> %s', (code, expected) => {
    expect(referenceName(expressionOf(code))).toBe(expected);
  });
});

describe('collectConstants', () => {
  it('reads nested route objects, and paths that use them', () => {
    const sf = parseSource('a.ts', `const ROUTES = { admin: { root: '/admin', users: { list: '/admin/users' } } } as const;\nconst API = '/api';`);
    const table = collectConstants(sf);
    expect([table.get('ROUTES.admin.root'), table.get('ROUTES.admin.users.list'), table.get('API')]).toEqual([{ parts: ['/admin'] }, { parts: ['/admin/users'] }, { parts: ['/api'] }]);
    expect(pathExprOf(expressionOf('`${API}${ROUTES.admin.users.list}`'), table)).toEqual({ parts: ['/api', '/admin/users'] });
  });
});

describe('collectConstants: default-exported objects and static class fields', () => {
  it.each([
    ["export default { routes: { admin: '/admin' }, port: 3000 };", 'default.routes.admin', { parts: ['/admin'] }],
    ["module.exports = { adminPrefix: '/internal' };", 'default.adminPrefix', { parts: ['/internal'] }],
    ["export default '/admin';", 'default', { parts: ['/admin'] }],
    ['export default app;', 'default', undefined],
    ["export class Routes { static readonly ADMIN = '/admin'; base = '/x'; }", 'Routes.ADMIN', { parts: ['/admin'] }],
    ["export class Routes { static readonly ADMIN = '/admin'; base = '/x'; }", 'Routes.base', undefined],
    ["export const PUBLIC = ['/login', `/health`];", 'PUBLIC.1', { parts: ['/health'] }],
    ["export const PUBLIC = ['/login', /^\\/public/, '/health'];", 'PUBLIC.length', { parts: ['3'] }],
    ["export const PUBLIC = ['/login', /^\\/public/, '/health'];", 'PUBLIC.1', undefined],
    ["module.exports = { PUBLIC_PATHS: ['/login'] };", 'default.PUBLIC_PATHS.0', { parts: ['/login'] }],
    ["export const PUBLIC = ['/login'];", 'PUBLIC', undefined],
    [`export const TABLE = [${Array.from({ length: 65 }, (_, i) => `'/p${i}'`).join(', ')}];`, 'TABLE.length', undefined],
    // A Set is searched as its list, a list exported under another name is that list.
    ["export const OPEN = new Set(['/login', '/health']);", 'OPEN.1', { parts: ['/health'] }],
    ["const PUBLIC = ['/login'];\nexport default PUBLIC;", 'default.0', { parts: ['/login'] }],
    ["const PUBLIC = ['/login'];\nmodule.exports = { PUBLIC };", 'default.PUBLIC.length', { parts: ['1'] }],
    ["const ADMIN = '/admin';\nmodule.exports = { ADMIN };", 'default.ADMIN', { parts: ['/admin'] }],
    // tsc's CommonJS exports, by the exported name and as the file reads it.
    ["exports.ROLES_KEY = exports.Roles = void 0;\nexports.ROLES_KEY = 'roles';", 'ROLES_KEY', { parts: ['roles'] }],
    ["exports.ROLES_KEY = 'roles';", 'exports.ROLES_KEY', { parts: ['roles'] }],
    ["module.exports.ADMIN = '/admin';", 'ADMIN', { parts: ['/admin'] }],
  ])('%s', (code, name, expected) => {
    expect(collectConstants(parseSource('a.ts', code)).get(name)).toEqual(expected);
  });
});

describe('pathExprOf: an environment value with a default', () => {
  it.each([
    ["process.env.ADMIN_PATH || '/admin'", { parts: ['/admin'] }],
    ["process.env['ADMIN_PATH'] ?? `/internal`", { parts: ['/internal'] }],
    ["config.adminPath || '/admin'", undefined],
    ["process.env.ADMIN_PATH || fallback()", undefined],
    ['process.env.ADMIN_PATH', { parts: [{ ref: 'process.env.ADMIN_PATH' }] }],
  ])('%s', (code, expected) => {
    expect(pathExprOf(expressionOf(code), new Map())).toEqual(expected);
  });
});
