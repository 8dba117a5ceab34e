import { lastNameOf } from '../parse/last-name.js';
import { fileMemo } from '../parse/file-memo.js';
import { ts } from '../parse/typescript.js';
import { visitTree } from '../parse/visit-tree.js';
import type { NameClassifier } from './sensitive-names.js';
import { isRequestLike } from './sources.js';
import { propertyNameOf, unwrap } from './scope.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isCallExpression, isElementAccessExpression, isFunctionLike, isIdentifier, isObjectBindingPattern, isPropertyAccessExpression, isStringLiteralLike, isVariableDeclaration } = ts;

/** Methods of a request that parse its body: the Fetch API's and Hono's `c.req.json()`, `parseBody()`, `formData()`. */
const BODY_PARSERS: ReadonlySet<string> = new Set(['json', 'parseBody', 'formData']);

/**
 * A request's parsed body: `req.body`, `request.body`, Koa's `ctx.request.body`, `await
 * c.req.json()`, `await request.formData()`, Hono's `c.req.valid('json')`. Not Koa's `ctx.body`,
 * which is the response.
 */
export function isRequestBody(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (isPropertyAccessExpression(e)) {
    if (e.name.text !== 'body') return false;
    const owner = lastNameOf(unwrap(e.expression))?.toLowerCase();
    return owner !== 'ctx' && owner !== 'context' && isRequestLike(e.expression);
  }
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || !isRequestLike(e.expression.expression)) return false;
  const method = e.expression.name.text;
  const [first] = e.arguments;
  return BODY_PARSERS.has(method) || (method === 'valid' && first !== undefined && isStringLiteralLike(first) && (first.text === 'json' || first.text === 'form'));
}

/** `FormData`: a form submitted to a server action or route handler, read field by field. */
export function isFormDataType(type: ts.TypeNode | undefined): boolean {
  return type !== undefined && ts.isTypeReferenceNode(type) && isIdentifier(type.typeName) && type.typeName.text === 'FormData';
}

/** Schema methods that hand back what they were given, checked (zod, yup, joi, superstruct). */
const VALIDATORS: ReadonlySet<string> = new Set(['parse', 'parseAsync', 'validate', 'validateSync', 'validateAsync', 'cast', 'create']);

/** What `LoginSchema.parse(x)`, `await schema.validate(x)` check and hand back: `x`. */
function validatedArgumentOf(e: ts.Expression): ts.Expression | undefined {
  if (!isCallExpression(e) || !isPropertyAccessExpression(e.expression) || !VALIDATORS.has(e.expression.name.text)) return undefined;
  return e.arguments[0];
}

const fieldsByFunction = fileMemo<ts.Node, readonly string[]>();
const queryFieldsByFunction = fileMemo<ts.Node, readonly string[]>();

/**
 * The secret-named fields that the function around `at` reads from a request body
 * (`req.body.password`, `const { password } = req.body`, `body.password` of `const body = await
 * c.req.json()`): what that body holds, as the handler itself shows. Logging the whole body logs them.
 */
export function secretBodyFields(at: ts.Node, names: NameClassifier): readonly string[] {
  return secretFieldsRead(at, names, fieldsByFunction, isRequestBody, true);
}

/** The same of a request's query (`req.query.token`, `const { token } = req.query`): `req.query` logged whole holds them. */
export function secretQueryFields(at: ts.Node, names: NameClassifier): readonly string[] {
  return secretFieldsRead(at, names, queryFieldsByFunction, isRequestQuery, false);
}

/** `req.query`, `request.query`, Koa's `ctx.query`: a request's parsed query string. */
export function isRequestQuery(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return isPropertyAccessExpression(e) && e.name.text === 'query' && isRequestLike(e.expression);
}

function secretFieldsRead(at: ts.Node, names: NameClassifier, byFunction: typeof fieldsByFunction, isInput: (e: ts.Expression) => boolean, forms: boolean): readonly string[] {
  let scope: ts.Node = at;
  while (scope.parent && !isFunctionLike(scope)) scope = scope.parent;
  const memo = byFunction(at.getSourceFile());
  let fields = memo.get(scope);
  if (!fields) {
    fields = fieldsReadIn(scope, isInput, forms).filter((f) => names.isSecretName(f));
    memo.set(scope, fields);
  }
  return fields;
}

/** The fields a function reads from the input `isInput` recognises (a body, a query; `forms`: a FormData parameter is the body), directly or through a variable holding it. */
function fieldsReadIn(scope: ts.Node, isInput: (e: ts.Expression) => boolean, forms: boolean): string[] {
  // A server action's `formData: FormData`: the submitted form, a body.
  const inputNames = new Set<string>(forms && isFunctionLike(scope) ? scope.parameters.flatMap((p) => (isIdentifier(p.name) && isFormDataType(p.type) ? [p.name.text] : [])) : []);
  const direct = new Set<string>();
  const byName = new Map<string, Set<string>>();
  // The input itself, a schema's check of it, or a variable holding either (declared before use).
  const isRead = (expr: ts.Expression): boolean => {
    const e = unwrap(expr);
    if (isIdentifier(e)) return inputNames.has(e.text);
    const checked = validatedArgumentOf(e);
    return isInput(e) || (checked !== undefined && isRead(checked));
  };
  const read = (base: ts.Expression, field: string | undefined) => {
    if (field === undefined) return;
    const e = unwrap(base);
    if (!isIdentifier(e) && isRead(e)) direct.add(field);
    else if (isIdentifier(e)) byName.set(e.text, (byName.get(e.text) ?? new Set()).add(field));
  };
  visitTree(scope, (node) => {
    if (isPropertyAccessExpression(node)) read(node.expression, node.name.text);
    // `form.get('password')` of `const form = await c.req.formData()`: a form body read by key.
    else if (isCallExpression(node) && isPropertyAccessExpression(node.expression) && (node.expression.name.text === 'get' || node.expression.name.text === 'getAll') && node.arguments[0] && isStringLiteralLike(node.arguments[0])) read(node.expression.expression, node.arguments[0].text);
    else if (isElementAccessExpression(node)) read(node.expression, propertyNameOf(node.argumentExpression));
    else if (isVariableDeclaration(node) && node.initializer) {
      if (isIdentifier(node.name) && isRead(node.initializer)) inputNames.add(node.name.text);
      if (isObjectBindingPattern(node.name)) {
        for (const el of node.name.elements) read(node.initializer, el.propertyName ? propertyNameOf(el.propertyName) : isIdentifier(el.name) ? el.name.text : undefined);
      }
    }
    return node.kind !== SyntaxKind.ClassDeclaration;
  });
  const fields = [...direct];
  for (const name of inputNames) fields.push(...(byName.get(name) ?? []));
  return fields;
}
