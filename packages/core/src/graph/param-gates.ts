import { ts } from '../parse/typescript.js';
import { passesOnAndStops } from './guard-bypass.js';
import { literalTruthOf } from './literal-truth.js';
import type { FactoryParamOf } from './path-bypass.js';
import { skipParens } from './path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isBinaryExpression, isIdentifier, isIfStatement, isObjectLiteralExpression, isParameter, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteralLike } = ts;

/**
 * A guard factory's parameter that switches its check off: `if (!enforce) return next()`, or a
 * check written `if (role && user.role !== role)` / `if (roles.length && !roles.includes(...))`
 * (every check of the function gated so). A call's arguments say whether it does there:
 * `requireRole()` and `requireRole('admin', false)` check nothing.
 */
export interface ParamGate {
  /** The factory parameter, `fn#index` (see withFactoryParams in judge-function.ts). */
  param: string;
  /** What is tested: the value itself, its `length`, or one of its properties (`opts.required`). */
  prop?: string;
  /** Every request passes when the tested value's truth is this. */
  opensWhen: boolean;
  /** A rest parameter (`...roles`): the list of the arguments from its index on. */
  rest?: true;
  /** The tested value's truth when the argument is left out (its default), when known. */
  absent?: boolean;
}

/**
 * What a call's arguments are, where that is written in place: what a factory's parameter gates
 * are measured against. Undefined for a call with a spread argument (its count is unknown).
 */
export interface LiteralArgs {
  count: number;
  /** The truth of each literal argument, by index (`false`, `'admin'`, `[]`). */
  truth?: Record<number, boolean>;
  /** The length of each literal list argument, by index. */
  length?: Record<number, number>;
  /** The truth of each property of an object literal argument of literals (`{ required: false }`), by index. */
  props?: Record<number, Record<string, boolean>>;
}

/** The arguments of a call as LiteralArgs (see there). */
export function literalArgsOf(call: ts.CallExpression): LiteralArgs | undefined {
  if (call.arguments.some(ts.isSpreadElement)) return undefined;
  const out: LiteralArgs = { count: call.arguments.length };
  call.arguments.forEach((arg, index) => {
    const truth = literalTruthOf(arg);
    if (truth !== undefined) (out.truth ??= {})[index] = truth;
    const length = literalLengthOf(arg);
    if (length !== undefined) (out.length ??= {})[index] = length;
    const props = literalPropsOf(arg);
    if (props) (out.props ??= {})[index] = props;
  });
  return out;
}

/** A literal list's length (`roles.length` is what guards test; a string's length they do not). */
function literalLengthOf(expr: ts.Expression): number | undefined {
  const e = skipParens(expr);
  return isArrayLiteralExpression(e) && !e.elements.some(ts.isSpreadElement) ? e.elements.length : undefined;
}

/** `{ required: false, roles: [] }`: every property a named literal, or undefined. */
function literalPropsOf(expr: ts.Expression): Record<string, boolean> | undefined {
  const e = skipParens(expr);
  if (!isObjectLiteralExpression(e)) return undefined;
  const out: Record<string, boolean> = {};
  for (const p of e.properties) {
    const truth = isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteralLike(p.name)) ? literalTruthOf(p.initializer) : undefined;
    if (truth === undefined) return undefined;
    out[(p.name as ts.Identifier).text] = truth;
  }
  return out;
}

/** Whether the gate switches the check off for a call with these arguments. */
export function gateOpens(gate: ParamGate, args: LiteralArgs): boolean {
  return gateHolds(gate, args) === true;
}

/** Whether the tested value's truth is the gate's `opensWhen` for a call with these arguments; undefined when unknown. */
export function gateHolds(gate: ParamGate, args: LiteralArgs): boolean | undefined {
  const index = Number(gate.param.slice(gate.param.lastIndexOf('#') + 1));
  const truth = testedTruth(gate, index, args);
  return truth === undefined ? undefined : truth === gate.opensWhen;
}

/**
 * `if (roles?.length)` testing a parameter: the gate that holds (`opensWhen`) exactly when the
 * test does, for a function whose answer depends on its arguments (see `gatedReturn`).
 */
