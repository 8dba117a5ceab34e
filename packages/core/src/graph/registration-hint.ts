/**
 * Calls that look like a registration on an app or router (`app.get(`, `router.use(`,
 * `fastify.register(`). A file that imports no framework and makes no such call registers no route:
 * the route walk is skipped for it, and the text prefilter of single-file scans relies on the same
 * fact, so both read this one pattern.
 */
export const REGISTRATION_HINT = /\.(get|post|put|patch|delete|all|use|route|register|addHook)\s*\(/;
