import { ts } from '../parse/typescript.js';
import { propertyNameOf, unwrap } from '../flow/scope.js';
import { splitWords } from '../flow/sensitive-names.js';
import { literalTruthOf } from '../graph/literal-truth.js';

/** What is known about `NODE_ENV` at a point: production, certainly not production, or unknown. */
export type EnvState = 'prod' | 'nonprod' | 'unknown';

/** What a condition being true, or false, says about production. */
export interface ConditionEnv {
  whenTrue: EnvState;
  whenFalse: EnvState;
}

/**
 * How the caller's layer reads names: the value of a constant, what a parameterless helper
 * returns. The value-flow layer answers from its scopes, the route graph from module-level
 * declarations.
 */
export interface NameValues {
  /** The single value a variable named `id` is given (`path`: read from it by destructuring), if known. */
  valueOf(id: ts.Identifier): NamedValue | undefined;
  /** The one expression a project function called as `id()` returns (`function isProduction()`). */
  returnOf(id: ts.Identifier): ts.Expression | undefined;
  /**
   * The name is imported from a project module, whose file says what it holds: a flag named for the
   * environment (`isDev`, `config.isDev`, `isDevelopment()`) is then read there, not trusted by its
   * name (see value-choices.ts). Layers that cannot read other files leave it out.
   */
  isProjectImport?(id: ts.Identifier): boolean;
  /** The one value a field read as `this.name` is given in its class, if known: it says what the flag tests, not its name. */
  fieldValueOf?(read: ts.PropertyAccessExpression): NamedValue | undefined;
  /**
   * What a variable given more than one value says, from each value and where it is given
   * (`let isDev = NODE_ENV !== 'production'; if (process.env.FORCE) isDev = true` may be true in
   * production; `let isDev = false; if (NODE_ENV === 'development') isDev = true` may not).
   */
  reassignedFlagEnv?(id: ts.Identifier): ConditionEnv | undefined;
}

export interface NamedValue {
  expr: ts.Expression;
  path: readonly string[];
  isConst: boolean;
}

const UNKNOWN_ENV: ConditionEnv = { whenTrue: 'unknown', whenFalse: 'unknown' };
/**
 * The names production goes by. `'production'` is the one the contract (and every framework) reads:
 * a value other than it is outside production (`NODE_ENV !== 'production'` guards). `'prod'` is
 * production too, but a production named `'production'` is not `'prod'`: `NODE_ENV !== 'prod'` holds there.
 */
const PRODUCTION = 'production';
const PRODUCTION_VALUES = new Set([PRODUCTION, 'prod']);
const NON_PRODUCTION_VALUES = new Set(['development', 'dev', 'test', 'testing', 'local']);
const ENV_NAMES = new Set(['NODE_ENV', 'nodeEnv', 'APP_ENV', 'appEnv', 'env', 'ENV', 'environment', 'ENVIRONMENT', 'MODE', 'mode']);
/** Settings keys read through a getter: `mode` is left out, `searchParams.get('mode')` is user input. */
const ENV_SETTING_KEYS = new Set(['NODE_ENV', 'nodeEnv', 'node_env', 'APP_ENV', 'appEnv', 'env', 'ENV', 'environment', 'ENVIRONMENT']);
/** `url.searchParams.get('env')`: request input, which an attacker chooses. */
const REQUEST_INPUTS = new Set(['searchParams', 'headers', 'query', 'params', 'cookies']);
const ENV_SUFFIXES = new Set(['env', 'environment', 'mode', 'build']);
/** Nesting of `!`, `&&`, constants and helpers read: real guards are shallow, generated code is not. */
const MAX_DEPTH = 16;

const { SyntaxKind } = ts;

/**
 * The one reading of NODE_ENV conditions, for both rules: `process.env.NODE_ENV === 'production'`
 * and its variants (`!==`, other values, reversed operands, `APP_ENV`, `config.env`, a const
 * holding one), `['development', 'test'].includes(env)`, flags named for the environment
 * (`isProd`, `config.isDevMode()`), constants and helpers returning any of those, and `!`/`&&`/`||`.
 */
