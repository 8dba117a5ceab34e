import { ts } from '../parse/typescript.js';
import { type FileContext, lookup } from './file-context.js';
import type { Binding } from './scope.js';
import { unwrap } from './scope.js';

/** Methods that put their arguments into the collection they are called on. */
export const ADDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'set', 'add', 'splice']);

/**
 * `tokens.push(t)`, `sessions.set(id, s)`, `grants.list.push(g)`: the file puts values into the
 * collection `binding` holds (or into one inside it) through an adding method, which no assignment
 * records. A value written out in full is not all such a binding holds.
 */
export function isAddedTo(binding: Binding, fc: FileContext): boolean {
  return fc.collected.calls.some((call) => {
    const callee = unwrap(call.expression);
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(callee) || !ADDING_METHODS.has(callee.name.text)) return false;
    let e = unwrap(callee.expression);
    while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
    return ts.isIdentifier(e) && lookup(fc, e) === binding;
  });
}
