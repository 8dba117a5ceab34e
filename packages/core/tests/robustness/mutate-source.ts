import fc from 'fast-check';

/** One edit to a token list. Positions are taken modulo the list length, so any integer is valid. */
export type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; count: number; to: number }
  | { kind: 'truncate'; at: number };

// Tokens chosen to break structure: unbalanced brackets, unterminated literals and templates,
// comment openers, regex look-alikes, JSX, decorators, BOM/NUL/surrogates and line terminators.
const HOSTILE_TOKENS = [
  '{', '}', '(', ')', '[', ']', '`', '${', "'", '"', '/*', '*/', '//', '/', '<', '>', '</div>', '<T,>', '=>', '@',
  '#!', '?.', '??=', '...', ';', ',', 'async', 'await', 'yield', 'class', 'function', 'export default', 'import(',
  'enum', 'declare module', '\\u{', '\uFEFF', '\u0000', '\uD800', '\u2028', '\r', '\r\n', '\t', 'app.use(', 'logger.info(',
];

/** Splits source into tokens that keep every character: identifiers, numbers, whitespace runs, single symbols. */
export function tokenize(text: string): string[] {
  return text.match(/[A-Za-z_$][\w$]*|\d+|\s+|[\s\S]/gu) ?? [];
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
  let tokens = tokenize(text);
  for (const m of mutations) {
    const at = tokens.length === 0 ? 0 : m.at % tokens.length;
    if (m.kind === 'delete') tokens.splice(at, m.count);
    else if (m.kind === 'insert') tokens.splice(at, 0, m.text);
    else if (m.kind === 'duplicate') tokens.splice(tokens.length === 0 ? 0 : m.to % tokens.length, 0, ...tokens.slice(at, at + m.count));
    else tokens = tokens.slice(0, at);
  }
  return tokens.join('');
}

const position = fc.nat({ max: 100_000 });

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position, count: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    text: fc.oneof(fc.constantFrom(...HOSTILE_TOKENS), fc.string({ unit: 'binary', maxLength: 6 })),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, count: fc.integer({ min: 1, max: 80 }), to: position }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
);
