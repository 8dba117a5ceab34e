import type { BindingOrigin, ProjectModel } from '../project/project-model.js';
import type { PathExpr } from './path-expr.js';
import type { RouteFacts } from './route-facts.js';

const MAX_DEPTH = 8;

/**
 * The text of a path, with constant references resolved across files (`${API}/admin` where `API`
 * is imported, `ROUTES.admin` of a namespace or object constant). A part no file defines becomes
 * a parameter segment (`:id`): it matches any one value, as a request path would.
 */
export function resolvePath(project: ProjectModel, file: string, path: PathExpr, depth = 0): string {
  let out = '';
  for (const part of path.parts) {
    if (typeof part === 'string') out += part;
    else if ('unknown' in part) out += `:${sanitize(part.unknown)}`;
    else out += resolveRef(project, file, part.ref, depth) ?? `:${sanitize(part.ref)}`;
  }
  return out;
}

function resolveRef(project: ProjectModel, file: string, ref: string, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const found = declarationOf(project, file, ref, (facts) => facts.constants);
  return found && resolvePath(project, found.file, found.value, depth + 1);
}

/**
 * Where the module-level value a reference names is declared, in the table `tableOf` reads from a
 * file's route facts: this file's, an imported file's (`ROUTES.admin` of a namespace or named
 * import), or the member of a CommonJS default export (`const { PUBLIC_PATHS } = require('./config')`,
 * `require('./config').adminPrefix`).
 */
export function declarationOf<T>(project: ProjectModel, file: string, ref: string, tableOf: (facts: RouteFacts) => Readonly<Record<string, T>>): { file: string; value: T } | undefined {
  const table = (at: string) => {
    const facts = project.files.get(at)?.routes;
    return facts && tableOf(facts);
  };
  const own = table(file)?.[ref];
  if (own !== undefined) return { file, value: own };
  const dot = ref.indexOf('.');
  const root = dot === -1 ? ref : ref.slice(0, dot);
  const rest = dot === -1 ? '' : ref.slice(dot);
  const origin = project.originOf(file, root);
  if (origin.kind === 'unresolved') return commonJsMember(project, origin, rest, table);
  if (origin.kind !== 'local' || (origin.file === file && origin.name === root)) return undefined;
  if (origin.name === '*') return namespaceMember(project, origin.file, rest, table);
  const values = table(origin.file);
  const value = values?.[`${origin.name}${rest}`];
  return value === undefined ? undefined : { file: origin.file, value };
}

/**
 * `.PUBLIC_PATHS` (and deeper) read from a namespace import of `moduleFile`: the module's own value,
 * or the one it re-exports (`export { PUBLIC_PATHS } from './public-paths'`, `export * from ...`);
 * `require('./config').adminPrefix` of a CommonJS `module.exports = { adminPrefix }` is a member of
 * its default export.
 */
function namespaceMember<T>(project: ProjectModel, moduleFile: string, rest: string, table: (file: string) => Readonly<Record<string, T>> | undefined): { file: string; value: T } | undefined {
  const name = rest.slice(1);
  if (name === '') return undefined;
  const values = table(moduleFile);
  const own = values?.[name] ?? values?.[`default${rest}`];
  if (own !== undefined) return { file: moduleFile, value: own };
  const dot = name.indexOf('.');
  const first = dot === -1 ? name : name.slice(0, dot);
  const origin = project.originOfMember(moduleFile, first);
  if (origin.kind !== 'local' || (origin.file === moduleFile && origin.name === first)) return undefined;
  const deeper = dot === -1 ? '' : name.slice(dot);
  const value = origin.name === '*' ? undefined : table(origin.file)?.[`${origin.name}${deeper}`];
  return value === undefined ? undefined : { file: origin.file, value };
}

/**
 * `const { PUBLIC_PATHS } = require('./config')` of a CommonJS `module.exports = { PUBLIC_PATHS: [...] }`:
 * a value written in the object is no named export, but the module's default export holds it.
 */
function commonJsMember<T>(project: ProjectModel, origin: Extract<BindingOrigin, { kind: 'unresolved' }>, rest: string, table: (file: string) => Readonly<Record<string, T>> | undefined): { file: string; value: T } | undefined {
  const target = project.resolveModule(origin.file, origin.specifier);
  const value = target === undefined ? undefined : table(target)?.[`default.${origin.imported}${rest}`];
  return target !== undefined && value !== undefined ? { file: target, value } : undefined;
}

function sanitize(text: string): string {
  return text.replace(/[^\w$.]/g, '').slice(0, 40) || 'param';
}
