import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where per-file summaries are cached for a scan root: `node_modules/.cache/shiftguard/` when the
 * project has `node_modules` (already ignored everywhere, the convention of babel and eslint-loader),
 * else `.shiftguard-cache/`, which ignores itself with its own `.gitignore` as pytest's cache does.
 */
export function prepareCacheFile(root: string): string {
  if (existsSync(join(root, 'node_modules'))) return join(root, 'node_modules', '.cache', 'shiftguard', 'summaries.json');
  const dir = join(root, '.shiftguard-cache');
  mkdirSync(dir, { recursive: true });
  const ignoreFile = join(dir, '.gitignore');
  if (!existsSync(ignoreFile)) writeFileSync(ignoreFile, '# written by shiftguard: the cache is never committed\n*\n');
  return join(dir, 'summaries.json');
}
