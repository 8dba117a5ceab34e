import type { NameValues } from '../env/production-condition.js';
import { locationOf } from '../findings/location.js';
import { extendedClassOf } from '../parse/extended-class.js';
import { isTypeOnly } from '../parse/type-only.js';
import { ts } from '../parse/typescript.js';
import type { ExtractContext } from '../summary/extract-context.js';
import { noAliases } from '../project/path-aliases.js';
import { requiredSpecifier, type ImportBinding } from '../summary/module-facts.js';
import type { AdapterContext, FrameworkAdapter, Receiver } from './adapter.js';
import { adapters as allAdapters } from './adapters/index.js';
import { frameworkOfType, variableTypeOf } from './framework-of-type.js';
import { enclosingFunction, functionIdOf, isModuleExports, isTopLevelFunction } from './function-id-of.js';
import { callerTestOf, callerValuesOf, type CallerTest, type ParamRead } from './caller-tests.js';
import { andConditions, classifyCondition, combineConditions, moduleNameValues, negateCondition } from './classify-condition.js';
import { envFlagsOf } from './guard-bypass.js';
import { argumentRefOf, handlerRefOf, handlerRefsOf } from './handler-ref-of.js';
import { isFunctionExpression, judgeFunction, localFunctionNamed, type FunctionNode } from './judge-function.js';
import { collectConstants, pathExprOf, skipParens, type PathExpr } from './path-expr.js';
import { REGISTRATION_HINT } from './registration-hint.js';
import { registrationLocation } from './registration-location.js';
import { calledMethodOf, createRouteFactOf, routeOptionsTemplateOf, routerLoopOf, type RouterLoop, tableFactOf, tableLoopOf, tableRowsOf, tableTemplateOf, type TableLoop } from './route-table.js';
import { ROW_METHODS } from './table-routes.js';
import { classOfThis, thisFieldAssignment } from './this-member.js';
import { moduleConstOf } from './module-const-of.js';
import { openStrategiesOf } from './passport-strategies.js';
import { isFastifyPluginCall, sharesParentContext } from './adapters/fastify/plugin-wrapper.js';
import { collectExceptionLists } from './unless-options.js';
import { emptyRouteFacts, returnedFieldKey, type Condition, type FrameworkName, type HandlerRef, type RouteFacts, type TargetRef } from './route-facts.js';

// TypeScript's bundle exposes its API through getters: read the hot ones once.
const { SyntaxKind, forEachChild, isArrayLiteralExpression, isArrowFunction, isAwaitExpression, isBlock, isBinaryExpression, isCallExpression, isClassDeclaration, isConditionalExpression, isElementAccessExpression, isExportAssignment, isExpressionStatement, isFunctionDeclaration, isIdentifier, isMethodDeclaration, isNewExpression, isObjectBindingPattern, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isVariableStatement } = ts;

/**
 * A function parameter that may turn out to be an app (`function routes(app: Hono)`, a Fastify
 * plugin). Its id (`fn#index`) and framework are worked out when a lookup lands on it: most
 * functions have parameters, few of them are ever looked up as apps.
 */
interface ParamBinding {
  paramOf: FunctionNode;
  index: number;
  /** A name bound from the parameter's field (`{ isAdmin }`): middleware only, never an app. */
  field?: string;
}
/** `const routes = new AdminRoutes()`: no app itself, but `routes.router` may be one of its fields. */
interface ClassInstanceBinding {
  newOf: string;
}
type ScopeEntry = TargetRef | ParamBinding | ClassInstanceBinding;

/** Objects of middleware nested in objects (`auth.middleware.ensure`): a few levels, as people write them. */
const MAX_MEMBER_DEPTH = 2;

/** What the iterative walk does with a node taken off its stack. */
const enum Step {
  Enter,
  /** After the children: registrations (`visitCall`) and returned instances. */
  Leave,
  PushCondition,
  PushNegatedCondition,
  PopCondition,
  LeaveFunction,
}

/**
 * The one walk of a file for route facts. Tracks lexical scopes (which names are apps/routers),
 * the production condition of the enclosing `if`s, and hands each call on an app/router to the
 * adapter of its framework. Top-level functions are judged for guard behaviour on the way.
 */
export function walkRoutes(sf: ts.SourceFile, ctx: ExtractContext, imports: readonly ImportBinding[]): RouteFacts {
  const facts = emptyRouteFacts();
  const requires = inlineRequires(sf.text);
  const adapters = allAdapters.filter((a) => a.detects(imports) || (requires.length > 0 && a.detects(requires)));
  facts.frameworks = adapters.map((a) => a.name);
  const constants = collectConstants(sf);
  facts.constants = Object.fromEntries(constants);
  facts.patterns = collectExceptionLists(sf);
  const aliases = ctx.aliases ?? noAliases;
  const walker = new RouteWalker(sf, facts, adapters, imports, constants, (specifier) => aliases.isProject(ctx.path, specifier));
  walker.collectTopLevelFunctions();
  walker.forgetReceivers();
  // Flags for guards in other files: only a module that reads process.env can define one.
  const flags = sf.text.includes('process.env') ? envFlagsOf(sf, walker.conditionNames) : [];
  if (flags.length > 0) facts.envFlags = flags;
  const openStrategies = sf.text.includes('passport-') ? openStrategiesOf(sf, imports) : [];
  if (openStrategies.length > 0) facts.openStrategies = openStrategies;
  // A file that imports no framework and has no registration-shaped call can only contribute
  // guard definitions and constants, which the top-level pass above already read.
  if (adapters.length > 0 || REGISTRATION_HINT.test(sf.text)) walker.walk();
  return facts;
}

class RouteWalker {
  readonly #scopes: Array<Map<string, ScopeEntry>> = [new Map()];
  /** Middleware bound to names inside functions, innermost scope last; made on the first binding. */
  /** Per function being walked: its middleware names, and its inner function declarations, judged when first used. */
  readonly #localHandlers: Array<Map<string, LocalHandler> | undefined> = [undefined];
  readonly #conditions: Condition[] = [];
  /** Beside each of `#conditions`, the caller test it is, if any (see caller-tests.ts). */
  readonly #callerTests: Array<CallerTest | undefined> = [];
  readonly #created = new Map<number, string>();
  readonly #receivers = new Map<ts.Node, Receiver | undefined>();
  /** The apps and routers each class keeps in its fields (see bindClassFields). */
  readonly #classFields = new Map<ts.ClassLikeDeclaration, Map<string, Receiver>>();
  /** The methods of each class that return one of those fields (`getRouter() { return this.router }`). */
  readonly #classMethods = new Map<ts.ClassLikeDeclaration, Map<string, Receiver>>();
  /** Top-level classes by name, for `new AdminRoutes().router`. */
  readonly #classesByName = new Map<string, ts.ClassLikeDeclaration>();
  /** Parameters of plugins wrapped in `fastify-plugin`: they register on their parent's context. */
  readonly #sharedContextParams = new Set<string>();
  readonly #ctx: AdapterContext;
  /** Top-level lists of middleware still being filled, with where their name is next written (see `addToList`). */
  readonly #openLists = new Map<string, number>();

