import type { HandlerRef } from './route-facts.js';

/** What a factory parameter is bound to when the call passed a value that is not a function. */
const VALUE: HandlerRef = { kind: 'unknown', reason: 'value' };

/**
 * Every argument of a call ref in its place (see `positions` in route-facts.ts), a value that is
 * not a function, or a list, as `unknown`: what a factory's parameters are bound to.
 */
export function positionalArgsOf(ref: Extract<HandlerRef, { kind: 'call' }>): HandlerRef[] {
  const args = ref.args ?? [];
  return ref.positions ? ref.positions.map((i) => args[i] ?? VALUE) : args;
}
