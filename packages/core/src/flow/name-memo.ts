/** Names a memo keeps before it starts over: the bound keeps adversarial inputs from growing it forever. */
const MEMO_LIMIT = 50_000;

/**
 * `judge` remembered by name, for the process: the flow layer asks about the same names (a
 * callee, a class, a key) for every file, and names repeat across files. `judge` must depend on
 * the name alone.
 */
export function memoByName<T>(judge: (name: string) => T): (name: string) => T {
  const memo = new Map<string, T>();
  return (name) => {
    let verdict = memo.get(name);
    if (verdict === undefined) {
      verdict = judge(name);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(name, verdict);
    }
    return verdict;
  };
}