export function conditionEnv(expr: ts.Expression, names: NameValues, depth = 0): ConditionEnv {
  if (depth > MAX_DEPTH) return UNKNOWN_ENV;
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) {
    const inner = conditionEnv(e.operand, names, depth + 1);
    return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (ts.isBinaryExpression(e)) return binaryEnv(e, names, depth);
  if (ts.isCallExpression(e)) return callEnv(e, names, depth);
  if (ts.isConditionalExpression(e)) return pickedTruthEnv(e, names, depth);
  if (isNodeEnvRead(e, names, depth)) return NODE_ENV_SET;
  if (ts.isIdentifier(e)) {
    const value = names.valueOf(e);
    if (value?.isConst && value.path.length === 0) return conditionEnv(value.expr, names, depth + 1);
    return names.reassignedFlagEnv?.(e) ?? namedFlagEnv(e, e.text, names);
  }
  if (ts.isPropertyAccessExpression(e)) {
    const field = e.expression.kind === SyntaxKind.ThisKeyword ? names.fieldValueOf?.(e) : undefined;
    return field ? conditionEnv(field.expr, names, depth + 1) : namedFlagEnv(e.expression, e.name.text, names);
  }
  return UNKNOWN_ENV;
}

/**
 * A value picked by a condition between a truthy and a falsy literal, tested for truth: `if
 * (TOKEN_FILE)` given `TOKEN_FILE = isProd ? null : '.dev/tokens.json'` holds exactly where the
 * condition picks the truthy side.
 */
function pickedTruthEnv(e: ts.ConditionalExpression, names: NameValues, depth: number): ConditionEnv {
  const [whenTrue, whenFalse] = [literalTruthOf(e.whenTrue), literalTruthOf(e.whenFalse)];
  if (whenTrue === undefined || whenFalse === undefined || whenTrue === whenFalse) return UNKNOWN_ENV;
  const env = conditionEnv(e.condition, names, depth + 1);
  return whenTrue ? env : { whenTrue: env.whenFalse, whenFalse: env.whenTrue };
}

/**
 * A flag trusted by its name, unless `head` is imported from a project module: such flags often test
 * something else than their name says (`isDev = process.env.DEBUG === 'true'`, `isProduction =
 * APP_ENV === 'prod'`), and only their definition says whether production is excluded. The flow
 * layer keeps the test (see value-choices.ts) for the rules to read that definition.
 */
function namedFlagEnv(head: ts.Expression, name: string, names: NameValues): ConditionEnv {
  const h = unwrap(head);
  return ts.isIdentifier(h) && names.isProjectImport?.(h) === true ? UNKNOWN_ENV : flagEnv(name);
}

/** Production sets NODE_ENV: where it is unset or empty, the code runs outside production. */
const NODE_ENV_SET: ConditionEnv = { whenTrue: 'unknown', whenFalse: 'nonprod' };
const NODE_ENV_UNSET: ConditionEnv = { whenTrue: 'nonprod', whenFalse: 'unknown' };

/**
 * `process.env.NODE_ENV` itself, or a const holding it (`const { NODE_ENV } = process.env`), read
 * without a default: whether it is set at all says something (`!process.env.NODE_ENV`). Other
 * environment names (`config.env`, `APP_ENV`) may be unset in production too.
 */
function isNodeEnvRead(expr: ts.Expression, names: NameValues, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return propertyNameOf(ts.isPropertyAccessExpression(e) ? e.name : e.argumentExpression) === 'NODE_ENV';
  if (!ts.isIdentifier(e)) return false;
  const value = names.valueOf(e);
  if (!value?.isConst) return false;
  return value.path.length === 0 ? isNodeEnvRead(value.expr, names, depth + 1) : value.path.at(-1) === 'NODE_ENV';
}

/** `process.env.NODE_ENV === undefined`, `== null`, `=== ''`: a test of NODE_ENV being unset; undefined for any other pair. */
function unsetTestOf(a: ts.Expression, b: ts.Expression, names: NameValues, depth: number): ConditionEnv | undefined {
  const [read, other] = isUnsetValue(b) ? [a, b] : [b, a];
  return isUnsetValue(other) && isNodeEnvRead(read, names, depth) ? NODE_ENV_UNSET : undefined;
}

function isUnsetValue(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return (ts.isIdentifier(e) && e.text === 'undefined') || e.kind === SyntaxKind.NullKeyword || literalText(e) === '';
}

