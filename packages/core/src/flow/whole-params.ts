import { ts } from '../parse/typescript.js';
import { walkTree } from '../parse/walk-tree.js';
import { type FileContext, lookup } from './file-context.js';
import type { Binding } from './scope.js';
import { propertyNameOf, unwrap } from './scope.js';
import { constantValue, isMaskingReplace, isShortSlice } from './sanitisers.js';
import { isNullishLiteral } from '../parse/nullish-literal.js';

// Which parameters a function hands back whole: a sanitiser-named function (`mask`, `hash`) that
// returns its input unchanged, or a string or object that still holds all of it (`'***' + v`,
// `` `[${v}]` ``, `v.toUpperCase()`, `{ value: v }`), is no sanitiser. Handing the input back only
// when it is empty (`if (!v) return v`) leaks nothing, so those returns do not count.

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isBinaryExpression, isCallExpression, isConditionalExpression, isDeleteExpression, isElementAccessExpression, isIdentifier, isIfStatement, isNumericLiteral, isObjectLiteralExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSpreadAssignment, isSpreadElement, isStringLiteralLike, isTemplateExpression } = ts;

/** Methods whose result holds all of the receiver (`concat` its arguments too). */
const WHOLE_METHODS = new Set([
  'toString', 'valueOf', 'trim', 'trimStart', 'trimEnd', 'toJSON', 'toUpperCase', 'toLowerCase', 'toLocaleUpperCase',
  'toLocaleLowerCase', 'padStart', 'padEnd', 'normalize', 'concat', 'join', 'toLocaleString',
  // Every character still there, rearranged: `v.split('').reverse().join('')`.
  'split', 'reverse', 'toReversed', 'sort', 'toSorted', 'flat',
]);
/** Calls whose result holds every argument: stringifying, encoding, cloning. */
const WHOLE_CALLS = new Set([
  'String', 'structuredClone', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'Buffer.from', 'util.format', 'format',
  'util.inspect', 'inspect', 'JSON.parse', 'Array.from', 'Object.fromEntries', 'Object.entries',
]);
const MAX_DEPTH = 8;

/** Parameters some `return` hands back whole (also through aliases, fallbacks, strings and objects built from them). */
export function wholeParams(node: ts.SignatureDeclaration & { body?: ts.Node }, returns: ts.Expression[], fc: FileContext): number[] {
  const out = new Set<number>();
  let mutated: Set<Binding> | undefined;
  // `delete obj.password; return obj;` hands back a changed object: that is redaction.
  const isMutated = (b: Binding) => (mutated ??= mutatedBindings(node, fc)).has(b);
  for (const r of returns) {
    for (const index of wholeOf(r, node, fc, 0, isMutated)) if (!isReturnedOnlyWhenEmpty(r, node, index, fc)) out.add(index);
  }
  return [...out].sort((a, b) => a - b);
}

/** Parameters and local variables the function changes in place: `delete p.x`, `copy.x = ...`. */
function mutatedBindings(node: ts.SignatureDeclaration & { body?: ts.Node }, fc: FileContext): Set<Binding> {
  const out = new Set<Binding>();
  if (!node.body) return out;
  walkTree(node.body, (n) => {
    let target: ts.Expression | undefined;
    if (isDeleteExpression(n)) target = n.expression;
    else if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken && (isPropertyAccessExpression(n.left) || isElementAccessExpression(n.left))) target = n.left;
    if (!target) return true;
    let root = unwrap(target);
    while (isPropertyAccessExpression(root) || isElementAccessExpression(root)) root = unwrap(root.expression);
    const binding = isIdentifier(root) ? lookup(fc, root) : undefined;
    if (binding) out.add(binding);
    return true;
  });
  return out;
}

type Next = (x: ts.Expression) => number[];

