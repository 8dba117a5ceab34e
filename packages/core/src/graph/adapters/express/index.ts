import { ts } from '../../../parse/typescript.js';
import type { FrameworkAdapter } from '../../adapter.js';
import { isImportedFrom } from '../imported-from.js';
import { pathsOf, recordMethodCall } from '../method-route.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isStringLiteralLike } = ts;

const isExpress = (s: string): boolean => s === 'express';

/** Express 4/5: `express()`, `express.Router()`, `METHOD`, `all`, `use`, `route(path).METHOD`. */
const express: FrameworkAdapter = {
  name: 'express',
  detects: (imports) => imports.some((i) => isExpress(i.specifier)),
  createsInstance(expr, ctx) {
    if (!isCallExpression(expr)) return undefined;
    return isImportedFrom(expr.expression, ctx, isExpress, ['default', '*', 'Router']) ? {} : undefined;
  },
  deriveReceiver(call, method, receiver, ctx) {
    if (method !== 'route') return undefined;
    const path = pathsOf(call.arguments[0], ctx)?.[0];
    return path ? { ...receiver, routePath: path } : undefined;
  },
  onCall(call, method, receiver, ctx) {
    if (method !== 'param') return recordMethodCall(call, method, receiver, ctx);
    // `app.param('tenant', fn)`: request-time lookup, so its place among the routes does not matter.
    const [name, ...rest] = call.arguments;
    if (!name || !isStringLiteralLike(name) || rest.length === 0) return false;
    ctx.register(call, { kind: 'use', target: receiver.target, paths: undefined, handlers: ctx.handlerRefsOf(rest), orderless: true, param: name.text });
    return true;
  },
};

export default express;
