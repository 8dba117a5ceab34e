import type { Location } from '../findings/location.js';
import type { ts } from '../parse/typescript.js';
import type { ImportBinding } from '../summary/module-facts.js';
import type { HandlerContext } from './handler-ref-of.js';
import type { ConstantTable, PathExpr } from './path-expr.js';
import type { Condition, FrameworkName, HandlerRef, RegistrationFact, RouteFacts, TargetRef } from './route-facts.js';

/** What a call is made on: an app/router, and for Express `app.route('/x')` the path it fixes. */
export interface Receiver {
  target: TargetRef;
  framework: FrameworkName | undefined;
  routePath?: PathExpr;
}

/** A new app/router created by an expression (`new Hono()`, `express.Router()`). */
export interface InstanceInit {
  prefix?: PathExpr;
  /** Express `Router({ caseSensitive: true })`. */
  caseSensitive?: true;
}

type WithoutPosition<T> = T extends RegistrationFact ? Omit<T, 'location' | 'condition'> : never;

/** What the walker offers an adapter while it visits one file. */
export interface AdapterContext extends HandlerContext {
  imports: ReadonlyMap<string, ImportBinding>;
  constants: ConstantTable;
  facts: RouteFacts;
  /** A path argument (literal, template, constant), or undefined when it is not a path. */
  pathOf(expr: ts.Expression): PathExpr | undefined;
  /** The app/router an expression denotes (identifier in scope, chained call, inline creation). */
  receiverOf(expr: ts.Expression): Receiver | undefined;
  /** The app/router a mount's child argument denotes, resolvable later when it is a name. */
  childOf(expr: ts.Expression): TargetRef | undefined;
  handlerRefsOf(args: readonly ts.Expression[]): HandlerRef[];
  /** Records a registration at `node` under the current production condition. */
  register(node: ts.Node, fact: WithoutPosition<RegistrationFact>): void;
  locationOf(node: ts.Node): Location;
  condition(): Condition;
}

/**
 * A framework plugin of the route graph: turns framework syntax into neutral facts (instances,
 * routes, middleware, mounts) and nothing more. The graph never imports an adapter.
 */
export interface FrameworkAdapter {
  name: FrameworkName;
  /** Import specifiers only: cheap. */
  detects(imports: readonly ImportBinding[]): boolean;
  /** `new Hono()`, `express()`, `new Router({ prefix })`: an instance this expression creates. */
  createsInstance(expr: ts.Expression, ctx: AdapterContext): InstanceInit | undefined;
  /** A receiver derived from a call on another (`app.basePath('/x')`, Express `app.route('/x')`). */
  deriveReceiver?(call: ts.CallExpression, method: string, receiver: Receiver, ctx: AdapterContext): Receiver | undefined;
  /** Records the registrations of `receiver.method(...)`; returns whether it recognised the call. */
  onCall(call: ts.CallExpression, method: string, receiver: Receiver, ctx: AdapterContext): boolean;
  /** Class-based frameworks (Nest controllers and guards); also a class expression bound at module level (tsc's output). */
  onClass?(node: ts.ClassLikeDeclaration, ctx: AdapterContext): void;
  /** Once per file, before the walk: top-level facts no call or class carries (Nest decorator factories). */
  onFile?(sf: ts.SourceFile, ctx: AdapterContext): void;
}
