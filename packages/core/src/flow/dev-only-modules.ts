import type { ProjectModel } from '../project/project-model.js';
import { specifiersOf } from '../summary/module-facts.js';
import type { DynamicImportFact } from './flow-facts.js';
import { importedGuardEnv } from './value-choices.js';

/**
 * Project files that only development loads: every `import()` or nested `require()` of them sits
 * under a NODE_ENV guard (`if (process.env.NODE_ENV !== 'production') { const { FileStore } = await
 * import('./dev-file-store.js') }`), and every file importing them at its top level reads what it
 * imports only under such guards (`if (isDev) app.use('/__dev', devRouter)`: see guarded-imports.ts).
 * Production never runs their code, beyond the top level of a module imported that way, which only
 * declares what it exports. Built once per scan.
 */
export function devOnlyModules(project: ProjectModel): ReadonlySet<string> {
  return project.memo('dev-only-modules', buildDevOnlyModules);
}

function buildDevOnlyModules(project: ProjectModel): ReadonlySet<string> {
  // Most projects load no module under a guard: skip the import graph then.
  const guarded = [...project.files].flatMap(([file, summary]) => (summary.flow.dynamicImports ?? []).map((load) => ({ file, load, outside: isLoadedOutsideProduction(project, file, load) })));
  if (!guarded.some(({ outside }) => outside) && ![...project.files.values()].some((summary) => summary.flow.guardedImports !== undefined)) return new Set();
  const loadedInProduction = new Set<string>();
  const loadedOutside = new Set<string>();
  for (const { file, load, outside } of guarded) {
    const target = project.resolveModule(file, load.specifier);
    if (target !== undefined) (outside ? loadedOutside : loadedInProduction).add(target);
  }
  for (const [file, summary] of project.files) {
    const guardedImports = summary.flow.guardedImports ?? [];
    for (const specifier of specifiersOf(summary.module)) {
      const target = project.resolveModule(file, specifier);
      if (target !== undefined) (guardedImports.includes(specifier) ? loadedOutside : loadedInProduction).add(target);
    }
  }
  return new Set([...loadedOutside].filter((f) => !loadedInProduction.has(f)));
}

/** Under a NODE_ENV guard of its file, or under an imported flag whose own file excludes production. */
function isLoadedOutsideProduction(project: ProjectModel, file: string, load: DynamicImportFact): boolean {
  return load.env === 'nonprod' || (load.importedGuard !== undefined && importedGuardEnv(project, file, load.importedGuard) === 'nonprod');
}
