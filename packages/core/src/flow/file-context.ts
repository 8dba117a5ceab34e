import type { ResolvedConfig } from '../config/config.js';
import type { NameValues } from '../env/production-condition.js';
import { namespaceConstOf } from '../parse/namespace-members.js';
import { ts } from '../parse/typescript.js';
import type { CollectedFile } from './collect-file.js';
import type { McpHandler } from './mcp-handler.js';
import { requireOf } from './collect-file.js';
import type { Binding } from './scope.js';
import { propertyNameOf, unwrap } from './scope.js';
import type { NameClassifier } from './sensitive-names.js';
import type { ImportedGuard } from './value-choices.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isCallExpression, isIdentifier, isImportDeclaration, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral } = ts;

/** What the flow extractors share while summarising one file. */
export interface FileContext {
  sf: ts.SourceFile;
  file: string;
  names: NameClassifier;
  config: ResolvedConfig;
  collected: CollectedFile;
  /** Whether an import specifier names a project module (relative, or a tsconfig path alias). */
  isProjectModule: (specifier: string) => boolean;
  /** Per-block NODE_ENV early exits, filled on first use (see env-guards). */
  earlyExits: Map<ts.NodeArray<ts.Statement>, Array<{ end: number; state: 'prod' | 'nonprod' | 'unknown' }>>;
  /** Per-block early exits on imported values (`if (config.store !== 'file') return`), filled on first use (see value-choices). */
  importedExits?: Map<ts.NodeArray<ts.Statement>, Array<{ end: number; guard: ImportedGuard }>>;
  /** How NODE_ENV conditions read this file's names, built on first use (see env-guards). */
  conditionNames?: NameValues;
  /** Every identifier of the file by its text, built on first use (see env-guards' `choiceEnvAt`). */
  identifiers?: Map<string, ts.Identifier[]>;
  /** Every module the file loads with `require('m')`, built on first use (see `importsAnyOf`). */
  requiredModules?: ReadonlySet<string>;
  /** Every module the file imports with an `import` declaration, built on first use (see `importsAnyOf`). */
  importedModules?: ReadonlySet<string>;
  /** The binding of each identifier looked up so far, null for none (see `lookup`). */
  bindings?: Map<ts.Identifier, Binding | null>;
  /** Words (and patterns) asked of the file's text so far, and whether it holds them (see `textMentions`). */
  mentions?: Map<string | RegExp, boolean>;
  /** Every binding the file puts values into with `push`, `set`, `add`..., built on first use (see mutated-in-place). */
  addedTo?: ReadonlySet<Binding>;
  /** The file's MCP SDK handlers and the index of each one's `extra` parameter, built on first use (see mcp-handler). */
  mcpHandlers?: ReadonlyMap<ts.Node, McpHandler>;
}

export function lookup(fc: FileContext, id: ts.Identifier): Binding | undefined {
  // The same identifiers are asked about again and again (a call's callee by every sink, write and
  // project-call test), and each lookup climbs the tree: each is answered once. The scopes are
  // complete before a FileContext is made, so an answer never changes.
  const bindings = (fc.bindings ??= new Map());
  let found = bindings.get(id);
  if (found === undefined) bindings.set(id, (found = fc.collected.scopes.lookup(id.text, id) ?? null));
  return found ?? undefined;
}

/**
 * The value of `name` in the literal a const of the file holds: a field of an object (`PATHS.tokens`
 * of `const PATHS = { tokens: '...' }`) or an element of an array (`sinks[0]` of `const sinks = [console.log]`),
 * or a const a namespace of the file exports (`Paths.TOKENS` of `namespace Paths { export const TOKENS = '...' }`).
 */
export function constFieldOf(fc: FileContext, owner: ts.Expression, name: string): ts.Expression | undefined {
  const o = unwrap(owner);
  const binding = isIdentifier(o) ? lookup(fc, o) : undefined;
  if (binding === undefined && isIdentifier(o)) return namespaceConstOf(fc.sf, o.text, name);
  const [value] = binding?.kind === 'var' && binding.isConst && binding.values.length === 1 ? binding.values : [];
  const literal = value !== undefined && value.path.length === 0 ? unwrap(value.expr) : undefined;
  if (literal !== undefined && isArrayLiteralExpression(literal)) return /^\d+$/.test(name) ? literal.elements[Number(name)] : undefined;
  if (literal === undefined || !isObjectLiteralExpression(literal)) return undefined;
  const prop = literal.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && propertyNameOf(p.name) === name);
  return prop?.initializer;
}

/**
 * The module binding an identifier stands for: `import x from 'm'`, `import { y as x } from 'm'`,
 * `const x = require('m')`, `const { y: x } = require('m')`.
 */
