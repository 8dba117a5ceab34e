import type { HandlerRef, RouteRegistration, TableArg, TableRegistration, TableRowFact } from './route-facts.js';

/** Route methods a table row (or the loop's call) may name; `del` is Express's old spelling of `delete`. */
export const ROW_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head']);

/**
 * The routes a loop over a table of another file registers (`AppRoutes.forEach((r) =>
 * app[r.method](r.path, r.action))`): one per row, reported at the row in `tableFile`. Values the
 * loop writes itself (a guard passed to every row) stay refs of `loopFile`. A row without the
 * method, path or a handler the loop reads is left out, as an unresolvable registration is.
 */
export function tableRoutes(reg: TableRegistration, loopFile: string, rows: readonly TableRowFact[]): RouteRegistration[] {
  const routes: RouteRegistration[] = [];
  for (const row of rows) {
    const method = ('name' in reg.method ? reg.method.name : row.texts[reg.method.field])?.toLowerCase();
    const field = reg.pathFields.find((f) => row.paths[f] !== undefined);
    const path = field === undefined ? undefined : row.paths[field];
    if (method === undefined || !ROW_METHODS.has(method) || path === undefined) continue;
    const refs = handlersOf(reg.handlers, row, loopFile);
    if (!refs || refs.length === 0) continue;
    routes.push({
      kind: 'route',
      target: reg.target,
      methods: [method === 'del' ? 'delete' : method],
      paths: [path],
      guards: refs.slice(0, -1),
      handler: refs[refs.length - 1],
      location: row.location,
      condition: reg.condition,
    });
  }
  return routes;
}

function handlersOf(args: readonly TableArg[], row: TableRowFact, loopFile: string): HandlerRef[] | undefined {
  const refs: HandlerRef[] = [];
  for (const arg of args) {
    if ('ref' in arg) {
      refs.push({ kind: 'at', file: loopFile, ref: arg.ref });
      continue;
    }
    const value = row.refs[arg.field];
    // A missing field spreads nothing; passed on its own, the row cannot be registered.
    if (value === undefined && !arg.spread) return undefined;
    refs.push(...(value ?? []));
  }
  return refs;
}
