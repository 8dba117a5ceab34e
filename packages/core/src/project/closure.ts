/** `starts` and everything reachable from them along `next` (files along imports, importers...). */
export function closure(starts: Iterable<string>, next: (file: string) => readonly string[]): Set<string> {
  const seen = new Set(starts);
  const queue = [...seen];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const other of next(file)) {
      if (seen.has(other)) continue;
      seen.add(other);
      queue.push(other);
    }
  }
  return seen;
}
