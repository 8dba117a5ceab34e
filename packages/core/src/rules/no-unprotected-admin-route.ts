import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/config.js';
import type { RelatedLocation } from '../findings/finding.js';
import { segmentsOf } from '../graph/match-path.js';
import { getRouteGraph, type GraphRoute, type RouteOccurrence } from '../graph/route-graph.js';
import { defineRule } from './rule.js';

export type MessageId = 'unprotectedAdminRoute' | 'guardedOnlyOutsideProduction';

/** The words a path segment starts with to be administrative (the text prefilter reads them too). */
export const ADMIN_WORDS: readonly string[] = ['admin', 'administrator', 'superadmin', 'internal', '_internal', 'sudo'];

/** An admin word, alone or followed by `-`/`_` and more. */
const ADMIN_SEGMENT = new RegExp(`^(${ADMIN_WORDS.join('|')})([-_].+)?$`, 'i');
const EXEMPT_LAST_SEGMENT = /^(login|signin|sign-in|logout)$/i;

export default defineRule<MessageId>({
  meta: {
    id: 'no-unprotected-admin-route',
    description: 'Administrative routes (admin, internal, sudo paths) must run authentication before their handler.',
    cwe: 'CWE-306',
    severity: 'error',
    precision: 'high',
    securitySeverity: '8.1',
    messages: {
      unprotectedAdminRoute: 'Admin route {{method}} {{paths}} is reachable without authentication: no auth middleware or check runs before its handler.',
      guardedOnlyOutsideProduction: 'Admin route {{method}} {{paths}} is reachable without authentication in production: its auth middleware is only registered outside production.',
    },
    schema: {
      adminPaths: { type: 'array', items: { type: 'string' }, description: 'Globs of route paths that are administrative in addition to the defaults.' },
      publicPaths: { type: 'array', items: { type: 'string' }, description: 'Globs of route paths that need no authentication (added to login/signin/sign-in/logout).' },
      authMiddleware: { type: 'array', items: { type: 'string' }, description: 'Names of functions that authenticate a request, for guards whose definition cannot be read.' },
    },
  },
  reads: ['routes'],
  check(ctx) {
    const graph = getRouteGraph(ctx.project, ctx.config, ctx.inFile);
    const isAdmin = createAdminMatcher(ctx.config);
    for (const route of graph.routes) {
      // Registered only outside production: production never serves it.
      if (route.condition === 'nonProd') continue;
      ctx.inFile(route.file, () => {
        const exposed = route.occurrences.filter((o): o is RouteOccurrence & { path: string } => o.path !== undefined && !o.guard.isGuard && isAdmin(o.path));
        if (exposed.length === 0) return;
        const paths = [...new Set(exposed.map((o) => o.path))].sort();
        const method = methodLabel(route);
        ctx.report({
          file: route.file,
          location: route.location,
          messageId: exposed.every((o) => o.nonProdGuard) ? 'guardedOnlyOutsideProduction' : 'unprotectedAdminRoute',
          data: { method, paths: paths.join(', ') },
          key: `${method} ${paths.join(',')}`,
          related: relatedMounts(exposed),
        });
      });
    }
  },
});

/** A parameter restricted to a list of words: `:area(admin|internal)`, `:scope{admin|internal}`. */
const PARAM_CHOICES = /^:\w+(?:\(([^()]+)\)|\{([^{}]+)\})\??$/;

/** Whether a full route path is administrative and not exempt, under the config's globs. */
export function createAdminMatcher(config: ResolvedConfig): (path: string) => boolean {
  const extraAdmin = config.adminPaths.length > 0 ? picomatch([...config.adminPaths], { nocase: true }) : () => false;
  const isPublic = config.publicPaths.length > 0 ? picomatch([...config.publicPaths], { nocase: true }) : () => false;
  return (path) => {
    const segments = segmentsOf(path);
    const last = segments[segments.length - 1] ?? '';
    if (EXEMPT_LAST_SEGMENT.test(last) || isPublic(path)) return false;
    return segments.some(isAdminSegment) || extraAdmin(path);
  };
}

/**
 * An admin word alone or with `-`/`_` and more; a segment with a `*` inside (Hono and Express 4
 * `/admin*`, Express 5 `/admin*splat`) serves what comes before the star on its own too.
 */
function isAdminSegment(segment: string): boolean {
  // `:area(admin|internal)` (Express 4, @koa/router), `:scope{admin|internal}` (Hono): a parameter
  // that can only be one of these words serves each of them.
  const restricted = PARAM_CHOICES.exec(segment);
  const choices = (restricted?.[1] ?? restricted?.[2])?.split('|');
  if (choices?.every((c) => /^[\w-]+$/.test(c))) return choices.some((c) => ADMIN_SEGMENT.test(c));
  const star = segment.indexOf('*');
  return ADMIN_SEGMENT.test(star > 0 && !segment.startsWith(':') ? segment.slice(0, star).replace(/\{$/, '') : segment);
}

function methodLabel(route: GraphRoute): string {
  return route.methods.map((m) => (m === 'all' ? 'ALL' : m.toUpperCase())).join('|');
}

/** The mounts whose prefix made the route administrative (the first admin segment's mount). */
function relatedMounts(occurrences: ReadonlyArray<RouteOccurrence>): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  const seen = new Set<string>();
  for (const o of occurrences) {
    const mount = o.mounts.find((m) => segmentsOf(m.prefix).some(isAdminSegment));
    if (!mount) continue;
    const key = `${mount.file}:${mount.location.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    related.push({ ...mount.location, file: mount.file, message: `mounted under ${mount.prefix} here` });
  }
  return related;
}