  constructor(
    readonly sf: ts.SourceFile,
    readonly facts: RouteFacts,
    readonly adapters: readonly FrameworkAdapter[],
    imports: readonly ImportBinding[],
    constants: ReadonlyMap<string, PathExpr>,
    private readonly isProjectModule: (specifier: string) => boolean,
  ) {
    const importMap = new Map(imports.map((i) => [i.local, i]));
    const ctx: AdapterContext = {
      sf,
      conditionNames: moduleNameValues(sf),
      imports: importMap,
      isProjectModule,
      constants,
      facts,
      pathOf: (e) => pathExprOf(e, constants),
      receiverOf: (e) => this.receiverOf(e),
      childOf: (e) => this.childOf(e),
      // Only apps/routers known here: an imported name may be a router or a middleware, which
      // the graph decides once it can see the other file.
      instanceOf: (e) => {
        const target = this.receiverOf(e)?.target;
        return target && 'instance' in target ? target : undefined;
      },
      inheritedFieldOf: (e) => {
        const cls = this.ownerClassOf(skipParens(e.expression), e);
        return cls && 'local' in cls && !this.#classFields.get(cls.local)?.has(e.name.text) ? this.bindInheritedField(cls.local, e.name.text)?.target : undefined;
      },
      localHandlerOf: (name) => this.localHandlerOf(name),
      handlerRefsOf: (args) => handlerRefsOf(args, ctx),
      register: (node, fact) => {
        const location = this.#reportAt ? locationOf(this.#reportAt, sf) : registrationLocation(node, sf);
        facts.registrations.push({ ...fact, location, ...this.conditionFields() } as RouteFacts['registrations'][number]);
      },
      locationOf: (node) => locationOf(node, sf),
      condition: () => this.condition(),
    };
    this.#ctx = ctx;
  }

  /** The file's names as production conditions read them. */
  get conditionNames(): NameValues {
    return this.#ctx.conditionNames;
  }

