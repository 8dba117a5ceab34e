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

/**
 * Whether `test` holds for `root` or a node below it, found with visitTree (so no depth overflows
 * the stack). `descend` false for a node keeps the search out of its children (nested functions).
 */
export function someNode(root: ts.Node, test: (node: ts.Node) => boolean, descend?: (node: ts.Node) => boolean): boolean {
  let found = false;
  visitTree(root, (node) => {
    if (!found && test(node)) found = true;
    return !found && (descend === undefined || node === root || descend(node));
  });
  return found;
}
