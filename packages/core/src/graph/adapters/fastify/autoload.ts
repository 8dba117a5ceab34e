import { posix } from 'node:path';
import { ts } from '../../../parse/typescript.js';
import type { AdapterContext } from '../../adapter.js';
import { skipParens, type PathExpr } from '../../path-expr.js';
import type { AutoloadOptions } from '../../route-facts.js';
import { isImportedFrom } from '../imported-from.js';
import { pathsOf } from '../method-route.js';
import { propertyOf } from '../../object-property.js';
import { lastNameOf } from '../../../parse/last-name.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isCallExpression, isIdentifier, isMetaProperty, isNewExpression, isObjectLiteralExpression, isPropertyAccessExpression, isStringLiteralLike, isTemplateExpression } = ts;

const isAutoloadPackage = (s: string): boolean => s === '@fastify/autoload' || s === 'fastify-autoload';

/** What `register(autoload, { dir, options: { prefix }, ... })` loads, as a mount of a folder. */
export interface AutoloadMount {
  /**
   * The folder, as a relative specifier from the registering file ending in `/` (`./routes/`): a
   * summary link to a folder (files-in-reach), never mistaken for the module `./routes`.
   */
  dir: string;
  prefix: PathExpr | undefined;
  options: AutoloadOptions;
}

/**
 * `fastify.register(AutoLoad, { dir: join(__dirname, 'routes') })` (@fastify/autoload): every plugin
 * file under the folder, each under its folder's name as prefix. Undefined when the plugin is not
 * autoload or the folder cannot be read from the source.
 */
export function autoloadMountOf(plugin: ts.Expression, opts: ts.Expression | undefined, ctx: AdapterContext): AutoloadMount | undefined {
  if (!isImportedFrom(plugin, ctx, isAutoloadPackage, ['default', '*', 'fastifyAutoload', 'autoload', 'AutoLoad'])) return undefined;
  const options = opts && skipParens(opts);
  if (!options || !isObjectLiteralExpression(options)) return undefined;
  const dirExpr = propertyOf(options, 'dir');
  const dir = dirExpr && folderOf(dirExpr);
  if (dir === undefined) return undefined;
  const pluginOptions = propertyOf(options, 'options');
  const inner = pluginOptions && skipParens(pluginOptions);
  // `options: opts` (fastify-cli's template) passes options this file cannot read: no prefix is assumed.
  const prefix = inner && isObjectLiteralExpression(inner) ? pathsOf(propertyOf(inner, 'prefix'), ctx)?.[0] : undefined;
  return {
    dir,
    prefix,
    options: {
      dirNamePrefix: !isFalse(propertyOf(options, 'dirNameRoutePrefix')),
      autoHooks: isTrue(propertyOf(options, 'autoHooks')),
      cascadeHooks: isTrue(propertyOf(options, 'cascadeHooks')),
    },
  };
}

/**
 * A folder named relative to the file's own: `join(__dirname, 'routes')`, `path.resolve(__dirname,
 * 'routes')`, `join(import.meta.dirname, 'routes')`, `fileURLToPath(new URL('./routes', import.meta.url))`
 * and `` `${__dirname}/routes` ``.
 */
function folderOf(expr: ts.Expression): string | undefined {
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

const isTrue = (e: ts.Expression | undefined) => e !== undefined && skipParens(e).kind === SyntaxKind.TrueKeyword;
const isFalse = (e: ts.Expression | undefined) => e !== undefined && skipParens(e).kind === SyntaxKind.FalseKeyword;
