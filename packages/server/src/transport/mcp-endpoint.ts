import { randomBytes } from 'node:crypto';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Context } from 'hono';
import type { AuthVariables, Principal } from '../auth/principal.js';
import { HttpError } from '../http-error.js';
import type { ObservabilityVariables } from '../observability/observability-variables.js';
import type { SessionStore } from '../storage/session-store.js';
import { tamperedAsMissing } from '../storage/tampered-as-missing.js';
import type { JsonRpcMessage, JsonRpcVariables } from './json-rpc-guard.js';

export const SUPPORTED_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18'] as const;
const LATEST = SUPPORTED_PROTOCOL_VERSIONS[0];
/** Visible ASCII (0x21-0x7E), as the Streamable HTTP spec requires of session ids. */
const SESSION_ID = /^[\x21-\x7e]{16,128}$/;

export type McpEnv = { Variables: ObservabilityVariables & AuthVariables & JsonRpcVariables };

export interface McpEndpointOptions {
  sessions: SessionStore;
  createServer: () => McpServer;
  clock: () => number;
}

/** 128 random bits, base64url: visible ASCII, unguessable. */
export function createSessionId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * MCP Streamable HTTP with sessions that live in the store, not in the process. Every request gets
 * its own SDK transport and server (a transport is never shared between clients): `initialize`
 * uses a session-minting transport, later requests are checked against the store here (owner,
 * expiry) and handed to a fresh stateless transport, so any instance can serve any session.
 * Responses are plain JSON; the optional GET stream is not offered (405), as the spec allows.
 */
export function createMcpEndpoint<E extends McpEnv = McpEnv>(options: McpEndpointOptions) {
  const serve = async (c: Context<E>, message: JsonRpcMessage, transport: WebStandardStreamableHTTPServerTransport) => {
    const server = options.createServer();
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw, { parsedBody: message });
    } finally {
      void server.close();
    }
  };

  const initialize = async (c: Context<E>, message: JsonRpcMessage) => {
    if (c.req.header('mcp-session-id') !== undefined) throw new HttpError(400, 'invalid_request', 'initialize must not carry a session id.');
    const requested = message.params?.protocolVersion;
    // Offer our latest version to clients asking for one we do not serve; the client then decides.
    const protocolVersion = SUPPORTED_PROTOCOL_VERSIONS.find((v) => v === requested) ?? LATEST;
    const principal = c.get('principal');
    // The session is stored before the SDK sees the request: a store failure then surfaces as our
    // 503, where inside the SDK's session callback it would become a 400 carrying the error text.
    const sessionId = createSessionId();
    const now = options.clock();
    await options.sessions.create(sessionId, { principal: principal.id, protocolVersion, createdAt: now, lastSeenAt: now });
    c.get('log').info({ event: 'session_opened', principal: principal.id }, 'MCP session opened');
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: () => sessionId, enableJsonResponse: true });
    return serve(c, { ...message, params: { ...message.params, protocolVersion } }, transport);
  };

  const continueSession = async (c: Context<E>, message: JsonRpcMessage) => {
    await requireOwnSession(c, options, c.get('principal'));
    return serve(c, message, new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true }));
  };

  return {
    async post(c: Context<E>) {
      checkProtocolVersion(c.req.header('mcp-protocol-version'));
      const message = c.get('rpcMessage');
      return message.method === 'initialize' ? initialize(c, message) : continueSession(c, message);
    },
    async get() {
      throw new HttpError(405, 'method_not_allowed', 'This server does not offer a server-to-client stream.', { Allow: 'POST, DELETE' });
    },
    async delete(c: Context<E>) {
      checkProtocolVersion(c.req.header('mcp-protocol-version'));
      const sessionId = await requireOwnSession(c, options, c.get('principal'));
      await options.sessions.delete(sessionId);
      c.get('log').info({ event: 'session_closed', principal: c.get('principal').id }, 'MCP session closed');
      return c.body(null, 204);
    },
  };
}

function checkProtocolVersion(header: string | undefined): void {
  if (header !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.some((v) => v === header)) {
    throw new HttpError(400, 'unsupported_protocol_version', `Unsupported MCP-Protocol-Version; supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}.`);
  }
}

/** The caller's live session, or 404 for unknown, expired and other principals' sessions alike. */
async function requireOwnSession<E extends McpEnv>(c: Context<E>, options: McpEndpointOptions, principal: Principal): Promise<string> {
  const sessionId = c.req.header('mcp-session-id');
  if (sessionId === undefined) throw new HttpError(400, 'session_required', 'Mcp-Session-Id header is required.');
  const session = SESSION_ID.test(sessionId)
    ? await options.sessions.touch(sessionId, options.clock()).catch(tamperedAsMissing(c.get('log'), 'sessions'))
    : undefined;
  if (!session || session.principal !== principal.id) {
    if (session) c.get('log').warn({ event: 'auth_failure', reason: 'foreign_session', principal: principal.id }, 'session of another principal');
    throw new HttpError(404, 'session_not_found', 'Session not found.');
  }
  return sessionId;
}
