import type { TraceStep } from '../findings/finding.js';
import { locationOf } from '../findings/location.js';
import type { ts } from '../parse/typescript.js';
import type { FlowStep } from './taint.js';

const MAX_LABEL = 80;

/** One step of a value-flow trace at `node`, e.g. "`req.headers.authorization` is read here". */
export function traceStep(node: ts.Node, sf: ts.SourceFile, message: string): FlowStep {
  // Fields copied by name, not spread: every taint item the flow layer makes carries a step.
  const { line, column, endLine, endColumn, offset } = locationOf(node, sf);
  return { line, column, endLine, endColumn, offset, message };
}

/** The steps inFile gave a summary's trace, by that trace: resolution asks for the same ones again and again. */
const inFileMemo = new WeakMap<FlowStep[], { file: string; steps: FlowStep[] }>();

/**
 * Gives steps recorded in `file`'s summary their file. Remembered per trace array: resolving a
 * bundle's wrappers reads each summary item's trace thousands of times, and copying it every time
 * was a tenth of the scan.
 */
export function inFile(steps: FlowStep[], file: string): FlowStep[] {
  const hit = inFileMemo.get(steps);
  if (hit?.file === file) return hit.steps;
  const given = steps.every((s) => s.file !== undefined) ? steps : steps.map((s) => (s.file === undefined ? { ...s, file } : s));
  inFileMemo.set(steps, { file, steps: given });
  return given;
}

/** A finding's trace: every step with its file. */
export function toTrace(steps: FlowStep[], file: string): TraceStep[] {
  return steps.map((s) => ({ ...s, file: s.file ?? file }));
}

/**
 * The expression as the user wrote it, on one line and bounded, for messages and trace steps.
 * Only source text: a label never contains a runtime value.
 */
export function labelOf(node: ts.Node, sf: ts.SourceFile): string {
  const text = node.getText(sf).replace(/\s+/g, ' ');
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}
