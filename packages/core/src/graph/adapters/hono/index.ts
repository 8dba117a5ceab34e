import { ts } from '../../../parse/typescript.js';
import type { FrameworkAdapter } from '../../adapter.js';
import { skipParens } from '../../path-expr.js';
import { isImportedFrom } from '../imported-from.js';
import { pathsOf, recordMethodCall } from '../method-route.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isArrayLiteralExpression, isNewExpression, isStringLiteralLike } = ts;

const isHonoSpecifier = (s: string): boolean => s === 'hono' || s.startsWith('hono/') || s === '@hono/zod-openapi';

/** Hono: `new Hono()`, `basePath`, `get/post/.../all/on`, `use`, `route`, `mount`. */
const hono: FrameworkAdapter = {
  name: 'hono',
  detects: (imports) => imports.some((i) => isHonoSpecifier(i.specifier)),
  createsInstance(expr, ctx) {
    if (!isNewExpression(expr)) return undefined;
    return isImportedFrom(expr.expression, ctx, isHonoSpecifier, ['Hono', 'OpenAPIHono']) ? {} : undefined;
  },
  deriveReceiver(call, method, receiver, ctx) {
    if (method !== 'basePath') return undefined;
    const prefix = pathsOf(call.arguments[0], ctx)?.[0];
    const id = `hono-base@${call.getStart(ctx.sf)}`;
    if (!ctx.facts.instances.some((i) => i.id === id)) {
      ctx.facts.instances.push({ id, framework: 'hono', prefix, baseOf: receiver.target, location: ctx.locationOf(call) });
    }
    return { target: { instance: id }, framework: 'hono' };
  },
  onCall(call, method, receiver, ctx) {
    const args = call.arguments;
    if (method === 'route') {
      const prefix = pathsOf(args[0], ctx)?.[0];
      const child = args[1] && ctx.childOf(args[1]);
      if (!prefix || !child) return false;
      ctx.register(call, { kind: 'mount', target: receiver.target, prefix, child, encapsulated: false });
      return true;
    }
    if (method === 'mount') {
      ctx.register(call, { kind: 'unknown', target: receiver.target, reason: 'app.mount() hands requests to a non-Hono handler' });
      return true;
    }
    if (method === 'on') return recordOn(call, receiver, ctx);
    return recordMethodCall(call, method, receiver, ctx);
  },
};

/** `app.on('PURGE', '/x', h)` and `app.on(['GET', 'POST'], ['/a', '/b'], h)`. */
function recordOn(call: ts.CallExpression, receiver: Parameters<FrameworkAdapter['onCall']>[2], ctx: Parameters<FrameworkAdapter['onCall']>[3]): boolean {
  const [methodArg, pathArg, ...rest] = call.arguments;
  const paths = pathsOf(pathArg, ctx);
  if (!methodArg || !paths || rest.length === 0) return false;
  const m = skipParens(methodArg);
  const methods = isArrayLiteralExpression(m)
    ? m.elements.flatMap((el) => (isStringLiteralLike(el) ? [el.text.toLowerCase()] : []))
    : isStringLiteralLike(m) ? [m.text.toLowerCase()] : ['all'];
  const refs = ctx.handlerRefsOf(rest);
  ctx.register(call, { kind: 'route', target: receiver.target, methods, paths, guards: refs.slice(0, -1), handler: refs[refs.length - 1] });
  return true;
}

export default hono;
