import type { ProjectModel } from '../project/project-model.js';
import { MAX_LIST_CONSTANT, type PathExpr, soleRefOf } from './path-expr.js';
import { resolvePath } from './resolve-path.js';

/**
 * The paths a reference stands for: the entries of a list constant (`PUBLIC_PATHS` imported from
 * the file that declares `export const PUBLIC_PATHS = ['/login', ...]`, recorded by
 * collectConstants as `PUBLIC_PATHS.0`, ... and `PUBLIC_PATHS.length`), or else the one path it
 * resolves to. An entry that is not a string resolves to a parameter segment (`:x`), as any
 * unresolved path does, and the caller leaves it out.
 */
export function resolvePathList(project: ProjectModel, file: string, path: PathExpr): string[] {
  const ref = soleRefOf(path);
  const count = ref === undefined ? NaN : Number(resolvePath(project, file, { parts: [{ ref: `${ref}.length` }] }));
  if (ref === undefined || !Number.isInteger(count)) return [resolvePath(project, file, path)];
  const out: string[] = [];
  for (let i = 0; i < Math.min(count, MAX_LIST_CONSTANT); i++) out.push(resolvePath(project, file, { parts: [{ ref: `${ref}.${i}` }] }));
  return out;
}
