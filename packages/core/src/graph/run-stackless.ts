/**
 * A computation written as a generator that `yield`s its sub-computations (not yet started) and
 * receives their results: `const verdict = yield this.judge(ref)`. It reads like recursion, but
 * the driver keeps the pending computations on a heap array, so a chain of thousands of
 * delegations or mounts cannot overflow the call stack.
 */
export type Stackless<T, R = T> = Generator<Stackless<T>, R, T>;

/**
 * Runs `root` to completion. Past `maxDepth` pending computations a sub-computation is not
 * started and its parent receives `tooDeep` instead: callers pick the verdict that stays sound.
 */
export function runStackless<T, R>(root: Stackless<T, R>, maxDepth: number, tooDeep: T): R {
  const pending: Array<Stackless<T>> = [];
  let current: Stackless<T, R | T> = root;
  let sent: T | undefined;
  for (;;) {
    const step = current.next(sent as T);
    if (step.done) {
      const parent = pending.pop();
      if (parent === undefined) return step.value as R;
      current = parent;
      sent = step.value as T;
    } else if (pending.length >= maxDepth) {
      sent = tooDeep;
    } else {
      pending.push(current as Stackless<T>);
      current = step.value;
      sent = undefined;
    }
  }
}
