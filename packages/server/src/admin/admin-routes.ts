import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AdminVariables } from '../auth/admin-auth.js';
import { HttpError } from '../http-error.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';
import type { AuditAction, AuditStore } from '../storage/audit-store.js';
import type { SessionStore } from '../storage/session-store.js';
import type { TokenStore } from '../storage/token-store.js';

export interface AdminRoutesOptions {
  tokens: TokenStore;
  sessions: SessionStore;
  audit: AuditStore;
  clock: () => number;
  defaultTokenTtlSeconds: number;
}

type AdminEnv = { Variables: ObservabilityVariables & AdminVariables };

const SCOPE = z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]{1,64}$/, 'an RFC 6749 scope token');
const issueSchema = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  scopes: z.array(SCOPE).min(1).max(20),
  ttlSeconds: z.number().int().min(60).max(31_536_000).optional(),
});
const auditQuery = z.object({
  since: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const RECORD_ID = /^[a-f0-9]{32}$/;
const SESSION_HANDLE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The admin API. It is mounted behind the admin guard in app.ts (every `/admin` spelling passes
 * through it first); each action is written to the audit trail with the acting key's fingerprint.
 */
export function createAdminRoutes(options: AdminRoutesOptions) {
  const admin = new Hono<AdminEnv>();
  const audit = async (c: Context<AdminEnv>, action: AuditAction, target?: string) => {
    c.get('log').info({ event: 'admin_action', action, actor: c.get('adminActor'), target }, 'admin action');
    await options.audit.append({ actor: c.get('adminActor'), action, target, ip: c.get('clientIp'), outcome: 'success' }, options.clock());
  };

  admin.post('/tokens', async (c) => {
    const input = issueSchema.safeParse(await readJson(c));
    if (!input.success) throw new HttpError(400, 'invalid_body', 'Body must be { subject, scopes[], ttlSeconds? }.');
    const ttlSeconds = input.data.ttlSeconds ?? options.defaultTokenTtlSeconds;
    const { record, token } = await options.tokens.issue({ ...input.data, ttlSeconds }, options.clock());
    await audit(c, 'token.issue', record.id);
    return c.json({ id: record.id, token, expiresAt: new Date(record.expiresAt).toISOString() }, 201);
  });

  admin.get('/tokens', async (c) => {
    const records = await options.tokens.list(options.clock());
    await audit(c, 'token.list');
    return c.json({
      tokens: records.map((r) => ({
        id: r.id,
        subject: r.subject,
        scopes: r.scopes,
        createdAt: iso(r.createdAt),
        expiresAt: iso(r.expiresAt),
        lastUsedAt: r.lastUsedAt === undefined ? null : iso(r.lastUsedAt),
        useCount: r.useCount ?? 0,
      })),
    });
  });

  admin.delete('/tokens/:id', async (c) => {
    const id = c.req.param('id');
    if (!RECORD_ID.test(id) || !(await options.tokens.revoke(id))) throw new HttpError(404, 'not_found', 'No such token.');
    await audit(c, 'token.revoke', id);
    return c.body(null, 204);
  });

  admin.get('/sessions', async (c) => {
    const sessions = await options.sessions.list(options.clock());
    await audit(c, 'session.list');
    return c.json({
      sessions: sessions.map((s) => ({ id: s.handle, principal: s.principal, protocolVersion: s.protocolVersion, createdAt: iso(s.createdAt) })),
    });
  });

  admin.delete('/sessions/:id', async (c) => {
    const handle = c.req.param('id');
    if (!SESSION_HANDLE.test(handle) || !(await options.sessions.deleteByHandle(handle))) throw new HttpError(404, 'not_found', 'No such session.');
    await audit(c, 'session.end', handle);
    return c.body(null, 204);
  });

  admin.get('/audit', async (c) => {
    const query = auditQuery.safeParse(c.req.query());
    if (!query.success) throw new HttpError(400, 'invalid_query', 'since (epoch ms) and limit (1-1000) must be integers.');
    const entries = await options.audit.list(query.data);
    await audit(c, 'audit.read');
    return c.json({ entries });
  });

  admin.get('/audit/verify', async (c) => {
    const result = await options.audit.verify();
    await audit(c, 'audit.verify');
    return c.json(result, result.ok ? 200 : 409);
  });

  return admin;
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid_body', 'Body must be JSON.');
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
