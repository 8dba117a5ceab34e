import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the hot one once.
const { forEachChild } = ts;

/**
 * Visits `root` and its descendants in source order (pre-order) without recursion, so generated
 * or hostile code nested thousands of levels deep cannot overflow the stack. `visit` returns false
 * to skip a node's children.
 */
export function walkTree(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (visit(node) === false) continue;
    // Children land on the stack in source order; reversed in place, the first is visited first
    // (a separate buffer emptied with `length = 0` cost more than the rest of the walk).
    const first = stack.length;
    forEachChild(node, push);
    for (let i = first, j = stack.length - 1; i < j; i++, j--) {
      const child = stack[i] as ts.Node;
      stack[i] = stack[j] as ts.Node;
      stack[j] = child;
    }
  }
}
