import { callbackSiteOf } from '../parse/callback-site.js';
import { ts } from '../parse/typescript.js';
import { enclosingFunction } from './collect-file.js';
import { envAt, usesOf } from './env-guards.js';
import type { Evaluator } from './evaluate.js';
import { type FileContext, lookup } from './file-context.js';
import type { Binding } from './scope.js';
import { unwrap } from './scope.js';

type ParamBinding = Extract<Binding, { kind: 'param' }>;

/**
 * `function devOnly(fn) { if (process.env.NODE_ENV === 'production') return; fn(); }`: the
 * parameters each function of the file calls only outside production, and reads for nothing else,
 * by the function. A callback handed to such a parameter runs only outside production.
 */
export function guardedCallbacksOf(fc: FileContext): Map<ts.Node, number[]> {
  const called = new Map<ParamBinding, ts.Identifier>();
  for (const call of fc.collected.calls) {
    const callee = ts.isCallExpression(call) ? unwrap(call.expression) : undefined;
    const binding = callee !== undefined && ts.isIdentifier(callee) ? lookup(fc, callee) : undefined;
    if (binding?.kind === 'param' && !binding.rest && binding.proj.length === 0 && callee !== undefined && ts.isIdentifier(callee)) called.set(binding, callee);
  }
  const out = new Map<ts.Node, number[]>();
  for (const [binding] of called) {
    const name = ts.isParameter(binding.node) ? binding.node.name : binding.node;
    if (!ts.isIdentifier(name) || !usesOf(name, binding, fc).every((use) => isGuardedCall(use, fc))) continue;
    out.set(binding.fn, [...(out.get(binding.fn) ?? []), binding.index]);
  }
  return out;
}

/** `fn()` under a NODE_ENV guard that excludes production. */
function isGuardedCall(use: ts.Identifier, fc: FileContext): boolean {
  let node: ts.Node = use;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  return ts.isCallExpression(call) && call.expression === node && envAt(call, fc) === 'nonprod';
}

/** Where a write sits in a callback handed to a project function (`devOnly(() => writeFileSync(...))`): that function, and the argument. */
export interface CallbackSite {
  callee: string;
  arg: number;
}

/** The project function the arrow or function expression around `node` is handed to, and its position. */
export function callbackOf(node: ts.Node, ev: Evaluator): CallbackSite | undefined {
  const fn = enclosingFunction(node);
  if (fn === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const site = callbackSiteOf(fn);
  const callee = site === undefined ? undefined : ev.projectCalleeOf(site.call.expression);
  return site === undefined || callee === undefined ? undefined : { callee, arg: site.index };
}
