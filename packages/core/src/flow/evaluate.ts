import { ts } from '../parse/typescript.js';
import { callbackSiteOf } from '../parse/callback-site.js';
import { enclosingFunction, isEntriesCall, requireOf } from './collect-file.js';
import { constValueOf, type FileContext, importOf, importsAnyOf, lookup, packageFunctionNamed, packageFunctionOf, textMentions } from './file-context.js';
import { extendedClassName } from '../parse/extended-class.js';
import { enclosingClass, instanceClassOf, isStaticInitialized } from './instance-class.js';
import { anyPosition, COMPUTED_ENTRY, flattenTaint, omitKeys, omitPaths, omitsCredentialHeaders, isAuthorizationHeader, isCredentialCookie, projectTaint, unionTaint, withJwtParts, withoutAuthScheme, withPublicFirstPart, withStep, wrapTaint } from './propagate.js';
import { isAddedTo } from './mutated-in-place.js';
import { CONSTRUCTOR, plainName } from './function-keys.js';
import { holdsSecretName } from './secret-name-entries.js';
import { isRequestObjectName, isRequestSession } from './request-session.js';
import { isFormDataType, isRequestBody, isRequestQuery, secretBodyFields, secretQueryFields } from './request-body.js';
import { isRequestType } from './request-types.js';
import { honoValidatedFields, trpcInputFields } from './validated-input.js';
import { credentialParamOf } from './credential-callbacks.js';
import { objectProjectionOf, type ObjectProjection } from './object-projections.js';
import { shapeFieldsOf } from './schema-shape.js';
import { type Binding, dottedNameOf, propertyNameOf, rootIdentifier, unwrap, type ValueSource } from './scope.js';
import { constantValue, isHashChain, isHashingName, isLiteralLike, isLiteralTree, isMaskingReplace, isNonSecretType, isRedactingName, isShortSlice } from './sanitisers.js';
import { isSecretGetterName, mayNameSecret, splitWords } from './sensitive-names.js';
import { containerOf, entryNameOf, isBearerAuthInfo, isRequestLike, isCredentialUrl, isImportedProcessEnv, isKeyedSecretRead, isProcessObject, keepsBearerToken, nestParamReadOf, type RequestRead, requestReadOf } from './sources.js';
import type { CallItem, FlowStep, ParamItem, SecretItem, Taint, TaintItem } from './taint.js';
import { droppedEntryKeys } from './entry-filters.js';
import { elementTypeOf, fieldSourcesOf, fieldTypeOf, isInspectedOnlyType, requestBodyType, routeGenericRequestType, typedSecretFields } from './typed-secret-fields.js';
import { labelOf, traceStep } from './trace.js';
import { lastNameOf } from '../parse/last-name.js';
import { isStaticMember } from '../parse/static-member.js';
import { replacedTaint, replacerKeysOf } from './json-stringify.js';
import { messageArguments } from './error-message.js';
import { fastifyEnvRead } from './fastify-env.js';
import { extendedClassOf } from '../parse/extended-class.js';
import { axiosRequestsFailingInto, interceptedBy } from './axios-config.js';
import { rejectionHandledBy } from './promise-rejection.js';
import { mcpHandlerParamOf } from './mcp-handler.js';
import { isSupabaseSessionParam, TOKEN_RESPONSE_FIELDS, tokenResponseOf } from './token-response.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrayLiteralExpression, isArrayBindingPattern, isArrowFunction, isAsExpression, isAwaitExpression, isBinaryExpression, isBindingElement, isCallExpression, isCatchClause, isConditionalExpression, isConstructorDeclaration, isElementAccessExpression, isExpressionStatement, isForInStatement, isForOfStatement, isFunctionDeclaration, isFunctionExpression, isGetAccessorDeclaration, isIdentifier, isMethodDeclaration, isModuleDeclaration, isNewExpression, isNonNullExpression, isNumericLiteral, isObjectLiteralExpression, isParameter, isParameterPropertyDeclaration, isParenthesizedExpression, isPrefixUnaryExpression, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isPropertySignature, isRegularExpressionLiteral, isSatisfiesExpression, isShorthandPropertyAssignment, isSourceFile, isSpreadAssignment, isStringLiteralLike, isTemplateExpression, isTypeAssertionExpression, isTypeLiteralNode, isTypeOfExpression, isTypeReferenceNode, isVariableDeclaration } = ts;

/** Computes what a value may carry, inside one file. Cross-file parts stay as call/param items. */
export interface Evaluator {
  taintOf(expr: ts.Expression): Taint;
  /** A callee that may be a project function: `f` or `ns.f`, resolvable through the summaries. */
  projectCalleeOf(callee: ts.Expression): string | undefined;
  /** What `new C(...)` of top-level class `cls` gives importers, its constructor's arguments as parameters of `C.constructor`. */
  constructedTaint(cls: ts.ClassLikeDeclaration): Taint;
  /** What a function returning an opaque value declares it returns (see `declaredReturnTaint`). */
  declaredReturnTaint(fn: ts.SignatureDeclaration): Taint;
  /** What a JSON logger writes of a value beyond its taint: the `toJSON()` of the instances in it (see `toJsonTaint`). */
  toJsonTaint(expr: ts.Expression): Taint;
}

const EMPTY: Taint = [];

/** Object literals a logged value is read into for instances written by their `toJSON()`: `{ user: { session } }` is as deep as log calls go. */
const MAX_LOGGED_OBJECT_DEPTH = 3;

/** What an environment object holds: a `.env` file's variables, those under `parsed`, or the variables a validator checked. */
type EnvObjectKind = 'file' | 'parsed' | 'validated';

/**
 * Package functions that give an object of environment variables: dotenv's `parse(...)` and
 * `config().parsed`, and the validators that return the variables they checked (envalid's
 * `cleanEnv(process.env, spec)`, t3-env's `createEnv({ runtimeEnv })`, znv's `parseEnv(process.env,
 * spec)`, fastify's `env-schema`).
 */
const ENV_OBJECT_FUNCTIONS: ReadonlyMap<string, ReadonlyMap<string, EnvObjectKind>> = new Map<string, ReadonlyMap<string, EnvObjectKind>>([
  ['dotenv', new Map<string, EnvObjectKind>([['parse', 'file'], ['config', 'parsed'], ['configDotenv', 'parsed']])],
  ['envalid', new Map<string, EnvObjectKind>([['cleanEnv', 'validated'], ['customCleanEnv', 'validated']])],
  ['@t3-oss/env-core', new Map<string, EnvObjectKind>([['createEnv', 'validated']])],
  ['@t3-oss/env-nextjs', new Map<string, EnvObjectKind>([['createEnv', 'validated']])],
  ['@t3-oss/env-nuxt', new Map<string, EnvObjectKind>([['createEnv', 'validated']])],
  ['znv', new Map<string, EnvObjectKind>([['parseEnv', 'validated']])],
  ['env-schema', new Map<string, EnvObjectKind>([['default', 'validated'], ['envSchema', 'validated']])],
]);

/** A default export as it is usually imported (`import envSchema from 'env-schema'`). */
const DEFAULT_IMPORT_NAMES: ReadonlyMap<string, string> = new Map([['env-schema', 'envSchema']]);

/**
 * The names those functions are called by, each with the packages that export one of that name: `parse`
 * and `config` are called everywhere, and only a file naming such a package can mean its own, so the
 * imports are looked up for few calls.
 */
const ENV_OBJECT_NAMES: ReadonlyMap<string, readonly string[]> = (() => {
  const names = new Map<string, string[]>();
  for (const [specifier, functions] of ENV_OBJECT_FUNCTIONS) {
    for (const fn of functions.keys()) {
      const name = fn === 'default' ? DEFAULT_IMPORT_NAMES.get(specifier) : fn;
      if (name !== undefined) names.set(name, [...(names.get(name) ?? []), specifier]);
    }
  }
  return names;
})();

/** Calls that turn their arguments into one string holding all of them. */
const STRINGIFIERS = new Set([
  'JSON.stringify', 'String', 'util.format', 'util.inspect', 'format', 'inspect', 'Buffer.from', 'encodeURIComponent', 'encodeURI', 'btoa', 'escape',
  // Other serialisers: YAML (yaml, js-yaml), TOML, query strings, stable JSON (`import stringify from 'fast-json-stable-stringify'`).
  'YAML.stringify', 'yaml.stringify', 'yaml.dump', 'YAML.dump', 'jsyaml.dump', 'jsYaml.dump', 'TOML.stringify', 'toml.stringify', 'qs.stringify', 'querystring.stringify', 'stringify',
  // Decoding a secret (`atob(basicCredentials)`) yields it in clear.
  'atob', 'decodeURIComponent', 'decodeURI', 'unescape',
]);
/**
 * Methods whose callback's first parameter is an element of the receiver (`reduce`'s second), or
 * its resolved value (`getToken().then((t) => ...)`).
 */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every', 'reduce', 'reduceRight', 'then']);

/** The array method (or `then`) a callback is given to first: `list.map` of `list.map((x) => ...)`. */
function elementCallbackOf(fn: ts.Node): ts.PropertyAccessExpression | undefined {
  const site = callbackSiteOf(fn);
  const callee = site?.index === 0 ? unwrap(site.call.expression) : undefined;
  return callee && isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.name.text) ? callee : undefined;
}

/** The callback parameter an element is given in: the second of `reduce((acc, x) => ...)`, else the first. */
function elementParamIndex(method: ts.PropertyAccessExpression): number {
  return method.name.text.startsWith('reduce') ? 1 : 0;
}
/** A token response's credential field (see tokenResponseOf), as the items of one are made. */
function isTokenField(item: TaintItem): boolean {
  return item.k === 'secret' && item.path.length > 0 && TOKEN_RESPONSE_FIELDS.includes(item.path[item.path.length - 1] ?? '');
}

/**
 * `data.error`, `data.error_description`, `'error' in data`, `data?.error`, `data.error != undefined`
 * (or `!== null`...), and those joined with `||`; `isBody` says which names hold the response.
 */
function testsErrorField(test: ts.Expression, isBody: (x: ts.Identifier) => boolean): boolean {
  const e = unwrap(test);
  const isName = (x: ts.Expression) => {
    const u = unwrap(x);
    return isIdentifier(u) && isBody(u);
  };
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.BarBarToken) return testsErrorField(e.left, isBody) || testsErrorField(e.right, isBody);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.InKeyword) return isStringLiteralLike(e.left) && OAUTH_ERROR_FIELDS.has(e.left.text) && isName(e.right);
  if (ts.isBinaryExpression(e) && NOT_EQUAL.has(e.operatorToken.kind) && isNothing(e.right)) return testsErrorField(e.left, isBody);
  return isPropertyAccessExpression(e) && OAUTH_ERROR_FIELDS.has(e.name.text) && isName(e.expression);
}

const NOT_EQUAL: ReadonlySet<ts.SyntaxKind> = new Set([SyntaxKind.ExclamationEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken]);

/** `undefined` or `null`. */
function isNothing(e: ts.Expression): boolean {
  const u = unwrap(e);
  return (isIdentifier(u) && u.text === 'undefined') || u.kind === SyntaxKind.NullKeyword;
}

const OAUTH_ERROR_FIELDS: ReadonlySet<string> = new Set(['error', 'error_description']);

/** EventEmitter methods that add a listener. */
const LISTEN_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
/** Koa and its routers: a file importing one hands its middleware Koa's `ctx`. */
const KOA_MODULES: ReadonlySet<string> = new Set(['koa', '@koa/router', 'koa-router']);
/** Terminal-colour packages: their functions return the text they are given, coloured. */
const COLOUR_PACKAGES: ReadonlySet<string> = new Set(['chalk', 'picocolors', 'kleur', 'kleur/colors', 'colorette', 'ansi-colors', 'colors', 'colors/safe', 'cli-color', 'kolorist', 'yoctocolors']);
/** Calls whose result holds their arguments unchanged in shape. */
const CARRIERS = new Set(['Object.assign', 'structuredClone', 'Object.values', 'Object.entries', 'Object.fromEntries', 'Array.from', 'JSON.parse', 'Promise.resolve', 'Promise.all']);
/** Methods whose result holds the receiver's content. */
const CARRYING_METHODS = new Set([
  'toString', 'toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'padStart', 'padEnd', 'normalize',
  'replace', 'replaceAll', 'concat', 'split', 'join', 'valueOf', 'toJSON', 'repeat', 'map', 'filter', 'flat',
  'flatMap', 'reverse', 'sort', 'toLocaleString', 'toSorted', 'entries', 'values',
]);
/** Array methods whose result is one element of the receiver. */
const ELEMENT_TAKING_METHODS: ReadonlySet<string> = new Set(['find', 'findLast', 'pop', 'shift', 'splice', 'reduce', 'reduceRight']);
function isCarryingMethod(name: string): boolean {
  return CARRYING_METHODS.has(name) || name === 'slice' || name === 'substring' || name === 'substr';
}
/** Route and middleware registrations of Express, Koa, Fastify and Hono, whose function arguments get the request. */
const HANDLER_REGISTRATIONS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'use', 'options', 'head', 'addHook', 'on']);
/** Methods after which an Authorization header value still starts with its scheme. */
const SCHEME_KEEPING_METHODS = new Set(['split', 'trim', 'trimStart', 'trimEnd', 'toString', 'valueOf', 'toLowerCase', 'toUpperCase', 'normalize']);
const NEUTRAL_CALLS = new Set(['Boolean', 'Number', 'parseInt', 'parseFloat', 'isNaN', 'Array.isArray']);
/** Schema methods that hand back what they validate (zod's `Schema.parse(v)`, `safeParse(v)` with it in `data`). */
const SCHEMA_PARSES: ReadonlySet<string> = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync']);
const MAX_DEPTH = 400;
/**
 * What the memos hold for an expression or binding while it is worked out: met again inside its own
 * computation, it is a cycle. One map write marks it (a set of those in progress cost an insertion
 * and a deletion per expression, a third of the memo's time). Never handed out: a cycle gives EMPTY.
 */
const COMPUTING: Taint = [];