/** `case 'development':` of a `switch` on the environment: what the value says. */
export function equalityEnv(value: string): ConditionEnv {
  if (value === PRODUCTION) return { whenTrue: 'prod', whenFalse: 'nonprod' };
  if (PRODUCTION_VALUES.has(value)) return { whenTrue: 'prod', whenFalse: 'unknown' };
  if (NON_PRODUCTION_VALUES.has(value)) return { whenTrue: 'nonprod', whenFalse: 'unknown' };
  return UNKNOWN_ENV;
}

/**
 * `a` equals `b`, one an environment value and the other a literal (`NODE_ENV === 'production'`,
 * `assert.equal('development', env)`): what that says of the environment; undefined for any other pair.
 */
export function equalityOf(a: ts.Expression, b: ts.Expression, names: NameValues, depth = 0): ConditionEnv | undefined {
  const right = envLiteralOf(b);
  const literal = right ?? envLiteralOf(a);
  const other = right !== undefined ? a : b;
  return literal !== undefined && isEnvValue(other, names, depth) ? equalityEnv(literal.toLowerCase()) : undefined;
}

/** `process.env.NODE_ENV`, `config.env`, `process.env.NODE_ENV ?? 'dev'`, or a const holding one. */
export function isEnvValue(expr: ts.Expression, names: NameValues, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = propertyNameOf(ts.isPropertyAccessExpression(e) ? e.name : e.argumentExpression);
    return name !== undefined && ENV_NAMES.has(name);
  }
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken)) {
    // `process.env.APP_ENV ?? 'development'`: production may leave APP_ENV unset, and then read as
    // development; only NODE_ENV, which production always sets, keeps its name whatever the default.
    const fallback = envLiteralOf(e.right)?.toLowerCase();
    if (fallback !== undefined && equalityEnv(fallback).whenTrue === 'nonprod' && !isNodeEnvRead(e.left, names, depth + 1)) return false;
    return isEnvValue(e.left, names, depth + 1);
  }
  if (ts.isIdentifier(e)) {
    const value = names.valueOf(e);
    if (value) return value.path.length === 0 ? isEnvValue(value.expr, names, depth + 1) : ENV_NAMES.has(value.path.at(-1) ?? '');
    return ENV_NAMES.has(e.text);
  }
  if (!ts.isCallExpression(e)) return false;
  // `process.env.NODE_ENV?.toLowerCase()`: the same value, normalised.
  const callee = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(callee) && CASE_NORMALISERS.has(callee.name.text) && e.arguments.length === 0) return isEnvValue(callee.expression, names, depth + 1);
  // `getEnv()` of `function getEnv() { return process.env.NODE_ENV ?? 'development' }`: the value it returns.
  const returned = ts.isIdentifier(callee) && e.arguments.length === 0 ? names.returnOf(callee) : undefined;
  if (returned !== undefined) return isEnvValue(returned, names, depth + 1);
  return isEnvSettingRead(e);
}

const CASE_NORMALISERS = new Set(['toLowerCase', 'toUpperCase', 'trim', 'toLocaleLowerCase']);

/**
 * Express `app.get('env')`, `config.get('NODE_ENV')` (convict, nconf, config), NestJS's
 * `configService.get('app.nodeEnv', { infer: true })` and `getOrThrow('NODE_ENV')`: a getter of the
 * environment's name. A dotted key is a path into the settings, named by its last part.
 */
function isEnvSettingRead(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const [arg] = call.arguments;
  if (!ts.isPropertyAccessExpression(callee) || !SETTING_GETTERS.has(callee.name.text) || call.arguments.length > 2 || !arg) return false;
  const receiver = unwrap(callee.expression);
  if (ts.isPropertyAccessExpression(receiver) && REQUEST_INPUTS.has(receiver.name.text)) return false;
  const key = literalText(arg)?.split('.').at(-1);
  return key !== undefined && ENV_SETTING_KEYS.has(key);
}

/** A second argument is NestJS's options (`{ infer: true }`) or a default value. */
const SETTING_GETTERS = new Set(['get', 'getOrThrow']);

export function literalText(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  return ts.isStringLiteralLike(e) ? e.text : undefined;
}

/**
 * A literal environment name, or an enum-like member named for one (`Environment.Production`,
 * `Env.DEV`, `NodeEnv.Test`): such members hold the name they spell.
 */
