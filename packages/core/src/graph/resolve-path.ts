import type { BindingOrigin, ProjectModel } from '../project/project-model.js';
import type { PathExpr } from './path-expr.js';

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
  const own = project.files.get(file)?.routes.constants[ref];
  if (own) return resolvePath(project, file, own, depth + 1);
  const dot = ref.indexOf('.');
  const root = dot === -1 ? ref : ref.slice(0, dot);
  const rest = dot === -1 ? '' : ref.slice(dot);
  const origin = project.originOf(file, root);
  if (origin.kind === 'unresolved') return resolveCommonJsMember(project, origin, rest, depth);
  if (origin.kind !== 'local' || (origin.file === file && origin.name === root)) return undefined;
  const name = origin.name === '*' ? rest.slice(1) : `${origin.name}${rest}`;
  if (name === '') return undefined;
  const constants = project.files.get(origin.file)?.routes.constants;
  // `require('./config').adminPrefix` of a CommonJS `module.exports = { adminPrefix }`: a member of the default export.
  const constant = constants?.[name] ?? (origin.name === '*' ? constants?.[`default${rest}`] : undefined);
  return constant ? resolvePath(project, origin.file, constant, depth + 1) : undefined;
}

/**
 * `const { PUBLIC_PATHS } = require('./config')` of a CommonJS `module.exports = { PUBLIC_PATHS: [...] }`:
 * a value written in the object is no named export, but the module's default export holds it.
 */
function resolveCommonJsMember(project: ProjectModel, origin: Extract<BindingOrigin, { kind: 'unresolved' }>, rest: string, depth: number): string | undefined {
  const target = project.resolveModule(origin.file, origin.specifier);
  const constant = target === undefined ? undefined : project.files.get(target)?.routes.constants[`default.${origin.imported}${rest}`];
  return target !== undefined && constant ? resolvePath(project, target, constant, depth + 1) : undefined;
}

function sanitize(text: string): string {
  return text.replace(/[^\w$.]/g, '').slice(0, 40) || 'param';
}
