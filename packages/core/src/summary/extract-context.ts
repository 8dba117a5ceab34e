import type { ResolvedConfig } from '../config/config.js';
import type { PathAliases } from '../project/path-aliases.js';
import type { SummarySection } from '../rules/rule.js';

/** What an extractor knows besides the syntax tree. Config is part of the cache key. */
export interface ExtractContext {
  path: string;
  config: ResolvedConfig;
  /** The summary sections to extract; all when absent. A summary without some is never cached. */
  sections?: ReadonlySet<SummarySection> | undefined;
  /** Which non-relative specifiers name project files (tsconfig `paths`); its fingerprint is in the cache key. */
  aliases?: PathAliases | undefined;
}
