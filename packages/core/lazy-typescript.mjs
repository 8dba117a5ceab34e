// The runtime side of `#typescript` (package.json "imports"; its types are ts-morph's `ts`).
//
// Loading TypeScript costs a process about 150 ms of CPU even from V8's code cache
// (load-typescript.cjs), and a warm scan of a few staged files parses nothing: every summary it
// needs is cached. A process that expects that (the CLI with --staged or --changed-since sets
// DEFER before it imports the engine) gets a stand-in for `ts` until TypeScript is really used.
//
// Modules read `ts.SyntaxKind` and `ts.isX` functions once at module scope, so the stand-in knows
// them without TypeScript, from the shape an earlier process recorded: SyntaxKind is a copy of the
// enum, each function a forwarder that loads TypeScript on its first call. Anything else loads
// TypeScript at once. Since `ts` is an ESM live binding, once TypeScript is loaded every
// `ts.X` read inside functions reaches it directly. Forwarders cost a call each, so other
// processes (full scans, ESLint, the server, tests) load TypeScript up front, as before.
import { createRequire } from 'node:module';

const { loadTypeScript, readShape } = createRequire(import.meta.url)('./load-typescript.cjs');

const DEFER = Symbol.for('shiftguard.deferTypeScript');

/** @type {typeof import('ts-morph').ts} */
export let ts = (globalThis[DEFER] === true && standIn(readShape())) || loadTypeScript();

/** Loads TypeScript and puts it in place of the stand-in. */
function load() {
  ts = loadTypeScript();
  return ts;
}

/**
 * @param {{ functions: string[], SyntaxKind: Record<string, string | number> } | undefined} shape
 * @returns {typeof import('ts-morph').ts | undefined}
 */
function standIn(shape) {
  if (!shape) return undefined;
  const functions = new Set(shape.functions);
  const forwarders = new Map();
  const forwarderOf = (name) => {
    let forwarder = forwarders.get(name);
    if (!forwarder) {
      forwarder = function (...args) {
        return load()[name].apply(this, args);
      };
      forwarders.set(name, forwarder);
    }
    return forwarder;
  };
  return new Proxy(
    {},
    {
      get(_, name) {
        if (name === 'SyntaxKind') return shape.SyntaxKind;
        if (typeof name === 'string' && functions.has(name)) return forwarderOf(name);
        return Reflect.get(load(), name);
      },
    },
  );
}
