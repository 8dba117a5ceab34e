import type { ProjectModel } from '../project/project-model.js';
import { specifiersOf } from '../summary/module-facts.js';
import type { DynamicImportFact } from './flow-facts.js';
import { importedGuardEnv } from './value-choices.js';

/**
 * Project files that only development loads: no file imports them at its top level, and every
 * `import()` or nested `require()` of them sits under a NODE_ENV guard (`if (process.env.NODE_ENV !== 'production') {
 * const { FileStore } = await import('./dev-file-store.js') }`). Production never runs their code.
 * Built once per scan.
 */
export function devOnlyModules(project: ProjectModel): ReadonlySet<string> {
  return project.memo('dev-only-modules', buildDevOnlyModules);
}

function buildDevOnlyModules(project: ProjectModel): ReadonlySet<string> {
  // Most projects load no module under a guard: skip the import graph then.
  const guarded = [...project.files].flatMap(([file, summary]) => (summary.flow.dynamicImports ?? []).map((load) => ({ file, load, outside: isLoadedOutsideProduction(project, file, load) })));
  if (!guarded.some(({ outside }) => outside)) return new Set();
  const loadedInProduction = new Set<string>();
  const loadedOutside = new Set<string>();
  for (const { file, load, outside } of guarded) {
    const target = project.resolveModule(file, load.specifier);
    if (target !== undefined) (outside ? loadedOutside : loadedInProduction).add(target);
  }
  for (const file of project.files.keys()) {
    for (const specifier of specifiersOf(project.files.get(file)?.module)) {
      const target = project.resolveModule(file, specifier);
      if (target !== undefined) loadedInProduction.add(target);
    }
  }
  return new Set([...loadedOutside].filter((f) => !loadedInProduction.has(f)));
}

/** Under a NODE_ENV guard of its file, or under an imported flag whose own file excludes production. */
function isLoadedOutsideProduction(project: ProjectModel, file: string, load: DynamicImportFact): boolean {
  return load.env === 'nonprod' || (load.importedGuard !== undefined && importedGuardEnv(project, file, load.importedGuard) === 'nonprod');
}
