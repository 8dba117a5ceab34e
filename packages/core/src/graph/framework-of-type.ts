import type { FunctionNode } from './judge-function.js';
import type { FrameworkName } from './route-facts.js';
import { ts } from '../parse/typescript.js';

// TypeScript's bundle exposes its API through getters: read the ones used here once.
const { isCallExpression, isParenthesizedExpression, isVariableDeclaration } = ts;

export function variableTypeOf(fn: FunctionNode): string | undefined {
  let n: ts.Node = fn;
  while (n.parent && (isCallExpression(n.parent) || isParenthesizedExpression(n.parent))) n = n.parent;
  return n.parent && isVariableDeclaration(n.parent) ? n.parent.type?.getText() : undefined;
}

/** The framework a parameter's type names (`app: Hono`, `FastifyPluginAsync`, `Router`). */
export function frameworkOfType(typeText: string | undefined): FrameworkName | undefined {
  if (!typeText) return undefined;
  if (/\bFastify/.test(typeText)) return 'fastify';
  if (/Hono\b/.test(typeText)) return 'hono';
  if (/\bExpress\b|express\.|\bApplication\b/.test(typeText)) return 'express';
  return undefined;
}