export function importOf(fc: FileContext, expr: ts.Expression): { specifier: string; imported: string } | undefined {
  const e = unwrap(expr);
  if (!isIdentifier(e)) return requireOf(e);
  const binding = lookup(fc, e);
  if (binding?.kind === 'import') return { specifier: binding.specifier, imported: binding.imported };
  if (binding?.kind !== 'var' || binding.values.length !== 1) return undefined;
  const [value] = binding.values;
  if (!value) return undefined;
  const required = requireOf(value.expr);
  if (!required) return undefined;
  if (value.path.length === 0) return required;
  if (required.imported !== '*') return undefined;
  if (value.path.length === 1) return { specifier: required.specifier, imported: value.path[0] ?? '*' };
  // `const { promises: { writeFile } } = require('fs')`: fs's promise API, which has the same names.
  return value.path.length === 2 && value.path[0] === 'promises' ? { specifier: required.specifier, imported: value.path[1] ?? '*' } : undefined;
}

/**
 * The package function a callee names, however the file imports it: `sign` imported or required
 * from 'jsonwebtoken', and `jwt.sign` on the package's default or namespace import, are both
 * `{ specifier: 'jsonwebtoken', name: 'sign' }`. A default import called itself is named `default`.
 */
export function packageFunctionOf(fc: FileContext, callee: ts.Expression): { specifier: string; name: string } | undefined {
  const e = unwrap(callee);
  const direct = importOf(fc, e);
  if (direct) return { specifier: direct.specifier, name: direct.imported };
  if (!isPropertyAccessExpression(e)) return undefined;
  const ns = importOf(fc, e.expression);
  // `import { consola } from 'consola'`: the export named as its package is the package's main object.
  return ns && (ns.imported === '*' || ns.imported === 'default' || ns.imported === ns.specifier) ? { specifier: ns.specifier, name: e.name.text } : undefined;
}

/**
 * The package function a callee names (see packageFunctionOf) when it is one of `names`. Asked of
 * most calls a value flows through: a member call of another name (`res.json()`) is answered
 * without resolving its receiver, since a member call's function is named by the member.
 */
export function packageFunctionNamed(fc: FileContext, callee: ts.Expression, names: ReadonlySet<string>): { specifier: string; name: string } | undefined {
  const e = unwrap(callee);
  if (isPropertyAccessExpression(e) && !names.has(e.name.text)) return undefined;
  const fn = packageFunctionOf(fc, e);
  return fn !== undefined && names.has(fn.name) ? fn : undefined;
}

/** Whether the file imports or requires one of `modules` (`import x from 'm'`, `require('m')`). */
export function importsAnyOf(fc: FileContext, modules: ReadonlySet<string>): boolean {
  // Asked per call: a bundled file has thousands of statements, searched once.
  fc.importedModules ??= new Set(fc.sf.statements.flatMap((s) => (isImportDeclaration(s) && isStringLiteral(s.moduleSpecifier) ? [s.moduleSpecifier.text] : [])));
  for (const m of modules) if (fc.importedModules.has(m)) return true;
  // Asked for every `register` call of a Fastify file: the file's calls are searched once.
  fc.requiredModules ??= new Set(fc.collected.calls.flatMap((c) => (isCallExpression(c) ? (requireOf(c)?.specifier ?? []) : [])));
  for (const m of modules) if (fc.requiredModules.has(m)) return true;
  return false;
}

/** Names followed from one to the next: real option objects and lists are named once or twice. */
const MAX_CONST_DEPTH = 4;

/**
 * What a name bound once holds (`const REDACT = [...]`, `const opts = { redact }`, followed through
 * other such names), so a value written once and passed by name is read as if written in place;
 * any other expression as it is. A name given more than one value may hold either, and is kept.
 */
export function constValueOf(fc: FileContext, expr: ts.Expression): ts.Expression {
  let e = unwrap(expr);
  for (let i = 0; i < MAX_CONST_DEPTH && isIdentifier(e); i++) {
    const binding = lookup(fc, e);
    const value = binding?.kind === 'var' && binding.values.length === 1 ? binding.values[0] : undefined;
    if (!value || value.path.length > 0 || value.wrap.length > 0) break;
    e = unwrap(value.expr);
  }
  return e;
}

/**
 * The one value a `const` is given whole (`const conf = new Conf()`, `const user = db.data.users.find(...)`),
 * whatever fields are assigned into it later: those assignments are values of the binding too
 * (under `wrap`), which constValueOf refuses as a second value.
 */
export function wholeConstValueOf(fc: FileContext, id: ts.Identifier): ts.Expression | undefined {
  const binding = lookup(fc, id);
  const whole = binding?.kind === 'var' && binding.isConst ? binding.values.filter((v) => v.wrap.length === 0) : [];
  const [value] = whole.length === 1 ? whole : [];
  return value !== undefined && value.path.length === 0 ? unwrap(value.expr) : undefined;
}

/**
 * Whether the file's text contains `word` (a package name), or a match of a pattern (one of
 * several names: one scan of the text, not one per name): extractors ask it per call to skip work
 * in files that cannot need it, and a search of a 5 MB bundle per call would cost quadratic time,
 * so each word is searched once per file.
 */
export function textMentions(fc: FileContext, word: string | RegExp): boolean {
  const mentions = (fc.mentions ??= new Map());
  let found = mentions.get(word);
  if (found === undefined) mentions.set(word, (found = typeof word === 'string' ? fc.sf.text.includes(word) : word.test(fc.sf.text)));
  return found;
}
