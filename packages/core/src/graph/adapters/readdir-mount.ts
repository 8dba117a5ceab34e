import { lastNameOf } from '../../parse/last-name.js';
import { someNode, visitTree } from '../../parse/visit-tree.js';
import { ts } from '../../parse/typescript.js';
import type { AdapterContext } from '../adapter.js';
import { skipParens, type PathExpr } from '../path-expr.js';
import { folderOf } from './own-folder.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isArrowFunction, isAwaitExpression, isBinaryExpression, isCallExpression, isForOfStatement, isFunctionExpression, isIdentifier, isPropertyAccessExpression, isStringLiteralLike, isTemplateExpression, isVariableDeclaration } = ts;

/** Routers loaded from every module of a folder, as `use` mounts them. */
export interface ReaddirMount {
  /** The folder, a relative specifier ending in `/` (see own-folder.ts). */
  dir: string;
  /** The fixed prefix written before what the file name gives (`/api` of `` `/api/${name}` ``). */
  prefix: PathExpr | undefined;
  /** Whether each module is mounted under its file name (`/${file.slice(0, -3)}`): `admin.js` at `/admin`. */
  fileNamePrefix: boolean;
}

/** Array methods a listing goes through on its way to the loop. */
const LISTING_STEPS: ReadonlySet<string> = new Set(['filter', 'sort', 'map', 'reverse', 'slice']);
const LOOP_METHODS: ReadonlySet<string> = new Set(['forEach', 'map']);

/**
 * `fs.readdirSync(join(__dirname, 'routes')).forEach((file) => app.use(`/${file.split('.')[0]}`,
 * require(`./routes/${file}`)))`, and `for (const file of readdirSync(dir))`: every module of the
 * folder is mounted, under a prefix its file name gives it, or under one fixed prefix.
 */
export function readdirMountOf(call: ts.CallExpression, ctx: AdapterContext): ReaddirMount | undefined {
  const args = call.arguments;
  const handler = args[args.length - 1];
  const loop = handler && readdirLoopOf(call);
  if (!handler || !loop) return undefined;
  const spec = requiredSpecifierOf(handler, loop.names);
  if (!spec || !mentions(spec, loop.names)) return undefined;
  const dir = loop.dir ?? specifierFolderOf(spec);
  if (dir === undefined) return undefined;
  const pathArg = args.length >= 2 ? args[0] : undefined;
  if (pathArg === undefined) return { dir, prefix: undefined, fileNamePrefix: false };
  if (!mentions(pathArg, loop.names)) return { dir, prefix: ctx.pathOf(pathArg), fileNamePrefix: false };
  const head = literalHead(pathArg).replace(/\/+$/, '');
  return { dir, prefix: head === '' ? undefined : { parts: [head] }, fileNamePrefix: true };
}

/**
 * The folder a specifier built from a file name loads from (`'./routes/' + file`, `` `./routes/${file}` ``):
 * where the modules are, when the listing names its folder from the working directory
 * (`readdirSync('./src/routes')`), which the code alone does not place.
 */
function specifierFolderOf(spec: ts.Expression): string | undefined {
  const head = literalHead(spec);
  const folder = head.slice(0, head.lastIndexOf('/') + 1);
  return folder.startsWith('./') || folder.startsWith('../') ? folder : undefined;
}

interface ReaddirLoop {
  /** The folder listed, when the code names it from its own file's folder (see own-folder.ts). */
  dir: string | undefined;
  /** The loop's variable, and the locals of its body made from it (`const route = file.split('.')[0]`). */
  names: Set<string>;
}

/** The iteration over a folder listing that `node` runs in, up to the nearest function that is not its callback. */
function readdirLoopOf(node: ts.Node): ReaddirLoop | undefined {
  for (let n = node.parent; n !== undefined; n = n.parent) {
    if (isForOfStatement(n)) {
      const listed = listedFolderOf(n.expression);
      const decl = n.initializer.kind === SyntaxKind.VariableDeclarationList ? (n.initializer as ts.VariableDeclarationList).declarations[0] : undefined;
      if (listed !== undefined && decl && isIdentifier(decl.name)) return { dir: listed.dir, names: namesFrom(decl.name.text, n.statement) };
    }
    if (isArrowFunction(n) || isFunctionExpression(n)) {
      const loop = n.parent;
      const callee = isCallExpression(loop) && loop.arguments[0] === n ? skipParens(loop.expression) : undefined;
      if (!callee || !isPropertyAccessExpression(callee) || !LOOP_METHODS.has(callee.name.text)) return undefined;
      const listed = listedFolderOf(callee.expression);
      const param = n.parameters[0];
      return listed !== undefined && param && isIdentifier(param.name) ? { dir: listed.dir, names: namesFrom(param.name.text, n.body) } : undefined;
    }
  }
  return undefined;
}

