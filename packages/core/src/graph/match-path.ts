import type { FrameworkName } from './route-facts.js';

/**
 * How a middleware's path pattern applies, by each framework's own matching rules:
 * - `hono`: `/admin/*` covers `/admin` and everything under it; `/admin` covers only `/admin`.
 * - `prefix`: Express `use('/admin')`, Koa `router.use('/admin')` cover `/admin` and its subtree.
 * - `exact`: a route path used as middleware (`app.all('/admin/*splat', auth)` in Express).
 */
export type PatternMode = 'hono' | 'prefix' | 'exact';

export interface PathPattern {
  /** Full path pattern after joining prefixes; undefined means every path. */
  path: string | undefined;
  mode: PatternMode;
  caseSensitive: boolean;
}

export function patternModeOf(framework: FrameworkName | undefined, kind: 'use' | 'route'): PatternMode {
  if (framework === 'hono') return 'hono';
  return kind === 'use' ? 'prefix' : 'exact';
}

/** Hono routes are case-sensitive; Express and Koa routers are not by default. */
export function isCaseSensitive(framework: FrameworkName | undefined): boolean {
  return framework === 'hono' || framework === 'fastify';
}

/**
 * Whether `pattern` matches every concrete request path of the route `routePath` (a route
 * `/admin/:id` is covered by `/admin/*` but not by `/admin/users`).
 */
export function coversPath(pattern: PathPattern, routePath: string): boolean {
  if (pattern.path === undefined) return true;
  const p = patternSegments(pattern);
  const r = segmentsOf(pattern.caseSensitive ? routePath : routePath.toLowerCase());
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] ?? '';
    if (isWildcard(seg)) return pattern.mode !== 'exact' || i < r.length || seg.startsWith('{');
    const routeSeg = r[i];
    if (routeSeg === undefined) return false;
    // A `*` inside a segment (Hono `/admin*`, Express 4 `/admin*`, Express 5 `/admin*splat` or
    // `/admin{*splat}`) matches any characters from there on, slashes included.
    const star = seg.indexOf('*');
    if (star > 0) return !routeSeg.startsWith(':') && routeSeg.startsWith(seg.slice(0, star).replace(/\{$/, ''));
    if (seg.startsWith(':')) continue;
    if (isWildcard(routeSeg) || routeSeg.startsWith(':') || routeSeg !== seg) return false;
  }
  if (pattern.mode === 'prefix') return true;
  return r.length === p.length;
}

const segmentCache = new WeakMap<PathPattern, string[]>();

/** A pattern's segments, split once: a chain entry is compared with every later route. */
function patternSegments(pattern: PathPattern): string[] {
  let segments = segmentCache.get(pattern);
  if (!segments) {
    const path = pattern.path ?? '';
    segments = segmentsOf(pattern.caseSensitive ? path : path.toLowerCase());
    segmentCache.set(pattern, segments);
  }
  return segments;
}

/** `*`, Express 5 `*splat` / `{*splat}`, and path-to-regexp 6's `(.*)` (Koa router, Express 4). */
function isWildcard(seg: string): boolean {
  return seg === '*' || seg.startsWith('*') || seg.startsWith('{*') || seg === '(.*)';
}

export function segmentsOf(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** Joins a prefix and a path the way routers do: one slash between, none doubled, no trailing one. */
export function joinPaths(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const clean = joined.replace(/\/{2,}/g, '/');
  return clean.length > 1 ? clean.replace(/\/$/, '') : '/';
}
