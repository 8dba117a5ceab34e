/**
 * Express 5 (path-to-regexp 8) optional groups: `/admin{/*splat}` is both `/admin` and
 * `/admin/*splat`, `/{:locale/}admin` both `/admin` and `/:locale/admin`. Each group is written
 * once with and once without its content, nested groups too; path-to-regexp 6's `{/:x}?` is read
 * the same way. A path without braces comes back alone. Hono's `:id{[0-9]+}` is a pattern, not a
 * group: callers ask this of Express paths only.
 */
export function pathAlternatives(path: string): string[] {
  const open = path.indexOf('{');
  if (open < 0) return [path];
  const close = matchingBrace(path, open);
  if (close < 0) return [path];
  const inner = path.slice(open + 1, close);
  const after = path[close + 1] === '?' ? close + 2 : close + 1;
  const head = path.slice(0, open);
  const rests = pathAlternatives(path.slice(after));
  const withGroup = pathAlternatives(inner).flatMap((i) => rests.map((r) => head + i + r));
  const without = rests.map((r) => head + r);
  return [...new Set([...without, ...withGroup].map((p) => p.replace(/\/{2,}/g, '/') || '/'))].slice(0, MAX_ALTERNATIVES);
}

/** Paths with many groups are rare; their first alternatives are enough. */
const MAX_ALTERNATIVES = 16;

function matchingBrace(path: string, open: number): number {
  let depth = 0;
  for (let i = open; i < path.length; i++) {
    if (path[i] === '{') depth++;
    else if (path[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
