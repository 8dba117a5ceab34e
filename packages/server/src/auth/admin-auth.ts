import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';
import type { AuthFailures } from './auth-failure.js';
import { createConstantTimeMatcher } from './constant-time-match.js';
import { parseBearer } from './parse-bearer.js';

export type AdminVariables = {
  /** `admin:<first 12 hex of the key's SHA-256>`: names which key acted without revealing it. */
  adminActor: string;
};

export interface AdminAuthOptions {
  adminKeys: readonly string[];
  failures: AuthFailures;
}

/**
 * Admin credential: `Authorization: Bearer <key>` or `X-API-Key: <key>`, matched in constant time
 * against the configured admin keys only. API tokens and OAuth tokens never pass. Every refusal is
 * the same bare 401, whatever was wrong.
 */
export function createAdminAuth(options: AdminAuthOptions): MiddlewareHandler<{ Variables: ObservabilityVariables & AdminVariables }> {
  if (options.adminKeys.length === 0) throw new Error('createAdminAuth: at least one admin key is required');
  const match = createConstantTimeMatcher(options.adminKeys);
  const actors = options.adminKeys.map((k) => `admin:${createHash('sha256').update(k).digest('hex').slice(0, 12)}`);

  return async function adminAuth(c, next) {
    const presented = parseBearer(c.req.header('authorization')) ?? c.req.header('x-api-key');
    const index = presented === undefined ? -1 : match(presented);
    const actor = actors[index];
    if (actor === undefined) {
      await options.failures.record(c, presented === undefined ? 'admin_credential_missing' : 'admin_credential_invalid');
      throw new HttpError(401, 'unauthorized', 'Authentication required.');
    }
    c.set('adminActor', actor);
    await next();
  };
}