export function createEvaluator(fc: FileContext): Evaluator {
  const memo = new Map<ts.Node, Taint>();
  const bindingMemo = new Map<Binding, Taint>();
  let depth = 0;

  function taintOf(expr: ts.Expression): Taint {
    const hit = memo.get(expr);
    // Cycles, and chains deep enough to threaten the stack (generated `a1 = a0; a2 = a1; ...`), end clean.
    if (hit !== undefined) return hit === COMPUTING ? EMPTY : hit;
    if (depth > MAX_DEPTH) return EMPTY;
    memo.set(expr, COMPUTING);
    depth++;
    try {
      const taint = compute(expr);
      memo.set(expr, taint);
      return taint;
    } finally {
      depth--;
    }
  }

  function step(node: ts.Node, message: string) {
    return traceStep(node, fc.sf, message);
  }

  /**
   * A whole request object (`req`, `request`, `c.req`) holds its headers: logging it logs the
   * Authorization and Cookie headers. Its other fields (`req.body`, `req.url`) are not secrets.
   */
  function requestHeadersOf(node: ts.Node): SecretItem {
    const label = `${labelOf(node, fc.sf)}.headers`;
    return { k: 'secret', label, path: ['headers'], container: 'headers', wholeRequest: true, trace: [step(node, `\`${labelOf(node, fc.sf)}\` carries the request headers`)] };
  }

  function processEnvOf(node: ts.Node): SecretItem {
    return { k: 'secret', label: 'process.env', path: [], container: 'env', trace: [step(node, `\`${labelOf(node, fc.sf)}\` holds the environment`)] };
  }

  /**
   * The return type a function of the file declares, called by its name (`declare function load():
   * Promise<User>` too), when what it returns is opaque: one returning an object it builds
   * (`return { ...user, password: undefined }`) is read from its body instead.
   */
  function declaredReturnOf(callee: ts.Expression): ts.TypeNode | undefined {
    const e = unwrap(callee);
    const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
    const value = binding?.kind === 'var' && binding.values.length === 1 ? unwrap(binding.values[0]?.expr as ts.Expression) : undefined;
    const fn = binding?.kind === 'function' ? binding.node : value && (isArrowFunction(value) || isFunctionExpression(value)) ? value : undefined;
    return fn && opaqueReturnType(fn);
  }

  function opaqueReturnType(fn: ts.SignatureDeclaration): ts.TypeNode | undefined {
    return fn.type && (fc.collected.returns.get(fn) ?? []).every(isOpaque) ? fn.type : undefined;
  }

  /**
   * `async findByEmail(email): Promise<UserRecord | null> { return rows.get(email) ?? null }`: what a
   * function that returns an opaque value declares it returns, for its callers in other files
   * (those of the file read the type where they await it).
   */
  function declaredReturnTaint(fn: ts.SignatureDeclaration): Taint {
    const type = opaqueReturnType(fn);
    const name = fn.name && isIdentifier(fn.name) ? fn.name : fn.parent && isVariableDeclaration(fn.parent) && isIdentifier(fn.parent.name) ? fn.parent.name : undefined;
    if (!type || !name) return EMPTY;
    const held = awaitedType(type);
    return [...typedFieldSecrets(held, name, undefined), ...importedTypeSecrets(held, [], name, undefined)];
  }

  // Every read of a typed parameter asks for its type's secret fields: each type node is read once.
  const typedFields = new Map<ts.TypeNode, string[][]>();
  /** `user: { password: string }`: the secret fields a declared type gives a parameter or variable (see typed-secret-fields). */
  function typedFieldSecrets(type: ts.TypeNode | undefined, id: ts.Identifier, key: string | undefined): SecretItem[] {
    if (!type) return [];
    let paths = typedFields.get(type);
    if (!paths) {
      paths = typedSecretFields(type, fc.sf, fc.names);
      typedFields.set(type, paths);
    }
    const inspected = paths.length > 0 && isInspectedOnlyType(type, fc.sf);
    return paths.map((path) => {
      const label = `${id.text}.${path.join('.')}`;
      return { k: 'secret', label, path, ...(key !== undefined && { param: key }), ...(inspected && { inspected: true }), trace: [step(id, `\`${label}\` is declared in the type of \`${id.text}\``)] };
    });
  }

  /**
   * A whole parameter typed with an interface or class imported from a project module (`@Body()
   * dto: LoginDto` with the DTO in `dto/login.dto.ts`): what that type declares is known once the
   * summaries are joined. A field read from it (`dto.password`) is judged by its own name.
   */
  function importedTypeSecrets(type: ts.TypeNode | undefined, proj: readonly string[], id: ts.Identifier, key: string | undefined): SecretItem[] {
    if (proj.length > 0 || !type) return [];
    // `req: Request<{}, {}, LoginBody>`: the body is what is declared as the imported type.
    const body = requestBodyType(type);
    const label = body ? `${id.text}.body` : id.text;
    // `user: UserRecord | null`, `patch: Partial<Settings>`: the imported type's fields (a Pick or Omit of it is left out).
    return fieldSourcesOf(body ?? type).flatMap((source) => {
      const declared = source.pick || source.omit ? undefined : (elementTypeOf(source.type) ?? source.type);
      if (!declared || !isTypeReferenceNode(declared) || !isIdentifier(declared.typeName)) return [];
      const origin = importOf(fc, declared.typeName);
      if (!origin || !fc.isProjectModule(origin.specifier)) return [];
      return [{ k: 'secret', label, path: body ? ['body'] : [], typedBy: declared.typeName.text, ...(key !== undefined && { param: key }), trace: [step(id, `\`${label}\` is declared as \`${declared.typeName.text}\``)] }];
    });
  }

  /**
   * A tool's arguments taken whole (`async (args) => ...`): the secret-named fields its schema
   * declares (`{ apiKey: z.string() }`) are in them. A field destructured is judged by its own name.
   */
  function mcpArgumentSecrets(id: ts.Identifier, proj: readonly string[], fields: readonly string[], schema: string | undefined): SecretItem[] {
    if (proj.length > 0) return [];
    // A schema another module defines: the secret fields it records for it (FlowFacts.typeSecrets).
    if (schema !== undefined) return [{ k: 'secret', label: id.text, path: [], typedBy: schema, trace: [step(id, `\`${id.text}\` holds the fields of \`${schema}\`, the tool's input schema`)] }];
    return fields.filter((f) => fc.names.isSecretName(f)).map((f) => ({ k: 'secret', label: `${id.text}.${f}`, path: [f], trace: [step(id, `\`${id.text}\` holds \`${f}\`, which the tool's input schema declares`)] }));
  }

  /**
   * Input a validator checked (see validated-input.ts): its secret-named fields, each at `at` and its
   * name, as the binding's projection reads them (`{ input }` of tRPC's `{ input, ctx }`).
   */
  function schemaFieldSecrets(node: ts.Node, fields: readonly string[], at: readonly string[], proj: readonly string[]): Taint {
    const label = labelOf(node, fc.sf);
    const trace = [step(node, `\`${label}\` holds what its validation schema declares`)];
    let items: Taint = fields.filter((f) => fc.names.isSecretName(f)).map((f) => ({ k: 'secret', label, path: [...at, f], trace }));
    for (const p of proj) items = projectTaint(items, p, fc.names, `${label}.${p}`);
    return items.map((item) => ({ ...item, label: [label, ...item.path].join('.') }));
  }

  /**
   * An MCP handler's `extra` (or the part of it a destructuring names): `authInfo.token` is the
   * caller's bearer token and `requestInfo.headers` the HTTP request's headers. Labelled from the
   * parameter as written: `extra.authInfo.token`, `authInfo.token`.
   */
  function mcpExtraSecrets(id: ts.Identifier, proj: readonly string[]): Taint {
    const trace = [step(id, `\`${id.text}\` is an MCP handler's extra, with the caller's token and request headers`)];
    let items: Taint = [
      { k: 'secret', label: 'authInfo.token', path: ['authInfo', 'token'], trace },
      { k: 'secret', label: 'requestInfo.headers', path: ['requestInfo', 'headers'], container: 'headers', trace },
    ];
    for (const p of proj) items = projectTaint(items, p, fc.names, p);
    return items.map((i) => (i.k === 'secret' ? { ...i, label: [id.text, ...i.path].join('.') } : i));
  }

  function nameSource(node: ts.Node, label = labelOf(node, fc.sf)): SecretItem {
    return { k: 'secret', label, path: [], trace: [step(node, `\`${label}\` is a secret by its name`)] };
  }

  function compute(expr: ts.Expression): Taint {
    const e = unwrap(expr);
    switch (e.kind) {
      case SyntaxKind.Identifier:
        return identifierTaint(e as ts.Identifier);
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression:
        return memberTaint(e as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case SyntaxKind.CallExpression:
        return callTaint(e as ts.CallExpression);
      case SyntaxKind.NewExpression:
        return newTaint(e as ts.NewExpression);
      case SyntaxKind.TemplateExpression:
        return flattenTaint(unionTaint(...(e as ts.TemplateExpression).templateSpans.map((s) => textTaint(s.expression))));
      // ``sql`... ${password}` ``, ``String.raw`${token}` ``: a tag is handed every value, and what it makes shows them.
      case SyntaxKind.TaggedTemplateExpression: {
        const tagged = e as ts.TaggedTemplateExpression;
        const tag = dottedNameOf(unwrap(tagged.tag));
        if (tag !== undefined && (isHashingName(tag) || isRedactingName(tag, fc))) return EMPTY;
        return isTemplateExpression(tagged.template) ? compute(tagged.template) : EMPTY;
      }
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        return isCredentialUrl((e as ts.StringLiteral).text)
          ? [{ k: 'secret', label: 'a connection string with a password', path: [], trace: [step(e, 'a connection string with a password is written here')] }]
          : EMPTY;
      case SyntaxKind.BinaryExpression:
        return binaryTaint(e as ts.BinaryExpression);
      case SyntaxKind.ConditionalExpression: {
        const c = e as ts.ConditionalExpression;
        if (isLiteralLike(c.whenTrue) && isLiteralLike(c.whenFalse)) return EMPTY;
        return unionTaint(taintOf(c.whenTrue), taintOf(c.whenFalse));
      }
      case SyntaxKind.ObjectLiteralExpression:
        return objectTaint(e as ts.ObjectLiteralExpression);
      case SyntaxKind.ArrayLiteralExpression:
        return arrayTaint(e as ts.ArrayLiteralExpression);
      case SyntaxKind.SpreadElement:
        return taintOf((e as ts.SpreadElement).expression);
      case SyntaxKind.ThisKeyword:
        return instanceTaint(e);
      default:
        return EMPTY;
    }
  }

  /**
   * `[process.env.PORT, process.env.API_SECRET]`: each element at its position, so that `const
   * [port] = pair` reads only the first. After a spread no position is known: every element is
   * the array's whole content.
   */
  function arrayTaint(array: ts.ArrayLiteralExpression): Taint {
    const { elements } = array;
    if (elements.some((el) => el.kind === SyntaxKind.SpreadElement)) return unionTaint(...elements.map((el) => anyPosition(taintOf(el))));
    return unionTaint(...elements.map((el, i) => wrapTaint(taintOf(el), String(i))));
  }

  function identifierTaint(id: ts.Identifier): Taint {
    const taint = identifierValueTaint(id);
    const kept = fc.collected.deletes.length === 0 || taint.length === 0 ? taint : withoutDeletedFields(taint, id);
    // `if (tokenData.error) console.error(tokenData)`: an OAuth error body (RFC 6749 §5.2), which holds no token.
    return kept.some(isTokenField) && isOAuthErrorBranch(id) ? kept.filter((item) => !isTokenField(item)) : kept;
  }

  /**
   * `console.log.apply(console, arguments)`: a function's `arguments` object is every argument its
   * callers pass, like a rest parameter from the first on. Arrow functions have none of their own.
   */
  function argumentsObjectTaint(id: ts.Identifier): Taint {
    let fn = enclosingFunction(id);
    while (fn && isArrowFunction(fn)) fn = enclosingFunction(fn);
    const key = fn && fc.collected.functionKeys.get(fn);
    return key === undefined ? EMPTY : [{ k: 'param', fn: key, index: 0, rest: true, proj: [], path: [], trace: [step(id, 'the `arguments` of its function')] }];
  }

  /**
   * `const copy = { ...user }; delete copy.password; console.log(copy)`: a field deleted from the
   * same variable earlier in the code is no longer in it. Only what the variable holds under that
   * field goes: a secret the whole value is stays.
   */
  function withoutDeletedFields(taint: Taint, id: ts.Identifier): Taint {
    const binding = lookup(fc, id);
    if (!binding) return taint;
    const deleted = new Set<string>();
    for (const d of fc.collected.deletes) {
      if (d.end > id.pos) continue;
      const target = unwrap(d.expression);
      if (!isPropertyAccessExpression(target) && !isElementAccessExpression(target)) continue;
      const owner = unwrap(target.expression);
      const field = propertyNameOf(isPropertyAccessExpression(target) ? target.name : target.argumentExpression);
      if (field !== undefined && isIdentifier(owner) && owner.text === id.text && lookup(fc, owner) === binding) deleted.add(field);
    }
    return deleted.size === 0 ? taint : omitKeys(taint, [...deleted]);
  }

  function identifierValueTaint(id: ts.Identifier): Taint {
    if (id.text === 'undefined') return EMPTY;
    // `const { env } = process`, `import { env } from 'node:process'`: the environment by other names.
    if (isProcessObject(id, fc)) return [{ ...processEnvOf(id), path: ['env'] }];
    if (isImportedProcessEnv(id, fc)) return [processEnvOf(id)];
    const binding = lookup(fc, id);
    const isSecret = fc.names.isSecretName(id.text) && !hasNonSecretType(binding);
    if (!binding) return isSecret ? [nameSource(id)] : id.text === 'arguments' ? argumentsObjectTaint(id) : isRequestObjectName(id.text) ? [requestHeadersOf(id)] : EMPTY;
    switch (binding.kind) {
      case 'function':
        return EMPTY;
      case 'class':
        return staticFieldsTaint(binding.node);
      case 'import': {
        // A project module's constant: what it holds is known once the summaries are joined.
        // A whole module object too: CommonJS `const config = require('./config')` is its `module.exports`.
        const fromProject = fc.isProjectModule(binding.specifier);
        const imported: Taint = fromProject ? [importedValue(id, id.text, `\`${id.text}\` is imported here`)] : EMPTY;
        const held = binding.assigned ? unionTaint(imported, assignedTaint(binding.name, binding.assigned)) : imported;
        // Its module may give it a value written out in full (a design token tree): the rules read that there.
        return isSecret ? unionTaint([fromProject ? { ...nameSource(id), importedAs: id.text } : nameSource(id)], held) : held;
      }
      case 'param': {
        const element = callbackElementTaint(binding, id) ?? emittedTaint(binding) ?? rejectionTaint(binding, id);
        if (element) return isSecret ? unionTaint([nameSource(id)], element) : element;
        const key = fc.collected.functionKeys.get(binding.fn);
        const items: Taint = key === undefined ? [] : [{ k: 'param', fn: key, index: binding.index, ...(binding.rest && { rest: true }), proj: binding.proj, ...(binding.omit && { omit: binding.omit }), path: [], trace: [step(id, `parameter \`${id.text}\``)] }];
        // `api.interceptors.request.use((config) => ...)`: the config of every request of the instance, its defaults included.
        const intercepted = binding.proj.length === 0 ? interceptedBy(binding, fc) : undefined;
        if (intercepted?.value === 'config') items.push(...interceptedConfigTaint(intercepted.instance, id));
        // `({ password: pw }) => ...`: a destructured field is a secret by its own name, whatever the binding is called.
        const renamed = isSecret ? undefined : renamedSecretField(id.text, binding.proj);
        if (isSecret || renamed !== undefined) {
          const named = nameSource(id, renamed);
          items.push(key === undefined ? named : { ...named, param: key });
        }
        if (binding.assigned) items.push(...assignedTaint(binding.name, binding.assigned));
        // `function boot(key = process.env.MAILGUN_API_KEY)`: the default is what the parameter holds when no argument is given.
        if (isParameter(binding.node) && binding.node.initializer && binding.proj.length === 0) items.push(...taintOf(binding.node.initializer));
        // `async function signup(formData: FormData)`: the form holds the secret-named fields the function reads from it.
        if (isParameter(binding.node) && binding.proj.length === 0 && isFormDataType(binding.node.type)) items.push(...requestBodyTaint(id));
        if (isSupabaseSessionParam(binding.fn, binding.index, binding.proj)) items.push(...TOKEN_RESPONSE_FIELDS.map((field): SecretItem => ({ k: 'secret', label: `${id.text}.${field}`, path: [field], trace: [step(id, `\`${id.text}\` is the Supabase session, with the access and refresh tokens`)] })));
        const mcp = mcpHandlerParamOf(binding.fn, binding.index, fc);
        if (mcp === 'extra') items.push(...mcpExtraSecrets(id, binding.proj));
        else if (typeof mcp === 'object') items.push(...mcpArgumentSecrets(id, binding.proj, mcp.arguments, mcp.schema));
        else if ((isRequestObjectName(id.text) || (binding.proj.length === 0 && isParameter(binding.node) && (isRequestType(binding.node.type, fc) || isKoaContext(id, binding.fn, binding.index, binding.node.type)))) && mcp !== 'message') items.push(requestHeadersOf(id));
        // `app.get('/x', ({ headers }, res) => ...)`: the headers destructured from a handler's request.
        else if (binding.index === 0 && binding.proj.length === 1 && binding.proj[0] === 'headers' && isRequestHandler(binding.fn)) items.push({ k: 'secret', label: id.text, path: [], container: 'headers', trace: [step(id, `\`${id.text}\` is the request's headers`)] });
        const credential = !isSecret && binding.proj.length === 0 ? credentialParamOf(binding.fn, binding.index, fc) : undefined;
        if (credential !== undefined) items.push({ k: 'secret', label: id.text, path: [], trace: [step(id, `\`${id.text}\` is the ${credential} the auth library checks`)] });
        else if (!isSecret && binding.proj.length === 0 && isSignedTokenParam(binding.fn, binding.index)) items.push({ k: 'secret', label: id.text, path: [], trace: [step(id, `\`${id.text}\` is the token the JWT library signed`)] });
        const input = binding.index === 0 ? trpcInputFields(binding.fn, fc) : undefined;
        if (input) items.push(...schemaFieldSecrets(id, input, ['input'], binding.proj));
        if (isParameter(binding.node)) {
          const declared = binding.node.type ?? routeGenericRequestType(binding.node);
          const typed = [...typedFieldSecrets(declaredTypeAt(declared, binding.proj), id, key), ...importedTypeSecrets(declared, binding.proj, id, key)];
          // `({ password, ...rest }: Login) => ...`: the rest holds the type's other fields only.
          items.push(...(binding.omit ? omitKeys(typed, binding.omit) : typed));
        }
        // `@Headers() headers`, `@Body('password') pw`, `@Req() r` in a NestJS controller.
        const decorated = isParameter(binding.node) && binding.proj.length === 0 && binding.node.modifiers ? nestParamReadOf(binding.node, fc) : undefined;
        if (decorated === 'request') items.push(requestHeadersOf(id));
        else if (decorated) items.push(...requestReadTaint(id, decorated));
        return items;
      }
      case 'var': {
        // `const user: User = await repo.findOne(...)`: what the declared type says an opaque value holds
        // (a literal value is seen through: `{ password: hash(pw) }` typed `User` holds no password).
        const opaque = binding.values.length > 0 && binding.values.every((v) => v.path.length === 0 && isOpaque(v.expr));
        const typed = opaque && isVariableDeclaration(binding.node) && isIdentifier(binding.node.name) ? typedFieldSecrets(declaredTypeOf(binding.node, declaredReturnOf), id, undefined) : [];
        const caught = binding.node.parent && isCatchClause(binding.node.parent) ? thrownTaint(binding.node.parent.parent.tryBlock) : EMPTY;
        const values = reachingValues(binding, id);
        const flowing = unionTaint(values === binding.values ? bindingTaint(binding) : valuesTaint(binding, values), typed, requiredModuleTaint(id, binding), caught);
        // `const tokens = { color: { primary: { value: '#0055ff' } } }`: a value written out in the source is named, not a secret.
        const named = isSecret && !values.every((v) => (v.path.length === 0 && (isNeutral(v.expr) || isNumericSum(v.expr) || isLexingCall(v.expr, fc) || isCountingCall(v.expr) || readsDescriptor(withoutLiteralFallback(v.expr)) || isUrlWithoutCredentials(id.text, v.expr) || (binding.isConst && isLiteralTree(v.expr) && !isAddedTo(binding, fc)))) || (v.path.length > 0 && hasNonSecretFieldType(v.expr, ...v.path)));
        return named ? unionTaint([nameSource(id)], flowing) : flowing;
      }
    }
  }

  /**
   * `try { throw new Error('bad token ' + token); } catch (err) { console.error(err); }`: a catch
   * variable holds what the `throw`s of its try block throw, and what the project functions it
   * calls there throw (`try { verify(req.headers.authorization) } catch (err) { ... }`), not those
   * of functions written in the block (they run later, if at all).
   */
  const thrownByBlock = new Map<ts.Block, Taint>();
  function thrownTaint(tryBlock: ts.Block): Taint {
    let taint = thrownByBlock.get(tryBlock);
    if (taint === undefined) {
      thrownByBlock.set(tryBlock, EMPTY);
      taint = computeThrown(tryBlock);
      thrownByBlock.set(tryBlock, taint);
    }
    return taint;
  }

  function computeThrown(tryBlock: ts.Block): Taint {
    const owner = enclosingFunction(tryBlock) ?? fc.sf;
    const inBlock = (n: ts.Node) => n.pos >= tryBlock.pos && n.end <= tryBlock.end && (enclosingFunction(n) ?? fc.sf) === owner;
    const thrown = (fc.collected.throws.get(owner) ?? []).flatMap((t) => (inBlock(t) ? [taintOf(t.expression)] : []));
    const calls: Taint = [];
    // The walk collects calls in source order: those of the block are found without a pass over the file's.
    const all = fc.collected.calls;
    for (let i = firstCallAtOrAfter(all, tryBlock.pos); i < all.length && (all[i]?.pos ?? Infinity) < tryBlock.end; i++) {
      const call = all[i];
      if (!call || !isCallExpression(call) || !inBlock(call)) continue;
      const item = thrownByCall(call);
      if (item) calls.push(item);
    }
    return thrown.length === 0 && calls.length === 0 ? EMPTY : unionTaint(EMPTY, ...thrown, calls);
  }

  /** What the project function `call` calls throws (an async one's throws reject the promise it returns); undefined for another call. */
  function thrownByCall(call: ts.CallExpression): CallItem | undefined {
    const callee = projectCalleeOf(call.expression);
    return callee === undefined ? undefined : { ...callItem(call, callee, false), thrown: true, trace: [step(call, `thrown by \`${plainName(callee)}()\``)] };
  }

  /**
   * `verify(token).catch((err) => console.error(err))`, `Promise.reject(new Error('bad ' + key)).catch(...)`,
   * `new Promise((resolve, reject) => reject(err)).catch(...)`: a rejection handler's parameter holds
   * what its promise rejects with (see promise-rejection.ts). Undefined for any other parameter.
   */
  function rejectionTaint(binding: Extract<Binding, { kind: 'param' }>, id: ts.Identifier): Taint | undefined {
    if (binding.index !== 0 || binding.rest) return undefined;
    const rejection = rejectionHandledBy(binding.fn, fc);
    if (!rejection) return undefined;
    const thrown = rejection.throwers.flatMap((fn) => (fc.collected.throws.get(fn) ?? []).map((t) => taintOf(t.expression)));
    const calls = rejection.calls.flatMap((call) => thrownByCall(call) ?? []);
    let taint = unionTaint(EMPTY, ...rejection.values.map((v) => taintOf(v)), ...thrown, calls);
    for (const p of binding.proj) taint = projectTaint(taint, p, fc.names, `${id.text}.${p}`);
    return taint.length === 0 ? undefined : withStep(taint, step(id, `\`${id.text}\` is what the promise rejects with`));
  }

  /**
   * A function that takes a request and a response (`(req, res)`, `({ headers }, reply)`), or is
   * handed to a route or middleware registration (`app.get('/x', fn)`, `router.use(fn)`).
   */
  function isRequestHandler(fn: ts.SignatureDeclaration): boolean {
    const second = fn.parameters[1];
    if (second && isIdentifier(second.name) && /^_*(?:res|resp|response|reply|rep)$/i.test(second.name.text)) return true;
    const call = fn.parent;
    return call !== undefined && isCallExpression(call) && call.arguments.includes(fn as ts.Expression) && isPropertyAccessExpression(call.expression) && HANDLER_REGISTRATIONS.has(call.expression.name.text);
  }

  /**
   * `tokens.forEach((t) => ...)`, `Object.entries(headers).forEach(([name, value]) => ...)`: the
   * element parameter of an array method's callback holds what the receiver's elements hold (an
   * entry's key is a name, never the value). Undefined for any other parameter.
   */
  function callbackElementTaint(binding: Extract<Binding, { kind: 'param' }>, id: ts.Identifier): Taint | undefined {
    const fn = binding.fn;
    if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
    const callee = elementCallbackOf(fn);
    if (!callee || binding.index !== elementParamIndex(callee) || binding.rest || !isParameter(binding.node)) return undefined;
    if (isEntriesCall(callee.expression) && isFirstOfArrayPattern(binding.node.name, id)) return EMPTY;
    let taint = taintOf(callee.expression);
    for (const p of binding.proj) taint = projectTaint(taint, p, fc.names, `${labelOf(callee.expression, fc.sf)}.${p}`);
    return taint.length === 0 ? taint : withStep(taint, step(id, `an element of \`${labelOf(callee.expression, fc.sf)}\``));
  }

  /**
   * `bus.on('login', (evt) => ...)`: a listener's parameter holds what the file's `bus.emit('login',
   * ...)` calls pass in that position (the emitter named as in the `on`, the event by its literal).
   * Undefined for any other parameter, and when the file emits nothing for it (`server.on('request', ...)`).
   */
  function emittedTaint(binding: Extract<Binding, { kind: 'param' }>): Taint | undefined {
    // Asked at every read of a listener's parameter: the file's emits are searched once per parameter.
    const known = emittedMemo.get(binding.node);
    if (known !== undefined) return known ?? undefined;
    const found = emittedTaintOf(binding);
    emittedMemo.set(binding.node, found ?? null);
    return found;
  }

  function emittedTaintOf(binding: Extract<Binding, { kind: 'param' }>): Taint | undefined {
    const fn = binding.fn;
    if ((!isArrowFunction(fn) && !isFunctionExpression(fn)) || binding.rest || binding.proj.length > 0) return undefined;
    const site = callbackSiteOf(fn);
    const on = site?.index === 1 ? site.call : undefined;
    if (!on || !isPropertyAccessExpression(on.expression) || !LISTEN_METHODS.has(on.expression.name.text)) return undefined;
    const event = on.arguments[0] && unwrap(on.arguments[0]);
    const emitter = dottedNameOf(on.expression.expression);
    if (!event || !isStringLiteralLike(event) || emitter === undefined || !textMentions(fc, 'emit')) return undefined;
    const passed: Taint[] = [];
    for (const call of fc.collected.calls) {
      if (!isCallExpression(call) || !isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'emit') continue;
      const name = call.arguments[0] && unwrap(call.arguments[0]);
      const arg = call.arguments[binding.index + 1];
      if (arg && name && isStringLiteralLike(name) && name.text === event.text && dottedNameOf(call.expression.expression) === emitter) passed.push(taintOf(arg));
    }
    return passed.length > 0 ? unionTaint(...passed) : undefined;
  }

  /** The secret-named field a destructuring reads into a binding named otherwise (`password: pw`), if any. */
  function renamedSecretField(bindingName: string, path: readonly string[]): string | undefined {
    const field = path[path.length - 1];
    return field !== undefined && fc.names.isSecretName(field) && !fc.names.isSecretName(bindingName) ? field : undefined;
  }

  /** What a function stores into fields of its parameter (`cfg.auth = token`), each at its field. */
  function assignedTaint(name: string, assigned: readonly ValueSource[]): Taint {
    return unionTaint(...assigned.map((v) => placed(taintOf(v.expr), v, name)));
  }

  /** A value's taint put where the value goes (`cfg.auth = token` wraps it at `auth`), with the step into `name`. */
  function placed(taint: Taint, v: ValueSource, name: string): Taint {
    const key = v.wrap[v.wrap.length - 1];
    let t = key === undefined || key === '*' ? taint : underKeyTaint(key, v.expr, taint, v.at);
    for (const w of [...v.wrap].reverse()) t = wrapTaint(t, w);
    return t.length === 0 ? t : withStep(t, step(v.at, `flows into \`${name}\``));
  }

  function bindingTaint(binding: Extract<Binding, { kind: 'var' }>): Taint {
    const hit = bindingMemo.get(binding);
    if (hit !== undefined) return hit === COMPUTING ? EMPTY : hit;
    bindingMemo.set(binding, COMPUTING);
    const taint = valuesTaint(binding, binding.values);
    bindingMemo.set(binding, taint);
    return taint;
  }

  /**
   * `let t = token; t = 'hidden'; console.log(t)`: what a read of a variable sees. An assignment
   * that always runs before the read (a statement of a block around it, in the same function)
   * replaces the values given before it; those given after it (in a branch, on a later turn of a
   * loop) may still be there.
   */
  function reachingValues(binding: Extract<Binding, { kind: 'var' }>, read: ts.Identifier): readonly ValueSource[] {
    if (binding.isConst || binding.values.length < 2) return binding.values;
    const fn = enclosingFunction(read);
    let last: ts.Node | undefined;
    for (const v of binding.values) if ((last === undefined || v.at.pos > last.pos) && overwritesBefore(v, read, fn)) last = v.at;
    const from = last?.pos;
    return from === undefined ? binding.values : binding.values.filter((v) => v.at.pos >= from);
  }

  function overwritesBefore(v: ValueSource, read: ts.Identifier, fn: ts.Node | undefined): boolean {
    const stmt = v.at.parent;
    if (v.wrap.length > 0 || v.path.length > 0 || !isBinaryExpression(v.at) || v.at.operatorToken.kind !== SyntaxKind.EqualsToken || !stmt || !isExpressionStatement(stmt)) return false;
    const block = stmt.parent;
    const sequential = ts.isBlock(block) || isSourceFile(block) || ts.isCaseOrDefaultClause(block);
    return sequential && stmt.end <= read.pos && read.end <= block.end && enclosingFunction(v.at) === fn;
  }

  function valuesTaint(binding: Extract<Binding, { kind: 'var' }>, values: readonly ValueSource[]): Taint {
    const passwordMasked = values.some((v) => v.wrap.length === 1 && v.wrap[0] === 'password' && isLiteralLike(v.expr));
    const parts = values.map((v) => {
      // `const u = new URL(DATABASE_URL); u.password = '***'`: the URL no longer holds the password.
      if (passwordMasked && v.path.length === 0 && isUrlMade(v.expr)) return EMPTY;
      // `const { auth } = req` behind a middleware that keeps the verified token there, as `req.auth` is.
      if (v.path.length === 1 && v.path[0] !== undefined && keepsBearerToken(v.expr, v.path[0], fc)) return bearerAuthInfo(v.at, `${labelOf(v.expr, fc.sf)}.auth`);
      let t = taintOf(v.expr);
      // `const { tokens: cached } = res.usage` given `usage: { tokens: number }`: a count.
      const renamed = v.path.length > 0 && hasNonSecretFieldType(v.expr, ...v.path) ? undefined : renamedSecretField(binding.name, v.path);
      if (t.length === 0 && renamed === undefined && v.wrap.length === 0) return t;
      for (const p of v.path) t = projectTaint(t, p, fc.names, `${labelOf(v.expr, fc.sf)}.${p}`);
      // `const { password: pw } = req.body`: the field is a secret by its name under any new name, as `req.body.password` is.
      if (renamed !== undefined && !hasRootSecret(t)) t = unionTaint([nameSource(v.at, `${labelOf(v.expr, fc.sf)}.${v.path.join('.')}`)], t);
      if (v.omit) t = omitKeys(t, v.omit);
      return placed(t, v, binding.name);
    });
    // `const safe = { ...user }; safe.password = '[hidden]'` (also deeper: `copy.db.password = '***'`): a field given a safe value no longer holds what the other values put there.
    const masked = values.flatMap((v) => (v.wrap.length > 0 && v.path.length === 0 && !v.wrap.some((k) => k === '*' || k === COMPUTED_ENTRY || k.includes('.')) && isNeutral(v.expr) ? [v.wrap.join('.')] : []));
    return masked.length > 0 ? omitPaths(unionTaint(...parts), masked) : unionTaint(...parts);
  }

  /** The info a bearer middleware keeps (`req.auth`): its `token` is the credential. */
  function bearerAuthInfo(at: ts.Node, label: string): Taint {
    return [{ k: 'secret', label: `${label}.token`, path: ['token'], trace: [step(at, `\`${label}\` holds the verified bearer token`)] }];
  }

  /**
   * Fields libraries fill with the credential a client sent, under names that say nothing alone:
   * socket.io's `socket.handshake.auth` (the client's `auth` payload, its token), and the `pass` of
   * what basic-auth parses from the Authorization header (`const creds = auth(req); creds.pass`).
   */
  function isLibraryCredentialField(owner: ts.Expression, prop: string): boolean {
    const o = unwrap(owner);
    if (prop === 'auth') return isPropertyAccessExpression(o) && o.name.text === 'handshake';
    if (prop !== 'pass') return false;
    const made = constValueOf(fc, o);
    return isCallExpression(made) && importOf(fc, made.expression)?.specifier === 'basic-auth';
  }

  /**
   * `init.credentials` of `const init = { credentials: 'include' }`, `opts.token` of `{ token: true }`:
   * a field of a const object written out as a value no secret can be (a boolean, a number, fetch's
   * credentials modes). A string written there (`{ apiKey: 'sk-live-...' }`) is still one.
   */
  /** `init.credentials` of `const init = { credentials: 'include' }`: a field the code wrote a literal in. */
  function readsLiteralField(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    return isPropertyAccessExpression(e) && isLiteralField(e.expression, e.name.text);
  }

  function isLiteralField(owner: ts.Expression, prop: string): boolean {
    const obj = constValueOf(fc, owner);
    if (!ts.isObjectLiteralExpression(obj)) return false;
    const field = obj.properties.find((m): m is ts.PropertyAssignment => isPropertyAssignment(m) && propertyNameOf(m.name) === prop);
    const value = field && unwrap(field.initializer);
    if (!value) return false;
    if (isStringLiteralLike(value)) return CREDENTIALS_MODES.has(value.text);
    return isNumericLiteral(value) || value.kind === SyntaxKind.TrueKeyword || value.kind === SyntaxKind.FalseKeyword || value.kind === SyntaxKind.NullKeyword;
  }

  function memberTaint(e: ts.PropertyAccessExpression | ts.ElementAccessExpression): Taint {
    const container = containerOf(e, fc);
    if (container) {
      const label = labelOf(e, fc.sf);
      return [{ k: 'secret', label, path: [], container, trace: [step(e, `\`${label}\` is read here`)] }];
    }
    const everyEntry = isElementAccessExpression(e) ? everyEntryTaint(e) : undefined;
    if (everyEntry) return everyEntry;
    const importedEntry = isElementAccessExpression(e) ? importedEntryTaint(e) : undefined;
    if (importedEntry) return importedEntry;
    const prop = isPropertyAccessExpression(e) ? propertyNameOf(e.name) : elementKeyOf(e.argumentExpression);
    if (prop !== undefined) return namedMemberTaint(e, prop);
    if (!isElementAccessExpression(e)) return EMPTY;
    // `for (const key of ['PORT', 'JWT_SECRET']) ... process.env[key]`: each entry the list names, in turn.
    const keys = listedKeysOf(e.argumentExpression);
    return keys ? unionTaint(EMPTY, ...keys.map((key) => namedMemberTaint(e, key))) : anyEntryTaint(e);
  }

  /**
   * The keys a loop's variable takes (`for (const key of REQUIRED)`, `REQUIRED.forEach((key) => ...)`)
   * from a list of string literals the file writes out (`const REQUIRED = ['PORT', 'JWT_SECRET']`).
   * Undefined for any other key.
   */
  function listedKeysOf(key: ts.Expression): string[] | undefined {
    const k = unwrap(key);
    const binding = isIdentifier(k) ? lookup(fc, k) : undefined;
    const loop = binding?.kind === 'var' ? binding.node.parent?.parent : undefined;
    const callee = binding?.kind === 'param' && binding.proj.length === 0 ? elementCallbackOf(binding.fn) : undefined;
    const list = loop && isForOfStatement(loop) ? loop.expression : callee && binding?.kind === 'param' && binding.index === elementParamIndex(callee) ? callee.expression : undefined;
    const array = list && constValueOf(fc, list);
    if (!array || !isArrayLiteralExpression(array) || array.elements.length === 0) return undefined;
    const texts = array.elements.map((el) => unwrap(el)).filter(isStringLiteralLike).map((el) => el.text);
    return texts.length === array.elements.length ? texts : undefined;
  }

  /** `obj.prop`, `obj['prop']`: a member read under a name the code spells. */
  function namedMemberTaint(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, prop: string): Taint {
    if (prop === 'params' && isPropertyAccessExpression(e) && isRequestLike(e.expression)) {
      const params = secretRouteParams(e);
      if (params.length > 0) return params;
    }
    if (prop === 'config') {
      const failed = failedRequestConfigTaint(e);
      if (failed) return failed;
    }
    const env = isPropertyAccessExpression(e) ? fastifyEnvTaint(e) : undefined;
    if (env) return env;
    if (e.expression.kind === SyntaxKind.ThisKeyword) return fieldTaint(e, prop);
    // `token[0]` of `token: string`: one character, not the secret.
    if (/^\d+$/.test(prop) && isStringParam(e.expression)) return EMPTY;
    const getter = isPropertyAccessExpression(e) ? instanceGetterOf(e, prop) : undefined;
    if (getter !== undefined) return [{ k: 'call', callee: getter, args: [], sanitizer: false, proj: [], path: [], trace: [step(e, `returned by the getter \`${plainName(getter)}\``)] }];
    // `c.req`, `socket.request`, socket.io's `socket.handshake`: a request, which carries its headers.
    // Only on a named object: a field deep in some record (`auditLog.metadata.request`) is data about a request.
    if ((prop === 'req' || prop === 'request' || prop === 'handshake') && isPropertyAccessExpression(e) && holdsRequestField(e.expression)) return [requestHeadersOf(e)];
    if (isPropertyAccessExpression(e) && isBearerAuthInfo(e, fc)) return bearerAuthInfo(e, labelOf(e, fc.sf));
    if (isPropertyAccessExpression(e) && isLibraryCredentialField(e.expression, prop)) {
      const label = labelOf(e, fc.sf);
      return [{ k: 'secret', label, path: [], trace: [step(e, `\`${label}\` is the credential the client sent`)] }];
    }
    const member = projectNamespaceMember(e, prop);
    if (member) return member;
    const base = taintOf(e.expression);
    // `new URL(`...?key=${apiKey}`).href`: the whole URL again, as its `toString()` is.
    if (URL_TEXT_FIELDS.has(prop) && holdsUrl(e.expression, fc)) return base;
    // What the handler reads of the body, and what a typed request says it holds (`Request<{}, {}, LoginBody>`).
    if (prop === 'body' && isRequestBody(e)) return unionTaint(requestBodyTaint(e), projectTaint(base.filter((item) => item.path[0] === 'body'), prop, fc.names, labelOf(e, fc.sf)));
    // `console.log(req.query)` in a handler that reads `req.query.token`: the query holds the token.
    if (prop === 'query' && isRequestQuery(e)) return unionTaint(requestInputTaint(e, secretQueryFields(e, fc.names)), projectTaint(base.filter((item) => item.path[0] === 'query'), prop, fc.names, labelOf(e, fc.sf)));
    const isSecret = (fc.names.isSecretName(prop) && !hasNonSecretFieldType(e.expression, prop) && !holdsSecretName(e.expression, prop, fc) && !isLiteralField(e.expression, prop)) || isSessionIdRead(e.expression, prop);
    if (base.length === 0 && !isSecret) return EMPTY;
    const label = labelOf(e, fc.sf);
    const projected = projectTaint(base, prop, fc.names, label);
    if (isSecret && !hasRootSecret(projected)) {
      return unionTaint([memberNameSource(e, label)], projected);
    }
    return projected;
  }

  /**
   * A member secret by its name. One of a project module's const (`EnvNames.MSI_SECRET` imported)
   * is marked with it: that module may say the member holds only the name of a secret (`{ MSI_SECRET:
   * 'MSI_SECRET' }`, see holdsSecretName), which the rules read there.
   */
  function memberNameSource(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, label: string): SecretItem {
    const source = nameSource(e, label);
    const held = isPropertyAccessExpression(e) ? entryNameOf(fc, e) : undefined;
    return typeof held === 'object' ? { ...source, importedAs: held.imported } : source;
  }

  /**
   * `keys.stripe` of `import * as keys from './secrets'`: the module's export, which the rules read
   * from its summary as they read a named import. A member whose own name is a secret is judged
   * as any other read (its name decides).
   */
  function projectNamespaceMember(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, prop: string): Taint | undefined {
    const ns = unwrap(e.expression);
    if (!isIdentifier(ns) || fc.names.isSecretName(prop)) return undefined;
    const binding = lookup(fc, ns);
    if (binding?.kind !== 'import' || binding.imported !== '*' || !fc.isProjectModule(binding.specifier)) return undefined;
    const name = `${ns.text}.${prop}`;
    return [importedValue(e, name, `\`${name}\` is imported here`)];
  }

  /**
   * `req.headers[API_KEY_HEADER]`, `process.env[KEYS.JWT]` with the key imported from a project
   * module: which entry is read, the rules learn from the constant's module. Undefined unless the
   * key is such a constant and the object a container (headers, cookies, the environment).
   */
  function importedEntryTaint(e: ts.ElementAccessExpression): Taint | undefined {
    const key = entryNameOf(fc, e.argumentExpression);
    if (typeof key !== 'object') return undefined;
    const containers = taintOf(e.expression).flatMap((i) => (i.k === 'secret' && i.container !== undefined && i.path.length === 0 ? [i] : []));
    if (containers.length === 0) return undefined;
    const label = labelOf(e, fc.sf);
    return containers.map((i) => ({ k: 'secret', label, path: [], trace: i.trace, entryNamedBy: { local: key.imported, container: i.container ?? 'headers' }, ...(i.container === 'headers' && { authScheme: true }) }));
  }

  /**
   * `error.config`, `error.response.config` of an axios error: the config of the request that
   * failed (see axios-config.ts), with its headers and its instance's default headers.
   */
  function failedRequestConfigTaint(e: ts.PropertyAccessExpression | ts.ElementAccessExpression): Taint | undefined {
    let error = unwrap(e.expression);
    if (isPropertyAccessExpression(error) && error.name.text === 'response') error = unwrap(error.expression);
    if (!isIdentifier(error)) return undefined;
    const binding = lookup(fc, error);
    const intercepted = binding?.kind === 'param' && binding.proj.length === 0 ? interceptedBy(binding, fc) : undefined;
    if (intercepted && intercepted.value !== 'config') return interceptedConfigTaint(intercepted.instance, e);
    const requests = axiosRequestsFailingInto(error, fc);
    const taint = unionTaint(EMPTY, ...requests.map((r) => unionTaint(r.config ? taintOf(r.config) : EMPTY, r.instance ? projectTaint(taintOf(r.instance), 'defaults', fc.names, `${labelOf(r.instance, fc.sf)}.defaults`) : EMPTY)));
    return taint.length === 0 ? undefined : withStep(taint, step(e, `\`${labelOf(e, fc.sf)}\` is the config of the request that failed, headers included`));
  }

  /** The config of a request an axios interceptor sees: what its instance's defaults hold (`defaults.headers.Authorization`). */
  function interceptedConfigTaint(instance: ts.Expression, at: ts.Node): Taint {
    const label = `${labelOf(instance, fc.sf)}.defaults`;
    const taint = projectTaint(taintOf(instance), 'defaults', fc.names, label);
    return taint.length === 0 ? taint : withStep(taint, step(at, `\`${labelOf(at, fc.sf)}\` is the config of a request of \`${labelOf(instance, fc.sf)}\`, its default headers included`));
  }

  /**
   * `bucket.tokens` given `bucket: { tokens: number }` (or an interface of the file), also deeper
   * (`res.usage.tokens`) and destructured (`const { tokens } = res.usage`): a count, whatever its name.
   */
  function hasNonSecretFieldType(base: ts.Expression, ...path: string[]): boolean {
    let type = declaredTypeOfValue(base);
    for (const prop of path) type = fieldTypeOf(type, prop, fc.sf);
    return isNonSecretType(type);
  }

  /**
   * `const tokens = res.usage.total_tokens`, `const secret = vault.secretName`: a field whose name
   * describes a secret without being one (a count, a name, a policy) holds what its name says,
   * whatever the variable is called. Also a field declared with a type no secret has (`tokens: number`).
   */
  function readsDescriptor(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (!isPropertyAccessExpression(e)) return false;
    const field = e.name.text;
    return (mayNameSecret(field, fc.config.sensitiveNames) && !fc.names.isSecretName(field)) || hasNonSecretFieldType(e.expression, field);
  }

  /** The type a parameter or variable, or a field chain of one, is declared with. */
  function declaredTypeOfValue(expr: ts.Expression, depth = 0): ts.TypeNode | undefined {
    const e = unwrap(expr);
    if (isPropertyAccessExpression(e)) return depth < MAX_NESTING ? fieldTypeOf(declaredTypeOfValue(e.expression, depth + 1), e.name.text, fc.sf) : undefined;
    if (!isIdentifier(e)) return undefined;
    const binding = lookup(fc, e);
    if (binding?.kind === 'param' && isParameter(binding.node)) return declaredTypeAt(binding.node.type, binding.proj);
    if (binding?.kind === 'var' && isVariableDeclaration(binding.node) && isIdentifier(binding.node.name)) return binding.node.type;
    return undefined;
  }

  /** `env[KEY]` given `const KEY = 'JWT_SECRET'` (or `KEYS.JWT` of a const object): the literal the key holds; otherwise the key as written. */
  function elementKeyOf(key: ts.Expression): string | undefined {
    const name = entryNameOf(fc, key);
    if (typeof name === 'string') return name;
    // A name is the key it holds, not its own name: `keys[provider]` reads whichever entry `provider` picks.
    const k = unwrap(key);
    return isIdentifier(k) ? undefined : (propertyNameOf(k) ?? templateKeyName(k));
  }

  /** `this.headers`: what the class puts in that field anywhere, plus the field's own name. */
  function fieldTaint(e: ts.Node, prop: string, label = labelOf(e, fc.sf)): Taint {
    const binding = fc.collected.scopes.lookup(`this.${prop}`, e);
    const flowing = binding?.kind === 'var' ? bindingTaint(binding) : unionTaint(getterTaint(e, prop), parameterPropertyTaint(e, prop));
    if (!fc.names.isSecretName(prop) || (binding?.kind === 'var' && binding.values.length > 0 && binding.values.every((v) => isNeutral(v.expr)))) return flowing;
    return unionTaint([nameSource(e, label)], flowing);
  }

  /**
   * `client.authHeader` of `const client = new Client(...)` (or a parameter typed `Client`), where
   * the class of this file declares `get authHeader()`: the getter's key, which the read calls.
   */
  function instanceGetterOf(e: ts.PropertyAccessExpression, prop: string): string | undefined {
    // Asked of every field read: most files declare no getter.
    hasGetters ??= fc.collected.classes.some((c) => c.members.some(isGetAccessorDeclaration));
    if (!hasGetters) return undefined;
    const cls = instanceClassOf(e.expression, fc);
    if (cls === undefined) return undefined;
    const decl = fc.collected.classes.find((c) => c.name?.text === cls);
    return decl?.members.some((m) => isGetAccessorDeclaration(m) && propertyNameOf(m.name) === prop) ? projectMethodKey(cls, prop, e) : undefined;
  }

  /** Whether a class of the file declares a getter: asked once, on the first field read. */
  let hasGetters: boolean | undefined;

  /**
   * `this.cfg` of `constructor(private readonly cfg: AppConfig)`: what the parameter holds, with
   * the secret fields its declared type gives it (Nest's injected config).
   */
  function parameterPropertyTaint(at: ts.Node, prop: string): Taint {
    const ctor = enclosingClass(at)?.members.find((m): m is ts.ConstructorDeclaration => isConstructorDeclaration(m));
    const param = ctor?.parameters.find((p) => isParameterPropertyDeclaration(p, ctor) && isIdentifier(p.name) && p.name.text === prop);
    if (!param || !isIdentifier(param.name) || !ctor) return EMPTY;
    // Read as often as the class uses the field (`this.log` in every method): worked out once.
    let taint = parameterProperties.get(param);
    if (taint === undefined) {
      // What a `new` gives the constructor there, for a method run on that instance (`CallItem.self`).
      const given = constructorParam(ctor.parent, ctor.parameters.indexOf(param), false, [step(param.name, `parameter \`${param.name.text}\``)]);
      parameterProperties.set(param, (taint = given ? unionTaint(identifierTaint(param.name), [given]) : identifierTaint(param.name)));
    }
    return taint;
  }

  /** The constructor's parameter `index` of a top-level class, as the key `constructedTaint` gives it. */
  function constructorParam(cls: ts.ClassLikeDeclaration, index: number, rest: boolean, trace: FlowStep[]): ParamItem | undefined {
    if (cls.name === undefined || cls.parent !== fc.sf) return undefined;
    return { k: 'param', fn: `${cls.name.text}.${CONSTRUCTOR}`, index, ...(rest && { rest: true }), proj: [], path: [], trace };
  }

  const parameterProperties = new Map<ts.ParameterDeclaration, Taint>();

  /** `this.authHeader` given `get authHeader() { return \`Bearer ${this.token}\`; }`: what the getter returns. */
  function getterTaint(at: ts.Node, prop: string): Taint {
    const getter = enclosingClass(at)?.members.find((m): m is ts.GetAccessorDeclaration => isGetAccessorDeclaration(m) && propertyNameOf(m.name) === prop);
    return getter ? returnedTaint(getter) : EMPTY;
  }

  /**
   * `console.log(this)`, `logger.debug({ client: this })`: the instance prints its fields, each at
   * its name (what it is given and what its name says, as `this.field` reads it).
   */
  function instanceTaint(self: ts.Expression): Taint {
    const cls = enclosingClass(self);
    return cls ? unionTaint(EMPTY, ...fieldsOf(cls).map((field) => wrapTaint(fieldTaint(self, field, `this.${field}`), field))) : EMPTY;
  }

  /** An instance's fields, capped, secret-named fields first: a generated class's hundreds of counters must not hide its key. */
  function fieldsOf(cls: ts.ClassLikeDeclaration): string[] {
    let fields = instanceFields.get(cls);
    if (!fields) {
      const all = instanceFieldsOf(cls);
      fields = [...all.filter((f) => fc.names.isSecretName(f)), ...all.filter((f) => !fc.names.isSecretName(f))].slice(0, MAX_INSTANCE_FIELDS);
      instanceFields.set(cls, fields);
    }
    return fields;
  }

  /**
   * `new Client(process.env.API_KEY)` of a class of this file: the instance holds its fields as
   * `this` does inside, a parameter property holding the argument given here.
   */
  function newInstanceTaint(made: ts.NewExpression, cls: ts.ClassLikeDeclaration): Taint {
    const given = made.arguments ?? [];
    return instanceOf(cls, labelOf(made, fc.sf), (index, rest) => unionTaint(EMPTY, ...(rest ? given.slice(index) : given.slice(index, index + 1)).map((a) => taintOf(a))));
  }

  /**
   * What `new Client(...)` of a top-level class gives, for the files that import the class: its
   * fields, a parameter property holding the constructor's argument at its index (a parameter of
   * `Client.constructor`, which the rules substitute with the importer's arguments).
   */
  function constructedTaint(cls: ts.ClassLikeDeclaration): Taint {
    const name = cls.name?.text ?? 'default';
    const trace = [step(cls.name ?? cls, `the arguments of \`new ${name}()\``)];
    return instanceOf(cls, `new ${name}()`, (index, rest) => {
      const param = constructorParam(cls, index, rest, trace);
      return param ? [param] : EMPTY;
    });
  }

  /**
   * An instance's fields, each at its name: a parameter property holds what `argument` says the
   * constructor is given at its index; another field what the class gives it. What a field takes
   * from the constructor's other parameters is left out: the constructor is no function the flow
   * follows. An error class's message holds the arguments its constructor passes to `super`.
   */
  function instanceOf(cls: ts.ClassLikeDeclaration, label: string, argument: (index: number, rest: boolean) => Taint): Taint {
    const anchor = cls.members[0];
    const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => isConstructorDeclaration(m));
    const fields = anchor === undefined ? [] : fieldsOf(cls).map((field) => {
      const index = ctor ? ctor.parameters.findIndex((p) => isParameterPropertyDeclaration(p, ctor) && isIdentifier(p.name) && p.name.text === field) : -1;
      const held = index >= 0 ? argument(index, false) : fieldTaint(anchor, field, `${label}.${field}`).filter((item) => item.k !== 'param');
      return wrapTaint(held, field);
    });
    const message = messageArguments(cls);
    const text = message === undefined ? EMPTY : errorText(message === 'all' ? argument(0, true) : unionTaint(EMPTY, ...message.map((index) => argument(index, false))));
    // A class with a `toJSON()` is written as JSON by it: its fields are printed by util.inspect only.
    const inspected = cls.members.some((m) => isMethodDeclaration(m) && propertyNameOf(m.name) === 'toJSON');
    return unionTaint(text, ...(inspected ? fields.map((t) => t.map((item) => (item.k === 'secret' ? { ...item, inspected: true as const } : item))) : fields));
  }

  /**
   * `Settings.value` of `class Settings { static value = process.env.API_KEY }`: the class object holds
   * its static fields, and its static getters' values (`static get openAiKey() { return process.env.OPENAI_API_KEY }`).
   */
  function staticFieldsTaint(cls: ts.ClassLikeDeclaration): Taint {
    const parts: Taint[] = [];
    for (const m of cls.members) {
      const name = m.name && propertyNameOf(m.name);
      if (name === undefined) continue;
      if (isStaticInitialized(m)) parts.push(wrapTaint(taintOf(m.initializer), name));
      else if (isGetAccessorDeclaration(m) && isStaticMember(m)) parts.push(wrapTaint(returnedTaint(m), name));
    }
    return unionTaint(EMPTY, ...parts);
  }

  /** What each listener parameter is emitted (see emittedTaint), null for none. */
  const emittedMemo = new Map<ts.Node, Taint | null>();

  // `return this` in every method of a fluent class: its fields are listed once.
  const instanceFields = new Map<ts.ClassLikeDeclaration, string[]>();

  /**
   * `req.headers[name]` in `for (const name in req.headers)` or `Object.keys(req.headers).forEach((name) => ...)`:
   * a read of every entry in turn, credentials included. Undefined when the key is not one of the
   * object's own keys (`process.env[name]` in a helper reads whichever entry its callers ask for).
   */
  function everyEntryTaint(e: ts.ElementAccessExpression): Taint | undefined {
    const iterated = keysIteratedBy(e.argumentExpression);
    const object = dottedNameOf(e.expression);
    if (!iterated || object === undefined || dottedNameOf(iterated) !== object) return undefined;
    const label = labelOf(e, fc.sf);
    return taintOf(e.expression).map((item) => {
      if (item.k === 'secret' && item.container !== undefined && item.path.length === 0) return { k: 'secret', label, path: [], trace: item.trace };
      return item.path.length > 0 ? { ...item, path: item.path.slice(1) } : item;
    });
  }

  /**
   * `keys[provider]` with a key the code computes: whichever entry it picks of an object whose
   * entries are known (`{ openai: process.env.OPENAI_API_KEY }`). Not a request's headers or
   * cookies by a computed name, whose entries are mostly no secrets, nor a string's characters.
   */
  function anyEntryTaint(e: ts.ElementAccessExpression): Taint {
    return taintOf(e.expression).flatMap((item) => (item.path.length > 0 ? [{ ...item, path: item.path.slice(1) }] : []));
  }

  /**
   * `req.params` in the handler of `app.get('/reset/:token', handler)` (Koa's `ctx.params` too):
   * the route's own parameters, those with a secret name (`token`) among them.
   */
  function secretRouteParams(e: ts.PropertyAccessExpression): Taint {
    const handler = enclosingFunction(e);
    const registration = handler && callbackSiteOf(handler)?.call;
    const path = registration?.arguments[0] && unwrap(registration.arguments[0]);
    if (!path || !isStringLiteralLike(path)) return EMPTY;
    const label = labelOf(e, fc.sf);
    return [...path.text.matchAll(/:(\w+)/g)].flatMap(([, name]) => (name !== undefined && fc.names.isSecretName(name) ? [{ k: 'secret' as const, label: `${label}.${name}`, path: [name], trace: [step(path, `the route's parameter \`:${name}\` is a secret by its name`)] }] : []));
  }

  /** The object whose keys `key` runs over: `for (const key in obj)`, `for (const key of Object.keys(obj))`, `Object.keys(obj).forEach((key) => ...)`. */
  function keysIteratedBy(key: ts.Expression): ts.Expression | undefined {
    const k = unwrap(key);
    const binding = isIdentifier(k) ? lookup(fc, k) : undefined;
    if (binding?.kind === 'var') {
      const loop = binding.node.parent?.parent;
      if (loop && isForInStatement(loop)) return loop.expression;
      if (loop && isForOfStatement(loop)) return keysCallOf(loop.expression);
      return undefined;
    }
    if (binding?.kind !== 'param' || binding.proj.length > 0) return undefined;
    const callee = elementCallbackOf(binding.fn);
    return callee && binding.index === elementParamIndex(callee) ? keysCallOf(callee.expression) : undefined;
  }

  function callTaint(call: ts.CallExpression): Taint {
    const read = requestReadOf(call, fc);
    if (read) return requestReadTaint(call, read);
    // `c.req.valid('json')` after `zValidator('json', schema)`: what the schema declares, and what the handler reads.
    const validated = honoValidatedFields(call, fc);
    if (validated) return unionTaint(schemaFieldSecrets(call, validated, [], []), requestBodyTaint(call));
    if (isRequestBody(call)) return requestBodyTaint(call);
    if (isNestHttpRequest(call)) return [requestHeadersOf(call)];
    const tokens = tokenResponseOf(call, fc);
    if (tokens) return tokenResponseTaint(call, tokens);
    // `axios.create({ headers: { Authorization } })`: the instance keeps its options as `defaults`.
    if (call.arguments[0] && isAxiosCreate(call.expression)) return wrapTaint(taintOf(call.arguments[0]), 'defaults');
    // `cookie.parse(req.headers.cookie)`: the cookie header becomes an object of cookies.
    if (isCookieParse(call.expression) && call.arguments[0]) return asCookies(taintOf(call.arguments[0]));
    if (isKeyedSecretRead(call, fc.names)) return [nameSource(call)];
    const envObject = envObjectTaint(call);
    if (envObject) return envObject;
    const callee = unwrap(call.expression);
    const dotted = dottedNameOf(callee);
    const name = isPropertyAccessExpression(callee) ? callee.name.text : dotted;
    if (name === undefined) return EMPTY;
    const args = call.arguments;
    if (dotted !== undefined && NEUTRAL_CALLS.has(dotted)) return EMPTY;
    if (isPropertyAccessExpression(callee) && isHashChain(callee.expression)) return EMPTY;
    // Hashing and redaction by name are trusted, unless the project's own definition hands the input back.
    if (isHashingName(name) || isRedactingName(name, fc) || (dotted !== undefined && fc.config.sanitizers.includes(dotted))) {
      const projectCallee = projectCalleeOf(callee);
      return projectCallee === undefined ? EMPTY : [callItem(call, projectCallee, true)];
    }
    // `JSON.stringify(user, ['id'])`, `JSON.stringify(user, (k, v) => (k === 'password' ? undefined : v))`: only what the replacer lets through.
    const replaced = dotted === 'JSON.stringify' && args[0] && args[1] ? replacerKeysOf(replacerOf(args[1]), (e) => constValueOf(fc, e)) : undefined;
    if (replaced && args[0]) return flattenTaint(replacedTaint(taintOf(args[0]), replaced, fc.names));
    // `JSON.stringify(payload, secretSafeReplacer)` of a function another module exports: what it lets through is known there.
    const importedReplacer = dotted === 'JSON.stringify' && args[0] && args[1] && !replaced ? projectCalleeOf(args[1]) : undefined;
    if (importedReplacer !== undefined && args[0]) return flattenTaint([{ k: 'call', callee: importedReplacer, args: [taintOf(args[0])], sanitizer: false, replacer: true, proj: [], path: [], trace: [step(call, `written through the replacer \`${plainName(importedReplacer)}\``)] }]);
    if (dotted === 'JSON.stringify' && args[0] && !isLocallyBound(callee)) return flattenTaint(unionTaint(jsonTaint(args[0]), ...args.slice(1).map((a) => taintOf(a))));
    if (dotted !== undefined && STRINGIFIERS.has(dotted) && !isLocallyBound(callee)) return flattenTaint(unionTaint(...args.map((a) => (dotted === 'String' ? textTaint(a) : taintOf(a)))));
    if (dotted !== undefined && CARRIERS.has(dotted)) return unionTaint(...args.map((a) => taintOf(a)));
    // `chalk.green(`token ${token}`)`, `pc.bold(token)`: terminal colours wrap the text, which stays whole.
    if (isColouring(callee)) return flattenTaint(unionTaint(...args.map((a) => taintOf(a))));
    // `EnvSchema.parse(process.env)` of a zod object schema of the file: what it was given, only at the
    // keys of its shape (zod strips the others); `safeParse` puts it in `data`.
    const parsed = isPropertyAccessExpression(callee) && SCHEMA_PARSES.has(callee.name.text) ? args[0] : undefined;
    const shape = parsed && shapeFieldsOf((callee as ts.PropertyAccessExpression).expression, fc);
    if (parsed && shape) {
      const given = replacedTaint(taintOf(parsed), { keep: shape }, fc.names);
      return name.startsWith('safe') ? wrapTaint(given, 'data') : given;
    }
    if (isPropertyAccessExpression(callee)) {
      const entry = keyedEntryRead(callee, args);
      if (entry !== undefined) return entry;
      // `Object.entries(headers).filter(([k]) => k !== 'authorization' && k !== 'cookie')`: the object's entries without those keys.
      const dropped = droppedEntryKeys(call, resolveConst);
      if (dropped) return omitKeys(taintOf(callee.expression), dropped);
      if (isShortSlice(callee.name.text, args, callee.expression, resolveConst) || isMaskingReplace(callee.name.text, args)) return EMPTY;
      // `getToken().then((t) => t.trim())`: the promise resolves to what the callback returns.
      if (callee.name.text === 'then' && args[0]) {
        const resolved = callbackResultTaint(args[0]);
        if (resolved) return resolved;
      }
      // `tokens.map((t) => t.slice(0, 4))`: a callback that only yields sanitised values.
      if ((callee.name.text === 'map' || callee.name.text === 'flatMap') && args[0]) {
        const mapped = mappedTaint(callee.expression, args[0]);
        if (mapped) return mapped;
      }
      const element = elementTakenTaint(callee, args);
      if (element) return element;
      const borrowed = borrowedMethodTaint(callee, args);
      if (borrowed) return borrowed;
      if (isCarryingMethod(callee.name.text)) {
        const carried = withoutReplacedSecrets(callee.name.text, args, flattenTaint(unionTaint(taintOf(callee.expression), ...(callee.name.text === 'concat' ? args.map((a) => taintOf(a)) : []))));
        // `decoded.split(':')` of Basic credentials (`user:pass`, `keyId:secret`): the first part names who, the rest is the credential.
        if (callee.name.text === 'split' && args[0] && isStringLiteralLike(args[0]) && args[0].text === ':') return withPublicFirstPart(carried);
        if (callee.name.text === 'split' && args[0] && isStringLiteralLike(args[0]) && args[0].text === '.') return withJwtParts(carried);
        // `header.split(' ').slice(1)`, `header.replace('Bearer ', '')`: the scheme no longer comes first.
        return SCHEME_KEEPING_METHODS.has(callee.name.text) ? carried : withoutAuthScheme(carried);
      }
    }
    const projection = objectProjectionOf(call, fc);
    if (projection) return projectionTaint(projection);
    const projectCallee = projectCalleeOf(callee);
    if (projectCallee !== undefined) return [callItem(call, projectCallee, false)];
    // A package's `auth.getAccessToken()`, `jwt.sign(payload, key)`: what it hands out is a credential.
    return isSecretGetterName(name, fc.names) || isJwtSign(callee) ? [nameSource(call)] : EMPTY;
  }

  /**
   * `tokens.find((t) => ...)`, `parts.pop()`, `header.split(' ').at(-1)`: one element of the
   * receiver (`at` only of a list made in place: of a string it is one character); `reduce` also
   * yields what its callback returns (`Object.keys(req.headers).reduce((acc, k) => ({ ...acc, [k]:
   * req.headers[k] }), {})` rebuilds the headers).
   */
  function elementTakenTaint(callee: ts.PropertyAccessExpression, args: readonly ts.Expression[]): Taint | undefined {
    const name = callee.name.text;
    if (!ELEMENT_TAKING_METHODS.has(name) && !(name === 'at' && holdsList(callee.expression))) return undefined;
    const reduced = name.startsWith('reduce') && args[0] ? callbackResultTaint(args[0]) : undefined;
    // `reduce(fn, initial)` whose callback's returns are read is what they build from the initial
    // value (`grants.reduce((acc, g) => { acc[g.userId] = ...; return acc; }, {})` counts, and
    // keeps no refresh token); without an initial value the first element is the first accumulator.
    if (reduced !== undefined && args[1] !== undefined && returnsAllRead(args[0] as ts.Expression)) return withoutAuthScheme(unionTaint(reduced, taintOf(args[1])));
    return withoutAuthScheme(unionTaint(anyPosition(taintOf(callee.expression)), reduced ?? EMPTY));
  }

  /** The type a whole parameter is declared with (`token: string`), when the expression is one. */
  function paramTypeOf(expr: ts.Expression): ts.TypeNode | undefined {
    const e = unwrap(expr);
    const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
    return binding?.kind === 'param' && binding.proj.length === 0 && isParameter(binding.node) ? binding.node.type : undefined;
  }

  function isStringParam(expr: ts.Expression): boolean {
    return paramTypeOf(expr)?.kind === SyntaxKind.StringKeyword;
  }

  /** A list made in place (`[a, b]`, `header.split(' ')`), or a name given one (`const keys = [a, b]`). */
  function holdsList(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (isCallExpression(e) || isArrayLiteralExpression(e)) return true;
    const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
    // `(tokens: string[]) => tokens.at(0)`: a parameter declared as a list.
    if (binding?.kind === 'param') return isListType(paramTypeOf(e));
    return binding?.kind === 'var' && binding.values.some((v) => v.path.length === 0 && v.wrap.length === 0 && (isCallExpression(unwrap(v.expr)) || isArrayLiteralExpression(unwrap(v.expr))));
  }

  /**
   * `Array.prototype.slice.call(arguments)`, `[].concat.apply([], parts)`: a carrying method
   * borrowed for another receiver holds what that receiver (and, for `concat`, the rest) holds.
   */
  function borrowedMethodTaint(callee: ts.PropertyAccessExpression, args: readonly ts.Expression[]): Taint | undefined {
    const borrowed = unwrap(callee.expression);
    if ((callee.name.text !== 'call' && callee.name.text !== 'apply') || !isPropertyAccessExpression(borrowed) || !isCarryingMethod(borrowed.name.text)) return undefined;
    // `Object.prototype.toString.call(token)` is a type tag (`[object String]`), not the token.
    if (borrowed.name.text.startsWith('to') && !/^(?:String|Array)\.prototype$/.test(dottedNameOf(borrowed.expression) ?? '')) return EMPTY;
    const [receiver, ...rest] = args;
    return flattenTaint(unionTaint(...(receiver ? [taintOf(receiver)] : []), ...(borrowed.name.text === 'concat' ? rest.map((a) => taintOf(a)) : [])));
  }

  /**
   * `dsn.replace(password, '********')`: the secret given as what to replace, replaced by a literal,
   * is no longer in the text (the secrets of the same expression, by their labels, go).
   */
  function withoutReplacedSecrets(method: string, args: readonly ts.Expression[], carried: Taint): Taint {
    const [what, by] = args;
    if ((method !== 'replace' && method !== 'replaceAll') || args.length !== 2 || !what || !by || !isLiteralLike(unwrap(by)) || isLiteralLike(unwrap(what)) || isRegularExpressionLiteral(unwrap(what))) return carried;
    const replaced = new Set(taintOf(what).flatMap((item) => (item.k === 'secret' ? [item.label] : [])));
    return replaced.size === 0 ? carried : carried.filter((item) => item.k !== 'secret' || !replaced.has(item.label));
  }

  /**
   * An object holding environment variables as `process.env` does (see ENV_OBJECT_FUNCTIONS): logged
   * whole it is every secret of the deployment; its entries are secrets by their names.
   */
  function envObjectTaint(call: ts.CallExpression): Taint | undefined {
    const callee = unwrap(call.expression);
    const written = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    // Asked of every call: the name written is compared before any import is looked up.
    const specifiers = written === undefined ? undefined : ENV_OBJECT_NAMES.get(written);
    if (specifiers === undefined || !specifiers.some((specifier) => textMentions(fc, specifier))) return undefined;
    const fn = packageFunctionOf(fc, call.expression);
    const kind = fn && ENV_OBJECT_FUNCTIONS.get(fn.specifier)?.get(fn.name);
    if (kind === undefined) return undefined;
    const label = labelOf(call, fc.sf);
    const env: SecretItem = { k: 'secret', label, path: [], container: 'env', trace: [step(call, `\`${label}\` holds ${kind === 'validated' ? 'the environment variables it validated' : 'the variables of a .env file'}`)] };
    return kind === 'parsed' ? wrapTaint([env], 'parsed') : [env];
  }

  /** `fastify.config` of @fastify/env (see fastify-env.ts): the environment variables its schema declares, or all of them. */
  function fastifyEnvTaint(e: ts.PropertyAccessExpression): Taint | undefined {
    const read = fastifyEnvRead(e, fc);
    if (!read) return undefined;
    const { keys } = read;
    const label = labelOf(e, fc.sf);
    const env: SecretItem = { k: 'secret', label, path: [], container: 'env', trace: [step(e, `\`${label}\` holds the environment variables @fastify/env validated`)] };
    return keys ? replacedTaint([env], { keep: [...keys] }, fc.names) : [env];
  }

  /**
   * `sessions.get(id)`, `headers.get('authorization')` on a local map the file fills with `set()`:
   * the entry under that key (a computed key reads what computed keys filed).
   */
  function keyedEntryRead(callee: ts.PropertyAccessExpression, args: readonly ts.Expression[]): Taint | undefined {
    const [key] = args;
    const receiver = unwrap(callee.expression);
    if (callee.name.text !== 'get' || args.length !== 1 || key === undefined || !isIdentifier(receiver)) return undefined;
    const binding = lookup(fc, receiver);
    if (binding?.kind !== 'var' || !binding.values.some((v) => isCallExpression(v.at) && v.wrap.length === 1)) return undefined;
    const name = unwrap(key);
    const entry = projectTaint(taintOf(receiver), isStringLiteralLike(name) ? name.text : COMPUTED_ENTRY, fc.names, labelOf(callee.parent, fc.sf));
    // Nothing filed under that key: the call is judged as any other (`headers.get('authorization')` by the header's name).
    return entry.length > 0 ? entry : undefined;
  }

  /** What `_.pick(user, ['id'])`, `_.omit(user, ['password'])` or `_.cloneDeep(user)` hands back of its object. */
  function projectionTaint(projection: ObjectProjection): Taint {
    if ('carries' in projection) return unionTaint(...projection.carries.map((a) => taintOf(a)));
    if ('unknown' in projection) return EMPTY;
    if ('path' in projection) return readAtPath(projection.of, projection.path);
    const { of, keys } = projection;
    const kept = 'drop' in keys ? omitPaths(taintOf(of), keys.drop) : replacedTaint(taintOf(of), keys, fc.names);
    if (!('keep' in keys) || !isOpaque(of)) return kept;
    // `pick(req.body, ['username', 'password'])`: a key named for a secret holds one, as `{ password: body.password }` would.
    const named = keys.keep.filter((k) => fc.names.isSecretName(k) && !kept.some((item) => item.path[0] === k));
    return unionTaint(kept, ...named.map((k) => wrapTaint([nameSource(of, `${labelOf(of, fc.sf)}.${k}`)], k)));
  }

  /** `_.get(config, 'db.password')`: as `config.db.password` reads, a secret by its last key too. */
  function readAtPath(of: ts.Expression, path: readonly string[]): Taint {
    let taint = taintOf(of);
    let label = labelOf(of, fc.sf);
    for (const key of path) {
      label = `${label}.${key}`;
      taint = projectTaint(taint, key, fc.names, label);
    }
    const last = path[path.length - 1];
    return last !== undefined && fc.names.isSecretName(last) && !hasRootSecret(taint) ? unionTaint([nameSource(of, label)], taint) : taint;
  }

  /** A replacer as written, or the const or function of this file it names (`JSON.stringify(user, safeReplacer)`). */
  function replacerOf(arg: ts.Expression): ts.Expression | ts.FunctionDeclaration {
    const value = constValueOf(fc, arg);
    const binding = isIdentifier(value) ? lookup(fc, value) : undefined;
    return binding?.kind === 'function' ? binding.node : value;
  }

  /** A token response (see token-response.ts): its access, refresh and ID tokens, each at its field. */
  function tokenResponseTaint(call: ts.CallExpression, at: readonly string[]): Taint {
    // `axios.post().data.access_token`: the arguments (a URL, a request body) would only lengthen the message.
    const response = `${labelOf(call.expression, fc.sf)}()`;
    return TOKEN_RESPONSE_FIELDS.map((field) => {
      const label = [response, ...at, field].join('.');
      return { k: 'secret', label, path: [...at, field], trace: [step(call, `\`${response}\` is a token response, with the access, refresh and ID tokens`)] };
    });
  }

  function isAxiosCreate(callee: ts.Expression): boolean {
    return packageFunctionNamed(fc, callee, CREATE)?.specifier === 'axios';
  }

  /**
   * `jwt.sign(payload, secret, (err, token) => ...)`, `reply.jwtSign(payload, (err, token) => ...)`:
   * the callback given last is handed the signed token second.
   */
  function isSignedTokenParam(fn: ts.SignatureDeclaration, index: number): boolean {
    const call = fn.parent;
    return index === 1 && isCallExpression(call) && call.arguments.at(-1) === fn && isJwtSign(call.expression);
  }

  /** `jwt.sign(...)` / `sign(...)` of jsonwebtoken, @fastify/jwt's `reply.jwtSign(...)`: a signed token. */
  function isJwtSign(callee: ts.Expression): boolean {
    const e = unwrap(callee);
    return (isPropertyAccessExpression(e) && e.name.text === 'jwtSign') || packageFunctionNamed(fc, callee, SIGN)?.specifier === 'jsonwebtoken';
  }

  function callItem(call: ts.CallExpression, callee: string, sanitizer: boolean): CallItem {
    return {
      k: 'call',
      callee,
      args: call.arguments.map((a) => taintOf(a)),
      sanitizer,
      proj: [],
      path: [],
      trace: [step(call, `returned by \`${plainName(callee)}()\``)],
    };
  }

  function requestReadTaint(call: ts.Node, read: RequestRead): Taint {
    const label = labelOf(call, fc.sf);
    const trace = [step(call, `\`${label}\` is read here`)];
    if (read.kind === 'all') return read.container === 'query' ? EMPTY : [{ k: 'secret', label, path: [], container: read.container, trace }];
    // A header that may be Authorization keeps its scheme first until the rules know the name: `split(' ')[0]` is then no credential.
    if (read.kind === 'imported') return [{ k: 'secret', label, path: read.field === undefined ? [] : [read.field], trace, entryNamedBy: { local: read.local, container: read.container }, ...(read.container === 'headers' && { authScheme: true }) }];
    if (read.container === 'headers' && !fc.names.isSecretHeader(read.name)) return EMPTY;
    if (read.container === 'cookies' && !isCredentialCookie(read.name, fc.names)) return EMPTY;
    if (read.container === 'query' && !fc.names.isSecretName(read.name)) return EMPTY;
    return [{ k: 'secret', label, path: read.field === undefined ? [] : [read.field], trace, ...(read.container === 'headers' && isAuthorizationHeader(read.name) && { authScheme: true }) }];
  }

  /** A request body whose secret-named fields the handler reads: it holds those secrets (see request-body.ts). */
  function requestBodyTaint(body: ts.Expression): Taint {
    return requestInputTaint(body, secretBodyFields(body, fc.names));
  }

  /** A request's body or query, which holds the secret-named `fields` its handler reads from it. */
  function requestInputTaint(input: ts.Expression, fields: readonly string[]): Taint {
    const label = labelOf(input, fc.sf);
    return fields.map((field) => ({ k: 'secret', label: `${label}.${field}`, path: [field], trace: [step(input, `\`${label}\` holds \`${field}\`, which this handler reads from it`)] }));
  }

  function newTaint(e: ts.NewExpression): Taint {
    const name = dottedNameOf(e.expression);
    const made = isIdentifier(e.expression) ? lookup(fc, e.expression) : undefined;
    const instance = made?.kind === 'class' ? newInstanceTaint(e, made.node) : importedInstanceTaint(e);
    if (name === 'URL' || name === 'String') return flattenTaint(unionTaint(...(e.arguments ?? []).map((a) => taintOf(a))));
    // An error's arguments end up in its message (and its stack, which starts with it: `err.message`
    // and `err.stack` read them); an error class of the project keeps its fields too (`class ApiError
    // extends Error { constructor(message, public config) ... }`).
    // A project's error class says itself what it keeps of them (see messageArguments).
    if ((name === 'Error' || name?.endsWith('Error')) && instance === undefined) return errorText(unionTaint(EMPTY, ...(e.arguments ?? []).map((a) => taintOf(a))));
    if (name === 'Map' || name === 'Set' || name === 'Headers' || name === 'URLSearchParams') return unionTaint(...(e.arguments ?? []).map((a) => taintOf(a)));
    return instance ?? EMPTY;
  }

  /**
   * `${creds}`, `'as ' + creds`: a value written as text. An instance of a project class is written
   * as its `toString()` says, `[object Object]` when it declares none, not field by field; one
   * that extends another class (an error, written with its message) is read as its fields are.
   */
  function textTaint(expr: ts.Expression): Taint {
    const e = unwrap(expr);
    const made = madeBy(e);
    const cls = made && instanceClassOf(made, fc);
    if (made === undefined || cls === undefined) return taintOf(expr);
    const declared = fc.collected.scopes.lookup(cls, e);
    // A class imported from a project module says how it is written there; an error's text is its message.
    const own = declared?.kind === 'class' ? extendedClassOf(declared.node) === undefined : declared?.kind === 'import' && !cls.endsWith('Error');
    const key = own ? projectMethodKey(cls, 'toString', e) : undefined;
    if (!own || (key === undefined && declared?.kind !== 'class')) return taintOf(expr);
    if (key === undefined) return EMPTY;
    const self = made.arguments?.map((a) => taintOf(a));
    return [{ k: 'call', callee: key, args: [], sanitizer: false, ...(self && { self }), proj: [], path: [], trace: [step(e, `written as \`${cls}.toString()\` says`)] }];
  }

  /**
   * `JSON.stringify(grant)`: a value written as JSON. The fields of a class with a `toJSON()` are
   * left out, and what that method returns is written instead (`Grant.toJSON`, of the file or imported).
   */
  function jsonTaint(expr: ts.Expression): Taint {
    const written = taintOf(expr).flatMap((item): Taint => (item.k !== 'secret' ? [item] : item.inspected ? [] : item.typedBy !== undefined ? [{ ...item, json: true }] : [item]));
    const serialised = toJsonCall(unwrap(expr));
    return serialised ? unionTaint(written, [serialised]) : written;
  }

  /** `grant` or `new Grant(...)` of a class with a `toJSON()`, of the file or imported: what that method returns. */
  function toJsonCall(e: ts.Expression): CallItem | undefined {
    const cls = isIdentifier(e) || isNewExpression(e) ? instanceClassOf(e, fc) : undefined;
    const key = cls === undefined ? undefined : projectMethodKey(cls, 'toJSON', e);
    if (key === undefined) return undefined;
    const self = madeBy(e)?.arguments?.map((a) => taintOf(a));
    return { k: 'call', callee: key, args: [], sanitizer: false, ...(self && { self }), proj: [], path: [], trace: [step(e, `written as \`${cls}.toJSON()\` returns`)] };
  }

  /**
   * `logger.info({ session })`: pino, winston and bunyan write a logged value as JSON, so an
   * instance of a class with a `toJSON()` is written as that method returns, also as a field of an
   * object literal logged (at that field). Its fields are taken as util.inspect prints them, for `console`.
   */
  function toJsonTaint(expr: ts.Expression, depth: number): Taint {
    const e = unwrap(expr);
    if (!isObjectLiteralExpression(e)) {
      const serialised = toJsonCall(e);
      return serialised ? [serialised] : EMPTY;
    }
    if (depth >= MAX_LOGGED_OBJECT_DEPTH) return EMPTY;
    const fields = e.properties.map((p) => {
      const name = isPropertyAssignment(p) || isShorthandPropertyAssignment(p) ? propertyNameOf(p.name) : undefined;
      const value = isPropertyAssignment(p) ? p.initializer : isShorthandPropertyAssignment(p) ? p.name : undefined;
      return name === undefined || value === undefined ? EMPTY : wrapTaint(toJsonTaint(value, depth + 1), name);
    });
    return unionTaint(EMPTY, ...fields);
  }

  /** The one `new C(...)` an expression is, or a variable holds. */
  function madeBy(e: ts.Expression): ts.NewExpression | undefined {
    if (isNewExpression(e)) return e;
    const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
    const [value, ...more] = binding?.kind === 'var' ? binding.values : [];
    const made = value && more.length === 0 && value.path.length === 0 ? unwrap(value.expr) : undefined;
    return made && isNewExpression(made) ? made : undefined;
  }

  /** What an error given `given` holds: the text whole, as its `message` and its `stack`, which starts with it. */
  function errorText(given: Taint): Taint {
    const text = flattenTaint(given);
    return text.length === 0 ? EMPTY : unionTaint(text, wrapTaint(text, 'message'), wrapTaint(text, 'stack'));
  }

  /**
   * `new MailClient(process.env.MAIL_API_KEY)` of a class another project module declares: the
   * instance its module describes (see `constructedTaint`), given these arguments.
   */
  function importedInstanceTaint(e: ts.NewExpression): Taint | undefined {
    const cls = isIdentifier(e.expression) ? e.expression.text : undefined;
    const key = cls === undefined ? undefined : projectMethodKey(cls, CONSTRUCTOR, e);
    if (key === undefined) return undefined;
    return [{ k: 'call', callee: key, args: (e.arguments ?? []).map((a) => taintOf(a)), sanitizer: false, proj: [], path: [], trace: [step(e, `an instance of \`${cls}\``)] }];
  }

  function binaryTaint(e: ts.BinaryExpression): Taint {
    switch (e.operatorToken.kind) {
      case SyntaxKind.PlusToken:
        return flattenTaint(unionTaint(textTaint(e.left), textTaint(e.right)));
      case SyntaxKind.AmpersandAmpersandToken:
      case SyntaxKind.CommaToken:
      case SyntaxKind.EqualsToken:
        return taintOf(e.right);
      case SyntaxKind.BarBarToken:
      case SyntaxKind.QuestionQuestionToken:
        return unionTaint(taintOf(e.left), taintOf(e.right));
      default:
        return EMPTY;
    }
  }

  function objectTaint(obj: ts.ObjectLiteralExpression): Taint {
    let parts: Taint[] = [];
    /** The spreads so far: the label of what each spreads, by its index in `parts`. */
    const spreads = new Map<number, string>();
    /** Keys given a safe value after the spreads: `{ ...req.headers, authorization: undefined, cookie: undefined }`. */
    const masked: string[] = [];
    for (const prop of obj.properties) {
      if (isSpreadAssignment(prop)) {
        spreads.set(parts.length, labelOf(prop.expression, fc.sf));
        parts.push(taintOf(prop.expression));
      } else if (isShorthandPropertyAssignment(prop)) parts.push(wrapTaint(taintOf(prop.name), prop.name.text));
      // `{ get key() { return process.env.RESEND_API_KEY } }`: reading the field runs the getter.
      else if (isGetAccessorDeclaration(prop)) parts.push(wrapTaint(returnedTaint(prop), propertyNameOf(prop.name) ?? '*'));
      else if (isPropertyAssignment(prop)) {
        const key = propertyNameOf(prop.name) ?? '*';
        // `{ ...config, jwtSecret: '[redacted]' }`: a later key replaces what a spread put there.
        if (key !== '*') parts = parts.map((t, i) => withoutField(t, key, spreads.get(i), prop.initializer));
        if (key !== '*' && spreads.size > 0 && isNeutral(prop.initializer)) masked.push(key);
        const value = taintOf(prop.initializer);
        parts.push(wrapTaint(underKeyTaint(key, prop.initializer, value, prop), key));
      }
    }
    if (omitsCredentialHeaders(masked)) parts = parts.map((t, i) => (spreads.has(i) ? t.filter((item) => item.k !== 'secret' || item.container !== 'headers') : t));
    return unionTaint(...parts);
  }

  /**
   * A value put under a key, written in an object (`{ Authorization: \`Bearer ${v}\` }`) or assigned
   * (`headers.Authorization = ...`): the key names what the value is (`{ apiKey: source.origin }`),
   * unless the value is a secret already or a project function's result, which its definition
   * decides (`{ credential: safeCopy(c) }`). A hash under the key (`{ password: await
   * bcrypt.hash(password, 10) }`, also through a const) is no secret.
   */
  function underKeyTaint(key: string, expr: ts.Expression, value: Taint, at: ts.Node): Taint {
    const named = fc.names.isSecretName(key) && isOpaque(expr) && !isNeutral(expr) && !readsLiteralField(expr) && !value.some((i) => i.path.length === 0 && (i.k === 'secret' || i.k === 'call')) && !isHashChain(constValueOf(fc, expr));
    return named ? unionTaint([nameSource(at, key)], value) : value;
  }

  /**
   * What a spread still puts in an object after a later `key: value` replaces that field. When the
   * value is safe and the field is the spread object's secret (`{ ...credential, key:
   * !!credential.key }`, `{ ...session, token: undefined }`), the copy is no longer a secret by the
   * spread object's name: the code says which field held the secret, and that it is gone.
   */
  function withoutField(taint: Taint, key: string, spread: string | undefined, value: ts.Expression): Taint {
    if (spread === undefined) return taint.filter((item) => item.path[0] !== key);
    // What a spread puts there unresolved (an imported value, a call's result, a parameter) loses the
    // key once resolved: `{ ...config, stripe: { ...config.stripe, secretKey: '***' } }`.
    const replaced = omitKeys(taint, [key]);
    if (!isNeutral(value) || !(fc.names.isSecretName(key) || SECRET_HOLDER_FIELDS.has(key) || value.getText(fc.sf).includes(`${spread}.${key}`))) return replaced;
    return replaced.flatMap((item): Taint => {
      if (item.path.length > 0) return [item];
      if (item.k === 'secret') return item.container === undefined && item.label === spread ? [] : [item];
      // A parameter spread so: whatever a caller passes loses its name's secret in the copy too.
      return item.k === 'param' && item.proj.length === 0 ? [{ ...item, unnamed: true }] : [item];
    });
  }

  /**
   * `prompt + completion` of numbers (`const tokens = usage.input + usage.output` with both typed
   * `number`): a count, whatever it is named. A `+` is a sum only when every operand is a number:
   * a numeric literal, another sum, or a name declared `number`.
   */
  function isNumericSum(expr: ts.Expression, depth = 0): boolean {
    const e = unwrap(expr);
    if (!isBinaryExpression(e) || e.operatorToken.kind !== SyntaxKind.PlusToken || depth > MAX_NESTING) return false;
    const isNumber = (operand: ts.Expression): boolean => {
      const o = unwrap(operand);
      if (isNumericLiteral(o)) return true;
      // `usage.input`, `r.usage?.prompt_tokens`: a field typed as a number or named for a count.
      if (isPropertyAccessExpression(o)) return readsDescriptor(o);
      if (isIdentifier(o)) {
        const binding = lookup(fc, o);
        // `const { input, output } = usage` of a typed record: fields declared as numbers.
        return hasNonSecretType(binding) || (binding?.kind === 'var' && binding.values.length > 0 && binding.values.every((v) => v.path.length > 0 && hasNonSecretFieldType(v.expr, ...v.path)));
      }
      // `(usage?.prompt_tokens ?? 0)`.
      if (isBinaryExpression(o) && o.operatorToken.kind === SyntaxKind.QuestionQuestionToken) return isNumber(o.left) && isNumber(o.right);
      return isNumericSum(o, depth + 1) || (isBinaryExpression(o) && isNeutral(o));
    };
    return isNumber(e.left) && isNumber(e.right);
  }

  /** A value that cannot be the secret whatever its name says: literals and sanitised forms. */
  function isNeutral(expr: ts.Expression): boolean {
    const e = unwrap(expr);
    if (isLiteralLike(e)) return true;
    if (isPrefixUnaryExpression(e) && e.operator === SyntaxKind.ExclamationToken) return true;
    if (isTypeOfExpression(e)) return true;
    if (isBinaryExpression(e) && e.operatorToken.kind !== SyntaxKind.PlusToken && !isValueOperator(e.operatorToken.kind)) return true;
    if (isConditionalExpression(e)) return isLiteralLike(e.whenTrue) && isLiteralLike(e.whenFalse);
    if (isPropertyAccessExpression(e) && e.name.text === 'length') return true;
    if (isCallExpression(e)) return isSanitisingCall(e);
    return false;
  }

  /**
   * `tokens.map((t) => t.slice(0, 4))`, `keys.map((k) => k.id)`: a callback that only yields
   * sanitised values or fields of its element carries what the elements hold at those fields (and
   * what the fields' own names say), not the whole element. Undefined when some result is anything
   * else: the caller then keeps the whole receiver.
   */
  function mappedTaint(receiver: ts.Expression, callback: ts.Expression): Taint | undefined {
    const fn = unwrap(callback);
    if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
    const returns = fc.collected.returns.get(fn) ?? [];
    const param = fn.parameters[0];
    if (returns.length === 0) return undefined;
    const parts: Taint[] = [];
    for (const r of returns) {
      if (isNeutral(r)) continue;
      const chain = param && isIdentifier(param.name) ? fieldChainOf(r, param.name.text) : undefined;
      // Anything else the callback builds (`(t) => \`${t.name}: ${t.type}\``) is what its parts
      // are: the parameter stands for an element of the receiver.
      if (chain === undefined) {
        parts.push(taintOf(r));
        continue;
      }
      let fromElement = taintOf(receiver);
      for (const prop of chain) fromElement = projectTaint(fromElement, prop, fc.names, labelOf(r, fc.sf));
      parts.push(unionTaint(fromElement, taintOf(r)));
    }
    return unionTaint(EMPTY, ...parts);
  }

  /** What a callback written in place returns; undefined for anything else (a function named elsewhere). */
  function callbackResultTaint(callback: ts.Expression): Taint | undefined {
    const fn = unwrap(callback);
    return isArrowFunction(fn) || isFunctionExpression(fn) ? returnedTaint(fn) : undefined;
  }

  /** A callback whose returned values the file records (an expression body, or `return`s with a value). */
  function returnsAllRead(callback: ts.Expression): boolean {
    const fn = unwrap(callback);
    return (isArrowFunction(fn) || isFunctionExpression(fn)) && (fc.collected.returns.get(fn)?.length ?? 0) > 0;
  }

  /** What a function of this file returns, every `return` of it (a getter's, a callback's). */
  function returnedTaint(fn: ts.Node): Taint {
    return unionTaint(EMPTY, ...(fc.collected.returns.get(fn) ?? []).map((r) => taintOf(r)));
  }

  function isSanitisingCall(call: ts.CallExpression): boolean {
    const callee = unwrap(call.expression);
    const dotted = dottedNameOf(callee);
    const name = isPropertyAccessExpression(callee) ? callee.name.text : dotted;
    if (name === undefined) return false;
    return (dotted !== undefined && NEUTRAL_CALLS.has(dotted)) || isHashingName(name) || isRedactingName(name, fc) || (isPropertyAccessExpression(callee) && (isShortSlice(name, call.arguments, callee.expression, resolveConst) || isMaskingReplace(name, call.arguments) || isHashChain(callee.expression)));
  }

  const resolveConst = (expr: ts.Expression) => constantValue(expr, fc);

  /** `parse` of the `cookie` package, imported by name or read off the module. */
  function isCookieParse(callee: ts.Expression): boolean {
    const fn = packageFunctionNamed(fc, callee, PARSE);
    return fn !== undefined && COOKIE_MODULES.has(fn.specifier);
  }

  /** A colour function of a terminal-colour package: `chalk.green`, `chalk.bold.red`, `pc.cyan`, `kleur.red().bold`. */
  function isColouring(callee: ts.Expression): boolean {
    const root = rootIdentifier(callee);
    const origin = root && root !== unwrap(callee) ? importOf(fc, root) : undefined;
    return origin !== undefined && COLOUR_PACKAGES.has(origin.specifier);
  }

  /**
   * `id` read in the branch of `if (id.error)` (also `id.error_description`, `'error' in id`): the
   * response is an OAuth error, which servers (GitHub, Entra) send with status 200.
   */
  function isOAuthErrorBranch(id: ts.Identifier): boolean {
    // `const payload = JSON.parse(data); if (payload.error) throw data`: the text the tested body was parsed from.
    const isBody = (x: ts.Identifier) => {
      if (x.text === id.text) return true;
      // Fields it is given later (`payload.state = 'ok'`) leave it the parsed body.
      const b = lookup(fc, x);
      const whole = b?.kind === 'var' ? b.values.filter((v) => v.wrap.length === 0) : [];
      const parsed = whole.length === 1 && whole[0]?.path.length === 0 ? unwrap(whole[0].expr) : undefined;
      const from = parsed && isCallExpression(parsed) ? parsed.arguments[0] && unwrap(parsed.arguments[0]) : undefined;
      return from !== undefined && isIdentifier(from) && from.text === id.text && lookup(fc, from) === lookup(fc, id);
    };
    for (let n: ts.Node = id; n.parent && !ts.isFunctionLike(n.parent); n = n.parent) {
      const parent = n.parent;
      if (ts.isIfStatement(parent) && parent.thenStatement === n && testsErrorField(parent.expression, isBody)) return true;
    }
    return false;
  }

  /**
   * Koa's `ctx`, a middleware's first parameter in a file that imports Koa, or the second of the app's
   * error listener (`app.on('error', (err, ctx) => ...)`, as Koa emits it): printed whole, it shows
   * `request.header`. A declared type decides: a Koa type (`ctx: Context`, `Router.RouterContext`),
   * not another context (`ctx: ExecutionContext`).
   */
  function isKoaContext(id: ts.Identifier, fn: ts.SignatureDeclaration, index: number, type: ts.TypeNode | undefined): boolean {
    if ((index !== 0 && !(index === 1 && isErrorListener(fn))) || id.text !== 'ctx' || !importsAnyOf(fc, KOA_MODULES)) return false;
    if (type === undefined) return true;
    if (!isTypeReferenceNode(type)) return false;
    const root = ts.isIdentifier(type.typeName) ? type.typeName : ts.isIdentifier(type.typeName.left) ? type.typeName.left : undefined;
    const origin = root && importOf(fc, root);
    return origin !== undefined && KOA_MODULES.has(origin.specifier);
  }

  /** `x.on('error', fn)`: `fn` listens for the `error` event. */
  function isErrorListener(fn: ts.SignatureDeclaration): boolean {
    const site = callbackSiteOf(fn);
    const callee = site?.index === 1 ? site.call.expression : undefined;
    const event = site?.call.arguments[0];
    return callee !== undefined && isPropertyAccessExpression(callee) && LISTEN_METHODS.has(callee.name.text) && event !== undefined && isStringLiteralLike(event) && event.text === 'error';
  }

  /** The callee's root is a local of the file, not a module (`import util from 'util'`, `const util = require('util')`). */
  function isLocallyBound(callee: ts.Expression): boolean {
    const root = rootIdentifier(callee);
    if (!root) return false;
    const b = lookup(fc, root);
    return b !== undefined && b.kind !== 'import' && importOf(fc, root) === undefined;
  }

  /**
   * `const config = require('./config')`, `const { db } = require('./config')`: the project module's
   * `module.exports`, or a member of it, known once the summaries are joined.
   */
  function requiredModuleTaint(id: ts.Identifier, binding: Extract<Binding, { kind: 'var' }>): Taint {
    const [value] = binding.values;
    // Asked of every variable read: most hold no call, and need no lookup.
    if (binding.values.length !== 1 || !value || value.path.length > 1 || !isCallExpression(unwrap(value.expr))) return EMPTY;
    const origin = importOf(fc, id);
    if (!origin || !isProjectImport(origin)) return EMPTY;
    return [importedValue(id, id.text, `\`${id.text}\` is the module \`${origin.specifier}\``)];
  }

  /** What the project module `id` is imported from gives it, known once the summaries are joined (a value fact). */
  function importedValue(at: ts.Node, name: string, why: string): Taint[number] {
    return { k: 'call', callee: name, args: [], sanitizer: false, value: true, proj: [], path: [], trace: [step(at, why)] };
  }

  function isProjectImport(origin: { specifier: string } | undefined): boolean {
    return origin !== undefined && fc.isProjectModule(origin.specifier);
  }

  function projectCalleeOf(callee: ts.Expression): string | undefined {
    const e = unwrap(callee);
    if (isIdentifier(e)) {
      const b = lookup(fc, e);
      if (!b) return undefined;
      // `declare function getToken(): string`: a package's function, typed here.
      if (b.kind === 'function') return isAmbient(b.node) ? undefined : (fc.collected.functionKeys.get(b.node) ?? e.text);
      if (b.kind === 'import') return fc.isProjectModule(b.specifier) ? e.text : undefined;
      // `const f = () => ...`, or `const { f } = require('./lib')`.
      if (b.kind === 'var') {
        const value = b.values.length === 1 && b.values[0]?.path.length === 0 ? unwrap(b.values[0].expr) : undefined;
        const made = value && (fc.collected.functionKeys.get(value) ?? productOf(value));
        if (made !== undefined) return made;
        return fc.collected.functionKeySet.has(e.text) || isProjectImport(importOf(fc, e)) ? e.text : undefined;
      }
      return undefined;
    }
    // `makeLogger('[auth]')(token)`: the function a project factory makes, called in place.
    if (isCallExpression(e)) return productOf(e);
    if (!isPropertyAccessExpression(e)) return undefined;
    const b = isIdentifier(e.expression) ? lookup(fc, e.expression) : undefined;
    // Most receivers are parameters (`res.json()`): the dotted name is made only for the bindings that use it.
    if (b?.kind === 'import' || b?.kind === 'class' || b?.kind === 'var') {
      const dotted = `${b.name}.${e.name.text}`;
      if (b.kind === 'import') return fc.isProjectModule(b.specifier) ? dotted : undefined;
      if (b.kind === 'class' && fc.collected.functionKeySet.has(dotted)) return dotted;
      if (b.kind === 'var' && (fc.collected.functionKeySet.has(dotted) || isProjectImport(importOf(fc, e.expression)))) return dotted;
    }
    // `super.log(x)`: the method of the class this one extends.
    if (e.expression.kind === SyntaxKind.SuperKeyword) {
      const own = enclosingClass(e);
      const base = own && extendedClassName(own);
      return base === undefined ? undefined : (projectMethodKey(base, e.name.text, e) ?? inheritedMethodKey(base, e.name.text, e));
    }
    // An instance method: `audit.log(x)`, `this.audit.log(x)`, `this.format(x)`, also one its class inherits.
    const cls = instanceClassOf(e.expression, fc);
    return cls === undefined ? undefined : (projectMethodKey(cls, e.name.text, e) ?? inheritedMethodKey(cls, e.name.text, e));
  }

  /**
   * `this.log(password)` in `class Svc extends Base`, where `Base` of this file (or imported from a
   * project module) declares `log`: the method the instance inherits, up a few classes.
   */
  function inheritedMethodKey(cls: string, method: string, at: ts.Node): string | undefined {
    let current = cls;
    for (let depth = 0; depth < MAX_BASES; depth++) {
      const decl = fc.collected.classes.find((c) => c.name?.text === current);
      const base = decl && extendedClassName(decl);
      if (base === undefined) return undefined;
      const key = projectMethodKey(base, method, at);
      if (key !== undefined) return key;
      current = base;
    }
    return undefined;
  }

  /** `makeLogger('[auth]')`: the function a project function makes (see collect-file's `productKeyOf`). */
  function productOf(value: ts.Expression): string | undefined {
    if (!isCallExpression(value)) return undefined;
    const callee = unwrap(value.expression);
    const b = isIdentifier(callee) ? lookup(fc, callee) : undefined;
    // A function (also `const makeLogger = (prefix) => (...args) => ...`) or an import: a variable
    // bound to a call (`const a = b(); const b = a()`) is not followed.
    const isFunction = b?.kind === 'function' || (b?.kind === 'var' && b.values.length === 1 && b.values[0] !== undefined && fc.collected.functionKeys.has(unwrap(b.values[0].expr)));
    const maker = isFunction || b?.kind === 'import' ? projectCalleeOf(callee) : undefined;
    return maker === undefined || maker.includes('.') ? undefined : `${maker}()`;
  }

  /** `Class.method` when the class is this file's (and has the method) or a relative import. */
  function projectMethodKey(cls: string, method: string, at: ts.Node): string | undefined {
    const key = `${cls}.${method}`;
    const b = fc.collected.scopes.lookup(cls, at);
    if (b?.kind === 'class') return fc.collected.functionKeySet.has(key) ? key : undefined;
    if (b?.kind === 'import') return fc.isProjectModule(b.specifier) ? key : undefined;
    // CommonJS: `const JsonDB = require('./jsondb')`.
    const [value] = b?.kind === 'var' && b.values.length === 1 ? b.values : [];
    const required = value !== undefined && value.path.length === 0 ? requireOf(value.expr) : undefined;
    return required !== undefined && fc.isProjectModule(required.specifier) ? key : undefined;
  }

  return { taintOf, projectCalleeOf, constructedTaint, declaredReturnTaint, toJsonTaint: (expr) => toJsonTaint(expr, 0) };
}

