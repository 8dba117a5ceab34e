import type { CollectedFile, NamedFunction } from './collect-file.js';
import { enclosingFunction } from './collect-file.js';

/**
 * A function is known to the flow layer by the name other code calls it by (`f`, `Class.method`,
 * `default`). Two functions of one file may share that name: a bundle's many inner `p`s, the inner
 * `validate` of two handlers. All but one of them get their position added (`p@1234`), so a call
 * reaches the function its name is bound to here, not the facts of another one. The one at module
 * level (the last, as a redeclared `var` is) keeps the plain name: other files import it by that.
 */
export function disambiguateKeys(out: CollectedFile): void {
  const byKey = new Map<string, NamedFunction[]>();
  for (const fn of out.functions) {
    // Methods are keyed by class or object; overload signatures (no body) share their implementation's key.
    if (fn.className !== undefined || fn.key.includes('.') || fn.node.body === undefined) continue;
    const same = byKey.get(fn.key);
    if (same) same.push(fn);
    else byKey.set(fn.key, [fn]);
  }
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    const atModuleLevel = same.filter((fn) => enclosingFunction(fn.node) === undefined);
    const plain = atModuleLevel.at(-1) ?? same.at(-1);
    for (const fn of same) {
      if (fn === plain) continue;
      fn.key = `${key}@${fn.node.pos}`;
      out.functionKeys.set(fn.node, fn.key);
      out.functionKeySet.add(fn.key);
    }
  }
}

/** The member key of what `new C(...)` gives importers (see evaluate's `constructedTaint`); no constructor is keyed otherwise. */
export const CONSTRUCTOR = 'constructor';

const POSITION = /@\d+$/;

/** The name a function key stands for, without the position disambiguateKeys may add: for messages and name rules. */
export function plainName(key: string): string {
  // Asked of every project call: most keys carry no position, and need no regular expression.
  return key.includes('@') ? key.replace(POSITION, '') : key;
}