/** The parameters `expr` holds whole: `v`, `String(v)`, `` `${v}` ``, `'*' + v`, `v ?? ''`, `ok ? v : ''`, `{ v }`. */
function wholeOf(expr: ts.Expression, fn: ts.SignatureDeclaration, fc: FileContext, depth: number, isMutated: (b: Binding) => boolean): number[] {
  if (depth > MAX_DEPTH) return [];
  const e = unwrap(expr);
  const next: Next = (x) => wholeOf(x, fn, fc, depth + 1, isMutated);
  if (isCallExpression(e)) return callWhole(e, next, fc);
  if (isObjectLiteralExpression(e)) return objectWhole(e, next, fc);
  if (isArrayLiteralExpression(e)) return e.elements.flatMap((el) => next(isSpreadElement(el) ? el.expression : el));
  if (isTemplateExpression(e)) return e.templateSpans.flatMap((span) => next(span.expression));
  if (isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === SyntaxKind.PlusToken || op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken) return [...next(e.left), ...next(e.right)];
    return op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.CommaToken ? next(e.right) : [];
  }
  if (isConditionalExpression(e)) {
    // `v ? mask(v) : v` hands `v` back only when it is empty.
    const test = emptinessTest(e.condition);
    const branch = (x: ts.Expression, when: boolean) => next(x).filter((i) => !(test && test.emptyWhen === when && isParam(test.id, fn, i, fc)));
    return [...branch(e.whenTrue, true), ...branch(e.whenFalse, false)];
  }
  if (!isIdentifier(e)) return [];
  const binding = lookup(fc, e);
  if (!binding) return [];
  const held = heldParams(binding, fn, next);
  // Asked last: it walks the function's body, and most names hold no parameter whole anyway.
  return held.length > 0 && !isMutated(binding) ? held : [];
}

/** The parameters a name holds whole: the parameter itself, or what a variable bound once to an expression holds. */
function heldParams(binding: Binding, fn: ts.SignatureDeclaration, next: Next): number[] {
  if (binding.kind === 'param') return binding.fn === fn && binding.proj.length === 0 && !binding.rest && binding.omit === undefined ? [binding.index] : [];
  const value = binding.kind === 'var' && binding.values.length === 1 ? binding.values[0] : undefined;
  // `const { password, ...rest } = v; return rest;` leaves fields out: not the input whole.
  return value && value.path.length === 0 && value.wrap.length === 0 && value.omit === undefined ? next(value.expr) : [];
}

/** `String(v)`, `v.toUpperCase()`, `v.slice(2)`, `structuredClone(v)`, `Object.assign({}, v)`, `JSON.stringify(v)`. */
function callWhole(call: ts.CallExpression, next: Next, fc: FileContext): number[] {
  const callee = unwrap(call.expression);
  const args = call.arguments;
  const dotted = dottedCallee(call);
  // `JSON.stringify(v, (k, x) => ...)`, `JSON.stringify(v, ['id'])`: a replacer picks what is written.
  if (dotted === 'JSON.stringify') return args[1] === undefined || isNullishLiteral(unwrap(args[1])) ? args.slice(0, 1).flatMap(next) : [];
  if (dotted !== undefined && WHOLE_CALLS.has(dotted)) return args.flatMap(next);
  if (dotted === 'Object.assign') return args.some((a) => overridesSecret(a, fc)) ? [] : args.flatMap(next);
  if (!isPropertyAccessExpression(callee)) return [];
  const name = callee.name.text;
  if (WHOLE_METHODS.has(name)) return name === 'concat' ? [...next(callee.expression), ...args.flatMap(next)] : next(callee.expression);
  // `Object.entries(v).map(([k, x]) => [k, x])`: every entry handed back as it was.
  if (name === 'map' && args[0] && isIdentityCallback(args[0])) return next(callee.expression);
  // `v.slice(4)`, `v.substring(0, 40)`: most of the string is still most of the secret.
  if (name === 'slice' || name === 'substring' || name === 'substr') return isShortSlice(name, args, callee.expression, (x) => constantValue(x, fc)) ? [] : next(callee.expression);
  if (name === 'replace' || name === 'replaceAll') return isMaskingReplace(name, args) ? [] : next(callee.expression);
  return [];
}

/**
 * `{ ...v }`, `{ ...v, at: Date.now() }`, `{ value: v }`: an object that keeps the input whole,
 * unless it overrides a secret-named field of what it spreads.
 */
function objectWhole(obj: ts.ObjectLiteralExpression, next: Next, fc: FileContext): number[] {
  const spreads = obj.properties.filter(isSpreadAssignment).flatMap((p) => next(p.expression));
  const values = obj.properties.flatMap((p) => (isPropertyAssignment(p) ? next(p.initializer) : isShorthandPropertyAssignment(p) ? next(p.name) : []));
  return [...(overridesSecret(obj, fc) ? [] : spreads), ...values];
}

/** An object literal giving a secret-named field a value of its own: `{ password: '[redacted]' }`. */
function overridesSecret(expr: ts.Expression, fc: FileContext): boolean {
  const e = unwrap(expr);
  return isObjectLiteralExpression(e) && e.properties.some((p) => !isSpreadAssignment(p) && p.name !== undefined && fc.names.isSecretName(propertyNameOf(p.name) ?? ''));
}