export function testGateOf(expr: ts.Expression, paramOf: FactoryParamOf): ParamGate | undefined {
  return termGateOf(expr, true, paramOf);
}

function testedTruth(gate: ParamGate, index: number, args: LiteralArgs): boolean | undefined {
  if (gate.rest) return gate.prop === undefined ? true : gate.prop === 'length' ? args.count > index : undefined;
  if (index >= args.count) return gate.absent;
  if (gate.prop === undefined) return args.truth?.[index];
  if (gate.prop === 'length') {
    const length = args.length?.[index];
    return length === undefined ? undefined : length > 0;
  }
  const props = args.props?.[index];
  return props === undefined ? undefined : (props[gate.prop] ?? false);
}

/** `if (!enforce) return next();` (also `{ next(); return; }`) before the check: a gate. */
export function passGateOf(stmt: ts.Statement, next: string, returnPassesOn: boolean, paramOf: FactoryParamOf): ParamGate | undefined {
  if (!isIfStatement(stmt) || stmt.elseStatement || !passesOnAndStops(stmt.thenStatement, next, returnPassesOn)) return undefined;
  return termGateOf(stmt.expression, true, paramOf);
}

/**
 * `if (role && user.role !== role) return 403`, `if (enforce) { ...check... }`: a check that runs
 * only when a factory parameter holds; the gate opens when it does not. The first such conjunct.
 */
export function checkGateOf(stmt: ts.Statement, paramOf: FactoryParamOf): ParamGate | undefined {
  if (!isIfStatement(stmt)) return undefined;
  for (const term of conjunctsOf(stmt.expression)) {
    const gate = termGateOf(term, false, paramOf);
    if (gate) return gate;
  }
  return undefined;
}

function conjunctsOf(expr: ts.Expression): ts.Expression[] {
  const e = skipParens(expr);
  return isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken ? [...conjunctsOf(e.left), ...conjunctsOf(e.right)] : [e];
}

/** `P`, `!P`, `P.length`, `opts.required` (also `opts?.required`) of a factory parameter P. */
function termGateOf(expr: ts.Expression, opensWhen: boolean, paramOf: FactoryParamOf): ParamGate | undefined {
  const e = skipParens(expr);
  if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) return termGateOf(e.operand, !opensWhen, paramOf);
  const read = isPropertyAccessExpression(e) && isIdentifier(e.name) ? { target: skipParens(e.expression), prop: e.name.text, optional: e.questionDotToken !== undefined } : { target: e, prop: undefined, optional: false };
  if (!isIdentifier(read.target)) return undefined;
  const param = paramOf(read.target.text);
  const decl = param === undefined ? undefined : declarationOf(read.target);
  if (param === undefined || !decl) return undefined;
  const gate: ParamGate = { param, opensWhen, ...(read.prop !== undefined ? { prop: read.prop } : {}) };
  if (decl.dotDotDotToken) return { ...gate, rest: true };
  // `roles?.length` of a parameter left out, with no default: undefined, so false.
  const absent = read.optional && !decl.initializer ? false : absentTruth(decl, read.prop);
  return absent === undefined ? gate : { ...gate, absent };
}

/** The parameter a name reads: of the nearest enclosing function that declares it. */
function declarationOf(name: ts.Identifier): ts.ParameterDeclaration | undefined {
  for (let node: ts.Node | undefined = name.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    const found = node.parameters.find((p) => isIdentifier(p.name) && p.name.text === name.text);
    if (found && isParameter(found)) return found;
  }
  return undefined;
}

/** A left-out argument is its default (`role = 'admin'`), or undefined. */
function absentTruth(decl: ts.ParameterDeclaration, prop: string | undefined): boolean | undefined {
  const init = decl.initializer && skipParens(decl.initializer);
  if (prop === undefined) return init === undefined ? false : literalTruthOf(init);
  if (init === undefined) return undefined;
  if (prop === 'length') {
    const length = literalLengthOf(init);
    return length === undefined ? undefined : length > 0;
  }
  const props = literalPropsOf(init);
  return props === undefined ? undefined : (props[prop] ?? false);
}
