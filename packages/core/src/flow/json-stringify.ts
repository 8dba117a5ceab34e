import { ts } from '../parse/typescript.js';
import { unwrap } from './scope.js';

/** `JSON.stringify`: its result is the text of its first argument, whole. */
export function isJsonStringify(callee: ts.Expression): boolean {
  const e = unwrap(callee);
  return ts.isPropertyAccessExpression(e) && e.name.text === 'stringify' && ts.isIdentifier(e.expression) && e.expression.text === 'JSON';
}

/**
 * What a `JSON.stringify` replacer lets through: an array lists the only keys written
 * (`JSON.stringify(user, ['id', 'email'])`); a function that answers a literal instead of the value
 * for some keys (`(k, v) => (k === 'password' ? undefined : v)`, `['token', 'secret'].includes(k)
 * ? '[redacted]' : v`) drops them. Undefined for any other replacer.
 */
export function replacerKeysOf(replacer: ts.Expression | ts.FunctionDeclaration): { keep: string[] } | { drop: string[] } | undefined {
  const e = ts.isFunctionDeclaration(replacer) ? replacer : unwrap(replacer);
  if (ts.isArrayLiteralExpression(e)) {
    const keys = e.elements.map((el) => unwrap(el));
    return keys.every(ts.isStringLiteralLike) ? { keep: keys.map((k) => k.text) } : undefined;
  }
  if (!ts.isArrowFunction(e) && !ts.isFunctionExpression(e) && !ts.isFunctionDeclaration(e)) return undefined;
  const [key, value] = e.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : undefined));
  if (key === undefined || value === undefined || e.body === undefined) return undefined;
  const body = ts.isBlock(e.body) ? onlyReturned(e.body) : e.body;
  const choice = body && unwrap(body);
  if (!choice || !ts.isConditionalExpression(choice)) return undefined;
  const isValue = (x: ts.Expression) => ts.isIdentifier(unwrap(x)) && (unwrap(x) as ts.Identifier).text === value;
  const isLiteral = (x: ts.Expression) => { const u = unwrap(x); return ts.isLiteralExpression(u) || u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined'); };
  const keys = keysTestedBy(choice.condition, key);
  if (!keys) return undefined;
  // `k === 'password' ? undefined : v` drops the keys tested; `k !== 'password' ? v : undefined` the same, written the other way.
  if (keys.equal && isLiteral(choice.whenTrue) && isValue(choice.whenFalse)) return { drop: keys.names };
  if (!keys.equal && isValue(choice.whenTrue) && isLiteral(choice.whenFalse)) return { drop: keys.names };
  return undefined;
}

/** The expression of a block's only statement when it is a `return`. */
function onlyReturned(block: ts.Block): ts.Expression | undefined {
  const [only] = block.statements;
  return block.statements.length === 1 && only && ts.isReturnStatement(only) ? only.expression : undefined;
}

/** `k === 'a' || k === 'b'`, `['a', 'b'].includes(k)` (equal), `k !== 'a' && k !== 'b'` (not equal): the keys compared with `key`. */
function keysTestedBy(test: ts.Expression, key: string): { equal: boolean; names: string[] } | undefined {
  const e = unwrap(test);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'includes' && e.arguments.length === 1) {
    const list = unwrap(e.expression.expression);
    const arg = e.arguments[0] && unwrap(e.arguments[0]);
    if (!ts.isArrayLiteralExpression(list) || !arg || !ts.isIdentifier(arg) || arg.text !== key) return undefined;
    const names = list.elements.map((el) => unwrap(el));
    return names.every(ts.isStringLiteralLike) ? { equal: true, names: names.map((n) => n.text) } : undefined;
  }
  if (!ts.isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken) {
    const left = keysTestedBy(e.left, key);
    const right = keysTestedBy(e.right, key);
    // `||` joins equalities, `&&` joins inequalities; a mix is some other test.
    const equal = op === ts.SyntaxKind.BarBarToken;
    return left && right && left.equal === equal && right.equal === equal ? { equal, names: [...left.names, ...right.names] } : undefined;
  }
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const [a, b] = [unwrap(e.left), unwrap(e.right)];
  const literal = ts.isIdentifier(a) && a.text === key ? b : ts.isIdentifier(b) && b.text === key ? a : undefined;
  return literal && ts.isStringLiteralLike(literal) ? { equal, names: [literal.text] } : undefined;
}
