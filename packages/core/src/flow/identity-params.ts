import { ts } from '../parse/typescript.js';
import { walkTree } from '../parse/walk-tree.js';
import { type FileContext, lookup } from './file-context.js';
import { propertyNameOf, unwrap } from './scope.js';

// Which parameters a function hands back unchanged: a sanitiser-named function (`mask`, `hash`)
// that does so is no sanitiser. Handing the input back only when it is empty (`if (!v) return v`)
// leaks nothing, so those returns do not count.

/** Read once: `ts.SyntaxKind` is behind an accessor. */
const { SyntaxKind } = ts;

const NO_OP_METHODS = new Set(['toString', 'valueOf', 'trim', 'toJSON']);
const MAX_DEPTH = 4;

/** Parameters some `return` hands back as they came in (also through aliases, fallbacks and no-op conversions). */
export function identityParams(node: ts.SignatureDeclaration, returns: ts.Expression[], fc: FileContext): number[] {
  const out = new Set<number>();
  for (const r of returns) {
    for (const index of identityOf(r, node, fc, 0)) if (!isReturnedOnlyWhenEmpty(r, node, index, fc)) out.add(index);
  }
  // Most functions return no parameter: their bodies need no second walk.
  if (out.size === 0) return [];
  // `delete obj.password; return obj;` hands back a changed object: that is redaction.
  for (const index of mutatedParams(node, fc)) out.delete(index);
  return [...out].sort((a, b) => a - b);
}

/** Parameters the function changes in place: `delete p.x`, `p.x = ...`. */
function mutatedParams(node: ts.SignatureDeclaration & { body?: ts.Node }, fc: FileContext): Set<number> {
  const out = new Set<number>();
  if (!node.body) return out;
  walkTree(node.body, (n) => {
    let target: ts.Expression | undefined;
    if (ts.isDeleteExpression(n)) target = n.expression;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left))) target = n.left;
    if (!target) return true;
    let root = unwrap(target);
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
    const binding = ts.isIdentifier(root) ? lookup(fc, root) : undefined;
    if (binding?.kind === 'param' && binding.fn === node) out.add(binding.index);
    return true;
  });
  return out;
}

/** The parameters `expr` evaluates to unchanged: `v`, `String(v)`, `` `${v}` ``, `v ?? ''`, `v || '-'`, `ok ? v : ''`. */
function identityOf(expr: ts.Expression, fn: ts.SignatureDeclaration, fc: FileContext, depth: number): number[] {
  if (depth > MAX_DEPTH) return [];
  const e = unwrap(expr);
  const next = (x: ts.Expression) => identityOf(x, fn, fc, depth + 1);
  if (ts.isCallExpression(e)) return callIdentity(e, next);
  if (ts.isObjectLiteralExpression(e)) return copyIdentity(e, next, fc);
  if (ts.isTemplateExpression(e) && e.head.text === '' && e.templateSpans.length === 1 && e.templateSpans[0]?.literal.text === '') {
    return next(e.templateSpans[0].expression);
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // `v + ''`, `'' + v`: a conversion that changes nothing.
    if (op === SyntaxKind.PlusToken) return isEmptyString(e.right) ? next(e.left) : isEmptyString(e.left) ? next(e.right) : [];
    if (op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken) return [...next(e.left), ...next(e.right)];
    return op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.CommaToken ? next(e.right) : [];
  }
  if (ts.isConditionalExpression(e)) {
    // `v ? mask(v) : v` hands `v` back only when it is empty.
    const test = emptinessTest(e.condition);
    const branch = (x: ts.Expression, when: boolean) => next(x).filter((i) => !(test && test.emptyWhen === when && isParam(test.id, fn, i, fc)));
    return [...branch(e.whenTrue, true), ...branch(e.whenFalse, false)];
  }
  if (!ts.isIdentifier(e)) return [];
  const binding = lookup(fc, e);
  if (binding?.kind === 'param') return binding.fn === fn && binding.proj.length === 0 && !binding.rest ? [binding.index] : [];
  const value = binding?.kind === 'var' && binding.values.length === 1 ? binding.values[0] : undefined;
  // `const { password, ...rest } = v; return rest;` leaves fields out: not the input unchanged.
  return value && value.path.length === 0 && value.wrap.length === 0 && value.omit === undefined ? next(value.expr) : [];
}

