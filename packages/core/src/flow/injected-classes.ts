import { ts } from '../parse/typescript.js';
import { branchesOf } from './chosen-class.js';
import { constValueOf, type FileContext, importOf, importsAnyOf } from './file-context.js';
import { propertyOf as optionOf } from '../graph/object-property.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isCallExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isShorthandPropertyAssignment, isSpreadElement } = ts;

/**
 * The classes a dependency-injection container is told to make, which it constructs as a `new`
 * would: NestJS `@Module({ providers: [FileTokenStore, { provide: T, useClass: X }] })`, tsyringe
 * `container.register(T, { useClass: X })` / `registerSingleton(T, X)`, InversifyJS
 * `container.bind(T).to(X)` and awilix `asClass(X)`. Each class is given as the identifier written,
 * so the guard around it (`useClass: isProd ? RedisTokenStore : FileTokenStore`) can be read. Empty
 * for any other call.
 */
export function injectedClassesOf(call: ts.CallExpression, fc: FileContext): ts.Identifier[] {
  const callee = unwrap(call.expression);
  const [first, second] = call.arguments;
  if (isIdentifier(callee)) {
    const origin = importOf(fc, callee);
    if (origin?.specifier === '@nestjs/common' && origin.imported === 'Module' && first) return nestProviders(first, fc);
    if (origin?.specifier === 'awilix' && origin.imported === 'asClass' && first) return branchesOf(first);
    return [];
  }
  // The method name first: most calls are methods, and only three names matter.
  if (!isPropertyAccessExpression(callee) || !CONTAINER_METHODS.has(callee.name.text) || !importsFrom(fc, callee.expression)) return [];
  const method = callee.name.text;
  if (method === 'register' && second) return useClassOf(second);
  if (method === 'registerSingleton' && second) return branchesOf(second);
  // `container.bind(T).to(X)`: the receiver is the `bind` call.
  const receiver = unwrap(callee.expression);
  const isBind = isCallExpression(receiver) && isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'bind';
  return method === 'to' && isBind && first ? branchesOf(first) : [];
}

const CONTAINER_METHODS: ReadonlySet<string> = new Set(['register', 'registerSingleton', 'to']);

/**
 * `providers: [X, { provide: T, useClass: Y }]` of a Nest module's options, also as Nest's docs
 * write them: a const provider (`const tokenStoreProvider = { provide, useClass }`), a const list
 * (`@Module({ providers })`), spread into the list.
 */
function nestProviders(options: ts.Expression, fc: FileContext): ts.Identifier[] {
  const e = unwrap(options);
  const shorthand = isObjectLiteralExpression(e) ? e.properties.find((p): p is ts.ShorthandPropertyAssignment => isShorthandPropertyAssignment(p) && p.name.text === 'providers') : undefined;
  const written = shorthand?.name ?? propertyOf(options, 'providers');
  return written === undefined ? [] : providersIn(written, fc);
}

function providersIn(list: ts.Expression, fc: FileContext): ts.Identifier[] {
  const providers = unwrap(constValueOf(fc, list));
  if (!isArrayLiteralExpression(providers)) return [];
  return providers.elements.flatMap((el) => {
    if (isSpreadElement(el)) return providersIn(el.expression, fc);
    const e = unwrap(el);
    const value = isIdentifier(e) ? unwrap(constValueOf(fc, e)) : e;
    return isObjectLiteralExpression(value) ? useClassOf(value) : isIdentifier(e) ? [e] : useClassOf(e);
  });
}

function useClassOf(provider: ts.Expression): ts.Identifier[] {
  const useClass = propertyOf(provider, 'useClass');
  return useClass === undefined ? [] : branchesOf(useClass);
}

/**
 * The receiver is tsyringe's `container`, or a container of a file that imports tsyringe or
 * InversifyJS (`const container = new Container()`): other `register` / `bind` methods are not.
 */
function importsFrom(fc: FileContext, receiver: ts.Expression): boolean {
  let base = unwrap(receiver);
  while (isCallExpression(base) || isPropertyAccessExpression(base)) base = unwrap(base.expression);
  if (isIdentifier(base) && importOf(fc, base)?.specifier === 'tsyringe') return true;
  return importsAnyOf(fc, DI_PACKAGES);
}

const DI_PACKAGES: ReadonlySet<string> = new Set(['tsyringe', 'inversify']);

/** `name: value` of an object literal. */
function propertyOf(expr: ts.Expression, name: string): ts.Expression | undefined {
  const e = unwrap(expr);
  return isObjectLiteralExpression(e) ? optionOf(e, name) : undefined;
}