/** Names of connection strings, which are secrets for the password they carry: `connectionString`, `mongoUri`, `DATABASE_URL`, `dsn`. */
const CONNECTION_NAME = /(?:conn(?:ection)?(?:_?str(?:ing)?)?|dsn|ur[il])$/i;

/**
 * `const connectionString = `mongodb://${host}:${port}/app``: a connection string written out with
 * its scheme and no `user:pass@` part carries no password (what its parts hold still flows).
 */
function isUrlWithoutCredentials(name: string, expr: ts.Expression): boolean {
  if (!CONNECTION_NAME.test(name)) return false;
  const e = unwrap(expr);
  if (!isTemplateExpression(e) || !e.head.text.includes('://')) return false;
  return ![e.head.text, ...e.templateSpans.map((span) => span.literal.text)].some((text) => text.includes('@'));
}

/** Class chains followed to an inherited method: real hierarchies are shallow. */
const MAX_BASES = 4;

/**
 * `const tokens = lexer.tokenize(src)`, `const tokens = enc.encode(text)`: lexical or model tokens,
 * which the name alone does not make credentials (what a project lexer returns of its input still flows).
 * Not `split`: `const token = header.split(' ')` is how a bearer token is cut out.
 */
function isLexingCall(expr: ts.Expression, fc: FileContext): boolean {
  const e = unwrap(expr);
  if (!isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  const name = lastNameOf(callee);
  if (name === undefined) return false;
  if (/^(?:tokeni[sz]e\w*|lex\w*)$/i.test(name)) return true;
  // `encode(text)` imported from a tokenizer package (gpt-tokenizer, js-tiktoken...).
  const origin = isIdentifier(callee) ? importOf(fc, callee) : undefined;
  if (origin !== undefined && name.startsWith('encode') && TOKENIZER_PACKAGE.test(origin.specifier)) return true;
  // `tokenizer.encode(text)`, `encoding.encode(text)` (tiktoken): language-model token ids.
  const receiver = isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  const owner = receiver && lastNameOf(receiver);
  return name.startsWith('encode') && owner !== undefined && /tokeni[sz]er|encod(?:er|ing)$|^enc$/i.test(owner);
}

/**
 * `` process.env[`${provider}_API_KEY`] ``: a key whose last words are written out names what it
 * reads, whatever the substitutions hold (each stands as one word, `x`). Undefined when the key
 * ends in a substitution: its last word is unknown.
 */
function templateKeyName(key: ts.Expression): string | undefined {
  if (!isTemplateExpression(key)) return undefined;
  const tail = key.templateSpans.at(-1)?.literal.text ?? '';
  if (!/[A-Za-z]/.test(tail)) return undefined;
  return key.head.text + key.templateSpans.map((span) => `x${span.literal.text}`).join('');
}

/** NestJS's `context.switchToHttp().getRequest()` in a guard or interceptor: the HTTP request. */
function isNestHttpRequest(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!isPropertyAccessExpression(callee) || callee.name.text !== 'getRequest') return false;
  const http = unwrap(callee.expression);
  return isCallExpression(http) && isPropertyAccessExpression(unwrap(http.expression)) && (unwrap(http.expression) as ts.PropertyAccessExpression).name.text === 'switchToHttp';
}