/**
 * `readdirSync(dir)`, `(await readdir(dir))`, through `.filter(...)` and the like: the folder listed
 * (`dir` undefined when it is not named from the file's own folder); undefined for anything else.
 */
function listedFolderOf(expr: ts.Expression): { dir: string | undefined } | undefined {
  let e = skipParens(expr);
  for (;;) {
    if (isAwaitExpression(e)) e = skipParens(e.expression);
    else if (isCallExpression(e) && isPropertyAccessExpression(e.expression) && LISTING_STEPS.has(e.expression.name.text)) e = skipParens(e.expression.expression);
    else break;
  }
  if (!isCallExpression(e) || !/^readdir(?:Sync)?$/.test(lastNameOf(skipParens(e.expression)) ?? '')) return undefined;
  const [dir] = e.arguments;
  // `const routesPath = join(__dirname, 'routes'); readdirSync(routesPath)`.
  const written = dir && isIdentifier(skipParens(dir)) ? declaredValueOf(skipParens(dir) as ts.Identifier, false) : dir;
  return { dir: written && folderOf(written) };
}

/** The loop variable and the locals of the body derived from it, in order of declaration. */
function namesFrom(variable: string, body: ts.Node): Set<string> {
  const names = new Set([variable]);
  visitTree(body, (n) => {
    if (isVariableDeclaration(n) && isIdentifier(n.name) && n.initializer && mentions(n.initializer, names)) names.add(n.name.text);
    return n === body || (!isArrowFunction(n) && !isFunctionExpression(n));
  });
  return names;
}

/**
 * The specifier `use` loads its router from: `require(spec)`, `require(spec).default`, `mod.default
 * || mod`, Koa's `require(spec).routes()`, `(await import(spec)).default`, or a local holding one.
 */
function requiredSpecifierOf(expr: ts.Expression, locals: ReadonlySet<string>, depth = 0): ts.Expression | undefined {
  const e = skipParens(expr);
  if (depth > 4) return undefined;
  if (isBinaryExpression(e) && (e.operatorToken.kind === SyntaxKind.BarBarToken || e.operatorToken.kind === SyntaxKind.QuestionQuestionToken)) return requiredSpecifierOf(e.left, locals, depth + 1) ?? requiredSpecifierOf(e.right, locals, depth + 1);
  if (isAwaitExpression(e) || isPropertyAccessExpression(e)) return requiredSpecifierOf(e.expression, locals, depth + 1);
  if (isCallExpression(e)) {
    const callee = skipParens(e.expression);
    if ((isIdentifier(callee) && callee.text === 'require') || callee.kind === SyntaxKind.ImportKeyword) return e.arguments[0];
    // `require(spec).routes()`: a method of what was loaded.
    return isPropertyAccessExpression(callee) && e.arguments.length === 0 ? requiredSpecifierOf(callee.expression, locals, depth + 1) : undefined;
  }
  if (isIdentifier(e) && locals.has(e.text)) {
    const value = declaredValueOf(e, true);
    return value && requiredSpecifierOf(value, locals, depth + 1);
  }
  return undefined;
}

/** The initialiser of what `id` names, declared in a block around it (only inside the loop's callback when `inLoop`). */
function declaredValueOf(id: ts.Identifier, inLoop: boolean): ts.Expression | undefined {
  for (let n: ts.Node | undefined = id.parent; n !== undefined && !(inLoop && (isArrowFunction(n) || isFunctionExpression(n))); n = n.parent) {
    let found: ts.Expression | undefined;
    ts.forEachChild(n, (child) => {
      if (ts.isVariableStatement(child)) for (const d of child.declarationList.declarations) if (isIdentifier(d.name) && d.name.text === id.text && d.initializer) found = d.initializer;
    });
    if (found) return found;
  }
  return undefined;
}

function mentions(expr: ts.Node, names: ReadonlySet<string>): boolean {
  return someNode(expr, (n) => isIdentifier(n) && names.has(n.text));
}

/** What a path built from a file name starts with: `/api/` of `` `/api/${route}` `` or `'/api/' + route`. */
function literalHead(expr: ts.Expression): string {
  const e = skipParens(expr);
  if (isTemplateExpression(e)) return e.head.text;
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) return isStringLiteralLike(e.left) ? e.left.text : literalHead(e.left);
  return '';
}
