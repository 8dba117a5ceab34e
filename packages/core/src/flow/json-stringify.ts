import { returnedExpressionOf } from '../parse/returned-expression.js';
import { ts } from '../parse/typescript.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isCallExpression, isConditionalExpression, isFunctionDeclaration, isFunctionExpression, isIdentifier, isLiteralExpression, isPropertyAccessExpression, isStringLiteralLike } = ts;

/** `JSON.stringify`: its result is the text of its first argument, whole. */
export function isJsonStringify(callee: ts.Expression): boolean {
  const e = unwrap(callee);
  return isPropertyAccessExpression(e) && e.name.text === 'stringify' && isIdentifier(e.expression) && e.expression.text === 'JSON';
}

/**
 * What a `JSON.stringify` replacer lets through: an array lists the only keys written
 * (`JSON.stringify(user, ['id', 'email'])`); a function that answers a literal instead of the value
 * for some keys (`(k, v) => (k === 'password' ? undefined : v)`, `['token', 'secret'].includes(k)
 * ? '[redacted]' : v`) drops them. Undefined for any other replacer.
 */
export function replacerKeysOf(replacer: ts.Expression | ts.FunctionDeclaration, valueOf: (e: ts.Expression) => ts.Expression = unwrap): { keep: string[] } | { drop: string[] } | undefined {
  const e = isFunctionDeclaration(replacer) ? replacer : valueOf(replacer);
  if (isArrayLiteralExpression(e)) {
    const keys = e.elements.map((el) => unwrap(el));
    return keys.every(isStringLiteralLike) ? { keep: keys.map((k) => k.text) } : undefined;
  }
  if (!isArrowFunction(e) && !isFunctionExpression(e) && !isFunctionDeclaration(e)) return undefined;
  const [key, value] = e.parameters.map((p) => (isIdentifier(p.name) ? p.name.text : undefined));
  if (key === undefined || value === undefined || e.body === undefined) return undefined;
  const body = returnedExpressionOf(e);
  const choice = body && unwrap(body);
  if (!choice || !isConditionalExpression(choice)) return undefined;
  const isValue = (x: ts.Expression) => isIdentifier(unwrap(x)) && (unwrap(x) as ts.Identifier).text === value;
  const isLiteral = (x: ts.Expression) => { const u = unwrap(x); return isLiteralExpression(u) || u.kind === SyntaxKind.NullKeyword || (isIdentifier(u) && u.text === 'undefined'); };
  const keys = keysTestedBy(choice.condition, key, valueOf);
  if (!keys) return undefined;
  // `k === 'password' ? undefined : v` drops the keys tested; `k !== 'password' ? v : undefined` the same, written the other way.
  if (keys.equal && isLiteral(choice.whenTrue) && isValue(choice.whenFalse)) return { drop: keys.names };
  if (!keys.equal && isValue(choice.whenTrue) && isLiteral(choice.whenFalse)) return { drop: keys.names };
  return undefined;
}


/**
 * `k === 'a' || k === 'b'`, `['a', 'b'].includes(k)`, `SENSITIVE.includes(k)` and `new Set([...]).has(k)`
 * of a const (equal), `k !== 'a' && k !== 'b'` (not equal): the keys compared with `key`.
 */
function keysTestedBy(test: ts.Expression, key: string, valueOf: (e: ts.Expression) => ts.Expression): { equal: boolean; names: string[] } | undefined {
  const e = unwrap(test);
  const method = isCallExpression(e) && isPropertyAccessExpression(e.expression) && e.arguments.length === 1 ? e.expression.name.text : undefined;
  if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && (method === 'includes' || method === 'has')) {
    const list = listOf(valueOf(e.expression.expression), method);
    const arg = e.arguments[0] && unwrap(e.arguments[0]);
    if (!list || !arg || !isIdentifier(arg) || arg.text !== key) return undefined;
    const names = list.elements.map((el) => unwrap(el));
    return names.every(isStringLiteralLike) ? { equal: true, names: names.map((n) => n.text) } : undefined;
  }
  if (!isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op === SyntaxKind.BarBarToken || op === SyntaxKind.AmpersandAmpersandToken) {
    const left = keysTestedBy(e.left, key, valueOf);
    const right = keysTestedBy(e.right, key, valueOf);
    // `||` joins equalities, `&&` joins inequalities; a mix is some other test.
    const equal = op === SyntaxKind.BarBarToken;
    return left && right && left.equal === equal && right.equal === equal ? { equal, names: [...left.names, ...right.names] } : undefined;
  }
  const equal = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== SyntaxKind.ExclamationEqualsEqualsToken && op !== SyntaxKind.ExclamationEqualsToken) return undefined;
  const [a, b] = [unwrap(e.left), unwrap(e.right)];
  const literal = isIdentifier(a) && a.text === key ? b : isIdentifier(b) && b.text === key ? a : undefined;
  return literal && isStringLiteralLike(literal) ? { equal, names: [literal.text] } : undefined;
}

/** The array literal an `includes` reads, or the one a `Set` it tests with `has` was made from. */
function listOf(holder: ts.Expression, method: string): ts.ArrayLiteralExpression | undefined {
  if (method === 'includes') return isArrayLiteralExpression(holder) ? holder : undefined;
  const made = ts.isNewExpression(holder) && isIdentifier(holder.expression) && holder.expression.text === 'Set' ? holder.arguments?.[0] : undefined;
  return made && isArrayLiteralExpression(unwrap(made)) ? (unwrap(made) as ts.ArrayLiteralExpression) : undefined;
}
