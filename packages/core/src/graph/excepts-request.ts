import { escapeRegex } from './escape-regex.js';
import { honoPatternSource } from './hono-except-paths.js';
import { segmentsOf } from './match-path.js';
import type { PathExpr } from './path-expr.js';
import type { RequestException } from './unless-options.js';

/** A guard's exception with its path resolved: a whole path or a compiled expression. */
export type ResolvedException = ({ path: string } | { regex: RegExp; outside?: true }) & { methods?: readonly string[] };

/**
 * `(a+)+`, `(\w*\s?)*`: a group with a quantifier, quantified again. Testing such an expression can
 * take exponential time, and the scanned code chooses it: it is left out (the guard then counts
 * for that path, as before exceptions were modelled).
 */
const NESTED_QUANTIFIER = /\([^()]*[+*}][^()]*\)[+*{]/;

/**
 * Resolves the exceptions of `guard.unless(...)` as written in a file (`resolve` gives the path a
 * reference stands for, or the entries of a list it names). A path that does not
 * resolve to literal text (a parameter, an unknown constant) could be anything and is left out,
 * as is an expression that does not compile here.
 */
export function resolveExceptions(exceptions: readonly RequestException[], resolve: (path: PathExpr) => readonly string[]): ResolvedException[] {
  const out: ResolvedException[] = [];
  for (const x of exceptions) {
    const methods = x.methods ? { methods: x.methods } : {};
    if ('path' in x) {
      // One path, or the entries of a list constant written as one name (`path: PUBLIC_PATHS`).
      for (const path of resolve(x.path)) {
        // An unresolved reference reads as a `:name` segment (a Hono pattern's own `:id` too, once resolved: left out alike).
        if (path.includes(':')) continue;
        if (x.hono) out.push({ regex: new RegExp(honoPatternSource(path)), ...methods });
        else out.push(x.prefix ? { regex: new RegExp(`^${escapeRegex(path)}`), ...methods } : { path, ...methods });
      }
    } else if (!NESTED_QUANTIFIER.test(x.regex)) {
      const regex = compile(x.regex, x.flags);
      if (regex) out.push({ regex, ...methods, ...(x.outside ? { outside: true as const } : {}) });
    }
  }
  return out;
}

/**
 * Whether some request to the route (`path` with its parameters, `methods` lower case) is one of
 * the exceptions, so the guard lets it through unchecked. A string exception is compared whole
 * with the request path, as express-unless and koa-unless do; a parameter segment of the route
 * takes any value. `outside`: ask the exceptions that are every path outside a guard's scope
 * instead of the others.
 */
export function exceptsRequest(exceptions: readonly ResolvedException[] | undefined, path: string, methods: readonly string[], outside = false): boolean {
  if (!exceptions) return false;
  return exceptions.some((x) => ('outside' in x && x.outside === true) === outside && sharesMethod(x.methods, methods) && ('path' in x ? routeAccepts(path, x.path) : testsRoute(x.regex, path)));
}

/** The libraries compare `req.method` as sent (upper case) with the listed methods. */
function sharesMethod(listed: readonly string[] | undefined, methods: readonly string[]): boolean {
  if (!listed) return true;
  return methods.some((m) => m === 'all' || listed.includes(m.toUpperCase()));
}

/** Whether the concrete path `request` is one the route pattern serves (Express routes ignore case). */
function routeAccepts(route: string, request: string): boolean {
  const r = segmentsOf(route.toLowerCase());
  const q = segmentsOf(request.toLowerCase());
  for (let i = 0; i < r.length; i++) {
    const seg = r[i] ?? '';
    if (seg.startsWith('*') || seg === '(.*)') return true;
    if (i >= q.length) return false;
    if (!seg.startsWith(':') && seg !== q[i]) return false;
  }
  return r.length === q.length;
}

/** The route as written, and with its parameters filled in as a request would (`/users/:id` as `/users/1`). */
function testsRoute(regex: RegExp, route: string): boolean {
  return regex.test(route) || regex.test(route.replace(/:[^/]+/g, '1'));
}

function compile(source: string, flags: string): RegExp | undefined {
  try {
    // Without `g`/`y`, `test` keeps no state between routes.
    return new RegExp(source, flags.replace(/[gy]/g, ''));
  } catch (error) {
    // A flag or syntax this Node does not know: the scanned code's problem, not a scan failure.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
