import { ts } from '../parse/typescript.js';
import { constValueOf, type FileContext, importOf, lookup, textMentions } from './file-context.js';
import { shapeFieldsOf } from './schema-shape.js';
import { unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrowFunction, isCallExpression, isFunctionExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteralLike, isTypeReferenceNode } = ts;

/**
 * What a parameter of an MCP SDK handler holds: `extra` (the SDK's `RequestHandlerExtra`: the
 * caller's `authInfo` with its bearer `token`, and `requestInfo.headers` of the HTTP request), or a
 * JSON-RPC message or tool arguments (`request` of `setRequestHandler` is `{ method, params }`, not
 * an HTTP request with headers). Tool and prompt arguments come with the fields their schema
 * declares (`{ apiKey: z.string() }`), which the caller fills.
 */
export type McpHandlerParam = 'extra' | 'message' | { arguments: readonly string[]; schema?: string };

/** A handler the file registers: the index of its `extra` parameter (-1: none), and the fields its arguments' schema declares. */
export interface McpHandler {
  extraIndex: number;
  argumentFields?: readonly string[];
  /** The arguments' schema is a const of another project module (`inputSchema: ConnectShape`): the rules read its fields there. */
  argumentSchema?: string;
}

/** Registration methods of `McpServer` and `Server` (`@modelcontextprotocol/sdk`), whose last argument is the handler. */
const REGISTRATIONS: ReadonlySet<string> = new Set(['tool', 'registerTool', 'prompt', 'registerPrompt', 'resource', 'registerResource', 'setRequestHandler', 'setNotificationHandler']);
/** The config property that gives a `registerTool` / `registerPrompt` handler its arguments before `extra`. */
const SCHEMA_KEYS: ReadonlySet<string> = new Set(['inputSchema', 'argsSchema']);
/** Exported for the text prefilter: a handler's `extra` carries the bearer token and the request's headers. */
export const SDK = '@modelcontextprotocol/sdk';

/** The handler's `extra` parameter, also declared by its type (`extra: RequestHandlerExtra<...>`) in a handler defined apart. */
export function mcpHandlerParamOf(fn: ts.SignatureDeclaration, index: number, fc: FileContext): McpHandlerParam | undefined {
  if (!textMentions(fc, SDK)) return undefined;
  const param = fn.parameters[index];
  if (param?.type && isTypeReferenceNode(param.type) && isIdentifier(param.type.typeName) && param.type.typeName.text === 'RequestHandlerExtra') return 'extra';
  fc.mcpHandlers ??= mcpHandlersOf(fc);
  const handler = fc.mcpHandlers.get(fn);
  if (handler === undefined) return undefined;
  if (index === handler.extraIndex) return 'extra';
  if (index === 0 && handler.argumentSchema !== undefined) return { arguments: [], schema: handler.argumentSchema };
  return index === 0 && handler.argumentFields ? { arguments: handler.argumentFields } : 'message';
}

/** Every handler the file registers with the SDK. */
function mcpHandlersOf(fc: FileContext): Map<ts.Node, McpHandler> {
  const out = new Map<ts.Node, McpHandler>();
  for (const call of fc.collected.calls) {
    if (!isCallExpression(call)) continue;
    const callee = unwrap(call.expression);
    if (!isPropertyAccessExpression(callee) || !REGISTRATIONS.has(callee.name.text)) continue;
    const last = call.arguments.at(-1);
    const fn = last && handlerFunctionOf(last, fc);
    if (!fn) continue;
    const before = call.arguments.slice(0, -1);
    const schema = argumentSchemaOf(callee.name.text, before, fc);
    out.set(fn, { extraIndex: extraIndexOf(callee.name.text, before, fn), ...(schema && 'fields' in schema && { argumentFields: schema.fields }), ...(schema && 'imported' in schema && { argumentSchema: schema.imported }) });
  }
  return out;
}

/**
 * The schema a tool's or prompt's arguments follow: the fields of a zod shape given in place of the
 * options (`tool('name', 'description', { apiKey: z.string() }, cb)`), `registerTool`'s
 * `inputSchema` (`argsSchema` for prompts), as a shape or `z.object(shape)`, or a const of the file
 * holding one; or the name it is imported by from a project module (`inputSchema: ConnectShape`,
 * `Connect.shape`), whose fields that module records.
 */
function argumentSchemaOf(method: string, before: readonly ts.Expression[], fc: FileContext): { fields: string[] } | { imported: string } | undefined {
  if (method !== 'tool' && method !== 'prompt' && method !== 'registerTool' && method !== 'registerPrompt') return undefined;
  for (const arg of before.slice(1)) {
    let e = unwrap(constValueOf(fc, arg));
    if (method.startsWith('register')) {
      if (!isObjectLiteralExpression(e)) continue;
      const schema = e.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && isIdentifier(p.name) && SCHEMA_KEYS.has(p.name.text));
      if (!schema) return undefined;
      e = schema.initializer;
    }
    const fields = shapeFieldsOf(e, fc);
    if (fields) return { fields };
    let named = unwrap(e);
    if (isPropertyAccessExpression(named) && named.name.text === 'shape') named = unwrap(named.expression);
    const origin = isIdentifier(named) ? importOf(fc, named) : undefined;
    if (origin !== undefined && fc.isProjectModule(origin.specifier)) return { imported: (named as ts.Identifier).text };
    if (method.startsWith('register')) return undefined;
  }
  return undefined;
}

/** The function a handler argument is: written in place, or a function or const arrow of the file passed by name. */
function handlerFunctionOf(arg: ts.Expression, fc: FileContext): ts.SignatureDeclaration | undefined {
  const e = unwrap(arg);
  if (isArrowFunction(e) || isFunctionExpression(e)) return e;
  if (!isIdentifier(e)) return undefined;
  const binding = lookup(fc, e);
  if (binding?.kind === 'function') return binding.node;
  const value = binding?.kind === 'var' && binding.values.length === 1 ? binding.values[0] : undefined;
  const made = value && value.path.length === 0 ? unwrap(value.expr) : undefined;
  return made && (isArrowFunction(made) || isFunctionExpression(made)) ? made : undefined;
}

/**
 * `extra` comes last: after the request (`setRequestHandler`), the tool or prompt arguments, or a
 * resource's URI and template variables. Alone, it is `extra` only when nothing gives the handler
 * arguments: `tool('name', 'description', cb)`, `registerTool('name', { description }, cb)`.
 */
function extraIndexOf(method: string, before: readonly ts.Expression[], fn: ts.SignatureDeclaration): number {
  const count = fn.parameters.length;
  if (count >= 2) return count - 1;
  if (count === 0 || method === 'setRequestHandler' || method === 'setNotificationHandler' || method.endsWith('esource')) return -1;
  const [, ...options] = before;
  const takesArguments = options.some((o) => {
    const e = unwrap(o);
    if (isStringLiteralLike(e)) return false;
    return !isObjectLiteralExpression(e) || !method.startsWith('register') || e.properties.some((p) => p.name !== undefined && isIdentifier(p.name) && SCHEMA_KEYS.has(p.name.text));
  });
  return takesArguments ? -1 : 0;
}