export function envLiteralOf(expr: ts.Expression): string | undefined {
  const text = literalText(expr);
  if (text !== undefined) return text;
  const e = unwrap(expr);
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const member = e.name.text.toLowerCase();
  return PRODUCTION_VALUES.has(member) || NON_PRODUCTION_VALUES.has(member) ? member : undefined;
}

/** `isProd`, `IS_PRODUCTION`, `config.isDev`, `import.meta.env.PROD`: flags named for the environment. */
export function flagEnv(name: string): ConditionEnv {
  const all = splitWords(name);
  // `isProdEnv`, `IS_DEV_MODE`: a trailing env/mode word adds nothing.
  const words = all.length > 1 && ENV_SUFFIXES.has(all.at(-1) ?? '') ? all.slice(0, -1) : all;
  const last = words.at(-1);
  if (words.length > 2 || last === undefined) return UNKNOWN_ENV;
  if (words.length === 2 && words[0] !== 'is' && words[0] !== 'in') return UNKNOWN_ENV;
  if (PRODUCTION_VALUES.has(last)) return { whenTrue: 'prod', whenFalse: 'nonprod' };
  if (NON_PRODUCTION_VALUES.has(last)) return { whenTrue: 'nonprod', whenFalse: 'unknown' };
  return UNKNOWN_ENV;
}

function binaryEnv(e: ts.BinaryExpression, names: NameValues, depth: number): ConditionEnv {
  const op = e.operatorToken.kind;
  if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken) {
    const a = conditionEnv(e.left, names, depth + 1);
    const b = conditionEnv(e.right, names, depth + 1);
    return op === SyntaxKind.AmpersandAmpersandToken
      ? { whenTrue: either(a.whenTrue, b.whenTrue), whenFalse: both(a.whenFalse, b.whenFalse) }
      : { whenTrue: both(a.whenTrue, b.whenTrue), whenFalse: either(a.whenFalse, b.whenFalse) };
  }
  const listed = indexOfEnv(e, names, depth);
  if (listed) return listed;
  const isEq = op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken;
  const isNe = op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken;
  if (!isEq && !isNe) return UNKNOWN_ENV;
  const eq = unsetTestOf(e.left, e.right, names, depth) ?? equalityOf(e.left, e.right, names, depth) ?? chosenValueEnv(e, names, depth);
  return isEq ? eq : { whenTrue: eq.whenFalse, whenFalse: eq.whenTrue };
}

/**
 * `driver === 'file'` given `const driver = process.env.NODE_ENV === 'production' ? 'redis' : 'file'`
 * (also a field of a const object: `config.tokenStore`): the value equals `'file'` exactly when the
 * condition that picked it is false, so the comparison says what that condition says.
 */
function chosenValueEnv(e: ts.BinaryExpression, names: NameValues, depth: number): ConditionEnv {
  // Either side may be the chosen value (`driver === Driver.File`, `Driver.File === config.driver`).
  const leftChosen = pickedValueOf(e.left, names);
  const chosen = leftChosen ?? pickedValueOf(e.right, names);
  const text = choiceText(leftChosen !== undefined ? e.right : e.left);
  if (text === undefined || chosen === undefined) return UNKNOWN_ENV;
  const [whenTrue, whenFalse] = [choiceText(chosen.whenTrue), choiceText(chosen.whenFalse)];
  if (whenTrue === undefined || whenFalse === undefined || whenTrue === whenFalse) return UNKNOWN_ENV;
  const env = conditionEnv(chosen.condition, names, depth + 1);
  if (text === whenTrue) return env;
  return text === whenFalse ? { whenTrue: env.whenFalse, whenFalse: env.whenTrue } : UNKNOWN_ENV;
}

/**
 * A value a choice compares by: a literal, or an enum member or a const object's field by its
 * dotted name (`Driver.File`): the same member on both sides is the same value.
 */
export function choiceText(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && ts.isIdentifier(e.name)) return `${e.expression.text}.${e.name.text}`;
  return literalText(e);
}