  condition(): Condition {
    const own = combineConditions(this.#conditions);
    return this.#callerTests.some((t) => t !== undefined) ? andConditions(own, 'unknown') : own;
  }

  /** A registration's condition, with the caller tests it sits under apart. */
  private conditionFields(): Pick<RouteFacts['registrations'][number], 'condition' | 'callerTests' | 'ownCondition'> {
    const tests = this.#callerTests.filter((t): t is CallerTest => t !== undefined);
    return tests.length === 0 ? { condition: this.condition() } : { condition: this.condition(), callerTests: tests, ownCondition: combineConditions(this.#conditions) };
  }

  /** Judges every top-level function, middleware constant and guard class, and records aliases. */
  collectTopLevelFunctions(): void {
    for (const stmt of this.sf.statements) {
      if (this.#openLists.size > 0 && this.addToList(stmt)) continue;
      if (isFunctionDeclaration(stmt) && stmt.body) {
        this.facts.functions[functionIdOf(stmt)] = judgeFunction(stmt, this.#ctx);
      } else if (isVariableStatement(stmt)) {
        for (const decl of stmt.declarationList.declarations) this.collectDeclaration(decl);
      } else if (isClassDeclaration(stmt) && stmt.name) {
        // Static and instance members alike: `AuthController.check` or `authController.check`.
        this.collectMembers(stmt.name.text, stmt.members);
      } else if (isExportAssignment(stmt)) {
        this.markSharedPlugin(stmt.expression);
        this.collectValue('default', stmt.expression);
      } else if (isExpressionStatement(stmt) && isBinaryExpression(stmt.expression) && stmt.expression.operatorToken.kind === SyntaxKind.EqualsToken) {
        const { left, right } = stmt.expression;
        if (isModuleExports(left)) {
          this.markSharedPlugin(right);
          this.collectValue('default', right);
        }
        // `auth[Symbol.for('skip-override')] = true`: what fastify-plugin does, written by hand.
        else if (isSkipOverride(left) && right.kind === SyntaxKind.TrueKeyword) this.markSharedFunction(skipParens((left as ts.ElementAccessExpression).expression));
        // `exports.isAdmin = (req, res, next) => ...` and `module.exports.isAdmin = ...`
        else if (isPropertyAccessExpression(left) && ((isIdentifier(left.expression) && left.expression.text === 'exports') || isModuleExports(left.expression))) {
          this.collectValue(left.name.text, right);
        }
        // `verifyToken = (req, res, next) => {...}` with no declaration (sloppy CommonJS, copied from
        // a widespread tutorial), later exported by name: the function of that name.
        else if (isIdentifier(left) && isFunctionExpression(skipParens(right)) && this.facts.functions[left.text] === undefined) this.collectValue(left.text, right);
      }
    }
  }

  /** `export default fp(users)` of `async function users(app) {...}`: the plugin shares its parent's context. */
  private markSharedPlugin(expr: ts.Expression): void {
    const e = skipParens(expr);
    const plugin = sharesParentContext(e) && isCallExpression(e) ? skipParens(e.arguments[0] as ts.Expression) : undefined;
    if (plugin) this.markSharedFunction(plugin);
  }

  /** The plugin function of the file `plugin` names shares its parent's context. */
  private markSharedFunction(plugin: ts.Expression): void {
    const fn = isIdentifier(plugin) ? localFunctionNamed(this.sf.statements, plugin.text) : undefined;
    if (fn) this.#sharedContextParams.add(`${functionIdOf(fn)}#0`);
  }

  private collectDeclaration(decl: ts.VariableDeclaration): void {
    const init = decl.initializer && skipParens(decl.initializer);
    // `const auth = (module.exports = { ... })`: the module's value, under a name of its own too.
    if (isIdentifier(decl.name) && init && isBinaryExpression(init) && init.operatorToken.kind === SyntaxKind.EqualsToken && isModuleExports(init.left)) {
      this.collectValue(decl.name.text, init.right);
      this.facts.aliases['default'] = { kind: 'name', name: decl.name.text };
    } else if (isIdentifier(decl.name) && decl.initializer) this.collectValue(decl.name.text, decl.initializer);
    // `const { requireAdmin, requireUser } = createAuth(o)`: members of what a factory returns.
    else if (isObjectBindingPattern(decl.name) && decl.initializer && isCallExpression(skipParens(decl.initializer))) {
      const ref = handlerRefOf(decl.initializer, this.#ctx);
      if (ref.kind !== 'call' || ref.field !== undefined) return;
      for (const { name, field } of boundFieldsOf(decl.name)) this.facts.aliases[name] = { ...ref, field };
    }
  }

  private collectValue(name: string, value: ts.Expression): void {
    const e = skipParens(value);
    const table = isArrayLiteralExpression(e) ? tableFactOf(e, this.#tableContext) : createRouteFactOf(e, this.#tableContext);
    if (table) this.facts.tables[name] = table;
    else if (isFunctionExpression(e)) this.facts.functions[name] = judgeFunction(e, this.#ctx);
    // `isProd ? requireAdmin : devAdmin`: the branch production takes, or both (handlerRefOf).
    else if (isCallExpression(e) || isConditionalExpression(e)) this.facts.aliases[name] = handlerRefOf(e, this.#ctx);
    else if (isArrayLiteralExpression(e)) {
      this.facts.aliases[name] = { kind: 'list', items: handlerRefsOf(e.elements, this.#ctx) };
      this.#openLists.set(name, this.sf.text.indexOf(name, e.end));
    }
    else if (isObjectLiteralExpression(e)) this.collectMembers(name, e.properties);
    // `let AuthMiddleware = class AuthMiddleware { use(req, res, next) {...} }`, as tsc compiles a decorated class.
    else if (ts.isClassExpression(e)) this.collectMembers(name, e.members);
    else if (isNewExpression(e) && isIdentifier(e.expression)) this.facts.aliases[name] = { kind: 'name', name: e.expression.text };
    // `const guard = auth` and `export default auth`: the name stands for what it aliases.
    else if (isIdentifier(e) && e.text !== name) this.facts.aliases[name] = { kind: 'name', name: e.text };
  }

  /**
   * `mw.push(requireAdmin)` at the top level, right after `const mw = []`: the list the routes are
   * given holds it. Only until another statement reads the list: Express and Hono copy a list when
   * it is registered, so what is pushed after that protects nothing.
   */
  private addToList(stmt: ts.Statement): boolean {
    const call = isExpressionStatement(stmt) && isCallExpression(stmt.expression) ? stmt.expression : undefined;
    const callee = call && isPropertyAccessExpression(call.expression) ? call.expression : undefined;
    const name = callee && isIdentifier(callee.expression) ? callee.expression.text : undefined;
    const list = name !== undefined && this.#openLists.has(name) ? this.facts.aliases[name] : undefined;
    if (call && callee && name !== undefined && list?.kind === 'list' && (callee.name.text === 'push' || callee.name.text === 'unshift')) {
      const added = handlerRefsOf(call.arguments, this.#ctx);
      list.items = callee.name.text === 'push' ? [...list.items, ...added] : [...added, ...list.items];
      this.#openLists.set(name, this.sf.text.indexOf(name, stmt.end));
      return true;
    }
    // Closed at the first other statement that reads it: the next place its name is written
    // after the last push, found once per push rather than searched for in every statement.
    for (const [open, next] of this.#openLists) if (next !== -1 && next < stmt.end) this.#openLists.delete(open);
    return false;
  }

  /** `const auth = { required(req, res, next) {...} }` and static class methods: `auth.required`. */
  private collectMembers(owner: string, members: readonly ts.ObjectLiteralElementLike[] | readonly ts.ClassElement[], depth = 0): void {
    for (const m of members) {
      if (!m.name || !(isIdentifier(m.name) || isStringLiteral(m.name))) continue;
      const key = `${owner}.${m.name.text}`;
      if (isMethodDeclaration(m) && m.body) this.facts.functions[key] = judgeFunction(m, this.#ctx);
      // `export default { authenticate }`: the member stands for the function of that name.
      else if (isShorthandPropertyAssignment(m)) this.facts.aliases[key] = { kind: 'name', name: m.name.text };
      else if (isPropertyAssignment(m) || (isPropertyDeclaration(m) && m.initializer)) {
        const init = skipParens((m as ts.PropertyAssignment | ts.PropertyDeclaration).initializer as ts.Expression);
        if (isFunctionExpression(init)) this.facts.functions[key] = judgeFunction(init, this.#ctx);
        // `module.exports = { middleware: { ensure() {...} } }`: `auth.middleware.ensure`.
        else if (isObjectLiteralExpression(init) && depth < MAX_MEMBER_DEPTH) this.collectMembers(key, init.properties, depth + 1);
        // A call (`bearerAuth(o)`) or a name (`authenticate: authenticate`, as tsc writes `{ authenticate }`).
        else if (isCallExpression(init) || isIdentifier(init) || isPropertyAccessExpression(init)) this.facts.aliases[key] = handlerRefOf(init, this.#ctx);
      }
    }
  }

  /**
   * The top-level pass reads values before the walk binds any name: `app.basePath('/api')` met
   * there has no receiver yet (`app` is unbound), and must not stay memoised as none.
   */
  forgetReceivers(): void {
    this.#receivers.clear();
  }

  /**
   * The walk, with an explicit stack instead of recursion: generated code (a chain of thousands of
   * `.get(...)` registrations, a `a || b || ...` condition) nests deeper than the call stack allows.
   * Each node is entered once; `Step`s after the enter run the work a recursive walk did on the
   * way back up, in the same order.
   */
  walk(): void {
    const nodes = this.#pendingNodes;
    const steps = this.#pendingSteps;
    for (const a of this.adapters) a.onFile?.(this.sf, this.#ctx);
    this.push(this.sf, Step.Enter);
    while (nodes.length > 0) {
      const node = nodes.pop() as ts.Node;
      const step = steps.pop() as Step;
      if (step === Step.Enter) this.enter(node);
      else this.finish(node, step);
    }
  }

  readonly #pendingNodes: ts.Node[] = [];
  readonly #pendingSteps: Step[] = [];

  private push(node: ts.Node, step: Step): void {
    this.#pendingNodes.push(node);
    this.#pendingSteps.push(step);
  }

  /** Bound once: forEachChild pushes each child straight onto the pending stack. Types register nothing. */
  readonly #pushChild = (child: ts.Node): void => {
    if (isTypeOnly(child)) return;
    this.#pendingNodes.push(child);
    this.#pendingSteps.push(Step.Enter);
  };

  /** Schedules a node's children, first child on top (they arrive in source order: reversed in place). */
  private pushChildren(node: ts.Node): void {
    const nodes = this.#pendingNodes;
    const first = nodes.length;
    forEachChild(node, this.#pushChild);
    for (let i = first, j = nodes.length - 1; i < j; i++, j--) {
      const swap = nodes[i] as ts.Node;
      nodes[i] = nodes[j] as ts.Node;
      nodes[j] = swap;
    }
  }

  /** The steps other than entering a node. */
  private finish(node: ts.Node, step: Step): void {
    switch (step) {
      case Step.Leave:
        return this.leave(node);
      case Step.PushCondition:
        return this.pushCondition(node, true);
      case Step.PushNegatedCondition:
        return this.pushCondition(node, false);
      case Step.PopCondition:
        this.#conditions.pop();
        this.#callerTests.pop();
        return;
      case Step.LeaveFunction:
        // `const createRouter = () => new Hono()`: a concise body is what the arrow returns.
        if (isArrowFunction(node) && !isBlock(node.body)) this.recordReturnedInstance(node, node.body);
        return this.leaveFunction();
      default:
        return;
    }
  }

  /** What the recursive walk did before visiting a node's children; schedules the rest. */
  private enter(node: ts.Node): void {
    // A switch on the kind: this runs for every node of every framework file.
    switch (node.kind) {
      case SyntaxKind.IfStatement: {
        // Pushed in reverse: the condition, then the then-branch under it, then the else-branch under its negation.
        const stmt = node as ts.IfStatement;
        if (stmt.elseStatement) {
          this.push(stmt, Step.PopCondition);
          this.push(stmt.elseStatement, Step.Enter);
          this.push(stmt, Step.PushNegatedCondition);
        }
        this.push(stmt, Step.PopCondition);
        this.push(stmt.thenStatement, Step.Enter);
        this.push(stmt, Step.PushCondition);
        this.push(stmt.expression, Step.Enter);
        return;
      }
      case SyntaxKind.FunctionDeclaration:
      case SyntaxKind.FunctionExpression:
      case SyntaxKind.ArrowFunction:
      case SyntaxKind.MethodDeclaration:
        this.enterFunction(node as FunctionNode);
        this.push(node, Step.LeaveFunction);
        this.pushChildren(node);
        return;
      case SyntaxKind.ClassDeclaration:
      case SyntaxKind.ClassExpression:
        for (const a of this.adapters) a.onClass?.(node as ts.ClassLikeDeclaration, this.#ctx);
        this.bindClassFields(node as ts.ClassLikeDeclaration);
        break;
      case SyntaxKind.VariableDeclaration:
        this.bindDeclaration(node as ts.VariableDeclaration);
        break;
      case SyntaxKind.ExportAssignment:
        this.bindTopLevel('default', (node as ts.ExportAssignment).expression);
        break;
      case SyntaxKind.BinaryExpression: {
        const e = node as ts.BinaryExpression;
        // `module.exports = new AdminRoutes().router`: what importers mount.
        if (e.operatorToken.kind === SyntaxKind.EqualsToken && this.#scopes.length === 1 && isModuleExports(e.left)) this.bindTopLevel('default', e.right);
        // `isDev && app.use(x)`: the right side runs under the left side's condition.
        if (e.operatorToken.kind !== SyntaxKind.AmpersandAmpersandToken) break;
        this.push(e, Step.PopCondition);
        this.push(e.right, Step.Enter);
        this.push(e, Step.PushCondition);
        this.push(e.left, Step.Enter);
        return;
      }
      default:
        break;
    }
    // Post-order: in `app.use(a).get('/x', h)` the inner `use` is registered first, as it runs first.
    if (node.kind === SyntaxKind.CallExpression || (node.kind === SyntaxKind.NewExpression && (node as ts.NewExpression).arguments?.length) || (node.kind === SyntaxKind.ReturnStatement && (node as ts.ReturnStatement).expression)) this.push(node, Step.Leave);
    this.pushChildren(node);
  }

  private leave(node: ts.Node): void {
    if (node.kind === SyntaxKind.CallExpression) this.visitCall(node as ts.CallExpression);
    // `new AdminController(app)`: the constructor registers on the app it is handed.
    else if (node.kind === SyntaxKind.NewExpression) this.visitInvocation(node as ts.NewExpression, skipParens((node as ts.NewExpression).expression));
    else this.recordReturnedInstance(node as ts.ReturnStatement, (node as ts.ReturnStatement).expression as ts.Expression);
  }

  /**
   * The production condition an `if` or `&&` puts its branch under (`holds`: the branch where the
   * test holds); a test of the function's parameters is the caller's to decide, whatever its name.
   */
  private pushCondition(node: ts.Node, holds: boolean): void {
    const test = isBinaryExpression(node) ? node.left : (node as ts.IfStatement).expression;
    const caller = this.#scopes.length > 1 ? callerTestOf(test, this.#paramRead) : undefined;
    const condition = caller ? 'always' : classifyCondition(test, this.#ctx.conditionNames);
    this.#conditions.push(holds ? condition : negateCondition(condition));
    this.#callerTests.push(caller && { ...caller, whenTrue: caller.whenTrue === holds });
  }

  /** A parameter of the innermost function, for caller tests. */
  readonly #paramRead: ParamRead = (name) => {
    const entry = this.#scopes[this.#scopes.length - 1]?.get(name);
    if (!entry || !('paramOf' in entry)) return undefined;
    const param = entry.paramOf.parameters[entry.index];
    const element = entry.field !== undefined && param && isObjectBindingPattern(param.name) ? param.name.elements.find((e) => isIdentifier(e.name) && e.name.text === name) : undefined;
    const initializer = entry.field === undefined ? param?.initializer : element?.initializer;
    return { param: paramIdOf(entry), ...(entry.field !== undefined ? { field: entry.field } : {}), ...(initializer ? { initializer } : {}) };
  };

  readonly #savedConditions: Condition[][] = [];
  readonly #savedCallerTests: Array<Array<CallerTest | undefined>> = [];

  private enterFunction(fn: FunctionNode): void {
    const scope = new Map<string, ScopeEntry>();
    fn.parameters.forEach((p, index) => {
      if (isIdentifier(p.name)) scope.set(p.name.text, { paramOf: fn, index });
      else if (isObjectBindingPattern(p.name)) for (const { name, field } of boundFieldsOf(p.name)) scope.set(name, { paramOf: fn, index, field });
    });
    if (isWrappedInFastifyPlugin(fn)) this.#sharedContextParams.add(`${functionIdOf(fn)}#0`);
    this.#scopes.push(scope);
    this.#localHandlers.push(hoistedFunctionsOf(fn));
    // Conditions do not cross function boundaries: the body runs wherever the function is called.
    this.#savedConditions.push(this.#conditions.splice(0));
    this.#savedCallerTests.push(this.#callerTests.splice(0));
  }

  private leaveFunction(): void {
    this.#conditions.length = 0;
    this.#conditions.push(...(this.#savedConditions.pop() ?? []));
    this.#callerTests.length = 0;
    this.#callerTests.push(...(this.#savedCallerTests.pop() ?? []));
    this.#scopes.pop();
    this.#localHandlers.pop();
  }

  private localHandlerOf(name: string): HandlerRef | undefined {
    // Top-level names are resolved by the graph (they may be imported elsewhere too).
    for (let i = this.#localHandlers.length - 1; i > 0; i--) {
      const locals = this.#localHandlers[i];
      const ref = locals?.get(name);
      if (ref?.kind === 'hoisted') {
        // `function check(req, res, next) {...}` inside this function: that one, not a same-named
        // function elsewhere. While it is judged, a use of its name inside it (recursion) is a name.
        locals?.set(name, { kind: 'name', name });
        const judged: HandlerRef = { kind: 'fn', fact: judgeFunction(ref.declaration, this.#ctx) };
        locals?.set(name, judged);
        return judged;
      }
      if (ref) return ref;
      // A middleware passed in as a parameter (`function adminRoutes(guard) { r.use(guard) }`).
      const scoped = this.#scopes[i]?.get(name);
      if (scoped && 'paramOf' in scoped) return { kind: 'param', name, id: paramIdOf(scoped), ...(scoped.field !== undefined ? { field: scoped.field } : {}) };
    }
    return undefined;
  }

  private bindDeclaration(decl: ts.VariableDeclaration): void {
    if (isObjectBindingPattern(decl.name) && decl.initializer) this.bindReturnedFields(decl.name, decl);
    if (!isIdentifier(decl.name) || !decl.initializer) return;
    if (this.#localHandlers.length > 1) {
      const init = skipParens(decl.initializer);
      // A project call's result may be an app (a target) and a set of middleware alike (`const auth = createAuth(o)`).
      if (isFunctionExpression(init) || isConditionalExpression(init) || (isCallExpression(init) && !isInstanceTarget(this.receiverOf(init)?.target))) {
        const innermost = this.#localHandlers.length - 1;
        const locals = (this.#localHandlers[innermost] ??= new Map());
        locals.set(decl.name.text, handlerRefOf(init, this.#ctx));
      }
    }
    const target = this.valueTargetOf(decl.initializer, decl.name.text, decl);
    const scope = this.#scopes[this.#scopes.length - 1];
    if (!target) {
      const e = unwrapValue(decl.initializer);
      if (isNewExpression(e) && isIdentifier(e.expression)) scope?.set(decl.name.text, { newOf: e.expression.text });
      return;
    }
    scope?.set(decl.name.text, target);
    if (this.#scopes.length === 1) this.facts.bindings[decl.name.text] = target;
  }

  private bindTopLevel(name: string, expr: ts.Expression): void {
    const target = this.valueTargetOf(expr, name);
    if (target) this.facts.bindings[name] = target;
  }

  /**
   * What a variable initialiser holds: an app/router, or the result of a call that may return one.
   * A call's result is named by the variable `name` (siteOf, for its declaration `decl`): two routers
   * made by one factory are two routers. The site is worked out only for a call's result: a local's
   * costs a climb to its function and, for most functions, the function's position.
   */
  private valueTargetOf(expr: ts.Expression, name: string, decl?: ts.VariableDeclaration): TargetRef | undefined {
    const e = unwrapValue(expr);
    const factory = isCallExpression(e) ? this.projectCallOf(e) : undefined;
    if (factory) return { ...factory.target, site: this.siteOf(name, decl) };
    const receiver = this.receiverOf(e);
    if (receiver) return receiver.target;
    if (isCallExpression(e)) {
      const callee = skipParens(e.expression);
      if (isIdentifier(callee)) return { call: callee.text, site: this.siteOf(name, decl) };
      if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) return { call: callee.expression.text, member: callee.name.text, site: this.siteOf(name, decl) };
    }
    return undefined;
  }

  /**
   * The name of a variable as a call site: a local is prefixed with its function (`usersRoutes>router`),
   * since two functions of one file may each bind a `router` from the same factory.
   */
  private siteOf(name: string, decl: ts.VariableDeclaration | undefined): string {
    const fn = decl !== undefined && this.#scopes.length > 1 ? enclosingFunction(decl) : undefined;
    return fn ? `${functionIdOf(fn)}>${name}` : name;
  }

  /**
   * `const { app, server } = createServer()`: each name bound to that field of what the call
   * returns, which the graph finds among the fields of the object the function returns.
   */
  private bindReturnedFields(pattern: ts.ObjectBindingPattern, decl: ts.VariableDeclaration): void {
    for (const { name, field } of boundFieldsOf(pattern)) {
      this.bindFactoryMember(name, decl.initializer as ts.Expression, field);
      // Each name is its own call site, as `const x = createServer()` would be.
      const call = this.valueTargetOf(decl.initializer as ts.Expression, name, decl);
      if (!call || !('call' in call) || call.field !== undefined) continue;
      const target = { ...call, field };
      this.#scopes[this.#scopes.length - 1]?.set(name, target);
      if (this.#scopes.length === 1) this.facts.bindings[name] = target;
    }
  }

  /**
   * `const { requireAdmin } = createAuth(o)` inside a function, or `= auth` of `const auth =
   * createAuth(o)`: the member of what the call returns, as a middleware.
   */
  private bindFactoryMember(name: string, init: ts.Expression, field: string): void {
    const e = skipParens(init);
    if (this.#localHandlers.length <= 1 || !(isCallExpression(e) || isIdentifier(e))) return;
    const ref = isCallExpression(e) ? handlerRefOf(e, this.#ctx) : this.localHandlerOf(e.text);
    if (ref?.kind !== 'call' || ref.field !== undefined) return;
    (this.#localHandlers[this.#localHandlers.length - 1] ??= new Map()).set(name, { ...ref, field });
  }

  /**
   * `return router` in a top-level function; `fresh` when each call makes a new one. The fields of
   * an object it returns (`return { app, server }`) each under their key (returnedFieldKey).
   */
  private recordReturnedInstance(at: ts.Node, expr: ts.Expression): void {
    const fn = isArrowFunction(at) ? at : enclosingFunction(at);
    if (!fn || !isTopLevelFunction(fn)) return;
    const value = unwrapValue(expr);
    if (isObjectLiteralExpression(value)) {
      // Only a file that makes apps can return one in an object (services return thousands of objects).
      if (this.adapters.length === 0) return;
      for (const prop of value.properties) {
        const field = isShorthandPropertyAssignment(prop) ? prop.name : isPropertyAssignment(prop) ? prop.initializer : undefined;
        const key = prop.name && (isIdentifier(prop.name) || isStringLiteral(prop.name)) ? prop.name.text : undefined;
        if (field && key !== undefined) this.recordReturned(fn, returnedFieldKey(functionIdOf(fn), key), field);
      }
      return;
    }
    this.recordReturned(fn, functionIdOf(fn), value);
  }

  private recordReturned(fn: FunctionNode, key: string, value: ts.Expression): void {
    const receiver = this.receiverOf(value);
    if (receiver) this.facts.returnsInstance[key] = this.madeIn(fn, receiver.target) ? { ...receiver.target, fresh: true } : receiver.target;
  }

  /**
   * Whether a function makes the instance it returns on every call: created in its body, or the
   * result of a factory call bound in its body. A module-level router returned by a getter, or a
   * parameter returned by a helper, is the same object for every caller.
   */
  private madeIn(fn: FunctionNode, target: TargetRef): boolean {
    if ('instance' in target) {
      const created = this.facts.instances.find((i) => i.id === target.instance)?.location?.offset;
      return created !== undefined && created >= fn.getStart(this.sf) && created < fn.end;
    }
    return 'call' in target && target.site !== undefined && target.site.startsWith(`${functionIdOf(fn)}>`);
  }

  /**
   * The app/router an expression denotes, creating instance facts for inline creations. Memoised
   * per node: long call chains (`q.where().where()...`) would otherwise cost quadratic time.
   */
  receiverOf(expr: ts.Expression): Receiver | undefined {
    if (this.#receivers.has(expr)) return this.#receivers.get(expr);
    this.resolveChainInside(expr);
    const receiver = this.computeReceiver(expr);
    // Identifiers depend on the scope at the point of use, which the walk visits once; still,
    // only nodes that can never change meaning are cached.
    if (!isIdentifier(expr)) this.#receivers.set(expr, receiver);
    return receiver;
  }

  /**
   * `new Hono().get(...).get(...)`: resolves the links inside a call chain innermost first, so
   * `computeReceiver` finds each inner link memoised and a chain of thousands never recurses deep.
   */
  private resolveChainInside(expr: ts.Expression): void {
    const links: ts.Expression[] = [];
    for (let e = unwrapValue(expr); isCallExpression(e) && isPropertyAccessExpression(e.expression); ) {
      const inner = e.expression.expression;
      if (this.#receivers.has(inner) || isIdentifier(inner)) break;
      links.push(inner);
      e = unwrapValue(inner);
    }
    for (let i = links.length - 1; i >= 0; i--) this.receiverOf(links[i] as ts.Expression);
  }

  private computeReceiver(expr: ts.Expression): Receiver | undefined {
    const e = unwrapValue(expr);
    if (isIdentifier(e)) return this.lookup(e.text);
    if (isPropertyAccessExpression(e)) return this.fieldReceiver(e);
    if (isNewExpression(e) || isCallExpression(e)) {
      const created = this.createdInstance(e) ?? (isCallExpression(e) ? this.projectCallOf(e) : undefined);
      if (created) return created;
    }
    if (isCallExpression(e) && isPropertyAccessExpression(e.expression)) {
      const inner = this.receiverOf(e.expression.expression);
      if (!inner) return this.classMethodReceiver(e.expression);
      const method = e.expression.name.text;
      for (const adapter of this.adaptersFor(inner)) {
        const derived = adapter.deriveReceiver?.(e, method, inner, this.#ctx);
        if (derived) return derived;
      }
      // Registration methods return their receiver (`app.use(a).get(...)`), as do Fastify's.
      return CHAINABLE.has(method) ? { ...inner, routePath: method === 'route' ? undefined : inner.routePath } : undefined;
    }
    return undefined;
  }

  private createdInstance(e: ts.NewExpression | ts.CallExpression): Receiver | undefined {
    for (const adapter of this.adapters) {
      const init = adapter.createsInstance(e, this.#ctx);
      if (!init) continue;
      const pos = e.getStart(this.sf);
      let id = this.#created.get(pos);
      if (id === undefined) {
        id = `${adapter.name}@${pos}`;
        this.#created.set(pos, id);
        this.facts.instances.push({ id, framework: adapter.name, prefix: init.prefix, ...(init.caseSensitive && { caseSensitive: true as const }), location: locationOf(e, this.sf) });
      }
      return { target: { instance: id }, framework: adapter.name };
    }
    return undefined;
  }

  /**
   * A call of a function of the project, as the receiver of a chain (`createRouter().get(...)`):
   * the graph decides whether it returns an app or router. A top-level function of this file or one
   * imported from a project module; anything else is not followed.
   */
  private projectCallOf(call: ts.CallExpression): Receiver | undefined {
    const callee = skipParens(call.expression);
    if (!isIdentifier(callee)) return undefined;
    const name = callee.text;
    const imported = this.#ctx.imports.get(name);
    const isProject = imported ? this.isProjectModule(imported.specifier) : this.facts.functions[name] !== undefined && this.lookup(name) === undefined;
    return isProject ? { target: { call: name }, framework: undefined } : undefined;
  }

  /**
   * Apps and routers a class keeps in its fields: `router = Router()`, or `this.app = express()` in
   * its constructor or another method (class-based Express servers). `this.router` in its methods
   * denotes that instance; so does `new AdminRoutes().router` here, and `AdminRoutes.router` for
   * other files (a binding the route graph resolves through imports).
   */
  private bindClassFields(cls: ts.ClassLikeDeclaration): void {
    const name = cls.name !== undefined && this.#scopes.length === 1 ? cls.name.text : undefined;
    const fields = this.fieldsOf(cls, name);
    // A subclass with no router of its own may use its base class's (see `inheritedField`).
    if (fields.size === 0 && name !== undefined && cls.heritageClauses !== undefined) this.#classesByName.set(name, cls);
    if (fields.size === 0) return;
    const returns = new Map<string, Receiver>();
    for (const member of cls.members) {
      // `get router() { return this.#router }` reads like the field; `getRouter()` returns it.
      const returned = member.name && isIdentifier(member.name) ? returnedThisField(member) : undefined;
      const receiver = returned === undefined ? undefined : fields.get(returned);
      if (!receiver || !member.name || !isIdentifier(member.name)) continue;
      if (ts.isGetAccessorDeclaration(member)) fields.set(member.name.text, receiver);
      else returns.set(member.name.text, receiver);
    }
    this.#classFields.set(cls, fields);
    this.#classMethods.set(cls, returns);
    if (name === undefined) return;
    this.#classesByName.set(name, cls);
    for (const [field, receiver] of fields) this.facts.bindings[`${name}.${field}`] = receiver.target;
    for (const [method, receiver] of returns) this.facts.returnsInstance[`${name}.${method}`] = receiver.target;
  }

  /** The fields of a class that hold apps and routers, by name (`name` when other code can name the class). */
  private fieldsOf(cls: ts.ClassLikeDeclaration, name: string | undefined): Map<string, Receiver> {
    const fields = new Map<string, Receiver>();
    const bind = (field: string, value: ts.Expression) => {
      const receiver = fields.has(field) ? undefined : this.receiverOf(value);
      if (receiver && !('name' in receiver.target)) fields.set(field, receiver);
    };
    for (const member of cls.members) {
      if (isPropertyDeclaration(member) && member.initializer && (isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) bind(member.name.text, member.initializer);
      else if ((isMethodDeclaration(member) || ts.isConstructorDeclaration(member)) && member.body) {
        const isConstructor = ts.isConstructorDeclaration(member);
        if (isConstructor && name !== undefined) this.bindConstructorParams(member, name, fields);
        for (const stmt of member.body.statements) {
          const assigned = thisFieldAssignment(stmt);
          // `this.app = app` of a parameter: the constructor's is bound above; not the module's `app` the class-level lookup would find.
          const param = assigned && isIdentifier(assigned.value) ? member.parameters.findIndex((p) => isIdentifier(p.name) && p.name.text === (assigned.value as ts.Identifier).text) : -1;
          if (param >= 0 && isConstructor && name !== undefined && assigned && !fields.has(assigned.field)) fields.set(assigned.field, this.constructorParamReceiver(member, name, param));
          else if (assigned && param < 0) bind(assigned.field, assigned.value);
        }
      }
    }
    return fields;
  }

  /** `constructor(private readonly app: Express)`: `this.app` is what `new AdminController(app)` passes. */
  private bindConstructorParams(ctor: ts.ConstructorDeclaration, className: string, fields: Map<string, Receiver>): void {
    ctor.parameters.forEach((p, index) => {
      if (isIdentifier(p.name) && ts.getModifiers(p)?.length) fields.set(p.name.text, this.constructorParamReceiver(ctor, className, index));
    });
  }

  /**
   * A constructor's parameter as an instance: `Class#index`, the id the route graph gives the
   * parameter of whatever a call (here `new Class(app)`) passes an app to.
   */
  private constructorParamReceiver(ctor: ts.ConstructorDeclaration, className: string, index: number): Receiver {
    const typed = frameworkOfType(ctor.parameters[index]?.type?.getText(this.sf));
    return { target: { instance: `${className}#${index}` }, framework: typed ?? (this.facts.frameworks.length === 1 ? this.facts.frameworks[0] : undefined) };
  }

  /** `this.router`, `new AdminRoutes().router`, `routes.router` of `const routes = new AdminRoutes()`. */
  private fieldReceiver(e: ts.PropertyAccessExpression): Receiver | undefined {
    const owner = skipParens(e.expression);
    const field = e.name.text;
    const cls = this.ownerClassOf(owner, e);
    if (cls && 'local' in cls) return this.#classFields.get(cls.local)?.get(field) ?? this.bindInheritedField(cls.local, field);
    // `adminRoutes.router` of an imported `adminRoutes` (an instance, or a class with a static router).
    // `server.app` of `const server = createServer()`: a field of what the call returns.
    const entry = !cls && isIdentifier(owner) ? this.scopeEntryOf(owner.text) : undefined;
    if (entry && 'call' in entry && entry.field === undefined) return { target: { ...entry, field }, framework: this.facts.frameworks[0] };
    // `server.app` of `const server = { app: express() }` at the top of the file.
    const held = !cls && !entry && isIdentifier(owner) ? moduleConstOf(owner) : undefined;
    const value = held && isObjectLiteralExpression(held) ? held.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && (isIdentifier(p.name) || isStringLiteral(p.name)) && p.name.text === field) : undefined;
    if (value) return this.receiverOf(value.initializer);
    const imported = cls?.imported ?? (isIdentifier(owner) && this.isModuleObject(owner.text) ? owner.text : undefined);
    return imported === undefined ? undefined : { target: { name: `${imported}.${field}` }, framework: this.facts.frameworks[0] };
  }

  /**
   * `this.router` in `class AdminRoutes extends BaseRoutes`, where the base class keeps the router:
   * the base's field, of a class of this file or of one imported from a project module (resolved
   * there as `BaseRoutes.router`). Every subclass shares the one router the base's field stands for.
   */
  private bindInheritedField(cls: ts.ClassLikeDeclaration, field: string): Receiver | undefined {
    const receiver = this.inheritedField(cls, field);
    // Other files read it as `AdminRoutes.router` (`new AdminRoutes().router` where the class is imported).
    if (receiver && cls.name !== undefined && ts.isSourceFile(cls.parent)) this.facts.bindings[`${cls.name.text}.${field}`] ??= receiver.target;
    return receiver;
  }

  private inheritedField(cls: ts.ClassLikeDeclaration, field: string, depth = 0): Receiver | undefined {
    const base = extendedClassOf(cls);
    if (base === undefined || !isIdentifier(base) || depth > MAX_INHERITANCE_DEPTH) return undefined;
    const local = this.#classesByName.get(base.text);
    if (local) return this.#classFields.get(local)?.get(field) ?? this.inheritedField(local, field, depth + 1);
    return this.isImportedFromProject(base.text) ? { target: { name: `${base.text}.${field}` }, framework: this.facts.frameworks[0] } : undefined;
  }

  /** `new AdminRoutes().getRouter()`, `routes.getRouter()`, `this.getRouter()`: the field the method returns. */
  private classMethodReceiver(callee: ts.PropertyAccessExpression): Receiver | undefined {
    const cls = this.ownerClassOf(skipParens(callee.expression), callee);
    const method = callee.name.text;
    if (cls && 'local' in cls) return this.#classMethods.get(cls.local)?.get(method);
    return cls ? { target: { call: cls.imported, member: method }, framework: this.facts.frameworks[0] } : undefined;
  }

  /**
   * The class whose instance (or statics) an expression reads: `this` inside it, `new AdminRoutes()`,
   * a local bound to one, a class of this file by name. A class of this file, or the local name of
   * one imported from a project module.
   */
  private ownerClassOf(owner: ts.Expression, at: ts.Node): { local: ts.ClassLikeDeclaration } | { imported: string } | undefined {
    if (owner.kind === SyntaxKind.ThisKeyword) {
      const cls = classOfThis(at);
      return cls && { local: cls };
    }
    if (isNewExpression(owner) && isIdentifier(owner.expression)) return this.classNamed(owner.expression.text);
    if (!isIdentifier(owner)) return undefined;
    const entry = this.scopeEntryOf(owner.text);
    if (entry && 'newOf' in entry) return this.classNamed(entry.newOf);
    return !entry && this.#classesByName.has(owner.text) ? this.classNamed(owner.text) : undefined;
  }

  private classNamed(name: string): { local: ts.ClassLikeDeclaration } | { imported: string } | undefined {
    const cls = this.#classesByName.get(name);
    if (cls) return { local: cls };
    return this.isImportedFromProject(name) ? { imported: name } : undefined;
  }

  /** An imported project module's object, `import * as server` or `const server = require('./server')`, not shadowed here. */
  private isModuleObject(name: string): boolean {
    const entry = this.scopeEntryOf(name);
    const required = entry !== undefined && 'call' in entry && entry.call === 'require' && entry.member === undefined;
    return (entry === undefined || required) && this.isImportedFromProject(name);
  }

  private isImportedFromProject(name: string): boolean {
    const imported = this.#ctx.imports.get(name);
    return imported !== undefined && this.isProjectModule(imported.specifier);
  }

  private scopeEntryOf(name: string): ScopeEntry | undefined {
    for (let i = this.#scopes.length - 1; i >= 0; i--) {
      const entry = this.#scopes[i]?.get(name);
      if (entry) return entry;
    }
    return undefined;
  }

  private lookup(name: string): Receiver | undefined {
    const entry = this.scopeEntryOf(name);
    if (entry) {
      if ('newOf' in entry) return undefined;
      if ('paramOf' in entry) return entry.field === undefined ? this.paramReceiver(entry) : undefined;
      return { target: entry, framework: this.frameworkOfTarget(entry) };
    }
    const imported = this.#ctx.imports.get(name);
    if (imported && this.isProjectModule(imported.specifier)) return { target: { name }, framework: this.facts.frameworks[0] };
    return undefined;
  }

  private paramReceiver(entry: ParamBinding): Receiver {
    const fn = entry.paramOf;
    const typed = frameworkOfType(fn.parameters[entry.index]?.type?.getText(this.sf) ?? variableTypeOf(fn));
    const framework = typed ?? (this.facts.frameworks.length === 1 ? this.facts.frameworks[0] : undefined);
    return { target: { instance: paramIdOf(entry) }, framework };
  }

  private frameworkOfTarget(target: TargetRef): FrameworkName | undefined {
    if ('instance' in target) return this.facts.instances.find((i) => i.id === target.instance)?.framework;
    return this.facts.frameworks[0];
  }

  childOf(expr: ts.Expression): TargetRef | undefined {
    const e = unwrapValue(expr);
    if (isFunctionExpression(e)) return { instance: `${functionIdOf(e)}#0` };
    // `fp(plugin)` is the plugin.
    if (isFastifyPluginCall(e)) return this.childOf(e.arguments[0] as ts.Expression);
    const receiver = this.receiverOf(e);
    if (receiver) return receiver.target;
    if (isIdentifier(e)) return { name: e.text };
    if (isCallExpression(e)) {
      const callee = skipParens(e.expression);
      const first = e.arguments[0] && skipParens(e.arguments[0]);
      // `require('./admin')` and `import('./admin.js')` (Fastify's lazy plugin loading) name a module.
      const loads = (isIdentifier(callee) && callee.text === 'require') || callee.kind === SyntaxKind.ImportKeyword;
      if (loads && first && isStringLiteralLike(first)) return { module: first.text };
      if (isIdentifier(callee)) return { call: callee.text };
      if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression)) return { call: callee.expression.text, member: callee.name.text };
    }
    return undefined;
  }

  private adaptersFor(receiver: Receiver): readonly FrameworkAdapter[] {
    if (receiver.framework === undefined) return this.adapters.length > 0 ? this.adapters : allAdapters;
    const own = this.adapters.find((a) => a.name === receiver.framework) ?? allAdapters.find((a) => a.name === receiver.framework);
    return own ? [own] : [];
  }

  private visitCall(call: ts.CallExpression): void {
    const callee = skipParens(call.expression);
    if (isPropertyAccessExpression(callee) || isElementAccessExpression(callee)) {
      const receiver = this.receiverOf(callee.expression);
      if (receiver) {
        // Registrations are never awaited, except Fastify's `await app.register(...)`; an awaited
        // `api.post('/admin/x', body)` on a parameter is an HTTP client, not a route.
        if (isAwaitExpression(call.parent) && receiver.framework !== 'fastify' && isParamInstance(receiver)) return;
        const before = this.facts.registrations.length;
        const recognised = this.registerCall(call, callee, receiver);
        if (this.facts.registrations.length > before) this.ensureInstance(receiver, call);
        // An imported name or module is only maybe a router: `routes.admin(app)` on a namespace
        // import or a `require` (compiled: `auth_1.default(route)`) calls a function with the app.
        if (recognised || 'instance' in receiver.target) return;
      }
    }
    this.visitInvocation(call, callee);
  }

  /**
   * Hands a call on an app/router to its framework's adapter: once, or once per row of a route
   * table the call loops over (`ROUTES.forEach((r) => router[r.method](r.path, r.handler))`), each
   * row reported where it is written.
   */
  private registerCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression, receiver: Receiver): boolean {
    const loop = tableLoopOf(call);
    const rows = loop && tableRowsOf(call, callee, loop);
    if (rows) {
      let recognised = false;
      for (const row of rows) {
        const method = row.method ?? calledMethodOf(callee);
        if (method !== undefined && this.adapterCall(row.call, method, receiver, row.row)) recognised = true;
      }
      return recognised;
    }
    if (loop && this.registerImportedTable(call, callee, receiver, loop)) return true;
    const method = calledMethodOf(callee);
    if (method === undefined) return false;
    const routers = loop ? undefined : routerLoopOf(call);
    if (routers && call.arguments.some((a) => isIdentifier(a) && a.text === routers.name)) return this.registerPerRouter(call, method, receiver, routers);
    return this.adapterCall(call, method, receiver);
  }

  /**
   * `for (const r of [users, admin]) app.use(r)`, `routes.forEach((route) => app.route('/', route))`:
   * the call once per router of the list, the loop's variable standing for that router.
   */
  private registerPerRouter(call: ts.CallExpression, method: string, receiver: Receiver, loop: RouterLoop): boolean {
    let recognised = false;
    for (const element of loop.elements) {
      const target = this.childOf(element);
      this.#scopes.push(new Map(target ? [[loop.name, target]] : []));
      this.#localHandlers.push(new Map([[loop.name, handlerRefOf(element, this.#ctx)]]));
      try {
        if (this.adapterCall(call, method, receiver)) recognised = true;
      } finally {
        this.#scopes.pop();
        this.#localHandlers.pop();
      }
    }
    return recognised;
  }

  /** What a route table's rows are read with. */
  readonly #tableContext = {
    locationOf: (node: ts.Node) => locationOf(node, this.sf),
    pathOf: (e: ts.Expression) => this.#ctx.pathOf(e),
    refsOf: (e: ts.Expression) => handlerRefsOf([e], this.#ctx),
  };

  /**
   * A loop over a table imported from another file, registering on an app or router whose routes
   * are method calls (Express, Koa, Hono) or Fastify route options: recorded for the graph, which
   * reads the table's rows.
   */
  private registerImportedTable(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.ElementAccessExpression, receiver: Receiver, loop: TableLoop): boolean {
    // Fastify: `app.route(r)` of each row's route options.
    const isRouteOptions = receiver.framework === 'fastify' && calledMethodOf(callee) === 'route';
    if (!isRouteOptions && receiver.framework !== 'express' && receiver.framework !== 'koa' && receiver.framework !== 'hono') return false;
    const template = isRouteOptions ? routeOptionsTemplateOf(call, loop, (e) => handlerRefsOf([e], this.#ctx)) : tableTemplateOf(call, callee, loop, (e) => handlerRefOf(e, this.#ctx));
    if (!template || !this.#ctx.imports.has(template.table)) return false;
    if ('name' in template.method && !ROW_METHODS.has(template.method.name.toLowerCase())) return false;
    this.#ctx.register(call, { kind: 'table', target: receiver.target, ...template });
    return true;
  }

  /** Where registrations made by the adapter call in progress are reported, when not at their call. */
  #reportAt: ts.Node | undefined;

  private adapterCall(call: ts.CallExpression, method: string, receiver: Receiver, reportAt?: ts.Node): boolean {
    this.#reportAt = reportAt;
    try {
      for (const adapter of this.adaptersFor(receiver)) if (adapter.onCall(call, method, receiver, this.#ctx)) return true;
      return false;
    } finally {
      this.#reportAt = undefined;
    }
  }

  /** Parameters become instances when something is registered on them (`function routes(app) {...}`). */
  private ensureInstance(receiver: Receiver, node: ts.Node): void {
    const target = receiver.target;
    if (!('instance' in target) || this.facts.instances.some((i) => i.id === target.instance)) return;
    this.facts.instances.push({
      id: target.instance,
      framework: receiver.framework,
      location: locationOf(node, this.sf),
      ...(this.#sharedContextParams.has(target.instance) ? { sharesParentContext: true } : {}),
    });
  }

  /** `registerAdminRoutes(app)`: the function's registrations on that parameter happen here. */
  private visitInvocation(call: ts.CallExpression | ts.NewExpression, callee: ts.Expression): void {
    const callArgs = call.arguments ?? [];
    // `require('./routes')(app, middleware)`: the module's default export, called with the app.
    const required = isCallExpression(callee) ? requiredSpecifier(callee) : undefined;
    if (!isIdentifier(callee) && !isPropertyAccessExpression(callee) && required === undefined) return;
    let named: { name: string | undefined; member?: string; module?: string } | undefined;
    let args: HandlerRef[] | undefined;
    callArgs.forEach((arg, argIndex) => {
      // `mount(app)`, and a class's own `mount(this.app)`.
      const receiver = isIdentifier(arg) ? this.lookup(arg.text) : isPropertyAccessExpression(arg) && arg.expression.kind === SyntaxKind.ThisKeyword ? this.receiverOf(arg) : undefined;
      if (!receiver) return;
      // Only a call given an app or router: the callee is named once, then.
      named ??= required !== undefined ? { name: '', module: required } : this.invokedName(callee as ts.Identifier | ts.PropertyAccessExpression);
      const { name, member, module } = named;
      if (name === undefined) return;
      args ??= callArgs.map((a) => argumentRefOf(a, this.#ctx));
      const { values, closed } = callerValuesOf(callArgs, this.#ctx.conditionNames);
      this.#ctx.register(call, { kind: 'invoke', target: receiver.target, callee: name, ...(member !== undefined ? { member } : {}), ...(module !== undefined ? { module } : {}), argIndex, args, values, ...(closed.length > 0 ? { closed } : {}) });
    });
  }

  /**
   * `registerRoutes`, or the owner and method of `new AdminRoutes().register(app)`, `routes.register(app)`
   * of `const routes = new AdminRoutes()`, `this.register(app)` (the class's method), `auth.register(app)`
   * (the object's).
   */
  private invokedName(callee: ts.Identifier | ts.PropertyAccessExpression): { name: string | undefined; member?: string } {
    if (isIdentifier(callee)) return { name: callee.text };
    const cls = this.ownerClassOf(skipParens(callee.expression), callee);
    const name = cls ? ('local' in cls ? cls.local.name?.text : cls.imported) : isIdentifier(callee.expression) ? callee.expression.text : undefined;
    return { name, member: callee.name.text };
  }
}

/** Methods that return their receiver, so calls chain on the same app/router. */
/** Base classes followed up a hierarchy: real ones are shallow. */
const MAX_INHERITANCE_DEPTH = 4;

const CHAINABLE = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'on', 'use', 'route', 'addHook', 'register', 'decorate', 'openapi']);

/** `require('express')()` and `require('express').Router()` bind no import but still use the framework. */
function inlineRequires(text: string): ImportBinding[] {
  if (!text.includes('require(')) return [];
  return [...text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)\s*[.(]/g)].map((m) => ({ local: '', imported: '*', specifier: m[1] ?? '' }));
}

/** `fn#index`: the instance id a parameter gets once something is registered on it. */
function paramIdOf(entry: ParamBinding): string {
  return `${functionIdOf(entry.paramOf)}#${entry.index}`;
}

function isWrappedInFastifyPlugin(fn: FunctionNode): boolean {
  return fn.parent !== undefined && sharesParentContext(fn.parent);
}

/** `{ app, requireAdmin: guard }`: each name bound and the field it takes (rest elements left out). */
function boundFieldsOf(pattern: ts.ObjectBindingPattern): Array<{ name: string; field: string }> {
  return pattern.elements.flatMap((element) => {
    const key = element.propertyName ?? element.name;
    return !element.dotDotDotToken && isIdentifier(element.name) && (isIdentifier(key) || isStringLiteral(key)) ? [{ name: element.name.text, field: key.text }] : [];
  });
}

function isInstanceTarget(target: TargetRef | undefined): boolean {
  return target !== undefined && !('call' in target);
}

function isParamInstance(receiver: Receiver): boolean {
  return 'instance' in receiver.target && receiver.target.instance.includes('#');
}

/** `return this.router;` as the last statement of a method or getter: the field it hands out. */
function returnedThisField(member: ts.ClassElement): string | undefined {
  if (!(isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) || !member.body) return undefined;
  const last = member.body.statements[member.body.statements.length - 1];
  const returned = last && ts.isReturnStatement(last) && last.expression ? skipParens(last.expression) : undefined;
  return returned && isPropertyAccessExpression(returned) && returned.expression.kind === SyntaxKind.ThisKeyword ? returned.name.text : undefined;
}

/** What an expression evaluates to, through `await` and assignments (`var app = module.exports = express()`). */
function unwrapValue(expr: ts.Expression): ts.Expression {
  let e = skipParens(expr);
  while (isAwaitExpression(e) || (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.EqualsToken)) e = skipParens(isAwaitExpression(e) ? e.expression : e.right);
  return e;
}

/** A middleware known by a name inside a function, or a function declared there and not judged yet. */
type LocalHandler = HandlerRef | { kind: 'hoisted'; declaration: ts.FunctionDeclaration };

/** The function declarations at the top of a function's body, by name: hoisted, so usable before they are written. */
function hoistedFunctionsOf(fn: FunctionNode): Map<string, LocalHandler> | undefined {
  const body = fn.body;
  if (!body || !isBlock(body)) return undefined;
  let hoisted: Map<string, LocalHandler> | undefined;
  for (const stmt of body.statements) {
    if (isFunctionDeclaration(stmt) && stmt.name && stmt.body) (hoisted ??= new Map()).set(stmt.name.text, { kind: 'hoisted', declaration: stmt });
  }
  return hoisted;
}

/** `plugin[Symbol.for('skip-override')]`: the key fastify-plugin sets to share the parent's context. */
function isSkipOverride(left: ts.Expression): boolean {
  if (!ts.isElementAccessExpression(left)) return false;
  const key = skipParens(left.argumentExpression);
  if (!isCallExpression(key) || !isPropertyAccessExpression(key.expression) || key.expression.getText() !== 'Symbol.for') return false;
  const [name] = key.arguments;
  return name !== undefined && ts.isStringLiteralLike(name) && name.text === 'skip-override';
}