/** `(x) => x`, `([k, v]) => [k, v]`: a callback that returns its element unchanged. */
function isIdentityCallback(arg: ts.Expression): boolean {
  const fn = unwrap(arg);
  if (!ts.isArrowFunction(fn) || fn.parameters.length !== 1 || ts.isBlock(fn.body)) return false;
  const [param] = fn.parameters;
  const body = unwrap(fn.body);
  if (param && isIdentifier(param.name)) return isIdentifier(body) && body.text === param.name.text;
  if (!param || !ts.isArrayBindingPattern(param.name) || !isArrayLiteralExpression(body)) return false;
  const names = param.name.elements.map((el) => (ts.isBindingElement(el) && isIdentifier(el.name) ? el.name.text : undefined));
  return names.length === body.elements.length && names.every((n, i) => { const el = body.elements[i]; return n !== undefined && el !== undefined && isIdentifier(el) && el.text === n; });
}

function dottedCallee(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (isIdentifier(callee)) return callee.text;
  return isPropertyAccessExpression(callee) && isIdentifier(unwrap(callee.expression)) ? `${(unwrap(callee.expression) as ts.Identifier).text}.${callee.name.text}` : undefined;
}

/** `if (!v) return v;`: the return sits in the branch of an `if` where parameter `index` is empty. */
function isReturnedOnlyWhenEmpty(ret: ts.Expression, fn: ts.SignatureDeclaration, index: number, fc: FileContext): boolean {
  let child: ts.Node = ret;
  for (let n = ret.parent; n && n !== fn; child = n, n = n.parent) {
    if (!isIfStatement(n) || child === n.expression) continue;
    const test = emptinessTest(n.expression);
    if (test && test.emptyWhen === (child === n.thenStatement) && isParam(test.id, fn, index, fc)) return true;
  }
  return false;
}

function isParam(id: ts.Identifier, fn: ts.SignatureDeclaration, index: number, fc: FileContext): boolean {
  const binding = lookup(fc, id);
  return binding?.kind === 'param' && binding.fn === fn && binding.index === index && binding.proj.length === 0;
}

/**
 * The identifier a condition tests for emptiness, and whether the condition is true when it is
 * empty: `v`, `!v`, `v.length`, `v == null`, `v === ''`, `v.length === 0`, `v !== undefined`.
 */
export function emptinessTest(cond: ts.Expression): { id: ts.Identifier; emptyWhen: boolean } | undefined {
  const e = unwrap(cond);
  if (isIdentifier(e)) return { id: e, emptyWhen: false };
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) {
    const inner = emptinessTest(e.operand);
    return inner && { id: inner.id, emptyWhen: !inner.emptyWhen };
  }
  if (isPropertyAccessExpression(e) && e.name.text === 'length') {
    const base = unwrap(e.expression);
    return isIdentifier(base) ? { id: base, emptyWhen: false } : undefined;
  }
  if (!isBinaryExpression(e)) return undefined;
  const op = e.operatorToken.kind;
  // `v === undefined || v.length === 0`: empty when either says so; `v && v.length`: non-empty when both do.
  if (op === SyntaxKind.BarBarToken || op === SyntaxKind.AmpersandAmpersandToken) {
    const [left, right] = [emptinessTest(e.left), emptinessTest(e.right)];
    const emptyWhen = op === SyntaxKind.BarBarToken;
    return left && right && left.id.text === right.id.text && left.emptyWhen === emptyWhen && right.emptyWhen === emptyWhen ? left : undefined;
  }
  const equal = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== SyntaxKind.ExclamationEqualsEqualsToken && op !== SyntaxKind.ExclamationEqualsToken) return undefined;
  const [subject, other] = isEmptyValue(e.right) ? [e.left, e.right] : isEmptyValue(e.left) ? [e.right, e.left] : [undefined, undefined];
  if (!subject || !other) return undefined;
  const inner = emptinessTest(subject);
  // `v.length === 0` reads the length: only the literal 0 compares it with empty.
  const isLength = isPropertyAccessExpression(unwrap(subject));
  if (!inner || (isLength && !isNumericLiteral(unwrap(other))) || (!isLength && !isIdentifier(unwrap(subject)))) return undefined;
  return { id: inner.id, emptyWhen: equal };
}

/** `null`, `undefined`, `''`, `0`: what an empty input compares equal to. */
function isEmptyValue(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (e.kind === SyntaxKind.NullKeyword) return true;
  if (isIdentifier(e)) return e.text === 'undefined';
  if (isStringLiteralLike(e)) return e.text === '';
  return isNumericLiteral(e) && e.text === '0';
}
