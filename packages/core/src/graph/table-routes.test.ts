import { describe, expect, it } from 'vitest';
import type { TableRegistration, TableRowFact } from './route-facts.js';
import { tableRoutes } from './table-routes.js';

const at = { line: 3, column: 3, endLine: 3, endColumn: 40, offset: 50 };
const row = (texts: Record<string, string>, refs: TableRowFact['refs']): TableRowFact => ({ location: at, texts, paths: texts.path === undefined ? {} : { path: { parts: [texts.path] } }, refs });
const reg = (over: Partial<TableRegistration>): TableRegistration => ({
  kind: 'table',
  table: 'ROUTES',
  target: { instance: 'express@1' },
  location: { line: 9, column: 1, endLine: 9, endColumn: 60, offset: 200 },
  condition: 'always',
  method: { field: 'method' },
  pathFields: ['path'],
  handlers: [{ field: 'guards', spread: true }, { field: 'action' }],
  ...over,
});
const action = { kind: 'name' as const, name: 'action' };
const auth = { kind: 'name' as const, name: 'auth' };

describe('tableRoutes', () => {
  it('makes one route per row at the row, its guards from the row and the loop', () => {
    const routes = tableRoutes(reg({ handlers: [{ ref: auth }, { field: 'guards', spread: true }, { field: 'action' }] }), 'src/index.ts', [row({ method: 'DELETE', path: '/admin/x' }, { guards: [auth], action: [action] })]);
    expect(routes).toEqual([
      {
        kind: 'route',
        target: { instance: 'express@1' },
        methods: ['delete'],
        paths: [{ parts: ['/admin/x'] }],
        guards: [{ kind: 'at', file: 'src/index.ts', ref: auth }, auth],
        handler: action,
        location: at,
        condition: 'always',
      },
    ]);
  });

  it.each([
    ['a row without the method', row({ path: '/admin' }, { action: [action] })],
    ['a row with another method', row({ method: 'subscribe', path: '/admin' }, { action: [action] })],
    ['a row without the path', row({ method: 'get' }, { action: [action] })],
    ['a row without the handler the loop passes', row({ method: 'get', path: '/admin' }, {})],
  ])('leaves out %s', (_name, r) => {
    expect(tableRoutes(reg({}), 'src/index.ts', [r])).toEqual([]);
  });

  it('a missing spread field spreads nothing', () => {
    expect(tableRoutes(reg({}), 'src/index.ts', [row({ method: 'get', path: '/a' }, { action: [action] })])[0]?.guards).toEqual([]);
  });
});
