import { ts } from '../../../parse/typescript.js';
import type { AdapterContext } from '../../adapter.js';
import { skipParens, type PathExpr } from '../../path-expr.js';
import type { AutoloadOptions } from '../../route-facts.js';
import { isImportedFrom } from '../imported-from.js';
import { pathsOf } from '../method-route.js';
import { propertyOf } from '../../object-property.js';
import { folderOf } from '../own-folder.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isObjectLiteralExpression } = ts;

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

const isTrue = (e: ts.Expression | undefined) => e !== undefined && skipParens(e).kind === SyntaxKind.TrueKeyword;
const isFalse = (e: ts.Expression | undefined) => e !== undefined && skipParens(e).kind === SyntaxKind.FalseKeyword;
