import type { FlowFacts } from '../flow/flow-facts.js';
import type { RouteFacts } from '../graph/route-facts.js';
import type { SuppressionComment } from '../findings/suppress.js';
import type { ModuleFacts } from './module-facts.js';

/**
 * Everything the rules need to know about one file, from one parse. Plain JSON, so it can be cached
 * by content hash and the source text can be dropped once it exists. Each section is owned by the
 * module that extracts it.
 */
export interface FileSummary {
  /** Relative to the scan root, forward slashes. */
  path: string;
  /** sha256 of the file text, when a summary cache keeps the summary; empty otherwise. */
  hash: string;
  module: ModuleFacts;
  suppressions: SuppressionComment[];
  routes: RouteFacts;
  flow: FlowFacts;
}
