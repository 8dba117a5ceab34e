import { ts } from '../parse/typescript.js';
import { branchesOf } from './chosen-class.js';
import { type FileContext, importOf } from './file-context.js';
import { propertyNameOf, unwrap } from './scope.js';

/**
 * The classes a NestJS module has Nest make: `@Module({ providers: [FileTokenStore, { provide:
 * TOKEN_STORE, useClass: isProd ? RedisTokenStore : FileTokenStore }] })`. Nest constructs each
 * provider when the module loads, as a `new` would. Each class is given as the identifier written,
 * so the guard around it (the ternary's condition) can be read. Empty for any other call.
 */
export function nestProvidedClasses(call: ts.CallExpression, fc: FileContext): ts.Identifier[] {
  const origin = importOf(fc, call.expression);
  const [options] = call.arguments;
  if (origin?.specifier !== '@nestjs/common' || origin.imported !== 'Module' || options === undefined) return [];
  const providers = propertyOf(options, 'providers');
  if (providers === undefined || !ts.isArrayLiteralExpression(providers)) return [];
  return providers.elements.flatMap((el) => {
    const e = unwrap(el);
    if (ts.isIdentifier(e)) return [e];
    const useClass = propertyOf(e, 'useClass');
    return useClass === undefined ? [] : branchesOf(useClass);
  });
}

/** The value of property `name` of an object literal, when it is written as `name: value`. */
function propertyOf(expr: ts.Expression, name: string): ts.Expression | undefined {
  const e = unwrap(expr);
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  const prop = e.properties.find((p) => ts.isPropertyAssignment(p) && propertyNameOf(p.name) === name);
  return prop !== undefined && ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
}