/** `String(v)`, `v.toString()`, `v.slice(0)`, `structuredClone(v)`, `Object.assign({}, v)`, `JSON.parse(JSON.stringify(v))`. */
function callIdentity(call: ts.CallExpression, next: (x: ts.Expression) => number[]): number[] {
  const callee = unwrap(call.expression);
  const [first, second] = call.arguments;
  const dotted = dottedCallee(call);
  if ((dotted === 'String' || dotted === 'structuredClone') && first) return next(first);
  if (dotted === 'JSON.parse' && first) {
    const inner = unwrap(first);
    return ts.isCallExpression(inner) && dottedCallee(inner) === 'JSON.stringify' && inner.arguments[0] ? next(inner.arguments[0]) : [];
  }
  if (dotted === 'Object.assign' && first && second && call.arguments.length === 2 && isEmptyObject(first)) return next(second);
  if (!ts.isPropertyAccessExpression(callee)) return [];
  const name = callee.name.text;
  if (NO_OP_METHODS.has(name)) return next(callee.expression);
  // `v.slice()`, `v.slice(0)`, `v.substring(0)`: the whole string again.
  const fromStart = call.arguments.length === 0 || (call.arguments.length === 1 && first !== undefined && isZero(first));
  return (name === 'slice' || name === 'substring') && fromStart ? next(callee.expression) : [];
}

function isZero(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isNumericLiteral(e) && Number(e.text) === 0;
}

/** `{ ...v }`, `{ ...v, at: Date.now() }`: a copy that keeps every field, unless it overrides a secret-named one. */
function copyIdentity(obj: ts.ObjectLiteralExpression, next: (x: ts.Expression) => number[], fc: FileContext): number[] {
  const spreads = obj.properties.filter(ts.isSpreadAssignment);
  if (spreads.length === 0) return [];
  const overridesSecret = obj.properties.some((p) => !ts.isSpreadAssignment(p) && p.name !== undefined && fc.names.isSecretName(propertyNameOf(p.name) ?? ''));
  return overridesSecret ? [] : spreads.flatMap((p) => next(p.expression));
}

function dottedCallee(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(unwrap(callee.expression)) ? `${(unwrap(callee.expression) as ts.Identifier).text}.${callee.name.text}` : undefined;
}

function isEmptyObject(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isObjectLiteralExpression(e) && e.properties.length === 0;
}

function isEmptyString(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return ts.isStringLiteralLike(e) && e.text === '';
}

/** `if (!v) return v;`: the return sits in the branch of an `if` where parameter `index` is empty. */
function isReturnedOnlyWhenEmpty(ret: ts.Expression, fn: ts.SignatureDeclaration, index: number, fc: FileContext): boolean {
  let child: ts.Node = ret;
  for (let n = ret.parent; n && n !== fn; child = n, n = n.parent) {
    if (!ts.isIfStatement(n) || child === n.expression) continue;
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
  if (ts.isIdentifier(e)) return { id: e, emptyWhen: false };
  if (ts.isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) {
    const inner = emptinessTest(e.operand);
    return inner && { id: inner.id, emptyWhen: !inner.emptyWhen };
  }
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'length') {
    const base = unwrap(e.expression);
    return ts.isIdentifier(base) ? { id: base, emptyWhen: false } : undefined;
  }
  if (!ts.isBinaryExpression(e)) return undefined;
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
  const isLength = ts.isPropertyAccessExpression(unwrap(subject));
  if (!inner || (isLength && !ts.isNumericLiteral(unwrap(other))) || (!isLength && !ts.isIdentifier(unwrap(subject)))) return undefined;
  return { id: inner.id, emptyWhen: equal };
}

/** `null`, `undefined`, `''`, `0`: what an empty input compares equal to. */
function isEmptyValue(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (e.kind === SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(e)) return e.text === 'undefined';
  if (ts.isStringLiteralLike(e)) return e.text === '';
  return ts.isNumericLiteral(e) && e.text === '0';
}
