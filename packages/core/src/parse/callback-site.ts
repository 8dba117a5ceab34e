import { ts } from './typescript.js';

/**
 * The call a function is written as an argument of, and its position (parentheses around it
 * skipped): `list.map((x) => ...)` gives the `map` call and 0, `bus.on('login', (evt) => ...)` the
 * `on` call and 1. Undefined for a function that is not an argument.
 */
export function callbackSiteOf(fn: ts.Node): { call: ts.CallExpression; index: number } | undefined {
  let holder = fn;
  while (holder.parent && ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
  const call = holder.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(holder as ts.Expression);
  return index < 0 ? undefined : { call, index };
}
