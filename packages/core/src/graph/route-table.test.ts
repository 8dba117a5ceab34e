import { describe, expect, it } from 'vitest';
import { parseSource } from '../parse/parse-source.js';
import { ts } from '../parse/typescript.js';
import { calledMethodOf, routeOptionsTemplateOf, tableFactOf, tableLoopOf, tableRowsOf, tableTemplateOf } from './route-table.js';

/** The registration call of `code`: the last call on `app` or `router`. */
function registrationIn(code: string): { call: ts.CallExpression; callee: ts.PropertyAccessExpression | ts.ElementAccessExpression } {
  let found: ts.CallExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /^(app|router)\b/.test(node.expression.getText())) found = node;
    ts.forEachChild(node, visit);
  };
  visit(parseSource('a.ts', code));
  if (!found) throw new Error('no registration');
  return { call: found, callee: found.expression as ts.PropertyAccessExpression | ts.ElementAccessExpression };
}

/** Each row as `method path args...`, the arguments as written in the row. */
function rowsOf(code: string): string[] | undefined {
  const { call, callee } = registrationIn(code);
  const loop = tableLoopOf(call);
  return loop && tableRowsOf(call, callee, loop)?.map((r) => [r.method ?? '-', ...r.call.arguments.map((a) => a.getText())].join(' '));
}

const TABLE = "const ROUTES = [{ method: 'get', path: '/admin', handler: list }, { method: 'POST', path: '/admin/x', guards: [auth], handler: save }];";

describe('tableRowsOf', () => {
  it.each([
    ['for-of, computed method', `${TABLE} for (const r of ROUTES) router[r.method](r.path, r.handler);`, ["get '/admin' list", "post '/admin/x' save"]],
    ['forEach, destructured', `${TABLE} ROUTES.forEach(({ method, path, handler: h }) => { app[method](path, h); });`, ["get '/admin' list", "post '/admin/x' save"]],
    ['method upper-cased in the row, lower-cased in the code', `${TABLE} ROUTES.map((r) => app[r.method.toLowerCase()](r.path, r.handler));`, ["get '/admin' list", "post '/admin/x' save"]],
    ['spread guards, missing in one row', `${TABLE} for (const r of ROUTES) app[r.method](r.path, ...(r.guards ?? []), r.handler);`, ["get '/admin' list", "post '/admin/x' auth save"]],
    ['a fixed guard next to row values', `${TABLE} for (const r of ROUTES) app[r.method](r.path, requireAdmin, r.handler);`, ["get '/admin' requireAdmin list", "post '/admin/x' requireAdmin save"]],
    ['a literal computed method, row paths', `${TABLE} for (const r of ROUTES) app['get'](r.path, r.handler);`, ["- '/admin' list", "- '/admin/x' save"]],
    ['fixed method, row paths', `${TABLE} for (const r of ROUTES) app.get(r.path, r.handler);`, ["- '/admin' list", "- '/admin/x' save"]],
    ['the whole row as options', `${TABLE} ROUTES.forEach((r) => app.route(r));`, [`- ${"{ method: 'get', path: '/admin', handler: list }"}`, `- ${"{ method: 'POST', path: '/admin/x', guards: [auth], handler: save }"}`]],
    ['an inline table', "for (const r of [{ path: '/admin', handler: h }]) app.get(r.path, r.handler);", ["- '/admin' h"]],
    ['a handler written in the loop stays as it is', `${TABLE} ROUTES.forEach((r) => app[r.method](r.path, (req, res) => r.handler(req, res)));`, ["get '/admin' (req, res) => r.handler(req, res)", "post '/admin/x' (req, res) => r.handler(req, res)"]],
    ['a row without the handler is left out', `${TABLE} for (const r of ROUTES) app[r.method](r.path, r.onError);`, []],
    ['a field read deeper is left out', `${TABLE} for (const r of ROUTES) app[r.method](r.path, r.handler.bind(r));`, []],
  ])('%s', (_name, code, rows) => {
    expect(rowsOf(code)).toEqual(rows);
  });

  it.each([
    ['no loop', "app.get('/admin', h);"],
    ['a loop that registers nothing from its rows', `${TABLE} for (const r of ROUTES) app.use(auth);`],
    ['a table that is not a list of objects', "const P = ['/a', '/b']; for (const p of P) app.get(p, h);"],
    ['a table from a call', 'for (const r of load()) app.get(r.path, r.handler);'],
    ['a loop outside the function of the call', `${TABLE} for (const r of ROUTES) setup(() => app.get(r.path, r.handler));`],
    ['an inner link of a chain', `${TABLE} for (const r of ROUTES) app[r.method](r.path, r.handler).use(audit);`],
    ['a let table, which may change', "let T = [{ path: '/admin', handler: h }]; for (const r of T) app.get(r.path, r.handler);"],
  ])('%s: not a table registration', (_name, code) => {
    expect(rowsOf(code)).toBeUndefined();
  });
});

