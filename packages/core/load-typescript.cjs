'use strict';
// Loads the engine's TypeScript for lazy-typescript.mjs, the runtime side of `#typescript`.
//
// ts-morph bundles its own TypeScript as @ts-morph/common/dist/typescript.js and re-exports it as
// `ts` through a frozen namespace of getters. The engine only needs that TypeScript, not ts-morph's
// 4 MB of wrappers: loading the same file directly, resolved from ts-morph itself so it is always
// the copy ts-morph ships, saves about 200 ms of start-up per process (an ESM import of ts-morph
// runs Node's CommonJS export lexer over it) and a getter call on every `ts.X` access.
//
// Compiling TypeScript's 9 MB costs another ~120 ms in every process (CLI, pre-commit hook, ESLint).
// Node 20 has no module compile cache, so V8's code cache for this one file is kept next to other
// tool caches in node_modules/.cache/shiftguard/. V8 checks the cache against the source and its
// own version and flags, and rejects a stale one; any problem falls back to a plain require.
const { createRequire } = process.getBuiltinModule('node:module');
const Module = process.getBuiltinModule('node:module');
const fs = process.getBuiltinModule('node:fs');
const path = process.getBuiltinModule('node:path');
const vm = process.getBuiltinModule('node:vm');
const buffer = process.getBuiltinModule('node:buffer');

const fromTsMorph = createRequire(require.resolve('ts-morph'));
const file = fromTsMorph.resolve('@ts-morph/common/dist/typescript.js');

const WARM_UP = `import { a } from './a.js';
export class C<T> extends a implements I { #p = 1; async m(x?: T): Promise<void> { for (const y of [x]) if (y) throw new Error(\`\${y}\`); } }
export const f = async ({ b, ...c }: { b: string }) => (b ? c : { ...c, d: [1, 'x', /r/g] }) as const;
`;

let typescript;
const cacheId = cacheIdOf(file);

/** TypeScript itself, loaded on the first call. */
exports.loadTypeScript = () => {
  if (!typescript) {
    typescript = loadWithCodeCache(file) ?? fromTsMorph(file);
    recordShape(typescript);
  }
  return typescript;
};

/**
 * The names of TypeScript's functions and its SyntaxKind enum, as an earlier process recorded them
 * (lazy-typescript.mjs stands in for TypeScript with them); undefined when none did yet.
 */
exports.readShape = () => {
  try {
    return JSON.parse(fs.readFileSync(`${cacheId}.shape.json`, 'utf8'));
  } catch {
    return undefined;
  }
};

function recordShape(ts) {
  if (!cacheId || fs.existsSync(`${cacheId}.shape.json`)) return;
  const functions = Object.keys(ts).filter((name) => typeof ts[name] === 'function');
  process.once('exit', () => writeAtomically(`${cacheId}.shape.json`, '.shape.json', () => JSON.stringify({ functions, SyntaxKind: ts.SyntaxKind })));
}

/** Evaluates `file` as CommonJS with a V8 code cache; undefined when that is not possible. */
function loadWithCodeCache(file) {
  if (require.cache[file]) return require.cache[file].exports;
  if (!cacheId) return undefined;
  const cacheFile = `${cacheId}${flagsSuffix()}.v8`;
  try {
    const source = readSource(file);
    const cachedData = readOptional(cacheFile);
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
    const mod = new Module(file, module);
    mod.filename = file;
    script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
    mod.loaded = true;
    // Registered like any required module: ts-morph, if loaded later, gets this same instance.
    require.cache[file] = mod;
    if (!cachedData || script.cachedDataRejected) {
      // V8 compiles functions lazily and caches only what is compiled: parse a sample first so the
      // parser is in the cache even when this process (say `--version`) parses nothing.
      mod.exports.createSourceFile('warm-up.ts', WARM_UP, mod.exports.ScriptTarget.Latest, true);
      process.once('exit', () => writeAtomically(cacheFile, '.v8', () => script.createCachedData()));
    }
    return mod.exports;
  } catch {
    return undefined;
  }
}

/**
 * Node 20 decodes a 9 MB file as UTF-8 in about 100 ms of CPU; TypeScript's is plain ASCII, which
 * as Latin-1 is the same text, decoded in a millisecond.
 */
function readSource(file) {
  const bytes = fs.readFileSync(file);
  return buffer.isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
}

/**
 * Where caches for this TypeScript file and this Node go, without extension: in
 * node_modules/.cache/shiftguard/, owned by the project like the installed packages themselves.
 */
function cacheIdOf(file) {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const stat = fs.statSync(file);
  const id = `${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}`;
  return path.join(file.slice(0, at + marker.length), '.cache', 'shiftguard', `typescript-${id}`);
}

function readOptional(p) {
  try {
    return fs.readFileSync(p);
  } catch {
    return undefined;
  }
}

/**
 * V8 rejects a code cache made under other flags (`--max-old-space-size`, `--cpu-prof`...), so
 * processes started with different flags (an editor's ESLint, a hook, a benchmark) would each
 * reject and rewrite the other's cache, paying the full compile every time. Each set of flags gets
 * its own cache; plain `node` keeps the plain name.
 */
function flagsSuffix() {
  const flags = [...process.execArgv.filter((arg) => arg.startsWith('--')), process.env.NODE_OPTIONS ?? ''].join('\0');
  if (flags === '') return '';
  return `-flags-${process.getBuiltinModule('node:crypto').createHash('sha256').update(flags).digest('hex').slice(0, 12)}`;
}

function writeAtomically(target, kind, data) {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data());
    fs.renameSync(tmp, target);
    // Caches of other TypeScript or Node versions are never read again; those of other flags are.
    const dir = path.dirname(target);
    const current = path.basename(cacheId);
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith('typescript-') && name.endsWith(kind) && !name.startsWith(current)) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // read-only install or full disk: the next process compiles from source, as without a cache
  }
}
