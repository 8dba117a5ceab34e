import { ts } from '../parse/typescript.js';
import { type FileContext, lookup } from './file-context.js';
import { isJsonStringify } from './json-stringify.js';
import { isAddedTo } from './mutated-in-place.js';
import { isLiteralTree } from './sanitisers.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isCallExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression } = ts;

/** Consts followed to their value: real data is named once or twice. */
const MAX_DEPTH = 4;

/**
 * Data a write is given that is written out in full in the source: a non-empty object or array
 * literal of literals (`JSON.stringify({ color: { primary: { value: '#0055ff' } } })`, a design token
 * tree), a const holding one, or a part of one. `true` when this file shows it, the local name of a project import
 * when the value lives in its module (the rules read it there, see `FlowFacts.literalConsts`).
 * Undefined for anything else, a bare literal included (`writeFile('tokens.json', '{}')` starts a store).
 */
export function fixedDataOf(expr: ts.Expression | undefined, fc: FileContext, depth = 0): true | string | undefined {
  if (expr === undefined || depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (isCallExpression(e)) return readsWhole(e.expression) && e.arguments[0] ? fixedDataOf(e.arguments[0], fc, depth + 1) : undefined;
  if (isObjectLiteralExpression(e) || isArrayLiteralExpression(e)) return isLiteralTree(e) ? true : undefined;
  if (!isIdentifier(e)) return undefined;
  const binding = lookup(fc, e);
  if (binding?.kind === 'import') return fc.isProjectModule(binding.specifier) && binding.imported !== '*' ? e.text : undefined;
  // A part of such data (`for (const [group, values] of Object.entries(tokens))`) is written out in full too.
  const value = binding?.kind === 'var' && binding.isConst && binding.values.length === 1 && !isAddedTo(binding, fc) ? binding.values[0] : undefined;
  return value !== undefined && value.wrap.length === 0 ? fixedDataOf(value.expr, fc, depth + 1) : undefined;
}

/** `JSON.stringify(x)`, `Object.entries(x)` / `values` / `keys`: made of `x` alone. */
function readsWhole(callee: ts.Expression): boolean {
  if (isJsonStringify(callee)) return true;
  const e = unwrap(callee);
  return isPropertyAccessExpression(e) && isIdentifier(e.expression) && e.expression.text === 'Object' && OBJECT_PARTS.has(e.name.text);
}

const OBJECT_PARTS: ReadonlySet<string> = new Set(['entries', 'values', 'keys']);
