import { ts } from '../parse/typescript.js';
import { constValueOf, type FileContext, lookup } from './file-context.js';
import { dottedNameOf, unwrap } from './scope.js';
import { splitWords } from './sensitive-names.js';
import { memoByName } from './name-memo.js';
import { isCredentialUrl } from './sources.js';
import { lastNameOf } from '../parse/last-name.js';

// What makes a value safe to log or store: redaction and hashing by name, short literal prefixes
// and suffixes, and literal-only values. Pure syntax checks used by the evaluator.

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isIdentifier, isNumericLiteral, isObjectLiteralExpression, isParameter, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isRegularExpressionLiteral, isStringLiteralLike } = ts;

/** Stems of functions that redact by name (the contract's list plus common spellings). */
const REDACTING_STEMS = ['redact', 'mask', 'obfuscat', 'censor', 'anonymi', 'scrub'];
const HASHING_WORDS = new Set(['hash', 'hashed', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'digest', 'hmac', 'bcrypt', 'argon2', 'scrypt', 'pbkdf2']);
const SHORT_SLICE = 8;

export function isRedactingName(name: string, fc: FileContext): boolean {
  if (fc.config.sanitizers.includes(name)) return true;
  const words = splitWords(name);
  return words.some((w) => REDACTING_STEMS.some((stem) => w.startsWith(stem)));
}

/** Asked of every call a value flows through, by its name. */
export const isHashingName: (name: string) => boolean = memoByName((name) => splitWords(name).some((w) => HASHING_WORDS.has(w)));

/** `createHash('sha256').update(x)` and the like: anything read off a hashing call. */
export function isHashChain(expr: ts.Expression, depth = 0): boolean {
  const e = unwrap(expr);
  if (!isCallExpression(e) || depth > 8) return false;
  const callee = unwrap(e.expression);
  const name = lastNameOf(callee);
  if (name !== undefined && isHashingName(name)) return true;
  return isPropertyAccessExpression(callee) && isHashChain(callee.expression, depth + 1);
}

/** What a name stands for, when known (a const's value, a parameter's default); any other expression as it is. */
export type Resolve = (expr: ts.Expression) => ts.Expression;

const asWritten: Resolve = (expr) => expr;

/** Where the credential starts in an Authorization header: after `Basic ` / `Token ` (6) or `Bearer ` (7). */
const SCHEME_LENGTHS: ReadonlySet<number> = new Set([6, 7]);

/**
 * `s.slice(0, 8)`, `s.slice(-4)`, `s.substring(s.length - 4)`: a short literal prefix or suffix, also
 * of the credential after a header's scheme (`header.substring(7, 15)`);
 * `s.slice(0, s.indexOf('_') + 1)`: the prefix up to its first separator (a key's `sk_live_` kind).
 */
export function isShortSlice(method: string, args: readonly ts.Expression[], receiver?: ts.Expression, resolve: Resolve = asWritten): boolean {
  if (method !== 'slice' && method !== 'substring' && method !== 'substr') return false;
  const numberOf = (e: ts.Expression) => numericValue(resolve(e));
  const [a, b] = args.map(numberOf);
  if (args.length === 1 && args[0] && isShortSuffixStart(args[0], numberOf)) return true;
  if (a === undefined) return false;
  if (args.length === 1) return a < 0 && -a <= SHORT_SLICE && method !== 'substring';
  if (a === 0 && method !== 'substr' && receiver !== undefined && args[1] !== undefined && isSeparatorIndex(resolve(args[1]), receiver, numberOf)) return true;
  if (b === undefined) return false;
  // A prefix: from the start, or from just after an auth scheme (`header.substring(7, 15)`: the
  // token's first characters after `Bearer `). A window elsewhere (`t.slice(2, 6)`) is not one.
  if (a !== 0 && !SCHEME_LENGTHS.has(a)) return false;
  if (method === 'substr') return b <= SHORT_SLICE;
  return b >= a && b - a <= SHORT_SLICE;
}