describe('calledMethodOf', () => {
  it.each([
    ["app.get('/x', h)", 'get'],
    ["app['get']('/x', h)", 'get'],
    ['app[`post`]("/x", h)', 'post'],
    ['app[m]("/x", h)', undefined],
  ])('%s', (code, method) => {
    expect(calledMethodOf(registrationIn(code).callee)).toBe(method);
  });
});

describe('tableTemplateOf: a loop over a table this file imports', () => {
  const templateOf = (code: string) => {
    const { call, callee } = registrationIn(`import { ROUTES } from './routes';\n${code}`);
    const loop = tableLoopOf(call);
    return loop && tableTemplateOf(call, callee, loop, (e) => ({ kind: 'name', name: e.getText() }));
  };
  it.each([
    ['computed method, spread guards, handler field', 'ROUTES.forEach((r) => app[r.method.toLowerCase()](r.path, ...(r.guards ?? []), r.handler));', { table: 'ROUTES', method: { field: 'method' }, pathFields: ['path'], handlers: [{ field: 'guards', spread: true }, { field: 'handler' }] }],
    ['destructured, a guard written in the loop', 'for (const { verb, url: u, run } of ROUTES) router[verb](u, requireAdmin, run);', { table: 'ROUTES', method: { field: 'verb' }, pathFields: ['url'], handlers: [{ ref: { kind: 'name', name: 'requireAdmin' } }, { field: 'run' }] }],
    ["Hono's on(method, path, ...handlers)", 'for (const r of ROUTES) app.on(r.method, r.path, ...r.middleware, r.handler);', { table: 'ROUTES', method: { field: 'method' }, pathFields: ['path'], handlers: [{ field: 'middleware', spread: true }, { field: 'handler' }] }],
    ["Hono's on with a fixed method", "for (const r of ROUTES) app.on('DELETE', r.path, r.handler);", { table: 'ROUTES', method: { name: 'DELETE' }, pathFields: ['path'], handlers: [{ field: 'handler' }] }],
    ['a named method and a wrapper handler', 'ROUTES.forEach((r) => app.post(r.path, (req, res) => r.action(req, res)));', { table: 'ROUTES', method: { name: 'post' }, pathFields: ['path'], handlers: [{ ref: { kind: 'name', name: '(req, res) => r.action(req, res)' } }] }],
  ])('%s', (_name, code, expected) => {
    expect(templateOf(code)).toEqual(expected);
  });

  it.each([
    ['a path read deeper', 'ROUTES.forEach((r) => app.get(r.opts.path, r.handler));'],
    ['a handler read deeper', 'ROUTES.forEach((r) => app.get(r.path, r.handlers.main));'],
    ['no handler', 'ROUTES.forEach((r) => app.get(r.path));'],
    ['a table of this file', "const T = [{ path: '/a', handler: h }]; T.forEach((r) => app.get(r.path, r.handler));"],
  ])('%s: none', (_name, code) => {
    expect(templateOf(code)).toBeUndefined();
  });
});

