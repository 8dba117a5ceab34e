import { ts } from '../parse/typescript.js';
import { type FileContext, importOf, lookup, packageFunctionOf, textMentions } from './file-context.js';
import { unwrap } from './scope.js';
import { FS_MODULES } from './sinks.js';

/** fs's moves of a file onto another path: `rename(from, to)`, and fs-extra's `move`. */
const MOVES: ReadonlySet<string> = new Set(['rename', 'renameSync', 'move', 'moveSync']);

/**
 * `await writeFile(tmp, data); await rename(tmp, 'state/tokens.json')`: the path a written file is
 * moved to (an atomic write), when the file moves the same path (the same variable, or the same
 * text) with fs. Undefined when it is not moved.
 */
export function renamedPathOf(pathArg: ts.Expression | undefined, fc: FileContext): ts.Expression | undefined {
  if (pathArg === undefined || (!textMentions(fc, 'rename') && !textMentions(fc, 'move'))) return undefined;
  for (const call of fc.collected.calls) {
    const [from, to] = call.arguments ?? [];
    if (!ts.isCallExpression(call) || from === undefined || to === undefined || !isFsMove(call.expression, fc)) continue;
    if (samePath(from, pathArg, fc)) return to;
  }
  return undefined;
}

/** `rename` of fs (imported, or on the module object), also `fs.promises.rename`. */
function isFsMove(callee: ts.Expression, fc: FileContext): boolean {
  const e = unwrap(callee);
  if (ts.isPropertyAccessExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'promises') {
    const fs = importOf(fc, e.expression.expression);
    return MOVES.has(e.name.text) && fs !== undefined && FS_MODULES.has(fs.specifier);
  }
  const fn = packageFunctionOf(fc, e);
  return fn !== undefined && FS_MODULES.has(fn.specifier) && MOVES.has(fn.name);
}

function samePath(a: ts.Expression, b: ts.Expression, fc: FileContext): boolean {
  const [x, y] = [unwrap(a), unwrap(b)];
  if (ts.isIdentifier(x) && ts.isIdentifier(y)) return x.text === y.text && lookup(fc, x) === lookup(fc, y);
  return x.getText(fc.sf) === y.getText(fc.sf);
}
