import { ts } from '../parse/typescript.js';
import { type FileContext, lookup } from './file-context.js';
import { isAddedTo } from './mutated-in-place.js';
import { propertyNameOf, unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isEnumDeclaration, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteralLike } = ts;

/**
 * `KeychainItem.TOKEN` given `const KeychainItem = { TOKEN: 'AUTH0_TOKEN' }` (or a TypeScript
 * `enum`, or `Object.freeze({...})`): the entry holds the NAME of a secret (a keychain or storage
 * key, an environment variable's name), which is itself a secret name, not the secret. A literal
 * that is not a secret name (`{ token: 'sk-live-...' }`) is still a secret by the entry's name.
 */
export function holdsSecretName(base: ts.Expression, prop: string, fc: FileContext): boolean {
  const b = unwrap(base);
  if (!isIdentifier(b)) return false;
  const binding = lookup(fc, b);
  let entry: ts.Expression | undefined;
  if (binding === undefined) entry = enumEntryOf(b.text, prop, fc.sf);
  else if (binding.kind === 'var' && binding.isConst && binding.values.length === 1 && !isAddedTo(binding, fc)) {
    const [value] = binding.values;
    if (value && value.path.length === 0 && value.wrap.length === 0) entry = objectEntryOf(value.expr, prop);
  }
  const literal = entry && unwrap(entry);
  return literal !== undefined && isStringLiteralLike(literal) && fc.names.isSecretName(literal.text);
}

/** The initializer of `prop` in an object literal, also inside `Object.freeze(...)`. */
function objectEntryOf(expr: ts.Expression, prop: string): ts.Expression | undefined {
  let e = unwrap(expr);
  if (isCallExpression(e) && e.arguments.length === 1 && isObjectFreeze(e.expression)) e = unwrap(e.arguments[0] as ts.Expression);
  if (!isObjectLiteralExpression(e)) return undefined;
  for (const p of e.properties) if (isPropertyAssignment(p) && propertyNameOf(p.name) === prop) return p.initializer;
  return undefined;
}

function isObjectFreeze(callee: ts.Expression): boolean {
  const c = unwrap(callee);
  return isPropertyAccessExpression(c) && c.name.text === 'freeze' && isIdentifier(c.expression) && c.expression.text === 'Object';
}

/** The initializer of member `prop` of a top-level `enum name` of the file. */
function enumEntryOf(name: string, prop: string, sf: ts.SourceFile): ts.Expression | undefined {
  for (const stmt of sf.statements) {
    if (!isEnumDeclaration(stmt) || stmt.name.text !== name) continue;
    for (const member of stmt.members) if (propertyNameOf(member.name) === prop) return member.initializer;
  }
  return undefined;
}
