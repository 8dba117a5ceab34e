import { extractFlowFacts } from '../flow/flow-facts.js';
import { extractSuppressions } from '../findings/suppress.js';
import { extractRouteFacts } from '../graph/route-facts.js';
import type { ts } from '../parse/typescript.js';
import type { ExtractContext } from './extract-context.js';
import type { FileSummary } from './file-summary.js';
import { extractModuleFacts } from './module-facts.js';

/** Turns one parsed file into its summary. Pure: same tree and config, same summary. */
export function summarizeFile(sf: ts.SourceFile, hash: string, ctx: ExtractContext): FileSummary {
  const module = extractModuleFacts(sf);
  return {
    path: ctx.path,
    hash,
    module,
    suppressions: extractSuppressions(sf),
    routes: extractRouteFacts(sf, ctx, module),
    flow: extractFlowFacts(sf, ctx),
  };
}