/** First and last words of a function that counts: `countTokens(text)`, `estimateTokens()`, `getTokenCount()`. */
const COUNTING_FIRST_WORDS: ReadonlySet<string> = new Set(['count', 'estimate', 'num', 'number', 'total']);
const COUNTING_LAST_WORDS: ReadonlySet<string> = new Set(['count', 'counts', 'length', 'size', 'total']);

/** `const tokens = countTokens(text)`: a number of tokens, whatever the variable is called. */
function isCountingCall(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  const name = isCallExpression(e) ? lastNameOf(unwrap(e.expression)) : undefined;
  if (name === undefined) return false;
  const words = splitWords(name);
  return words.length > 1 && (COUNTING_FIRST_WORDS.has(words[0] ?? '') || COUNTING_LAST_WORDS.has(words.at(-1) ?? ''));
}

/** `res.usage.total_tokens ?? 0`, `count || 0`: the value read, whose fallback is a literal. */
function withoutLiteralFallback(expr: ts.Expression): ts.Expression {
  let e = unwrap(expr);
  for (let depth = 0; depth < MAX_NESTING && isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === SyntaxKind.BarBarToken) && isLiteralLike(unwrap(e.right)); depth++) e = unwrap(e.left);
  return e;
}

/** Language-model tokenizers, whose `encode()` gives token ids: gpt-tokenizer (and its `/model/...` entries), tiktoken ports, gpt-3-encoder. */
const TOKENIZER_PACKAGE = /^(?:gpt-tokenizer|gpt-3-encoder|gpt3-tokenizer|js-tiktoken|tiktoken|@dqbd\/tiktoken|@anthropic-ai\/tokenizer|@xenova\/transformers)(?:\/|$)/;

