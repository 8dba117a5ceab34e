import type { Rule } from '@shiftguard/core';
import { Hono, type Context } from 'hono';
import { every, except } from 'hono/combine';
import { cors } from 'hono/cors';
import type { Logger } from 'pino';
import { createAdminRoutes } from './admin/admin-routes.js';
import { createAdminAuth, type AdminVariables } from './auth/admin-auth.js';
import { createAuthFailures } from './auth/auth-failure.js';
import { createBearerAuth } from './auth/bearer-auth.js';
import type { JwtVerifier } from './auth/jwt-verifier.js';
import type { AuthVariables } from './auth/principal.js';
import type { ServerConfig } from './config/server-config.js';
import { HttpError } from './http-error.js';
import type { ObservabilityVariables } from './observability/observability-variables.js';
import { createRequestLogger } from './observability/request-logger.js';
import { createSecurityHeaders } from './observability/security-headers.js';
import type { Stores } from './storage/create-stores.js';
import { StorageUnavailableError } from './storage/storage-unavailable-error.js';
import { createMcpServerFactory } from './tools/create-mcp-server.js';
import type { ScanRunner } from './tools/scan-runner.js';
import { createContentLengthGuard } from './transport/content-length-guard.js';
import { createHostGuard } from './transport/host-guard.js';
import { isAdminPath } from './transport/is-admin-path.js';
import { createJsonRpcGuard, JsonRpcRejection, type JsonRpcVariables } from './transport/json-rpc-guard.js';
import { createMcpEndpoint } from './transport/mcp-endpoint.js';
import { createOriginGuard } from './transport/origin-guard.js';
import { createQueryCredentialGuard } from './transport/query-credential-guard.js';
import { createRateLimit } from './transport/rate-limit.js';

export interface AppDeps {
  config: ServerConfig;
  stores: Stores;
  logger: Logger;
  clock: () => number;
  /** The client address for rate limits and logs (socket peer, or X-Forwarded-For from a trusted proxy). */
  getClientIp: (c: Context) => string;
  scanner: ScanRunner;
  rules: readonly Rule[];
  docsDir: URL;
  verifyJwt?: JwtVerifier;
}

export type AppEnv = { Variables: ObservabilityVariables & AuthVariables & AdminVariables & JsonRpcVariables };

export const MAX_BODY_BYTES = 1024 * 1024;
export const MCP_SCOPE = 'mcp';

/** Hono wiring only: every piece is built (and its options checked) here, once, at startup. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, stores, clock } = deps;
  const app = new Hono<AppEnv>();
  const resourceMetadataUrl = `${config.publicUrl}/.well-known/oauth-protected-resource/mcp`;
  const failures = createAuthFailures({ audit: stores.audit, rateLimits: stores.rateLimits, rule: config.rateLimits.authFailure, clock });
  const mcp = createMcpEndpoint<AppEnv>({
    sessions: stores.sessions,
    clock,
    createServer: createMcpServerFactory({ scanner: deps.scanner, rules: deps.rules, docsDir: deps.docsDir }),
  });

  app.onError((error, c) => renderError(error, c, deps.logger));
  app.notFound((c) => c.json({ error: 'not_found', message: 'Not found.' }, 404));

  app.use(createRequestLogger({ logger: deps.logger, clock, getClientIp: deps.getClientIp }));
  app.use(createSecurityHeaders({ hsts: config.environment === 'production' }));
  app.use(createHostGuard({ allowedHosts: config.allowedHosts }));
  app.use(createOriginGuard({ allowedOrigins: config.allowedOrigins }));
  app.use(createQueryCredentialGuard());

  app.use(
    except(
      (c) => !isAdminPath(rawPathOf(c.req.url)),
      every(
        createRateLimit<AppEnv['Variables']>({ store: stores.rateLimits, bucket: 'admin', rule: config.rateLimits.admin, keyOf: (c) => c.get('clientIp') }),
        failures.gate,
        createAdminAuth({ adminKeys: config.adminApiKeys, failures }),
      ),
    ),
  );
  app.route(
    '/admin',
    createAdminRoutes({ tokens: stores.tokens, sessions: stores.sessions, audit: stores.audit, clock, defaultTokenTtlSeconds: config.apiTokenTtlSeconds }),
  );

  const corsHeaders = cors({
    origin: (origin) => (config.allowedOrigins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Accept', 'Mcp-Session-Id', 'MCP-Protocol-Version', 'Last-Event-ID'],
    exposeHeaders: ['Mcp-Session-Id', 'WWW-Authenticate'],
    maxAge: 600,
  });
  app.use(
    '/mcp',
    // CORS headers only matter to browsers, which always send Origin (disallowed ones were refused above).
    except((c) => c.req.header('origin') === undefined, corsHeaders),
    // Refused before authentication: an oversized upload costs no store lookups.
    createContentLengthGuard({ maxBytes: MAX_BODY_BYTES }),
    // A peer locked out for failed authentications gets no credential checked, valid or not.
    failures.gate,
    createBearerAuth({ tokens: stores.tokens, verifyJwt: deps.verifyJwt, requiredScope: MCP_SCOPE, resourceMetadataUrl, failures, clock }),
    createRateLimit<AppEnv['Variables']>({ store: stores.rateLimits, bucket: 'mcp', rule: config.rateLimits.mcp, keyOf: (c) => c.get('principal').id }),
  );
  app.post('/mcp', createJsonRpcGuard({ maxBytes: MAX_BODY_BYTES }), (c) => mcp.post(c));
  app.get('/mcp', () => mcp.get());
  app.delete('/mcp', (c) => mcp.delete(c));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/ready', async (c) => ((await stores.isReady()) ? c.json({ status: 'ready' }) : c.json({ status: 'unavailable' }, 503)));
  const metadata = (resource: string) => ({
    resource,
    authorization_servers: config.oauth ? [config.oauth.issuer] : [],
    bearer_methods_supported: ['header'],
    scopes_supported: [MCP_SCOPE],
  });
  app.get('/.well-known/oauth-protected-resource', (c) => c.json(metadata(config.publicUrl)));
  app.get('/.well-known/oauth-protected-resource/mcp', (c) => c.json(metadata(`${config.publicUrl}/mcp`)));
  return app;
}

/** The path exactly as sent (undecoded, unnormalised), which `new URL` would already tidy up. */
function rawPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.indexOf('?', start);
  return start === -1 ? '/' : url.slice(start, end === -1 ? undefined : end);
}

/** `{ error, message }` (JSON-RPC errors for /mcp messages); never a stack trace or internal detail. */
function renderError(error: Error, c: Context, logger: Logger): Response {
  if (error instanceof JsonRpcRejection) {
    return c.json({ jsonrpc: '2.0', id: error.rpcId, error: { code: error.rpcCode, message: error.message } }, 400);
  }
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return c.json({ error: error.code, message: error.message }, error.status);
  }
  if (error instanceof StorageUnavailableError) {
    logger.error({ event: 'storage_unavailable', cause: String(error.cause) }, 'storage unavailable');
    c.header('Retry-After', '1');
    return c.json({ error: 'unavailable', message: 'The service is temporarily unavailable.' }, 503);
  }
  logger.error({ err: { name: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
  return c.json({ error: 'internal_error', message: 'Internal error.' }, 500);
}
