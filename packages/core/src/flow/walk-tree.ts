import { ts } from '../parse/typescript.js';

/**
 * Visits `root` and its descendants in source order (pre-order) without recursion, so generated
 * or hostile code nested thousands of levels deep cannot overflow the stack. `visit` returns false
 * to skip a node's children.
 */
export function walkTree(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (visit(node) === false) continue;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as ts.Node);
    children.length = 0;
  }
}
