import type { ResolvedConfig } from '../config/config.js';

/** What an extractor knows besides the syntax tree. Config is part of the cache key. */
export interface ExtractContext {
  path: string;
  config: ResolvedConfig;
}
