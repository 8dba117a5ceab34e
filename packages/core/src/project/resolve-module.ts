import { posix } from 'node:path';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** `./x.js` in TypeScript ESM source usually means `./x.ts`: try the source twins first. */
const JS_TWINS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
  '.jsx': ['.tsx', '.jsx'],
};

/**
 * Resolves a relative module specifier written in `fromFile` to one of the project's files, the
 * way TypeScript's NodeNext/Bundler resolution would: exact file, `.js` written for a `.ts` file,
 * extensionless, and `index` files. Package specifiers resolve to `undefined`: their code is not
 * the project's, and rules recognise library exports by name instead.
 * All paths are relative to the scan root with forward slashes.
 */
export function resolveModule(fromFile: string, specifier: string, hasFile: (path: string) => boolean): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return resolveModulePath(modulePathOf(fromFile, specifier), hasFile);
}

/**
 * The path a relative specifier names, before resolution picks a file for it: the same for every
 * file that names the same module, and independent of which files exist, so the summary cache
 * keeps it (a scoped scan resolves each module path once instead of every specifier).
 * posix.normalize(posix.join(posix.dirname(fromFile), specifier)), by segments: several times faster.
 */
export function modulePathOf(fromFile: string, specifier: string): string {
  if (specifier.includes('//') || specifier.endsWith('/')) return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  const parts = fromFile.split('/');
  parts.pop();
  for (const segment of specifier.split('/')) {
    if (segment === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else parts.push('..');
    } else if (segment !== '.') {
      parts.push(segment);
    }
  }
  return parts.join('/') || '.';
}

/** The project file a module path (modulePathOf) resolves to, trying candidates in resolution order. */
export function resolveModulePath(base: string, hasFile: (path: string) => boolean): string | undefined {
  const ext = posix.extname(base);
  const twins = JS_TWINS[ext];
  // Candidates are tried in order and built only until one exists: the first usually does, and
  // rules resolve hundreds of thousands of names on a large project.
  if (twins) {
    const stem = base.slice(0, -ext.length);
    for (const e of twins) if (hasFile(stem + e)) return stem + e;
  } else if (SOURCE_EXTENSIONS.includes(ext) && hasFile(base)) {
    return base;
  }
  for (const e of SOURCE_EXTENSIONS) if (hasFile(base + e)) return base + e;
  for (const e of SOURCE_EXTENSIONS) if (hasFile(`${base}/index${e}`)) return `${base}/index${e}`;
  return undefined;
}

/**
 * Every module path that can resolve to `file` (resolveModulePath), and a few that cannot: a
 * scoped scan finds a file's importers through them without resolving every link of the project.
 * Callers keep the candidates that do resolve to `file`.
 */
export function modulePathsNaming(file: string): string[] {
  const candidates = [file];
  for (const ext of SOURCE_EXTENSIONS) {
    if (!file.endsWith(ext)) continue;
    const stem = file.slice(0, -ext.length);
    candidates.push(stem);
    for (const [written, twins] of Object.entries(JS_TWINS)) if (twins.includes(ext)) candidates.push(stem + written);
    if (stem.endsWith('/index')) candidates.push(stem.slice(0, -'/index'.length));
  }
  return candidates;
}