/** `s.indexOf('_')`, `s.indexOf('.') + 1` on the sliced string itself: where its first separator is. */
function isSeparatorIndex(expr: ts.Expression, receiver: ts.Expression, numberOf: (e: ts.Expression) => number | undefined): boolean {
  let e = unwrap(expr);
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
    const n = numberOf(e.right);
    if (n === undefined || n < 0 || n > SHORT_SLICE) return false;
    e = unwrap(e.left);
  }
  if (!isCallExpression(e) || e.arguments.length !== 1 || !e.arguments[0] || !isStringLiteralLike(unwrap(e.arguments[0]))) return false;
  const callee = unwrap(e.expression);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'indexOf') return false;
  const sliced = dottedNameOf(receiver);
  return sliced !== undefined && dottedNameOf(callee.expression) === sliced;
}

/** `s.length - 4` as a start index: the last four characters. */
function isShortSuffixStart(expr: ts.Expression, numberOf: (e: ts.Expression) => number | undefined): boolean {
  const e = unwrap(expr);
  if (!isBinaryExpression(e) || e.operatorToken.kind !== SyntaxKind.MinusToken) return false;
  const n = numberOf(e.right);
  return isPropertyAccessExpression(unwrap(e.left)) && (unwrap(e.left) as ts.PropertyAccessExpression).name.text === 'length' && n !== undefined && n >= 0 && n <= SHORT_SLICE;
}

function numericValue(expr: ts.Expression | undefined): number | undefined {
  if (!expr) return undefined;
  const e = unwrap(expr);
  if (isNumericLiteral(e)) return Number(e.text);
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.MinusToken && isNumericLiteral(e.operand)) return -Number(e.operand.text);
  return undefined;
}

/** A const's value (`const VISIBLE = 4`, `const i = s.indexOf('.')`) or a parameter's default (`visible = 4`). */
export function constantValue(expr: ts.Expression, fc: FileContext): ts.Expression {
  const e = constValueOf(fc, expr);
  const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
  const initializer = binding?.kind === 'param' && binding.proj.length === 0 && isParameter(binding.node) ? binding.node.initializer : undefined;
  return initializer ? unwrap(initializer) : e;
}

/** What a masking replacement writes: stars, bullets, an ellipsis, `xxxx`, or a word saying so. */
const MASK_TEXT = /[*•●█#…]|x{3,}|\.{3}|redact|hidden|mask|censor|remov|omit/i;
/** A pattern that matches any character of some kind, not one fixed word: `.`, `\w`, `[^@]`, `[a-z]`. */
const BROAD_PATTERN = /(?:^|[^\\])\.|\\[wWsSdD]|\[\^|\[[^\]]*-[^\]]*\]/;

/**
 * `s.replace(/./g, '*')`, `url.replace(/\/\/.*@/, '//***@')`, `s.replace(/./g, () => '•')`:
 * a pattern matching characters of a kind, replaced by a mask. A fixed word replaced
 * (`header.replace('Bearer ', '')`, `s.replace(/Bearer /, '***')`) leaves the rest in clear.
 */
export function isMaskingReplace(method: string, args: readonly ts.Expression[]): boolean {
  if ((method !== 'replace' && method !== 'replaceAll') || args.length !== 2) return false;
  const [pattern, replacement] = args.map(unwrap);
  if (!pattern || !replacement || !isRegularExpressionLiteral(pattern)) return false;
  const body = pattern.text.slice(1, pattern.text.lastIndexOf('/'));
  if (!BROAD_PATTERN.test(body)) return false;
  if (isStringLiteralLike(replacement)) return MASK_TEXT.test(replacement.text);
  // `() => '*'`: a callback that writes the mask whatever it matched.
  if (!isArrowFunction(replacement) || isBlock(replacement.body)) return false;
  const written = unwrap(replacement.body);
  return isStringLiteralLike(written) && MASK_TEXT.test(written.text);
}

