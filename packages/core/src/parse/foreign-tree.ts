import { createRequire } from 'node:module';
import { ts } from './typescript.js';

/** What identifies a loaded TypeScript module and tells whether its trees read like the engine's. */
export interface TypeScriptModule {
  version: string;
  SyntaxKind: object;
  NodeFlags: object;
  createSourceFile: (fileName: string, text: string, languageVersion: ts.ScriptTarget) => object;
}

// Every module Node has loaded with require, or imported as CommonJS: the caller's TypeScript is
// among them whenever it came from a package (a bundled copy is not, and is then never trusted).
const loadedModules = createRequire(import.meta.url).cache;

/**
 * Per SourceFile prototype, that is per loaded TypeScript: whether the engine may walk its trees.
 * Found once; every later file of the same parser costs one map look-up.
 */
const walkableByPrototype = new WeakMap<object, boolean>();

/**
 * True when `tree` is a SourceFile made by a TypeScript whose trees the engine can walk with its own
 * enums. A tree from an unknown or different TypeScript is refused: its SyntaxKind numbers may name
 * other nodes, and walking it would silently produce wrong verdicts.
 */
export function isWalkableSourceFile(tree: unknown): tree is ts.SourceFile {
  if (typeof tree !== 'object' || tree === null) return false;
  const prototype = Object.getPrototypeOf(tree) as object | null;
  if (prototype === null) return false;
  let walkable = walkableByPrototype.get(prototype);
  if (walkable === undefined) {
    const maker = typeScriptMaking(prototype);
    walkable = maker !== undefined && isCompatible(maker);
    walkableByPrototype.set(prototype, walkable);
  }
  return walkable && (tree as ts.Node).kind === ts.SyntaxKind.SourceFile;
}

/** The loaded TypeScript whose SourceFiles have `prototype`: the one that made a tree. */
function typeScriptMaking(prototype: object): TypeScriptModule | undefined {
  for (const loaded of Object.values(loadedModules)) {
    const candidate: unknown = loaded?.exports;
    if (isTypeScriptModule(candidate) && Object.getPrototypeOf(candidate.createSourceFile('probe.ts', '', ts.ScriptTarget.Latest)) === prototype) return candidate;
  }
  return undefined;
}

function isTypeScriptModule(value: unknown): value is TypeScriptModule {
  const m = value as Partial<TypeScriptModule> | null | undefined;
  return typeof m?.version === 'string' && typeof m.createSourceFile === 'function' && typeof m.SyntaxKind === 'object' && typeof m.NodeFlags === 'object';
}

/**
 * Whether trees of `other` read the same with the engine's TypeScript: the same release line (a
 * patch release never changes the syntax tree) and, checked rather than trusted, the same numbers
 * for every SyntaxKind and NodeFlags, the two enums the engine reads on nodes.
 */
export function isCompatible(other: TypeScriptModule): boolean {
  return releaseLine(other.version) === releaseLine(ts.version) && sameEnum(other.SyntaxKind, ts.SyntaxKind) && sameEnum(other.NodeFlags, ts.NodeFlags);
}

function releaseLine(version: string): string {
  return version.split('.').slice(0, 2).join('.');
}

function sameEnum(a: object, b: object): boolean {
  const entriesA = Object.entries(a);
  const recordB = b as Record<string, unknown>;
  return entriesA.length === Object.keys(b).length && entriesA.every(([key, value]) => recordB[key] === value);
}
