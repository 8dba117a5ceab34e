import { ts } from '../../../parse/typescript.js';
import type { FrameworkAdapter } from '../../adapter.js';
import { isImportedFrom } from '../imported-from.js';
import { pathsOf, recordMethodCall, recordParamCallback } from '../method-route.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression } = ts;

const isExpress = (s: string): boolean => s === 'express';
/** The MCP SDK's `createMcpExpressApp()`: an Express app with JSON parsing and DNS-rebinding protection. */
const isMcpExpress = (s: string): boolean => s === '@modelcontextprotocol/sdk/server/express.js' || s === '@modelcontextprotocol/sdk/server/express' || s === '@modelcontextprotocol/express';

/** Express 4/5: `express()`, `express.Router()` (and the MCP SDK's `createMcpExpressApp()`), `METHOD`, `all`, `use`, `route(path).METHOD`. */
const express: FrameworkAdapter = {
  name: 'express',
  detects: (imports) => imports.some((i) => isExpress(i.specifier) || isMcpExpress(i.specifier)),
  createsInstance(expr, ctx) {
    if (!isCallExpression(expr)) return undefined;
    return isImportedFrom(expr.expression, ctx, isExpress, ['default', '*', 'Router']) || isImportedFrom(expr.expression, ctx, isMcpExpress, ['createMcpExpressApp']) ? {} : undefined;
  },
  deriveReceiver(call, method, receiver, ctx) {
    if (method !== 'route') return undefined;
    const path = pathsOf(call.arguments[0], ctx)?.[0];
    return path ? { ...receiver, routePath: path } : undefined;
  },
  onCall(call, method, receiver, ctx) {
    return method === 'param' ? recordParamCallback(call, receiver, ctx) : recordMethodCall(call, method, receiver, ctx);
  },
};

export default express;