/** Literals and conditionals made only of literals: they cannot carry a secret. */
export function isLiteralLike(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  switch (e.kind) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
      return !isCredentialUrl((e as ts.StringLiteral).text);
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return true;
    case SyntaxKind.Identifier:
      return (e as ts.Identifier).text === 'undefined';
    case SyntaxKind.ConditionalExpression:
      return isLiteralLike((e as ts.ConditionalExpression).whenTrue) && isLiteralLike((e as ts.ConditionalExpression).whenFalse);
    default:
      return false;
  }
}

/** Nesting of object and array literals read: design token trees are a few levels deep. */
const MAX_TREE_DEPTH = 8;

/**
 * A value written out in full in the source: a literal, or non-empty object and array literals of
 * such values (`{ color: { primary: { value: '#0055ff' } } }`, a design token tree). Like a literal,
 * it carries no secret a request or the environment brought. Empty ones are left out: `const tokens
 * = []` is filled later (`tokens.push(t)`).
 */
export function isLiteralTree(expr: ts.Expression, depth = 0): boolean {
  if (depth > MAX_TREE_DEPTH) return false;
  const e = unwrap(expr);
  if (isObjectLiteralExpression(e)) return e.properties.length > 0 && e.properties.every((p) => isPropertyAssignment(p) && isLiteralTree(p.initializer, depth + 1));
  if (isArrayLiteralExpression(e)) return e.elements.length > 0 && e.elements.every((el) => isLiteralTree(el, depth + 1));
  return isLiteralLike(e);
}

/**
 * A declared type no secret can have: `tokens: number`, `passwordChanged: boolean`, unions of
 * those with `null`/`undefined` or number/boolean literals, and arrays of them (`tokens: number[]`).
 * The name then only describes a secret (an LLM token count, a flag), as `tokenCount` does. Strings, objects and unknown types keep the name's verdict.
 */
export function isNonSecretType(type: ts.TypeNode | undefined): boolean {
  if (!type) return false;
  switch (type.kind) {
    case SyntaxKind.NumberKeyword:
    case SyntaxKind.BooleanKeyword:
    case SyntaxKind.BigIntKeyword:
      return true;
    case SyntaxKind.LiteralType: {
      const literal = (type as ts.LiteralTypeNode).literal.kind;
      return literal === SyntaxKind.NumericLiteral || literal === SyntaxKind.TrueKeyword || literal === SyntaxKind.FalseKeyword;
    }
    case SyntaxKind.ParenthesizedType:
      return isNonSecretType((type as ts.ParenthesizedTypeNode).type);
    // `tokens: number[]` (an LLM tokenizer's output), `readonly number[]`, `Array<number>`.
    case SyntaxKind.ArrayType:
      return isNonSecretType((type as ts.ArrayTypeNode).elementType);
    case SyntaxKind.TypeOperator:
      return (type as ts.TypeOperatorNode).operator === SyntaxKind.ReadonlyKeyword && isNonSecretType((type as ts.TypeOperatorNode).type);
    case SyntaxKind.TypeReference: {
      const ref = type as ts.TypeReferenceNode;
      const [element] = ref.typeArguments ?? [];
      return isIdentifier(ref.typeName) && COLLECTIONS.has(ref.typeName.text) && ref.typeArguments?.length === 1 && isNonSecretType(element);
    }
    case SyntaxKind.UnionType: {
      const members = (type as ts.UnionTypeNode).types;
      return members.some((t) => !isNullish(t)) && members.every((t) => isNullish(t) || isNonSecretType(t));
    }
    default:
      return false;
  }
}

/**
 * Generic collections whose element type decides: `Array<number>`, `ReadonlySet<number>`. (Typed
 * arrays take no type argument, and a `Uint8Array` may hold a key's bytes: they keep the name's verdict.)
 */
const COLLECTIONS: ReadonlySet<string> = new Set(['Array', 'ReadonlyArray', 'Set', 'ReadonlySet']);

function isNullish(type: ts.TypeNode): boolean {
  if (type.kind === SyntaxKind.UndefinedKeyword) return true;
  return type.kind === SyntaxKind.LiteralType && (type as ts.LiteralTypeNode).literal.kind === SyntaxKind.NullKeyword;
}
