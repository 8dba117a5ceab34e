// Build step after tsc (`npm run build`): bundles the command line, dist/bin.js and everything it
// imports from this package and from @shiftguard/core, into dist/bin.js plus a few chunks. A
// pre-commit scan is a process of about half a second, and Node spent some 70 ms of CPU of it
// finding, reading and linking ninety ES modules one by one. dist/main.js (the package's library
// entry) and @shiftguard/core's own files stay as tsc wrote them.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const DIST = fileURLToPath(new URL('dist/', import.meta.url));
const CHUNK_PREFIX = 'chunk-';
const CORE_DIST = join(dirname(fileURLToPath(import.meta.resolve('@shiftguard/core/package.json'))), 'dist') + sep;

/**
 * The engine's TypeScript stays where @shiftguard/core has it (lazy-typescript.mjs finds its loader
 * and ts-morph next to itself), and engine modules that load a dependency on first use
 * (`createRequire(import.meta.url)`: zod, fast-glob, @babel/code-frame) still look for it from
 * @shiftguard/core, which is what depends on it.
 * @type {import('rolldown').Plugin}
 */
const keepCoreResolution = {
  name: 'keep-core-resolution',
  resolveId: (source) => (source === '#typescript' ? { id: '@shiftguard/core/lazy-typescript', external: true } : null),
  // map: null keeps the module's source map (the rename shifts a few columns of three lines).
  transform: (code, id) => (id.startsWith(CORE_DIST) && code.includes('import.meta.url') ? { code: code.replaceAll('import.meta.url', `import.meta.resolve('@shiftguard/core/package.json')`), map: null } : null),
};

// Chunks of an earlier build are named after modules that may no longer exist.
for (const name of readdirSync(DIST)) if (name.startsWith(CHUNK_PREFIX)) rmSync(join(DIST, name));

await build({
  input: join(DIST, 'bin.js'),
  platform: 'node',
  plugins: [keepCoreResolution],
  logLevel: 'warn',
  // Dynamic imports stay chunks of their own: bin.js sets what the engine reads when it loads
  // (deferred TypeScript) before importing it, and a scan loads only the reporter it prints with.
  output: { dir: DIST, format: 'esm', entryFileNames: '[name].js', chunkFileNames: `${CHUNK_PREFIX}[name].js`, sourcemap: true },
});
