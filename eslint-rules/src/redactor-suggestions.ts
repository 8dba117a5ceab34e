import type { Finding, ShiftguardConfigInput } from '@shiftguard/core';
import type { Rule, Scope, SourceCode } from 'eslint';

/** The id of the suggestion message every bridged rule with suggestions declares. */
export const WRAP_IN_REDACTOR_ID = 'wrapInRedactor';

// The scanner's own sanitiser names (scanner.md): a function named like this is trusted to redact.
const REDACTOR_NAME = /^(redact|mask|obfuscate|censor|anonymi[sz]e)/i;

// ESLint's nodes carry `parent` and `range`; the root's parent is null at runtime.
type NodeWithParent = Rule.Node;

/**
 * "Wrap the logged secret in the project's redactor": offered when a redactor is in scope at the log
 * call (imported or declared: the suggestion never invents a name that does not resolve) and the
 * finding's trace shows which expression inside the call carries the secret. The engine decides
 * what is a secret; this only turns its trace into an edit.
 */
export function redactorSuggestions(finding: Finding, sourceCode: SourceCode, config: ShiftguardConfigInput): Rule.SuggestionReportDescriptor[] {
  const call = callAt(sourceCode, finding);
  if (!call) return [];
  const redactor = redactorInScope(sourceCode, call, config.sanitizers ?? []);
  const leaked = redactor ? leakedExpression(sourceCode, finding, call) : undefined;
  if (!redactor || !leaked?.range) return [];
  const parent = leaked.parent as NodeWithParent | undefined;
  // Already passed through that redactor (the engine still flags it when the redactor's project
  // definition returns its input): wrapping it twice would fix nothing.
  if (isCallOf(leaked, redactor) || (parent && isCallOf(parent, redactor))) return [];
  const text = sourceCode.getText(leaked);
  // `{ token }` cannot become `{ redact(token) }`: the shorthand property gets its key back.
  // (ESTree gives a shorthand property separate key and value nodes over the same range.)
  const isShorthand = parent?.type === 'Property' && parent.shorthand;
  const target = isShorthand ? parent : leaked;
  const replacement = isShorthand ? `${text}: ${redactor}(${text})` : `${redactor}(${text})`;
  return [
    {
      messageId: WRAP_IN_REDACTOR_ID,
      data: { expression: text, redactor },
      fix: (fixer) => fixer.replaceText(target, replacement),
    },
  ];
}

function isCallOf(node: NodeWithParent, name: string): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name;
}

/** The call expression the finding is reported at (the engine reports a log call at its start). */
function callAt(sourceCode: SourceCode, finding: Finding): NodeWithParent | undefined {
  const start = sourceCode.getIndexFromLoc({ line: finding.line, column: finding.column - 1 });
  const end = sourceCode.getIndexFromLoc({ line: finding.endLine, column: finding.endColumn - 1 });
  let node = sourceCode.getNodeByRangeIndex(start) as NodeWithParent | null;
  while (node && !(node.type === 'CallExpression' && node.range?.[0] === start && node.range[1] === end)) node = (node.parent as NodeWithParent | undefined) ?? null;
  return node ?? undefined;
}

/**
 * The expression to wrap: the trace step closest to the sink that lies inside one of the call's
 * arguments, mapped to the ESLint node spanning exactly that step.
 */
function leakedExpression(sourceCode: SourceCode, finding: Finding, call: NodeWithParent): NodeWithParent | undefined {
  if (call.type !== 'CallExpression') return undefined;
  const args = call.arguments;
  const steps = (finding.trace ?? []).filter((s) => s.file === finding.file);
  for (const step of [...steps].reverse()) {
    const start = sourceCode.getIndexFromLoc({ line: step.line, column: step.column - 1 });
    const end = sourceCode.getIndexFromLoc({ line: step.endLine, column: step.endColumn - 1 });
    const inArgument = args.some((a) => a.range && a.range[0] <= start && end <= a.range[1]);
    if (!inArgument) continue;
    const node = nodeSpanning(sourceCode, start, end);
    if (node) return node;
  }
  return undefined;
}

function nodeSpanning(sourceCode: SourceCode, start: number, end: number): NodeWithParent | undefined {
  let node = sourceCode.getNodeByRangeIndex(start) as NodeWithParent | null;
  // The deepest node at `start` may be a part of the step (`req` of `req.headers`): climb to it.
  while (node?.range && node.range[0] >= start && node.range[1] < end) node = (node.parent as NodeWithParent | undefined) ?? null;
  if (node?.range?.[0] !== start || node.range[1] !== end) return undefined;
  return wholeChain(node);
}

/**
 * A trace step names the secret's container as it was read (`req.headers`); what is logged is the
 * whole access or call chain built on it (`req.headers.authorization`), so that is what gets wrapped.
 */
function wholeChain(node: NodeWithParent): NodeWithParent {
  let current = node;
  for (;;) {
    const parent = current.parent as NodeWithParent | undefined;
    const extends_ = (parent?.type === 'MemberExpression' && parent.object === current) || (parent?.type === 'CallExpression' && parent.callee === current);
    if (!parent || !extends_) return current;
    current = parent;
  }
}

/** A redactor variable visible at `node`, nearest scope first; configured sanitizers count too. */
function redactorInScope(sourceCode: SourceCode, node: NodeWithParent, sanitizers: readonly string[]): string | undefined {
  for (let scope: Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const found = scope.variables.find((v) => v.defs.length > 0 && (REDACTOR_NAME.test(v.name) || sanitizers.includes(v.name)));
    if (found) return found.name;
  }
  return undefined;
}
