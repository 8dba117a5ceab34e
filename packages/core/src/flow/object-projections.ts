import { ts } from '../parse/typescript.js';
import { constValueOf, packageFunctionOf, textMentions, type FileContext } from './file-context.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isPropertyAccessExpression, isStringLiteralLike } = ts;

/**
 * What a utility library's object function does with the object it is given: `pick` keeps only the
 * keys listed, `omit` drops them, `get` reads one path, a clone or merge hands back everything its
 * arguments hold.
 */
export type ObjectProjection =
  | { of: ts.Expression; keys: { keep: string[] } | { drop: string[] } }
  /** `pick`/`omit` with keys the code does not spell (a parameter, a computed list): nothing is known of what it keeps. */
  | { unknown: true }
  /** `_.get(config, 'db.password')`, `_.get(config, ['db', 'password'])`: the value at that path. */
  | { of: ts.Expression; path: string[] }
  | { carries: readonly ts.Expression[] };

/** What a file that loads one of the libraries below spells somewhere in its text (no `g` flag: `test` keeps no state). */
const LIBRARY_WORDS = /lodash|underscore|ramda|es-toolkit|radash|remeda/;

/** Libraries whose `pick(object, keys)` and `omit(object, keys)` take the object first. */
const OBJECT_FIRST = new Set(['lodash', 'lodash-es', 'underscore', 'es-toolkit', 'es-toolkit/compat', 'radash', 'remeda']);
/** Ramda: `R.pick(keys, object)`, data last. */
const OBJECT_LAST = new Set(['ramda']);
/** Functions that hand back a copy of what their arguments hold (`_.cloneDeep(user)`, `_.merge({}, a, b)`). */
export const COPYING: ReadonlySet<string> = new Set(['clone', 'cloneDeep', 'merge', 'mergeWith', 'assign', 'assignIn', 'extend', 'defaults', 'defaultsDeep', 'toPlainObject', 'mergeDeepRight', 'mergeRight', 'mergeLeft']);
const KEEPING = new Set(['pick']);
const DROPPING = new Set(['omit']);
const READING = new Set(['get']);
const PROJECTING: ReadonlySet<string> = new Set([...COPYING, ...KEEPING, ...DROPPING, ...READING]);

/**
 * The projection a call makes, when its callee is one of these libraries' functions, however it is
 * imported: `_.pick(user, ['id'])`, `import { omit } from 'lodash'`, `import pick from 'lodash/pick'`,
 * `require('lodash.omit')`, `R.omit(['password'], user)`.
 */
export function objectProjectionOf(call: ts.CallExpression, fc: FileContext): ObjectProjection | undefined {
  // Asked of every call a value flows through: a method named otherwise (`item.get()`), or a file
  // that loads none of these libraries, is answered at once.
  const callee = unwrap(call.expression);
  if (isPropertyAccessExpression(callee) && !PROJECTING.has(callee.name.text)) return undefined;
  if (!textMentions(fc, LIBRARY_WORDS)) return undefined;
  const fn = packageFunctionOf(fc, call.expression);
  if (!fn) return undefined;
  const library = libraryOf(fn.specifier);
  // A per-method package imported whole (`import pick from 'lodash/pick'`, `require('lodash.pick')`) is its method.
  const name = fn.name === 'default' || fn.name === '*' ? methodOfSpecifier(fn.specifier) : fn.name;
  if (library === undefined || name === undefined) return undefined;
  const args = call.arguments;
  if (COPYING.has(name)) return { carries: args };
  const objectLast = OBJECT_LAST.has(library) || fn.specifier.startsWith('lodash/fp');
  if (READING.has(name)) return objectLast ? undefined : readPathOf(args, fc);
  if (!KEEPING.has(name) && !DROPPING.has(name)) return undefined;
  const of = objectLast ? args[1] : args[0];
  const keyArgs = objectLast ? args.slice(0, 1) : args.slice(1);
  const keys = of && keyArgs.length > 0 ? spelledKeys(keyArgs, fc) : undefined;
  if (!of || !keys) return { unknown: true };
  return { of, keys: KEEPING.has(name) ? { keep: keys } : { drop: keys } };
}

/** `get(object, 'a.b')` or `get(object, ['a', 'b'])` (a default may follow): the path read; unknown when not spelled. */
function readPathOf(args: readonly ts.Expression[], fc: FileContext): ObjectProjection {
  const [of, pathArg] = args;
  const written = pathArg && unwrap(constValueOf(fc, pathArg));
  const path = written && isStringLiteralLike(written) ? written.text.split('.') : written && isArrayLiteralExpression(written) ? spelledKeys([written], fc) : undefined;
  return of && path && path.length > 0 && path.every((p) => p !== '') ? { of, path } : { unknown: true };
}

/** The library a specifier loads, per-method packages included: `lodash/pick`, `lodash/fp` and `lodash.pick` are lodash. */
function libraryOf(specifier: string): string | undefined {
  if (OBJECT_FIRST.has(specifier) || OBJECT_LAST.has(specifier)) return specifier;
  const base = specifier.startsWith('lodash.') ? 'lodash' : specifier.replace(/\/(?:fp\/)?[a-zA-Z]+$/, '');
  return OBJECT_FIRST.has(base) || OBJECT_LAST.has(base) ? base : undefined;
}

/** `lodash/cloneDeep` and `lodash.clonedeep` export one function: the one they are named for. */
function methodOfSpecifier(specifier: string): string | undefined {
  const name = specifier.startsWith('lodash.') ? specifier.slice('lodash.'.length) : specifier.split('/').at(-1);
  if (name === undefined) return undefined;
  return [...PROJECTING].find((m) => m.toLowerCase() === name.toLowerCase());
}

/** The keys spelled by `['id', 'email']`, `'id', 'email'` or a const list of them; undefined when any is not a literal. */
function spelledKeys(args: readonly ts.Expression[], fc: FileContext): string[] | undefined {
  const keys: string[] = [];
  for (const arg of args) {
    const value = unwrap(constValueOf(fc, arg));
    const items = isArrayLiteralExpression(value) ? value.elements.map((e) => unwrap(e)) : [value];
    for (const item of items) {
      if (!isStringLiteralLike(item)) return undefined;
      keys.push(item.text);
    }
  }
  return keys;
}
