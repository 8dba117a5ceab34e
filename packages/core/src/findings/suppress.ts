import { ts } from '../parse/typescript.js';

/**
 * `// shiftguard-ignore-next-line RULE[, RULE] -- reason` or `// shiftguard-ignore RULE -- reason`.
 * `appliesToLine` is the line a finding must start on to be suppressed.
 */
export interface SuppressionComment {
  line: number;
  column: number;
  appliesToLine: number;
  ruleIds: string[];
  /** Empty when the comment gives no reason: such a comment suppresses nothing and is reported. */
  reason: string;
}

const DIRECTIVE = /^\s*(?:\/\/|\/\*+)\s*shiftguard-(ignore-next-line|ignore)\b([^]*?)(?:\*\/)?\s*$/;

/** Finds suppression comments by scanning comment trivia, never by regex over code. */
export function extractSuppressions(sf: ts.SourceFile): SuppressionComment[] {
  const text = sf.text;
  if (!text.includes('shiftguard-ignore')) return [];
  const out: SuppressionComment[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sf.languageVariant, text);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const comment = scanner.getTokenText();
    const match = DIRECTIVE.exec(comment);
    if (!match) continue;
    const pos = sf.getLineAndCharacterOfPosition(scanner.getTokenStart());
    const [rulesPart = '', reason = ''] = (match[2] ?? '').split(/\s--\s?/, 2);
    const line = pos.line + 1;
    out.push({
      line,
      column: pos.character + 1,
      appliesToLine: match[1] === 'ignore-next-line' ? line + 1 : line,
      ruleIds: rulesPart.split(/[\s,]+/).filter(Boolean),
      reason: reason.trim(),
    });
  }
  return out;
}
