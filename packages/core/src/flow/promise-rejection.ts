import { ts } from '../parse/typescript.js';
import { callbackSiteOf } from '../parse/callback-site.js';
import { visitTree } from '../parse/visit-tree.js';
import { constValueOf, type FileContext, lookup } from './file-context.js';
import { dottedNameOf, unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrowFunction, isCallExpression, isFunctionExpression, isIdentifier, isNewExpression, isPropertyAccessExpression } = ts;

/**
 * What a promise may reject with, as the source writes it: values handed over as they are
 * (`Promise.reject(err)`, an executor's `reject(err)`), calls whose throws reject it (a project
 * function's: `verify(token)` of an async `verify` that throws), and functions whose own `throw`s
 * do (a `new Promise` executor, a `then` callback).
 */
export interface Rejection {
  values: ts.Expression[];
  calls: ts.CallExpression[];
  throwers: ts.SignatureDeclaration[];
}

/** Promises a rejection is followed back through: a call, a few `then`s and a const. */
const MAX_PROMISE_DEPTH = 6;

/**
 * `verify(token).catch((err) => ...)`, `p.then(onDone, (err) => ...)`: what the promise a
 * rejection handler `fn` is given to may reject with. Undefined for any other function.
 */
export function rejectionHandledBy(fn: ts.SignatureDeclaration, fc: FileContext): Rejection | undefined {
  if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
  const site = callbackSiteOf(fn);
  const callee = site && unwrap(site.call.expression);
  if (!site || !callee || !isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (!((method === 'catch' && site.index === 0) || (method === 'then' && site.index === 1))) return undefined;
  const rejection: Rejection = { values: [], calls: [], throwers: [] };
  collectRejection(callee.expression, fc, rejection, 0);
  return rejection;
}

function collectRejection(promise: ts.Expression, fc: FileContext, out: Rejection, depth: number): void {
  const e = constValueOf(fc, promise);
  if (depth > MAX_PROMISE_DEPTH) return;
  if (isNewExpression(e)) {
    if (dottedNameOf(unwrap(e.expression)) === 'Promise') executorRejection(e.arguments?.[0], fc, out);
    return;
  }
  if (!isCallExpression(e)) return;
  const callee = unwrap(e.expression);
  if (dottedNameOf(callee) === 'Promise.reject') {
    if (e.arguments[0]) out.values.push(e.arguments[0]);
    return;
  }
  // `p.then(f).finally(g)`: what `p` rejects with goes on, and so does what the callbacks throw.
  if (isPropertyAccessExpression(callee) && (callee.name.text === 'then' || callee.name.text === 'finally')) {
    for (const arg of e.arguments) {
      const cb = unwrap(arg);
      if (isArrowFunction(cb) || isFunctionExpression(cb)) out.throwers.push(cb);
    }
    collectRejection(callee.expression, fc, out, depth + 1);
    return;
  }
  // `p.catch(handler)` settles what `p` rejects with: only the handler's own throws reject it on.
  if (isPropertyAccessExpression(callee) && callee.name.text === 'catch') return;
  out.calls.push(e);
}

/** `new Promise((resolve, reject) => { ... reject(err) ... })`: what the executor passes `reject`, and what it throws. */
function executorRejection(executor: ts.Expression | undefined, fc: FileContext, out: Rejection): void {
  const fn = executor && unwrap(executor);
  if (!fn || (!isArrowFunction(fn) && !isFunctionExpression(fn))) return;
  out.throwers.push(fn);
  const reject = fn.parameters[1];
  if (!reject || !isIdentifier(reject.name)) return;
  const name = reject.name.text;
  visitTree(fn.body, (n) => {
    if (isCallExpression(n) && n.arguments[0]) {
      const callee = unwrap(n.expression);
      if (isIdentifier(callee) && callee.text === name && lookup(fc, callee)?.node === reject) out.values.push(n.arguments[0]);
    }
  });
}
