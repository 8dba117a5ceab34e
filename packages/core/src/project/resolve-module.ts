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
  const base = posix.normalize(posix.join(posix.dirname(fromFile), specifier));
  for (const candidate of candidatesFor(base)) if (hasFile(candidate)) return candidate;
  return undefined;
}

function candidatesFor(base: string): string[] {
  const ext = posix.extname(base);
  const out: string[] = [];
  const twins = JS_TWINS[ext];
  if (twins) {
    const stem = base.slice(0, -ext.length);
    out.push(...twins.map((e) => stem + e));
  } else if (SOURCE_EXTENSIONS.includes(ext)) {
    out.push(base);
  }
  out.push(...SOURCE_EXTENSIONS.map((e) => base + e));
  out.push(...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`));
  return out;
}