describe('routeOptionsTemplateOf: Fastify route options over a table this file imports', () => {
  const templateOf = (code: string) => {
    const { call } = registrationIn(`import { ROUTES } from './routes';\n${code}`);
    const loop = tableLoopOf(call);
    return loop && routeOptionsTemplateOf(call, loop, (e) => (ts.isArrayLiteralExpression(e) ? e.elements : [e]).map((x) => ({ kind: 'name' as const, name: x.getText() })));
  };
  const ROW_HOOKS = [
    { field: 'onRequest', spread: true },
    { field: 'preParsing', spread: true },
    { field: 'preValidation', spread: true },
    { field: 'preHandler', spread: true },
  ];
  it.each([
    ['the row as the options', 'ROUTES.forEach((r) => app.route(r));', { table: 'ROUTES', method: { field: 'method' }, pathFields: ['url', 'path'], handlers: [...ROW_HOOKS, { field: 'handler' }] }],
    [
      'the row spread, a hook of the loop',
      'for (const r of ROUTES) app.route({ ...r, preHandler: [auth] });',
      { table: 'ROUTES', method: { field: 'method' }, pathFields: ['url', 'path'], handlers: [...ROW_HOOKS.slice(0, 3), { ref: { kind: 'name', name: 'auth' } }, { field: 'handler' }] },
    ],
    [
      'fields named one by one',
      "ROUTES.forEach((r) => app.route({ method: 'GET', url: r.path, handler: r.run }));",
      { table: 'ROUTES', method: { name: 'GET' }, pathFields: ['path'], handlers: [{ field: 'run' }] },
    ],
  ])('%s', (_name, code, expected) => {
    expect(templateOf(code)).toEqual(expected);
  });

  it.each([
    ['a url the loop writes', "ROUTES.forEach((r) => app.route({ ...r, url: '/x' }));"],
    ['options before the spread', 'ROUTES.forEach((r) => app.route({ preHandler: auth, ...r }));'],
    ['options read deeper', 'ROUTES.forEach((r) => app.route({ ...r, handler: r.handlers.main }));'],
    ['a spread of something else', 'ROUTES.forEach((r) => app.route({ ...defaults, url: r.url, handler: r.handler }));'],
  ])('%s: none', (_name, code) => {
    expect(templateOf(code)).toBeUndefined();
  });
});

describe('tableFactOf: a module-level table kept for the files that loop over it', () => {
  const factOf = (code: string) => {
    const sf = parseSource('a.ts', code);
    const init = ((sf.statements[0] as ts.VariableStatement).declarationList.declarations[0] as ts.VariableDeclaration).initializer as ts.Expression;
    return tableFactOf(init, {
      locationOf: (node) => ({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, column: 1, endLine: 1, endColumn: 1, offset: node.getStart(sf) }),
      pathOf: (e) => (ts.isStringLiteralLike(e) ? { parts: [e.text] } : undefined),
      refsOf: (e) => (ts.isArrayLiteralExpression(e) ? e.elements.map((el) => ({ kind: 'name' as const, name: el.getText() })) : [{ kind: 'name' as const, name: e.getText() }]),
    });
  };

  it('reads each row: texts, paths and handler refs, lists flattened', () => {
    const rows = factOf("export const R = [\n  { method: 'get', path: '/admin', guards: [auth], action },\n  { method: 'post', path: '/x', action: save },\n];");
    expect(rows?.map((r) => ({ line: r.location.line, texts: r.texts, refs: r.refs }))).toEqual([
      { line: 2, texts: { method: 'get', path: '/admin' }, refs: { guards: [{ kind: 'name', name: 'auth' }], action: [{ kind: 'name', name: 'action' }] } },
      { line: 3, texts: { method: 'post', path: '/x' }, refs: { action: [{ kind: 'name', name: 'save' }] } },
    ]);
    expect(rows?.[0]?.paths.path).toEqual({ parts: ['/admin'] });
  });

  it.each([
    ['objects without a path', "const R = [{ name: 'a', value: 1 }];"],
    ['strings', "const R = ['/a', '/b'];"],
    ['mixed rows', "const R = [{ path: '/a' }, 'x'];"],
  ])('%s: not a table', (_name, code) => {
    expect(factOf(code)).toBeUndefined();
  });
});
