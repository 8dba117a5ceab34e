import { segmentsOf } from './match-path.js';

/**
 * Express `app.param('tenant', fn)`: `fn` runs before the handlers of a request whose matched
 * path captured `:tenant` in one of that app's (or router's) own layers. Param callbacks are local
 * to the router they are registered on: a `:tenant` in a sub-router's routes does not call them,
 * one in the path the router mounts the sub-router at does.
 */
export interface ParamCallback {
  name: string;
  /** Segments of the path before the router (its mount point): its own layers start here. */
  from: number;
  /** How many mounts led to the router: the next one, if the route is under it, ends its layers. */
  depth: number;
}

/**
 * Whether a route at `routePath`, reached through mounts whose full prefixes are `mountPrefixes`,
 * captures the callback's parameter in a layer of the router the callback belongs to.
 */
export function capturesParam(callback: ParamCallback, routePath: string, mountPrefixes: readonly string[]): boolean {
  const segments = segmentsOf(routePath);
  const below = mountPrefixes[callback.depth];
  const end = below === undefined ? segments.length : Math.min(segments.length, segmentsOf(below).length);
  for (let i = callback.from; i < end; i++) if (paramNameOf(segments[i] ?? '') === callback.name) return true;
  return false;
}

/** `:tenant`, `:tenant?`, `:id(\\d+)`: the name a segment captures, if it is a parameter. */
function paramNameOf(segment: string): string | undefined {
  if (!segment.startsWith(':')) return undefined;
  let end = 1;
  while (end < segment.length && /\w/.test(segment.charAt(end))) end++;
  return segment.slice(1, end);
}
