import { fileMemo } from '../parse/file-memo.js';
import { ts } from '../parse/typescript.js';
import { constValueOf, type FileContext, importOf, textMentions } from './file-context.js';
import { dottedNameOf, propertyNameOf, unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isStringLiteralLike } = ts;

/**
 * `fastify.register(fastifyEnv, { schema, confKey })`: @fastify/env decorates the instance with the
 * environment variables its JSON schema declares, under `confKey` (`config` by default). What a
 * file registers it on, by the instance's name as written there.
 */
interface EnvDecoration {
  /** The instance `register` was called on (`fastify`, `app`). */
  instance: string;
  confKey: string;
  /** The variables the schema's `properties` list; undefined when the schema cannot be read. */
  keys?: string[];
}

const decorationsByFile = fileMemo<'env', readonly EnvDecoration[]>();

/**
 * `fastify.config` (or `app[confKey]`) in a file that registers @fastify/env on `fastify`: the
 * environment variables it holds, those its schema declares when the schema can be read.
 * Undefined for any other read.
 */
export function fastifyEnvRead(e: ts.PropertyAccessExpression, fc: FileContext): { keys?: string[] } | undefined {
  if (!textMentions(fc, '@fastify/env')) return undefined;
  const memo = decorationsByFile(fc.sf);
  let decorations = memo.get('env');
  if (!decorations) memo.set('env', (decorations = decorationsOf(fc)));
  const instance = dottedNameOf(e.expression);
  const found = decorations.find((d) => d.instance === instance && d.confKey === e.name.text);
  return found && (found.keys ? { keys: found.keys } : {});
}

function decorationsOf(fc: FileContext): EnvDecoration[] {
  const out: EnvDecoration[] = [];
  for (const call of fc.collected.calls) {
    if (!isCallExpression(call) || !isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'register') continue;
    const [plugin, options] = call.arguments;
    const instance = dottedNameOf(call.expression.expression);
    if (!plugin || instance === undefined || importOf(fc, plugin)?.specifier !== '@fastify/env') continue;
    const opts = options && constValueOf(fc, options);
    const fields = opts && isObjectLiteralExpression(opts) ? opts : undefined;
    const confKey = fields && optionOf(fields, 'confKey');
    const key = confKey && unwrap(confKey);
    const schema = fields && optionOf(fields, 'schema');
    out.push({ instance, confKey: key && isStringLiteralLike(key) ? key.text : 'config', ...withKeys(schema && schemaKeysOf(schema, fc)) });
  }
  return out;
}

function withKeys(keys: string[] | undefined): { keys?: string[] } {
  return keys ? { keys } : {};
}

/** An option's value, written `name: value` or as a shorthand. */
function optionOf(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (isPropertyAssignment(p) && propertyNameOf(p.name) === name) return p.initializer;
    if (isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** `{ type: 'object', properties: { PORT: ..., JWT_SECRET: ... } }`: the variables declared. */
function schemaKeysOf(schema: ts.Expression, fc: FileContext): string[] | undefined {
  const obj = constValueOf(fc, schema);
  const props = isObjectLiteralExpression(obj) ? optionOf(obj, 'properties') : undefined;
  const list = props && constValueOf(fc, props);
  if (!list || !isObjectLiteralExpression(list)) return undefined;
  const keys = list.properties.map((p) => (p.name ? propertyNameOf(p.name) : undefined));
  return keys.every((k): k is string => k !== undefined) ? keys : undefined;
}
