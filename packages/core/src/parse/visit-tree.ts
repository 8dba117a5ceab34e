import { walkTree } from './walk-tree.js';
import { ts } from './typescript.js';

// TypeScript's bundle exposes its API through getters: read the hot one once.
const { forEachChild } = ts;

/** Recursion depth handled on the call stack; deeper subtrees go to the iterative walk. */
const MAX_RECURSION = 200;

/**
 * Pre-order visit of `root` and its descendants, like walkTree (`visit` returns false to skip a
 * node's children), but recursive while the tree is shallow: guard and handler bodies are small,
 * and plain recursion costs them less than walkTree's bookkeeping. A subtree deeper than
 * MAX_RECURSION (a generated `a || b || ...` of thousands of terms) is walked iteratively, so
 * nothing can overflow the stack.
 */
export function visitTree(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  // One closure and a counter for the whole visit: no allocation per node.
  let depth = 0;
  const recurse = (node: ts.Node): void => {
    if (depth > MAX_RECURSION) {
      walkTree(node, visit);
      return;
    }
    if (visit(node) === false) return;
    depth++;
    forEachChild(node, recurse);
    depth--;
  };
  recurse(root);
}
