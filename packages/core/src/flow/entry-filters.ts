import { ts } from '../parse/typescript.js';
import { dottedNameOf, unwrap } from './scope.js';

const { SyntaxKind, isArrayBindingPattern, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isConditionalExpression, isFunctionExpression, isIdentifier, isNewExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isStringLiteralLike } = ts;

/**
 * The keys an entry filter drops from an object's entries, the way a redaction helper is written:
 * `Object.entries(headers).filter(([k]) => k !== 'authorization' && !HIDDEN.includes(k))`, or
 * `.map(([k, v]) => [k, SENSITIVE.has(k) ? '[redacted]' : v])` (a literal in place of the value).
 * Undefined when the call is not such a filter, or its test is not one of key comparisons with
 * literal keys (written there, or in a const list or Set of the file: `constValue` reads those).
 */
export function droppedEntryKeys(call: ts.CallExpression, constValue: (e: ts.Expression) => ts.Expression): string[] | undefined {
  const callee = unwrap(call.expression);
  if (!isPropertyAccessExpression(callee) || (callee.name.text !== 'filter' && callee.name.text !== 'map')) return undefined;
  const entries = unwrap(callee.expression);
  if (!isCallExpression(entries) || dottedNameOf(entries.expression) !== 'Object.entries') return undefined;
  const fn = call.arguments[0] && unwrap(call.arguments[0]);
  if (!fn || !(isArrowFunction(fn) || isFunctionExpression(fn))) return undefined;
  const pattern = fn.parameters[0]?.name;
  const key = pattern && isArrayBindingPattern(pattern) ? pattern.elements[0] : undefined;
  if (!key || !ts.isBindingElement(key) || !isIdentifier(key.name)) return undefined;
  const body = returnedOf(fn);
  if (!body) return undefined;
  const keys = { name: key.name.text, constValue };
  if (callee.name.text === 'filter') return keysWhere(body, false, keys);
  // `[k, test ? '[redacted]' : v]`: the keys the test picks lose their values.
  const pair = unwrap(body);
  const value = isArrayLiteralExpression(pair) && pair.elements.length === 2 ? unwrap(pair.elements[1] as ts.Expression) : undefined;
  if (!value || !isConditionalExpression(value) || !isLiteralValue(unwrap(value.whenTrue))) return undefined;
  return keysWhere(value.condition, true, keys);
}

interface KeyTest {
  /** The key's variable (`k` of `([k, v]) => ...`). */
  name: string;
  constValue: (e: ts.Expression) => ts.Expression;
}

/** The keys for which `test` comes out `outcome`, when it is made only of comparisons of the key with literals. */
function keysWhere(test: ts.Expression, outcome: boolean, key: KeyTest): string[] | undefined {
  const e = unwrap(test);
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) return keysWhere(e.operand, !outcome, key);
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // `a && b` is false where either is; `a || b` true where either is.
    if ((op === SyntaxKind.AmpersandAmpersandToken && !outcome) || (op === SyntaxKind.BarBarToken && outcome)) {
      const left = keysWhere(e.left, outcome, key);
      const right = keysWhere(e.right, outcome, key);
      return left && right ? [...left, ...right] : undefined;
    }
    const equal = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
    const unequal = op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken;
    if (!equal && !unequal) return undefined;
    const [other, literal] = isKey(e.left, key) ? [e.left, unwrap(e.right)] : [e.right, unwrap(e.left)];
    if (!isKey(other, key) || !isStringLiteralLike(literal)) return undefined;
    // `k === 'a'` is true for `a`; `k !== 'a'` false for it.
    return equal === outcome ? spellings(literal.text) : undefined;
  }
  // `LIST.includes(k)`, `SET.has(k)`, `['a', 'b'].includes(k)`: true for the listed keys.
  if (outcome && isCallExpression(e) && isPropertyAccessExpression(e.expression) && (e.expression.name.text === 'includes' || e.expression.name.text === 'has') && e.arguments[0] && isKey(e.arguments[0], key)) {
    return listedKeys(key.constValue(e.expression.expression), key);
  }
  return undefined;
}

/** `k`, `k.toLowerCase()`: the key being tested. */
function isKey(expr: ts.Expression, key: KeyTest): boolean {
  let e = unwrap(expr);
  if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.arguments.length === 0 && /^to(?:Lower|Upper)Case$/.test(e.expression.name.text)) e = unwrap(e.expression.expression);
  return isIdentifier(e) && e.text === key.name;
}

/** The string literals of `['a', 'b']` or `new Set(['a', 'b'])`, also held in consts. */
function listedKeys(list: ts.Expression, key: KeyTest): string[] | undefined {
  let e = unwrap(list);
  if (isNewExpression(e) && e.arguments?.[0]) e = unwrap(key.constValue(e.arguments[0]));
  if (!isArrayLiteralExpression(e)) return undefined;
  const keys: string[] = [];
  for (const element of e.elements) {
    const item = unwrap(element);
    if (!isStringLiteralLike(item)) return undefined;
    keys.push(...spellings(item.text));
  }
  return keys;
}

/** A key as written, and lowercased (headers arrive lowercased; `'Authorization'` names `authorization`). */
function spellings(key: string): string[] {
  const lower = key.toLowerCase();
  return lower === key ? [key] : [key, lower];
}

function isLiteralValue(e: ts.Expression): boolean {
  return isStringLiteralLike(e) || e.kind === SyntaxKind.NullKeyword || (isIdentifier(e) && e.text === 'undefined');
}

/** The expression a callback returns: its concise body, or its one `return`. */
function returnedOf(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression | undefined {
  if (!isBlock(fn.body)) return fn.body;
  const [only] = fn.body.statements;
  return fn.body.statements.length === 1 && only && isReturnStatement(only) ? only.expression : undefined;
}
