import { ts } from '../parse/typescript.js';
import { someNode, visitTree } from '../parse/visit-tree.js';
import type { ImportBinding } from '../summary/module-facts.js';
import { isFunctionExpression } from './judge-function.js';
import { skipParens } from './path-expr.js';

const { SyntaxKind, isArrayLiteralExpression, isCallExpression, isClassDeclaration, isFunctionDeclaration, isIdentifier, isMethodDeclaration, isNewExpression, isNumericLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isReturnStatement, isStringLiteralLike, isThrowStatement } = ts;

/**
 * Passport strategies whose verify callback is the whole check: the strategy only reads the
 * credential (a header, a form field) and the project's callback decides whether it is valid. By
 * package, the name `passport.authenticate(...)` knows each by when the project names none. JWT
 * and OAuth strategies are left out: the library checks the token's signature or the provider's
 * answer before the callback runs, and a callback accepting every payload is normal there.
 */
const CALLBACK_CHECKED: Readonly<Record<string, string | Readonly<Record<string, string>>>> = {
  'passport-headerapikey': 'headerapikey',
  'passport-http-bearer': 'bearer',
  'passport-http': { BasicStrategy: 'basic', DigestStrategy: 'digest' },
  'passport-local': 'local',
  'passport-custom': 'custom',
  'passport-unique-token': 'token',
  'passport-localapikey': 'localapikey',
  'passport-localapikey-update': 'localapikey',
  'passport-http-header-strategy': 'header',
};

/**
 * The names of the credential-checking passport strategies this file sets up with a verify
 * callback that accepts every credential it is given: `passport.use(new HeaderAPIKeyStrategy(opts,
 * false, (apiKey, done) => done(null, { apiKey })))`, or a NestJS `class ApiKeyStrategy extends
 * PassportStrategy(HeaderAPIKeyStrategy, 'api-key') { validate() { return true; } }`. A route
 * behind `passport.authenticate(name)` or `AuthGuard(name)` is then open to anyone who sends
 * any credential.
 */
export function openStrategiesOf(sf: ts.SourceFile, imports: readonly ImportBinding[]): string[] {
  const strategyClasses = new Map<string, string>();
  for (const i of imports) {
    const names = CALLBACK_CHECKED[i.specifier];
    if (names === undefined) continue;
    const name = typeof names === 'string' ? names : names[i.imported];
    if (name !== undefined) strategyClasses.set(i.local, name);
  }
  if (strategyClasses.size === 0) return [];
  const open = new Set<string>();
  visitTree(sf, (node) => {
    if (isCallExpression(node)) {
      const set = strategySetUp(node, strategyClasses);
      if (set && acceptsEveryCredential(set.verify, sf)) open.add(set.name);
    } else if (isClassDeclaration(node)) {
      const nest = nestStrategyOf(node, strategyClasses);
      if (nest) open.add(nest);
    }
  });
  return [...open];
}

/** `passport.use(new Strategy(..., verify))` and `passport.use('name', new Strategy(...))`. */
function strategySetUp(call: ts.CallExpression, classes: ReadonlyMap<string, string>): { name: string; verify: ts.Expression } | undefined {
  if (!isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'use') return undefined;
  const made = call.arguments[call.arguments.length - 1];
  const strategy = made && skipParens(made);
  if (!strategy || !isNewExpression(strategy) || !isIdentifier(strategy.expression)) return undefined;
  const byClass = classes.get(strategy.expression.text);
  const verify = strategy.arguments?.[strategy.arguments.length - 1];
  if (byClass === undefined || verify === undefined) return undefined;
  const named = call.arguments.length === 2 && call.arguments[0] && isStringLiteralLike(call.arguments[0]) ? call.arguments[0].text : byClass;
  return { name: named, verify };
}

