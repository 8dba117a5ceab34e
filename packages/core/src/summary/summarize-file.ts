import { emptyFlowFacts, extractFlowFacts } from '../flow/flow-facts.js';
import { extractSuppressions } from '../findings/suppress.js';
import { emptyRouteFacts, extractRouteFacts } from '../graph/route-facts.js';
import type { SummarySection } from '../rules/rule.js';
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
    routes: wants(ctx, 'routes') ? extractRouteFacts(sf, ctx, module) : emptyRouteFacts(),
    flow: wants(ctx, 'flow') || wants(ctx, 'logs') ? extractFlowFacts(sf, ctx, module) : emptyFlowFacts(),
  };
}

function wants(ctx: ExtractContext, section: SummarySection): boolean {
  return ctx.sections?.has(section) ?? true;
}
