import { isIndirectCallee } from '../parse/indirect-callee.js';
import { enumMemberText } from '../parse/enum-members.js';
import { ts } from '../parse/typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { SyntaxKind, isBlock, isCallExpression, isCaseBlock, isCatchClause, isComputedPropertyName, isElementAccessExpression, isForInStatement, isForOfStatement, isForStatement, isIdentifier, isNumericLiteral, isPrivateIdentifier, isPropertyAccessExpression, isSourceFile, isStringLiteralLike } = ts;

/** Where a value bound to a name comes from: an expression, read at `path`, stored at `wrap`. */
export interface ValueSource {
  expr: ts.Expression;
  /** Destructuring: `const { a: { b } } = x` reads `x.a.b`. */
  path: string[];
  /** Field writes: `payload.token = t` stores `t` at `token` of `payload`. */
  wrap: string[];
  /** Object rest: `const { password, ...safe } = user` leaves these keys out of `safe`. */
  omit?: string[];
  /** The declaration or assignment, for trace steps. */
  at: ts.Node;
}

export type Binding =
  | { kind: 'var'; name: string; node: ts.Node; isConst: boolean; values: ValueSource[] }
  /** `assigned`: values the function stores into fields of the parameter (`cfg.auth = token`), each at its field. */
  | { kind: 'param'; name: string; node: ts.Node; fn: ts.SignatureDeclaration; index: number; proj: string[]; rest: boolean; assigned?: ValueSource[]; /** Keys an object rest leaves out (`({ authorization, ...rest }) => rest`). */ omit?: string[] }
  | { kind: 'function'; name: string; node: ts.FunctionDeclaration }
  | { kind: 'class'; name: string; node: ts.ClassDeclaration }
  /** `assigned`: values this module stores into fields of the import (`axios.defaults.headers.common.Authorization = token`), each at its field. */
  | { kind: 'import'; name: string; node: ts.Node; specifier: string; imported: string; assigned?: ValueSource[] };

/**
 * The node kinds that have held a scope (blocks, functions, classes, the file): a lookup climbs
 * every ancestor of an identifier, and most of them (calls, property accesses, statements) are of
 * a kind that never does, so one array read spares their map lookup. One table for the process,
 * not one per file: a typed array this size lives off the V8 heap, and allocating one per file cost
 * more than a file's lookups gained. A kind only another file gave a scope costs a map miss, no more.
 */
const scopeKinds = new Uint8Array(SyntaxKind.Count);

/**
 * A syntactic binder: which declaration a name refers to, by lexical scope, without a type
 * checker. Declarations are collected during the file's single walk; lookups happen afterwards,
 * so hoisted functions and `var`s resolve wherever they are used.
 */
export class ScopeMap {
  readonly #scopes = new Map<ts.Node, Map<string, Binding>>();

  declare(binding: Binding, scopeNode: ts.Node): void {
    let scope = this.#scopes.get(scopeNode);
    if (!scope) {
      scope = new Map();
      this.#scopes.set(scopeNode, scope);
      scopeKinds[scopeNode.kind] = 1;
    }
    // The first declaration wins: a later `x = ...` adds values, it never re-declares.
    if (!scope.has(binding.name)) scope.set(binding.name, binding);
  }

  lookup(name: string, from: ts.Node): Binding | undefined {
    for (let node: ts.Node | undefined = from; node; node = node.parent) {
      if (scopeKinds[node.kind] === 0) continue;
      const hit = this.#scopes.get(node)?.get(name);
      if (hit) return hit;
    }
    return undefined;
  }
}

/** Called for every node of every file: one switch on the kind, no chain of type guards. */
export function isFunctionLike(node: ts.Node): node is ts.SignatureDeclaration & { body?: ts.Node } {
  switch (node.kind) {
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.Constructor:
    case SyntaxKind.GetAccessor:
    case SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

/** The scope a `var` or parameter lands in: the nearest function or the file. */
export function functionScopeOf(node: ts.Node): ts.Node {
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n) || isSourceFile(n)) return n;
  return node.getSourceFile();
}

/** The scope a `let`, `const`, class or block function lands in. */
export function blockScopeOf(node: ts.Node): ts.Node {
  for (let n = node.parent; n; n = n.parent) {
    if (isBlock(n) || isSourceFile(n) || isFunctionLike(n) || isForStatement(n) || isForOfStatement(n) || isForInStatement(n) || isCatchClause(n) || isCaseBlock(n)) {
      return n;
    }
  }
  return node.getSourceFile();
}

/**
 * Strips syntax that does not change a value: parentheses, `as`, `!`, `satisfies`, `await`, `<T>x`.
 * A switch on the kind: it runs for most expressions the flow layer reads, and six `ts.isX` calls
 * (each behind one of the bundle's accessors) per level were its cost.
 */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    switch (e.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.AwaitExpression:
      case SyntaxKind.TypeAssertionExpression:
        e = (e as ts.ParenthesizedExpression | ts.AsExpression | ts.NonNullExpression | ts.SatisfiesExpression | ts.AwaitExpression | ts.TypeAssertion).expression;
        break;
      case SyntaxKind.BinaryExpression:
        // `(0, log_1.audit)(token)` in compiled CommonJS: the value is the right-hand side.
        if (!isIndirectCallee(e as ts.BinaryExpression)) return e;
        e = (e as ts.BinaryExpression).right;
        break;
      default:
        return e;
    }
  }
}

/** The static name of a property key or access (`a.b`, `a['b']`), if it has one. */
export function propertyNameOf(node: ts.PropertyName | ts.Expression | ts.MemberName | undefined): string | undefined {
  if (!node) return undefined;
  if (isIdentifier(node) || isPrivateIdentifier(node)) return node.text.replace(/^#/, '');
  if (isStringLiteralLike(node) || isNumericLiteral(node)) return node.text;
  if (isComputedPropertyName(node)) return propertyNameOf(node.expression);
  // `{ [Keys.Jwt]: secret }` and `s[Keys.Jwt]`: a string enum member of the file is its string.
  return isPropertyAccessExpression(node) ? enumMemberText(node) : undefined;
}

/** The identifier a chain of reads and calls starts from: `req` of `req.headers.get('x')`, `HEADERS` of `HEADERS.API_KEY`. */
export function rootIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  while (isPropertyAccessExpression(e) || isElementAccessExpression(e) || isCallExpression(e)) e = unwrap(e.expression);
  return isIdentifier(e) ? e : undefined;
}

const MAX_DOTTED = 12;

/** `a.b.c` as a dotted name when the chain is made of identifiers, `this`, and static keys. */
export function dottedNameOf(expr: ts.Expression, depth = 0): string | undefined {
  if (depth > MAX_DOTTED) return undefined;
  const e = unwrap(expr);
  if (isIdentifier(e)) return e.text;
  if (e.kind === SyntaxKind.ThisKeyword) return 'this';
  if (isPropertyAccessExpression(e)) {
    const base = dottedNameOf(e.expression, depth + 1);
    return base === undefined ? undefined : `${base}.${e.name.text}`;
  }
  if (isElementAccessExpression(e)) {
    const key = propertyNameOf(e.argumentExpression);
    const base = dottedNameOf(e.expression, depth + 1);
    return base === undefined || key === undefined ? undefined : `${base}.${key}`;
  }
  return undefined;
}
