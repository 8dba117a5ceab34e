import type { ProjectModel } from '../project/project-model.js';
import type { PathExpr } from './path-expr.js';
import { resolvePath } from './resolve-path.js';

/**
 * The text of a Nest metadata key (`'roles'`, an imported `ROLES_KEY`, a decorator's
 * `Roles.@metadata`), or undefined when no file defines it: resolvePath writes an unresolved
 * reference as a parameter segment (`:ROLES_KEY`), which no key written as a string starts with.
 */
export function resolveMetadataKey(project: ProjectModel, file: string, key: PathExpr): string | undefined {
  const text = resolvePath(project, file, key);
  return text === '' || text.startsWith(':') ? undefined : text;
}
