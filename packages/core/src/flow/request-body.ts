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

/**
 * The secret-named fields that the function around `at` reads from a request body
 * (`req.body.password`, `const { password } = req.body`, `body.password` of `const body = await
 * c.req.json()`): what that body holds, as the handler itself shows. Logging the whole body logs them.
 */
export function secretBodyFields(at: ts.Node, names: NameClassifier): readonly string[] {
  let scope: ts.Node = at;
  while (scope.parent && !isFunctionLike(scope)) scope = scope.parent;
  const memo = fieldsByFunction(at.getSourceFile());
  let fields = memo.get(scope);
  if (!fields) {
    fields = bodyFieldsReadIn(scope).filter((f) => names.isSecretName(f));
    memo.set(scope, fields);
  }
  return fields;
}

function bodyFieldsReadIn(scope: ts.Node): string[] {
  // A server action's `formData: FormData`: the submitted form.
  const bodyNames = new Set<string>(isFunctionLike(scope) ? scope.parameters.flatMap((p) => (isIdentifier(p.name) && isFormDataType(p.type) ? [p.name.text] : [])) : []);
  const direct = new Set<string>();
  const byName = new Map<string, Set<string>>();
  // The body itself, a schema's check of it, or a variable holding either (declared before use).
  const isBody = (expr: ts.Expression): boolean => {
    const e = unwrap(expr);
    if (isIdentifier(e)) return bodyNames.has(e.text);
    const checked = validatedArgumentOf(e);
    return isRequestBody(e) || (checked !== undefined && isBody(checked));
  };
  const read = (base: ts.Expression, field: string | undefined) => {
    if (field === undefined) return;
    const e = unwrap(base);
    if (!isIdentifier(e) && isBody(e)) direct.add(field);
    else if (isIdentifier(e)) byName.set(e.text, (byName.get(e.text) ?? new Set()).add(field));
  };
  visitTree(scope, (node) => {
    if (isPropertyAccessExpression(node)) read(node.expression, node.name.text);
    // `form.get('password')` of `const form = await c.req.formData()`: a form body read by key.
    else if (isCallExpression(node) && isPropertyAccessExpression(node.expression) && (node.expression.name.text === 'get' || node.expression.name.text === 'getAll') && node.arguments[0] && isStringLiteralLike(node.arguments[0])) read(node.expression.expression, node.arguments[0].text);
    else if (isElementAccessExpression(node)) read(node.expression, propertyNameOf(node.argumentExpression));
    else if (isVariableDeclaration(node) && node.initializer) {
      if (isIdentifier(node.name) && isBody(node.initializer)) bodyNames.add(node.name.text);
      if (isObjectBindingPattern(node.name)) {
        for (const el of node.name.elements) read(node.initializer, el.propertyName ? propertyNameOf(el.propertyName) : isIdentifier(el.name) ? el.name.text : undefined);
      }
    }
    return node.kind !== SyntaxKind.ClassDeclaration;
  });
  const fields = [...direct];
  for (const name of bodyNames) fields.push(...(byName.get(name) ?? []));
  return fields;
}
