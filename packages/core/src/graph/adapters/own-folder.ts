import { posix } from 'node:path';
import { lastNameOf } from '../../parse/last-name.js';
import { ts } from '../../parse/typescript.js';
import { skipParens } from '../path-expr.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isIdentifier, isMetaProperty, isNewExpression, isPropertyAccessExpression, isStringLiteralLike, isTemplateExpression } = ts;

/**
 * A folder named relative to the file's own: `join(__dirname, 'routes')`, `path.resolve(__dirname,
 * 'routes')`, `join(import.meta.dirname, 'routes')`, `fileURLToPath(new URL('./routes', import.meta.url))`
 * and `` `${__dirname}/routes` ``.
 */
export function folderOf(expr: ts.Expression): string | undefined {
  const e = skipParens(expr);
  if (isCallExpression(e)) {
    const name = calleeName(e.expression);
    const [first, ...rest] = e.arguments;
    if ((name === 'join' || name === 'resolve') && first && isOwnFolder(first)) {
      const segments = rest.map((a) => (isStringLiteralLike(a) ? a.text : undefined));
      return segments.every((s): s is string => s !== undefined) ? relative(posix.join('.', ...segments)) : undefined;
    }
    if (name === 'fileURLToPath' && first) return folderOf(first);
  }
  if (isNewExpression(e) && calleeName(e.expression) === 'URL') {
    const [spec, base] = e.arguments ?? [];
    return spec && isStringLiteralLike(spec) && base && isImportMetaUrl(base) ? relative(spec.text) : undefined;
  }
  if (isTemplateExpression(e) && e.head.text === '' && e.templateSpans.length === 1) {
    const [span] = e.templateSpans;
    return span && isOwnFolder(span.expression) && span.literal.text.startsWith('/') ? relative(span.literal.text.slice(1)) : undefined;
  }
  return undefined;
}

/** `__dirname`, `import.meta.dirname`, or `dirname(fileURLToPath(import.meta.url))`. */
function isOwnFolder(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  if (isIdentifier(e)) return e.text === '__dirname';
  if (isPropertyAccessExpression(e) && isMetaProperty(e.expression)) return e.name.text === 'dirname';
  if (isCallExpression(e) && calleeName(e.expression) === 'dirname' && e.arguments[0]) {
    const inner = skipParens(e.arguments[0]);
    return isCallExpression(inner) && calleeName(inner.expression) === 'fileURLToPath' && inner.arguments[0] !== undefined && isImportMetaUrl(inner.arguments[0]);
  }
  return false;
}

function isImportMetaUrl(expr: ts.Expression): boolean {
  const e = skipParens(expr);
  return isPropertyAccessExpression(e) && isMetaProperty(e.expression) && e.name.text === 'url';
}

/** `join` or `path.join` (any namespace): the name of the function called. */
function calleeName(callee: ts.Expression): string | undefined {
  return lastNameOf(skipParens(callee));
}

function relative(path: string): string | undefined {
  const normal = posix.normalize(path).replace(/\/$/, '');
  if (normal === '.' || posix.isAbsolute(normal)) return undefined;
  return normal.startsWith('..') ? `${normal}/` : `./${normal}/`;
}
