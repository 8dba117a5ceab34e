/**
 * Calls that look like a registration on an app or router (`app.get(`, `router.use(`,
 * `fastify.register(`). A file that imports no framework and makes no such call registers no route:
 * the route walk is skipped for it, and the text prefilter of single-file scans relies on the same
 * fact, so both read this one pattern.
 *
 * A route method registers a path and a handler, so its call has a comma or a nested call before
 * its first `)`; a call with one plain argument (`this.items.get(id)`, `cache.delete(key)`: half
 * the service files of a large project) is a Map or a getter, and does not count. Hono's chained
 * `.post(handler)` follows a `.get(path, ...)` or `.route(` that does. `use`, `route`, `register`
 * and `addHook` take a single middleware, router or plugin, and @hono/zod-openapi's `openapi` a route
 * definition, so any call of them counts.
 */
export const REGISTRATION_HINT = /\.(?:use|route|register|addHook|openapi)\s*\(|\.(?:get|post|put|patch|delete|all)\s*\([^()]*[,(]/;
