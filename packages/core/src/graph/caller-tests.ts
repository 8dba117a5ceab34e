import { ts } from '../parse/typescript.js';
import { classifyCondition, negateCondition } from './classify-condition.js';
import { literalTruthOf } from './literal-truth.js';
import { scopedConstOf } from './module-const-of.js';
import { namedValuesOf } from './object-property.js';
import { skipParens } from './path-expr.js';
import type { NameValues } from '../env/production-condition.js';
import type { Condition } from './route-facts.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isBinaryExpression, isIdentifier, isObjectLiteralExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment } = ts;

/**
 * A registration under a test of its function's parameters (`if (devMode) router.post(...)` of
 * `const devMode = options.devMode ?? false`): the argument each call passes decides whether the
 * registration runs there, not the name of the flag.
 */
export interface CallerTest {
  /** The parameter, `fn#index`. */
  param: string;
  /** The field of it read (`options.devMode`, or a destructured `{ devMode }`). */
  field?: string;
  /** The registration runs when the value is truthy; false under `!devMode` or in the `else`. */
  whenTrue: boolean;
  /** The value's truth when the call leaves it out: its default (`?? false`, `= true`); false without one. */
  absent: boolean;
}

/**
 * What a call passes for a tested parameter: true always, never, only in production (`prod`),
 * only outside it (`nonProd`), or either (`unknown`: a flag production may set).
 */
export type CallerValue = Condition | 'never';

/** A parameter read, as a function's walk names it: its id and the field a destructuring took. */
export type ParamRead = (name: string) => { param: string; field?: string; initializer?: ts.Expression } | undefined;

/** `devMode`, `!options.devMode`: a test of a parameter of the enclosing function (see CallerTest). */
export function callerTestOf(expr: ts.Expression, paramOf: ParamRead): CallerTest | undefined {
  let e = skipParens(expr);
  let whenTrue = true;
  while (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) {
    e = skipParens(e.operand);
    whenTrue = !whenTrue;
  }
  const read = paramValueOf(e, paramOf, 0);
  return read && { ...read, whenTrue };
}

/** A local `const` may hold the read (`const devMode = options.devMode ?? false`): a link or two. */
const MAX_CONST_DEPTH = 2;

function paramValueOf(e: ts.Expression, paramOf: ParamRead, depth: number): Omit<CallerTest, 'whenTrue'> | undefined {
  if (isPropertyAccessExpression(e) && isIdentifier(e.expression)) {
    const owner = paramOf(e.expression.text);
    return owner && owner.field === undefined ? { param: owner.param, field: e.name.text, absent: false } : undefined;
  }
  if (!isIdentifier(e)) return undefined;
  const own = paramOf(e.text);
  if (own) return { param: own.param, ...(own.field !== undefined ? { field: own.field } : {}), absent: truthOr(own.initializer) };
  const held = depth < MAX_CONST_DEPTH ? scopedConstOf(e) : undefined;
  if (!held) return undefined;
  // `options.devMode ?? false`, `options.devMode || false`: the default when the call leaves it out.
  const init = skipParens(held);
  const defaulted = isBinaryExpression(init) && (init.operatorToken.kind === SyntaxKind.QuestionQuestionToken || init.operatorToken.kind === SyntaxKind.BarBarToken);
  const read = paramValueOf(skipParens(defaulted ? init.left : init), paramOf, depth + 1);
  return read && defaulted ? { ...read, absent: truthOr(init.right) } : read;
}

function truthOr(init: ts.Expression | undefined): boolean {
  return init !== undefined && literalTruthOf(init) === true;
}

/**
 * What each argument of a call gives a tested parameter, by `index` or `index.field` (the fields
 * of an object literal written in place); only what is known (a literal, or a production
 * condition: `process.env.MCP_DEV_SKIP_AUTH === 'true'` is `unknown`). `closed`: the indices of
 * object literals without a spread, where a field not written is left out.
 */
export function callerValuesOf(args: readonly ts.Expression[], names: NameValues): { values: Record<string, CallerValue>; closed: number[] } {
  const values: Record<string, CallerValue> = {};
  const closed: number[] = [];
  args.forEach((arg, index) => {
    const e = skipParens(arg);
    if (!isObjectLiteralExpression(e)) {
      // An argument written is `unknown` unless known: only known ones are kept.
      const value = valueOf(e, names);
      if (value !== 'unknown') values[`${index}`] = value;
      return;
    }
    if (e.properties.every((p) => isPropertyAssignment(p) || isShorthandPropertyAssignment(p))) closed.push(index);
    for (const { key, value } of namedValuesOf(e)) values[`${index}.${key}`] = valueOf(value, names);
  });
  return { values, closed };
}

function valueOf(e: ts.Expression, names: NameValues): CallerValue {
  const truth = literalTruthOf(e);
  if (truth !== undefined) return truth ? 'always' : 'never';
  // A name of the file is read through its value (`const devMode = process.env.X === 'true'`).
  const held = isIdentifier(e) ? names.valueOf(e)?.expr : undefined;
  return classifyCondition(held ?? e, names);
}

/** Where a registration under the test runs, given what the call passes (`values` keyed as callerValuesOf keys them). */
export function callerTestCondition(test: CallerTest, values: Readonly<Record<string, CallerValue>>, closed: readonly number[], count: number): CallerValue {
  const index = Number(test.param.slice(test.param.lastIndexOf('#') + 1));
  const key = test.field === undefined ? `${index}` : `${index}.${test.field}`;
  const left = test.field === undefined ? index >= count : closed.includes(index) || index >= count;
  const value: CallerValue = values[key] ?? (left ? (test.absent ? 'always' : 'never') : 'unknown');
  return test.whenTrue ? value : negateValue(value);
}

function negateValue(value: CallerValue): CallerValue {
  if (value === 'never') return 'always';
  if (value === 'always') return 'never';
  return negateCondition(value);
}
