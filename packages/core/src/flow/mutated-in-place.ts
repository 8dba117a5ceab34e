import { ts } from '../parse/typescript.js';
import { type FileContext, lookup } from './file-context.js';
import type { Binding } from './scope.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isElementAccessExpression, isIdentifier, isPropertyAccessExpression } = ts;

/** Methods that put their arguments into the collection they are called on. */
export const ADDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'set', 'add', 'splice']);

/**
 * `tokens.push(t)`, `sessions.set(id, s)`, `grants.list.push(g)`: the file puts values into the
 * collection `binding` holds (or into one inside it) through an adding method, which no assignment
 * records. A value written out in full is not all such a binding holds.
 */
export function isAddedTo(binding: Binding, fc: FileContext): boolean {
  return addedToBindings(fc).has(binding);
}

/** Every binding the file adds to, found in one pass over its calls (asked per const, and while evaluating). */
function addedToBindings(fc: FileContext): ReadonlySet<Binding> {
  if (fc.addedTo) return fc.addedTo;
  const added = new Set<Binding>();
  for (const call of fc.collected.calls) {
    const callee = unwrap(call.expression);
    if (!isCallExpression(call) || !isPropertyAccessExpression(callee) || !ADDING_METHODS.has(callee.name.text)) continue;
    let e = unwrap(callee.expression);
    while (isPropertyAccessExpression(e) || isElementAccessExpression(e)) e = unwrap(e.expression);
    const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
    if (binding) added.add(binding);
  }
  fc.addedTo = added;
  return added;
}
