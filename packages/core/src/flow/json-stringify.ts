import { returnedExpressionOf } from '../parse/returned-expression.js';
import { ts } from '../parse/typescript.js';
import { omitKeys, projectTaint, wrapTaint } from './propagate.js';
import { unwrap } from './scope.js';
import type { NameClassifier } from './sensitive-names.js';
import type { KeyPattern, Taint } from './taint.js';

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
export type ReplacedKeys = { keep: string[] } | { drop: string[] } | { dropMatching: KeyPattern };
export type { KeyPattern } from './taint.js';


export function replacerKeysOf(replacer: ts.Expression | ts.FunctionDeclaration, valueOf: (e: ts.Expression) => ts.Expression = unwrap): ReplacedKeys | undefined {
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
  // `/token|secret/i.test(k) ? '[redacted]' : v`: every key the expression matches, at any depth.
  const pattern = keyPatternOf(choice.condition, key, valueOf);
  if (pattern) return (pattern.matching ? isLiteral(choice.whenTrue) && isValue(choice.whenFalse) : isValue(choice.whenTrue) && isLiteral(choice.whenFalse)) ? { dropMatching: pattern.regex } : undefined;
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

/** `PATTERN.test(k)` (matching) or `!PATTERN.test(k)` of a regular expression written in place or in a const. */
function keyPatternOf(test: ts.Expression, key: string, valueOf: (e: ts.Expression) => ts.Expression): { matching: boolean; regex: KeyPattern } | undefined {
  const e = unwrap(test);
  if (ts.isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) {
    const inner = keyPatternOf(e.operand, key, valueOf);
    return inner && { ...inner, matching: !inner.matching };
  }
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'test' || e.arguments.length !== 1) return undefined;
  const arg = e.arguments[0] && unwrap(e.arguments[0]);
  const regex = unwrap(valueOf(e.expression.expression));
  if (!arg || !isIdentifier(arg) || arg.text !== key || !ts.isRegularExpressionLiteral(regex)) return undefined;
  const end = regex.text.lastIndexOf('/');
  return { matching: true, regex: { source: regex.text.slice(1, end), flags: regex.text.slice(end + 1) } };
}

/** The array literal an `includes` reads, or the one a `Set` it tests with `has` was made from. */
function listOf(holder: ts.Expression, method: string): ts.ArrayLiteralExpression | undefined {
  if (method === 'includes') return isArrayLiteralExpression(holder) ? holder : undefined;
  const made = ts.isNewExpression(holder) && isIdentifier(holder.expression) && holder.expression.text === 'Set' ? holder.arguments?.[0] : undefined;
  return made && isArrayLiteralExpression(unwrap(made)) ? (unwrap(made) as ts.ArrayLiteralExpression) : undefined;
}

/** What a `JSON.stringify` replacer lets through (see `replacerKeysOf`); a string secret is written whole. */
export function replacedTaint(taint: Taint, replaced: ReplacedKeys, names: NameClassifier): Taint {
  if ('drop' in replaced) return omitKeys(taint, replaced.drop);
  if ('dropMatching' in replaced) return withoutMatchingKeys(taint, replaced.dropMatching);
  const { keep } = replaced;
  return taint.flatMap((item): Taint => {
    const head = item.path[0];
    if (head !== undefined) return head === '*' || keep.includes(head) ? [item] : [];
    // Headers or an environment list only the entries kept: those that are credentials still are.
    if (item.k === 'secret' && item.container !== undefined) return keep.flatMap((k) => wrapTaint(projectTaint([item], k, names, `${item.label}.${k}`), k));
    return [item];
  });
}

/**
 * A replacer that answers a literal for every key a regular expression matches: what sits under
 * such a key, at any depth, is not written; a parameter's or a call's value is filtered so once
 * known. An expression that cannot be read keeps everything.
 */
export function withoutMatchingKeys(taint: Taint, pattern: KeyPattern): Taint {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  } catch {
    return taint;
  }
  return taint.flatMap((item): Taint => {
    if (item.path.some((key) => regex.test(key))) return [];
    return item.k === 'secret' || item.omitMatching !== undefined ? [item] : [{ ...item, omitMatching: pattern }];
  });
}
