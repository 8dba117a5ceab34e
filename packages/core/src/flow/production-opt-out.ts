import { ts } from '../parse/typescript.js';
import { conditionEnvIn, requirementOf } from './env-guards.js';
import type { FileContext } from './file-context.js';
import { propertyNameOf, unwrap } from './scope.js';

/** Read once: `ts.SyntaxKind` is behind an accessor. */
const { SyntaxKind } = ts;

/**
 * A constructor that refuses production unless its caller opts out: `if (process.env.NODE_ENV ===
 * 'production' && !opts.allowInProduction) throw ...`. The option's parameter and name: a `new` that
 * leaves it out (`new FileStore('.sessions')`, `new FileStore(dir, {})`) is refused in production,
 * one that sets it is not.
 */
export interface ProductionOptOut {
  param: number;
  option: string;
}

/** The opt-out of a constructor's leading `if (<production> && !<param>.<option>) throw`, if it has one. */
export function productionOptOutOf(ctor: ts.ConstructorDeclaration, fc: FileContext): ProductionOptOut | undefined {
  for (const stmt of ctor.body?.statements ?? []) {
    // `if (...) throw`: the constructor goes on only where the condition does not hold.
    const required = requirementOf(stmt);
    if (required === undefined || required.holds) continue;
    const e = unwrap(required.condition);
    if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== SyntaxKind.AmpersandAmpersandToken) continue;
    const found = optOutOf(e.left, e.right, ctor, fc) ?? optOutOf(e.right, e.left, ctor, fc);
    if (found) return found;
  }
  return undefined;
}

/** `production && !unlessSet`: `production` holds in every production run, `unlessSet` reads a parameter's option. */
function optOutOf(production: ts.Expression, unlessSet: ts.Expression, ctor: ts.ConstructorDeclaration, fc: FileContext): ProductionOptOut | undefined {
  const negated = unwrap(unlessSet);
  if (!ts.isPrefixUnaryExpression(negated) || negated.operator !== SyntaxKind.ExclamationToken) return undefined;
  if (conditionEnvIn(production, fc).whenFalse !== 'nonprod') return undefined;
  return parameterOptionOf(unwrap(negated.operand), ctor);
}

/** `opts.allowInProduction` (also `opts?.allowInProduction`) of a parameter, or `allowInProduction` destructured from one. */
function parameterOptionOf(read: ts.Expression, ctor: ts.ConstructorDeclaration): ProductionOptOut | undefined {
  const params = ctor.parameters;
  if (ts.isPropertyAccessExpression(read) && ts.isIdentifier(read.expression)) {
    const holder = read.expression.text;
    const param = params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === holder);
    return param === -1 ? undefined : { param, option: read.name.text };
  }
  if (!ts.isIdentifier(read)) return undefined;
  for (const [param, p] of params.entries()) {
    if (!ts.isObjectBindingPattern(p.name)) continue;
    const element = p.name.elements.find((el) => ts.isIdentifier(el.name) && el.name.text === read.text);
    const option = element && (element.propertyName ? propertyNameOf(element.propertyName) : read.text);
    if (option !== undefined) return { param, option };
  }
  return undefined;
}

/**
 * What each argument of a `new` sets, for a class that may offer an opt-out: an object literal's
 * properties given anything but a falsy literal, null for any other argument (its value is not
 * written here).
 */
export function optionsGivenOf(args: readonly ts.Expression[]): Array<string[] | null> {
  return args.map((arg) => {
    const e = unwrap(arg);
    return ts.isObjectLiteralExpression(e) ? e.properties.flatMap((p) => setOptionOf(p)) : null;
  });
}

function setOptionOf(p: ts.ObjectLiteralElementLike): string[] {
  if (ts.isShorthandPropertyAssignment(p)) return [p.name.text];
  if (!ts.isPropertyAssignment(p)) return [];
  const name = propertyNameOf(p.name);
  return name === undefined || isFalsyLiteral(p.initializer) ? [] : [name];
}

function isFalsyLiteral(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return e.kind === SyntaxKind.FalseKeyword || e.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined') || ((ts.isNumericLiteral(e) || ts.isStringLiteralLike(e)) && (e.text === '0' || e.text === ''));
}

/**
 * The `new` leaves the opt-out unset: its argument is missing, or an object literal without the
 * option. A class made elsewhere than at a `new` (by a DI container: no `options`) may be given anything.
 */
export function leavesOptOutUnset(optOut: ProductionOptOut, options: ReadonlyArray<string[] | null> | undefined): boolean {
  if (options === undefined) return false;
  const given = options[optOut.param];
  return given === undefined || (given !== null && !given.includes(optOut.option));
}
