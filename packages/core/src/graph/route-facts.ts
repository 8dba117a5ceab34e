import type { ts } from '../parse/typescript.js';
import type { ExtractContext } from '../summary/extract-context.js';

/**
 * Per-file route facts: app/router instances, registrations (routes and middleware, in program
 * order), mounts, and guard-relevant function facts. Built by the framework adapters; the route
 * graph is assembled from every file's facts. (Filled in by the route-graph work.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until the route graph lands
export interface RouteFacts {}

export function extractRouteFacts(_sf: ts.SourceFile, _ctx: ExtractContext): RouteFacts {
  return {};
}