/** Nesting read of sums (`a + b + c` nests on the left) and of field chains (`res.usage.tokens`). */
const MAX_NESTING = 16;

/** Declared, not defined: `declare function f()`, or inside `declare module` / `declare global`, or a `.d.ts` file. */
function isAmbient(node: ts.Node): boolean {
  if (node.getSourceFile().isDeclarationFile) return true;
  for (let n: ts.Node | undefined = node; n && !isSourceFile(n); n = n.parent) {
    if ((isFunctionDeclaration(n) || isModuleDeclaration(n)) && n.modifiers?.some((m) => m.kind === SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

/** `Object.keys(obj)`: the object. */
function keysCallOf(expr: ts.Expression): ts.Expression | undefined {
  const e = unwrap(expr);
  return isCallExpression(e) && dottedNameOf(e.expression) === 'Object.keys' && e.arguments[0] ? e.arguments[0] : undefined;
}

/** Fields cap: a generated class with hundreds of fields must not make one `this` cost them all. */
const MAX_INSTANCE_FIELDS = 32;

/**
 * The fields an instance prints: declared fields and constructor parameter properties, and fields
 * the constructor assigns (`this.apiKey = ...` in JavaScript). Static fields are not on the instance,
 * and `#private` fields are never printed.
 */
function instanceFieldsOf(cls: ts.ClassLikeDeclaration): string[] {
  const names = new Set<string>();
  for (const member of cls.members) {
    if (isPropertyDeclaration(member) && !isPrivateIdentifier(member.name) && !isStaticMember(member)) {
      const name = propertyNameOf(member.name);
      if (name !== undefined) names.add(name);
    }
    if (!isConstructorDeclaration(member)) continue;
    for (const p of member.parameters) if (isParameterPropertyDeclaration(p, member) && isIdentifier(p.name)) names.add(p.name.text);
    for (const stmt of member.body?.statements ?? []) {
      const assigned = isExpressionStatement(stmt) ? unwrap(stmt.expression) : undefined;
      if (!assigned || !isBinaryExpression(assigned) || assigned.operatorToken.kind !== SyntaxKind.EqualsToken) continue;
      const target = unwrap(assigned.left);
      if (isPropertyAccessExpression(target) && target.expression.kind === SyntaxKind.ThisKeyword && isIdentifier(target.name)) names.add(target.name.text);
    }
  }
  return [...names];
}

/** The package functions callTaint asks every call about: axios's `create`, jsonwebtoken's `sign`, cookie's `parse`. */
const CREATE: ReadonlySet<string> = new Set(['create']);
const SIGN: ReadonlySet<string> = new Set(['sign']);
const PARSE: ReadonlySet<string> = new Set(['parse']);

/** Packages whose `parse` turns a Cookie header into an object of cookies. */
const COOKIE_MODULES: ReadonlySet<string> = new Set(['cookie', 'cookie-es']);

/** The cookies of a parsed Cookie header: its entries are credentials only for session-like names. */
function asCookies(taint: Taint): Taint {
  return taint.map((item) => (item.k === 'secret' && item.path.length === 0 ? { ...item, container: 'cookies' } : item));
}

/** `new URL(...)`. */
function isUrlMade(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return isNewExpression(e) && dottedNameOf(e.expression) === 'URL';
}

/** `string[]`, `Array<string>`, `readonly string[]`, `ReadonlyArray<string>`. */
function isListType(type: ts.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  if (ts.isTypeOperatorNode(type)) return isListType(type.type);
  return ts.isArrayTypeNode(type) || (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && (type.typeName.text === 'Array' || type.typeName.text === 'ReadonlyArray'));
}

/** Fields of a URL that hold its query, where keys travel: the rest (`host`, `pathname`) do not. */
const URL_TEXT_FIELDS: ReadonlySet<string> = new Set(['href', 'search', 'searchParams']);

/** `new URL(...)`, or a const made of one (`const u = new URL(base); u.href`). */
function holdsUrl(expr: ts.Expression, fc: FileContext): boolean {
  if (isUrlMade(expr)) return true;
  const e = unwrap(expr);
  const binding = isIdentifier(e) ? lookup(fc, e) : undefined;
  return binding?.kind === 'var' && binding.values.some((v) => v.path.length === 0 && isUrlMade(v.expr));
}

/**
 * `req.session.id`, `ctx.session.id`: the session id (express-session's `req.sessionID`) by another
 * spelling. Only a request's session: a bare `session.id` is as often a Stripe checkout session.
 */
function isSessionIdRead(base: ts.Expression, prop: string): boolean {
  return (prop === 'id' || prop === 'ID') && isRequestSession(base);
}

/** `([name, value]) =>`: `id` is the first element of the parameter's array pattern. */
function isFirstOfArrayPattern(name: ts.BindingName, id: ts.Identifier): boolean {
  const first = isArrayBindingPattern(name) ? name.elements[0] : undefined;
  return first !== undefined && isBindingElement(first) && isIdentifier(first.name) && first.name.text === id.text;
}

/** `k.a.b` as `['a', 'b']` when rooted at the identifier `name`; undefined otherwise (and for `k` itself). */
function fieldChainOf(expr: ts.Expression, name: string): string[] | undefined {
  const chain: string[] = [];
  let e = unwrap(expr);
  while (isPropertyAccessExpression(e) || (isElementAccessExpression(e) && isStringLiteralLike(unwrap(e.argumentExpression)))) {
    const prop = propertyNameOf(isPropertyAccessExpression(e) ? e.name : unwrap(e.argumentExpression));
    if (prop === undefined) return undefined;
    chain.unshift(prop);
    e = unwrap(e.expression);
  }
  return chain.length > 0 && isIdentifier(e) && e.text === name ? chain : undefined;
}

/** A parameter (or a destructured field of its type literal) or variable declared `number`/`boolean`. */
function hasNonSecretType(binding: Binding | undefined): boolean {
  if (binding?.kind === 'param') return isParameter(binding.node) && isNonSecretType(declaredTypeAt(binding.node.type, binding.proj));
  if (binding?.kind === 'var') return isVariableDeclaration(binding.node) && isIdentifier(binding.node.name) && isNonSecretType(binding.node.type);
  return false;
}


/** The declared type at `path` of a type literal: `{ tokens }: { tokens: number }` reads `number` at `['tokens']`. */
function declaredTypeAt(type: ts.TypeNode | undefined, path: readonly string[]): ts.TypeNode | undefined {
  let t = type;
  for (const key of path) {
    if (!t || !isTypeLiteralNode(t)) return undefined;
    const member = t.members.find((m): m is ts.PropertySignature => isPropertySignature(m) && propertyNameOf(m.name) === key);
    t = member?.type;
  }
  return t;
}

function isValueOperator(kind: ts.SyntaxKind): boolean {
  return kind === SyntaxKind.BarBarToken || kind === SyntaxKind.QuestionQuestionToken || kind === SyntaxKind.AmpersandAmpersandToken || kind === SyntaxKind.CommaToken || kind === SyntaxKind.EqualsToken;
}

/**
 * The type a variable is declared with, or asserted on its value when it has none: `const data =
 * (await res.json()) as TokenResponse`, `await (res.json() as Promise<{ access_token: string }>)`,
 * or that the function it calls declares it returns (`const user = await findUser(id)` of
 * `findUser(id): Promise<User | null>`).
 */
function declaredTypeOf(decl: ts.VariableDeclaration, returnTypeOf: (callee: ts.Expression) => ts.TypeNode | undefined): ts.TypeNode | undefined {
  if (decl.type || !decl.initializer) return decl.type;
  let e: ts.Expression = decl.initializer;
  for (;;) {
    if (isParenthesizedExpression(e) || isAwaitExpression(e) || isNonNullExpression(e)) e = e.expression;
    else if (isAsExpression(e) || isTypeAssertionExpression(e) || isSatisfiesExpression(e)) return awaitedType(e.type);
    else if (isCallExpression(e)) {
      const returned = returnTypeOf(e.expression);
      return returned && awaitedType(returned);
    } else return undefined;
  }
}

/** `Promise<T>` holds a `T` once awaited. */
function awaitedType(type: ts.TypeNode): ts.TypeNode {
  const arg = isTypeReferenceNode(type) && isIdentifier(type.typeName) && type.typeName.text === 'Promise' ? type.typeArguments?.[0] : undefined;
  return arg ?? type;
}

/**
 * A value whose content the evaluator cannot see (a variable, a field, a call result): under a
 * secret-named key it is taken for the secret. Literal structures (`{ password: { minLength: 8 } }`)
 * and functions are seen through instead.
 */
/** fetch's `credentials` modes: a `RequestInit` says whether to send cookies, not what they are. */
const CREDENTIALS_MODES: ReadonlySet<string> = new Set(['include', 'same-origin', 'omit']);

/** Fields that hold the secret of an object named as one (`credential.key`, `secret.value`), though their names alone say nothing. */
const SECRET_HOLDER_FIELDS: ReadonlySet<string> = new Set(['key', 'value']);

function isOpaque(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return isIdentifier(e) || isPropertyAccessExpression(e) || isElementAccessExpression(e) || isCallExpression(e) || isTemplateExpression(e) || isBinaryExpression(e);
}

/** Whether a value is a secret as a whole, not only in one of its fields. */
function hasRootSecret(taint: Taint): boolean {
  return taint.some((i) => i.k === 'secret' && i.path.length === 0);
}

/** `c`, `ctx`, `socket`, `this`: an object a framework hands out with its request in a field. */
function holdsRequestField(holder: ts.Expression): boolean {
  const e = unwrap(holder);
  return e.kind === SyntaxKind.Identifier || e.kind === SyntaxKind.ThisKeyword;
}

/** The index of the first call starting at or after `pos` in calls sorted by position. */
function firstCallAtOrAfter(calls: ReadonlyArray<ts.Node>, pos: number): number {
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((calls[mid]?.pos ?? Infinity) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
