import { emptyFlowFacts, extractFlowFacts } from '../flow/flow-facts.js';
import { extractSuppressions } from '../findings/suppress.js';
import { emptyRouteFacts, extractRouteFacts } from '../graph/route-facts.js';
import type { SummarySection } from '../rules/rule.js';
import type { ts } from '../parse/typescript.js';
import type { ExtractContext } from './extract-context.js';
import type { FileSummary } from './file-summary.js';
import { extractModuleFacts } from './module-facts.js';

/** A part of a summary extracted on its own: when its extractor fails, the other parts stand. */
export type IsolatedPart = 'suppressions' | 'routes' | 'flow';

/** Told of each part whose extractor threw; that part is left empty. */
export type PartFailureHandler = (part: IsolatedPart, error: unknown) => void;

/**
 * Turns one parsed file into its summary. Pure: same tree and config, same summary.
 *
 * Without `onPartFailure`, any extractor's failure is thrown. With it, a failure costs only its own
 * part: a bug in the value-flow extractor must not also hide the file's unguarded admin routes or
 * its suppression comments. The module facts (imports, exports) are not isolated: every other part
 * is read through them.
 */
export function summarizeFile(sf: ts.SourceFile, hash: string, ctx: ExtractContext, onPartFailure?: PartFailureHandler): FileSummary {
  const module = extractModuleFacts(sf);
  const part = <T>(name: IsolatedPart, extract: () => T, empty: () => T): T => {
    if (!onPartFailure) return extract();
    try {
      return extract();
    } catch (error) {
      onPartFailure(name, error);
      return empty();
    }
  };
  return {
    path: ctx.path,
    hash,
    module,
    suppressions: part('suppressions', () => extractSuppressions(sf), () => []),
    routes: wants(ctx, 'routes') ? part('routes', () => extractRouteFacts(sf, ctx, module), emptyRouteFacts) : emptyRouteFacts(),
    flow: wants(ctx, 'flow') || wants(ctx, 'logs') ? part('flow', () => extractFlowFacts(sf, ctx, module), emptyFlowFacts) : emptyFlowFacts(),
  };
}

function wants(ctx: ExtractContext, section: SummarySection): boolean {
  return ctx.sections?.has(section) ?? true;
}
