/**
 * How one framework spells routers, routes, middleware and responses. The route templates in
 * `../routers.js` are written once against this interface, so all four frameworks share them.
 * @typedef {{ exportName: string, file: string, prefix: string }} Mount
 * @typedef {{
 *   name: string,
 *   routerImports: string,
 *   openRouter(name: string): string,
 *   closeRouter(): string,
 *   routerRef(name: string): string,
 *   route(ref: string, method: string, path: string, guards: string[], body: string): string,
 *   use(ref: string, guard: string): string,
 *   h: {
 *     queryObject: string, query(n: string): string, param(n: string): string, body: string,
 *     json(expr: string, status?: number): string, empty: string, headers: string
 *   },
 *   authModule(): string,
 *   auditModule(): string,
 *   appModule(mounts: Mount[]): string,
 *   mainModule(): string
 * }} Dialect
 */
export {};
