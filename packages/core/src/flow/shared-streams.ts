import { ts } from '../parse/typescript.js';
import type { ProjectModel } from '../project/project-model.js';
import { type FileContext, importOf } from './file-context.js';
import { unwrap } from './scope.js';

/** The methods of a write stream that write what they are given. */
const STREAM_WRITES: ReadonlySet<string> = new Set(['write', 'end']);

/**
 * `export const auditFile = createWriteStream('data/audit.ndjson')`: the module-level const holding
 * a write stream made here, which other modules import and write to. Undefined for a stream made
 * anywhere else (inside a function, in place).
 */
export function moduleStreamHolderOf(made: ts.CallExpression | ts.NewExpression): string | undefined {
  let node: ts.Node = made;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent)) node = node.parent;
  const decl = node.parent;
  if (!ts.isVariableDeclaration(decl) || decl.initializer !== node || !ts.isIdentifier(decl.name)) return undefined;
  const stmt = decl.parent.parent;
  return ts.isVariableStatement(stmt) && ts.isSourceFile(stmt.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0 ? decl.name.text : undefined;
}

/**
 * `auditFile.write(line)` / `.end(line)` where `auditFile` is imported from a project module: the
 * imported name, a write only if that module holds a stream under it (see `opensSharedStream`).
 */
export function importedStreamOf(call: ts.CallExpression, fc: FileContext): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !STREAM_WRITES.has(callee.name.text) || call.arguments.length === 0) return undefined;
  const receiver = unwrap(callee.expression);
  if (!ts.isIdentifier(receiver)) return undefined;
  const origin = importOf(fc, receiver);
  return origin !== undefined && fc.isProjectModule(origin.specifier) ? receiver.text : undefined;
}

/** The module `local` is imported from in `file` holds a write stream under that name (see `FlowFacts.streams`). */
export function opensSharedStream(project: ProjectModel, file: string, local: string): boolean {
  const origin = project.originOf(file, local);
  if (origin.kind !== 'local' || origin.file === file) return false;
  // `const out = require('./audit')` of `module.exports = out`: the whole module is the stream's const.
  const name = origin.name === '*' || origin.name === 'default' ? project.valueNameOf(origin.file) : origin.name;
  return name !== undefined && (project.files.get(origin.file)?.flow.streams?.includes(name) ?? false);
}