/** The `cond ? 'a' : 'b'` a const (or a field of a const object literal) is given. */
function pickedValueOf(expr: ts.Expression, names: NameValues): ts.ConditionalExpression | undefined {
  const e = unwrap(expr);
  let value: ts.Expression | undefined;
  if (ts.isIdentifier(e)) {
    const named = names.valueOf(e);
    value = named?.isConst && named.path.length === 0 ? named.expr : undefined;
  } else if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
    const named = names.valueOf(e.expression);
    const holder = named?.isConst && named.path.length === 0 ? withoutFreeze(unwrap(named.expr)) : undefined;
    const prop = holder && ts.isObjectLiteralExpression(holder) ? holder.properties.find((p) => ts.isPropertyAssignment(p) && propertyNameOf(p.name) === e.name.text) : undefined;
    value = prop && ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
  }
  const v = value && unwrap(value);
  return v && ts.isConditionalExpression(v) ? v : undefined;
}

/** `Object.freeze({...})`: the object it is given (config modules freeze their settings). */
export function withoutFreeze(e: ts.Expression): ts.Expression {
  if (!ts.isCallExpression(e) || e.arguments.length !== 1 || !e.arguments[0]) return e;
  const callee = unwrap(e.expression);
  const isFreeze = ts.isPropertyAccessExpression(callee) && callee.name.text === 'freeze' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object';
  return isFreeze ? unwrap(e.arguments[0]) : e;
}

/** `isProduction()`: a helper returning an env condition, or one named for the environment. */
function callEnv(call: ts.CallExpression, names: NameValues, depth: number): ConditionEnv {
  // `Boolean(process.env.NODE_ENV === 'production')`: the truth of its argument.
  const [only] = call.arguments;
  if (only !== undefined && call.arguments.length === 1 && ts.isIdentifier(call.expression) && call.expression.text === 'Boolean') return conditionEnv(only, names, depth + 1);
  if (call.arguments.length > 0) return call.arguments.length === 1 ? (includesEnv(call, names, depth) ?? stringTestEnv(call, names, depth)) : UNKNOWN_ENV;
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const returned = names.returnOf(callee);
    return returned ? conditionEnv(returned, names, depth + 1) : namedFlagEnv(callee, callee.text, names);
  }
  return ts.isPropertyAccessExpression(callee) ? namedFlagEnv(callee.expression, callee.name.text, names) : UNKNOWN_ENV;
}

/** `['development', 'test'].includes(process.env.NODE_ENV)`; undefined when the receiver is not a list. */
function includesEnv(call: ts.CallExpression, names: NameValues, depth: number): ConditionEnv | undefined {
  const callee = unwrap(call.expression);
  const arg = call.arguments[0];
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'includes' || !arg) return undefined;
  return listEnv(callee.expression, arg, names, depth);
}

/**
 * `LIST.indexOf(env) !== -1` (also `>= 0`, `> -1`) tests what `LIST.includes(env)` does, and
 * `=== -1` (`< 0`) its opposite; undefined for any other comparison.
 */
function indexOfEnv(e: ts.BinaryExpression, names: NameValues, depth: number): ConditionEnv | undefined {
  const call = unwrap(e.left);
  const bound = unwrap(e.right);
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'indexOf') return undefined;
  const n = ts.isPrefixUnaryExpression(bound) && bound.operator === SyntaxKind.MinusToken && ts.isNumericLiteral(bound.operand) ? -Number(bound.operand.text) : ts.isNumericLiteral(bound) ? Number(bound.text) : undefined;
  const op = e.operatorToken.kind;
  const found = (n === -1 && (op === SyntaxKind.ExclamationEqualsEqualsToken || op === SyntaxKind.ExclamationEqualsToken || op === SyntaxKind.GreaterThanToken)) || (n === 0 && op === SyntaxKind.GreaterThanEqualsToken);
  const missing = (n === -1 && (op === SyntaxKind.EqualsEqualsEqualsToken || op === SyntaxKind.EqualsEqualsToken)) || (n === 0 && op === SyntaxKind.LessThanToken);
  const env = found || missing ? listEnv(call.expression.expression, call.arguments[0] as ts.Expression, names, depth) : undefined;
  return env && (found ? env : { whenTrue: env.whenFalse, whenFalse: env.whenTrue });
}