/** The verify callback, written in place or declared in the file, answers every call with a user. */
function acceptsEveryCredential(verify: ts.Expression, sf: ts.SourceFile): boolean {
  const e = skipParens(verify);
  const fn = isFunctionExpression(e) ? e : isIdentifier(e) ? declaredFunction(sf, e.text) : undefined;
  const done = fn?.parameters[fn.parameters.length - 1]?.name;
  if (!fn?.body || !done || !isIdentifier(done) || someNode(fn.body, isThrowStatement)) return false;
  const answers: ts.CallExpression[] = [];
  visitTree(fn.body, (n) => {
    if (isCallExpression(n) && isIdentifier(n.expression) && n.expression.text === done.text) answers.push(n);
  });
  return answers.length > 0 && answers.every((a) => isNoError(a.arguments[0]) && isAlwaysTruthy(a.arguments[1], fn));
}

function declaredFunction(sf: ts.SourceFile, name: string): ts.FunctionDeclaration | undefined {
  return sf.statements.find((s): s is ts.FunctionDeclaration => isFunctionDeclaration(s) && s.name?.text === name);
}

/**
 * NestJS: `class X extends PassportStrategy(Strategy, 'name')` whose `validate` answers every call
 * with a value (`return true`, `return { apiKey }`): the strategy's name, else undefined.
 */
function nestStrategyOf(cls: ts.ClassDeclaration, classes: ReadonlyMap<string, string>): string | undefined {
  const base = cls.heritageClauses?.find((h) => h.token === SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  const call = base && skipParens(base);
  if (!call || !isCallExpression(call) || !isIdentifier(call.expression) || call.expression.text !== 'PassportStrategy') return undefined;
  const [strategy, nameArg] = call.arguments;
  const byClass = strategy && isIdentifier(strategy) ? classes.get(strategy.text) : undefined;
  if (byClass === undefined) return undefined;
  const validate = cls.members.find((m): m is ts.MethodDeclaration => isMethodDeclaration(m) && isIdentifier(m.name) && m.name.text === 'validate');
  const body = validate?.body;
  if (!validate || !body || someNode(body, isThrowStatement)) return undefined;
  // Its own returns, not those of callbacks inside it.
  const returns: ts.ReturnStatement[] = [];
  visitTree(body, (n) => {
    if (isReturnStatement(n)) returns.push(n);
    return n === body || !ts.isFunctionLike(n);
  });
  if (returns.length === 0 || !returns.every((r) => isAlwaysTruthy(r.expression, validate))) return undefined;
  return nameArg && isStringLiteralLike(nameArg) ? nameArg.text : byClass;
}

function isNoError(arg: ts.Expression | undefined): boolean {
  const e = arg && skipParens(arg);
  return e !== undefined && (e.kind === SyntaxKind.NullKeyword || (isIdentifier(e) && e.text === 'undefined'));
}

/**
 * A value that is a user whatever the request sent: an object or array written out, `true`, a
 * non-empty literal, or one of the callback's own parameters (the credential, which the strategy
 * only hands over when the request has one).
 */
function isAlwaysTruthy(arg: ts.Expression | undefined, fn: ts.SignatureDeclaration): boolean {
  const e = arg && skipParens(arg);
  if (e === undefined) return false;
  if (isObjectLiteralExpression(e) || isArrayLiteralExpression(e) || e.kind === SyntaxKind.TrueKeyword) return true;
  if (isStringLiteralLike(e)) return e.text !== '';
  if (isNumericLiteral(e)) return Number(e.text) !== 0;
  return isIdentifier(e) && fn.parameters.some((p) => isIdentifier(p.name) && p.name.text === e.text);
}

/**
 * The strategies a `passport.authenticate('headerapikey')` or NestJS `AuthGuard(['jwt', 'api-key'])`
 * call names; undefined for other calls. Passport lets the request through when any of them does.
 */
export function strategyNamesOf(call: ts.CallExpression): string[] | undefined {
  const callee = skipParens(call.expression);
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name !== 'authenticate' && name !== 'AuthGuard') return undefined;
  const first = call.arguments[0] && skipParens(call.arguments[0]);
  const names = first && isArrayLiteralExpression(first) ? first.elements : first ? [first] : [];
  const strategies = names.flatMap((n) => (isStringLiteralLike(n) ? [n.text] : []));
  return strategies.length > 0 ? strategies : undefined;
}
