import type { ts } from '../parse/typescript.js';
import type { ExtractContext } from '../summary/extract-context.js';

/**
 * Per-file value-flow facts: secret sources, sinks (log calls, file writes), wrappers and store
 * definitions, with the flow between them resolved inside the file and the cross-file edges left as
 * references. (Filled in by the value-flow work.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- placeholder until value flow lands
export interface FlowFacts {}

export function extractFlowFacts(_sf: ts.SourceFile, _ctx: ExtractContext): FlowFacts {
  return {};
}