/** Whether the environment's name `arg` is one of a list's: written in place or in a const (`DEV_ENVS`). */
function listEnv(listExpr: ts.Expression, arg: ts.Expression, names: NameValues, depth: number): ConditionEnv | undefined {
  let list = unwrap(listExpr);
  if (ts.isIdentifier(list)) {
    const value = names.valueOf(list);
    list = value?.isConst && value.path.length === 0 ? unwrap(value.expr) : list;
  }
  if (!ts.isArrayLiteralExpression(list)) return undefined;
  if (!isEnvValue(arg, names, depth)) return UNKNOWN_ENV;
  const values = list.elements.map((el) => envLiteralOf(el)?.toLowerCase());
  if (values.every((v) => v !== undefined && NON_PRODUCTION_VALUES.has(v))) return { whenTrue: 'nonprod', whenFalse: 'unknown' };
  // Outside a list naming `'production'` is certainly not production (`['production', 'staging']`).
  const outside = values.includes(PRODUCTION) ? 'nonprod' : 'unknown';
  if (values.every((v) => v !== undefined && PRODUCTION_VALUES.has(v))) return { whenTrue: 'prod', whenFalse: outside };
  return values.some((v) => v !== undefined && PRODUCTION_VALUES.has(v)) ? { whenTrue: 'unknown', whenFalse: outside } : UNKNOWN_ENV;
}

/** The string tests whose outcome on a known environment name can be computed. */
const STRING_TESTS: ReadonlyMap<string, (value: string, arg: string) => boolean> = new Map([
  ['startsWith', (value: string, arg: string) => value.startsWith(arg)],
  ['endsWith', (value: string, arg: string) => value.endsWith(arg)],
  ['includes', (value: string, arg: string) => value.includes(arg)],
]);

/**
 * `process.env.NODE_ENV?.startsWith('dev')`, `env.includes('prod')`: the test run on the names
 * production goes by. False for all of them: true only outside production. True for all of them
 * and for no development name: it holds in production as `=== 'production'` does; true for a
 * development name too: false only outside production. Lower-cased like the equality test reads
 * `'Production'`, so `startsWith('Prod')` is not taken for false in production.
 */
function stringTestEnv(call: ts.CallExpression, names: NameValues, depth: number): ConditionEnv {
  const callee = unwrap(call.expression);
  const [arg] = call.arguments;
  if (!ts.isPropertyAccessExpression(callee) || arg === undefined) return UNKNOWN_ENV;
  const test = stringTestOf(callee, arg, names, depth);
  if (test === undefined) return UNKNOWN_ENV;
  const inProduction = [...PRODUCTION_VALUES].map(test);
  if (inProduction.every((holds) => !holds)) return { whenTrue: 'nonprod', whenFalse: 'unknown' };
  if (!inProduction.every((holds) => holds)) return UNKNOWN_ENV;
  const outside = [...NON_PRODUCTION_VALUES].some(test);
  return { whenTrue: outside ? 'unknown' : 'prod', whenFalse: 'nonprod' };
}

/**
 * The test `env.startsWith('dev')` or `/^prod/i.test(env)` runs on the environment's name, as a
 * function of a (lower-case) name; undefined when it tests something else or with an unknown argument.
 */
function stringTestOf(callee: ts.PropertyAccessExpression, arg: ts.Expression, names: NameValues, depth: number): ((value: string) => boolean) | undefined {
  const receiver = unwrap(callee.expression);
  if (callee.name.text === 'test' && ts.isRegularExpressionLiteral(receiver)) return isEnvValue(arg, names, depth) ? regexTestOf(receiver.text) : undefined;
  const test = STRING_TESTS.get(callee.name.text);
  const text = literalText(arg)?.toLowerCase();
  return test === undefined || text === undefined || !isEnvValue(receiver, names, depth) ? undefined : (value) => test(value, text);
}

/** `/^prod/`, matched ignoring case like the other tests; undefined for a literal this runtime cannot compile. */
function regexTestOf(literal: string): ((value: string) => boolean) | undefined {
  const end = literal.lastIndexOf('/');
  const flags = literal.slice(end + 1).replace(/[gy]/g, '');
  try {
    const re = new RegExp(literal.slice(1, end), flags.includes('i') ? flags : `${flags}i`);
    return (value) => re.test(value);
  } catch {
    return undefined;
  }
}

function either(a: EnvState, b: EnvState): EnvState {
  return a !== 'unknown' ? a : b;
}

function both(a: EnvState, b: EnvState): EnvState {
  return a === b ? a : 'unknown';
}
