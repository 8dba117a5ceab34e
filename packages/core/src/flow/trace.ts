import type { TraceStep } from '../findings/finding.js';
import { locationOf } from '../findings/location.js';
import type { ts } from '../parse/typescript.js';

const MAX_LABEL = 80;

/** One step of a value-flow trace at `node`, e.g. "`req.headers.authorization` is read here". */
export function traceStep(node: ts.Node, sf: ts.SourceFile, file: string, message: string): TraceStep {
  return { file, ...locationOf(node, sf), message };
}

/**
 * The expression as the user wrote it, on one line and bounded, for messages and trace steps.
 * Only source text: a label never contains a runtime value.
 */
export function labelOf(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}
