import { ts } from '../parse/typescript.js';
import { envAt, usesOf } from './env-guards.js';
import { type FileContext, lookup } from './file-context.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isIdentifier, isImportDeclaration, isNamespaceImport, isStringLiteral } = ts;

/**
 * Project modules this file imports only for code under NODE_ENV guards: `import { devRouter } from
 * './dev.js'` read only in `if (process.env.NODE_ENV !== 'production') app.use('/__dev', devRouter)`.
 * Production loads the module but never mounts, registers or calls what it exports (see
 * dev-only-modules.ts). The names' uses are only looked up in a file that hands an import to a call
 * under a guard, which few files do.
 */
export function guardedImportsOf(fc: FileContext): string[] {
  const candidates = new Set<string>();
  for (const call of fc.collected.calls) {
    for (const arg of call.arguments ?? []) {
      const binding = isIdentifier(arg) ? lookup(fc, arg) : undefined;
      if (binding?.kind === 'import' && !candidates.has(binding.specifier) && fc.isProjectModule(binding.specifier) && envAt(call, fc) === 'nonprod') candidates.add(binding.specifier);
    }
  }
  return [...candidates].filter((specifier) => importedNamesOf(fc.sf, specifier).every((name) => isReadOnlyOutsideProduction(name, fc)));
}

/** Every read of the imported name sits under a NODE_ENV guard. */
function isReadOnlyOutsideProduction(name: ts.Identifier, fc: FileContext): boolean {
  const binding = lookup(fc, name);
  return binding !== undefined && usesOf(name, binding, fc).every((use) => envAt(use, fc) === 'nonprod');
}

/** The local names a file's value imports of `specifier` declare (default, named and namespace). */
function importedNamesOf(sf: ts.SourceFile, specifier: string): ts.Identifier[] {
  const names: ts.Identifier[] = [];
  for (const stmt of sf.statements) {
    if (!isImportDeclaration(stmt) || !isStringLiteral(stmt.moduleSpecifier) || stmt.moduleSpecifier.text !== specifier) continue;
    const clause = stmt.importClause;
    if (clause === undefined || clause.isTypeOnly) continue;
    if (clause.name) names.push(clause.name);
    const bindings = clause.namedBindings;
    if (bindings && isNamespaceImport(bindings)) names.push(bindings.name);
    else if (bindings) names.push(...bindings.elements.filter((e) => !e.isTypeOnly).map((e) => e.name));
  }
  return names;
}
