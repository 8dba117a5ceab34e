import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';
import { tooLarge } from './content-length-guard.js';

export type JsonRpcMessage = { jsonrpc: '2.0'; method?: string; id?: string | number | null; params?: Record<string, unknown> };
export type JsonRpcVariables = { rpcMessage: JsonRpcMessage };

/** The MCP methods this server serves; anything else never reaches the SDK. */
export const ALLOWED_METHODS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'notifications/initialized',
  'notifications/cancelled',
]);

/** Keys that could reach an object's prototype chain when the message is merged somewhere later. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class JsonRpcRejection extends HttpError {
  constructor(
    readonly rpcCode: number,
    message: string,
    readonly rpcId: string | number | null = null,
  ) {
    super(400, 'invalid_request', message);
  }
}

/**
 * Reads the POST body once, at most `maxBytes` of it (413 beyond, whatever Content-Length claimed),
 * and refuses what the server does not serve: non-JSON, batches (removed from MCP in 2025-06-18),
 * prototype-polluting keys and methods outside the allow-list. The SDK transport then receives the
 * parsed message and never reads the body again.
 */
export function createJsonRpcGuard(options: { maxBytes: number }): MiddlewareHandler<{ Variables: JsonRpcVariables }> {
  return async function jsonRpcGuard(c, next) {
    const message = parseMessage(await readLimitedText(c.req.raw, options.maxBytes));
    c.set('rpcMessage', message);
    await next();
  };
}

async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  // A declared length was already checked against the limit: read it in one go. This comes before
  // any look at `request.body`: on @hono/node-server that getter builds a full web Request (stream,
  // AbortSignal) per request, where `text()` reads the socket directly.
  if (request.headers.has('content-length')) return request.text();
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}


export function parseMessage(text: string): JsonRpcMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new JsonRpcRejection(-32600, `The key "${key}" is not allowed.`);
      return value;
    });
  } catch (error) {
    if (error instanceof JsonRpcRejection) throw error;
    throw new JsonRpcRejection(-32700, 'Parse error: the body is not JSON.');
  }
  if (Array.isArray(parsed)) throw new JsonRpcRejection(-32600, 'JSON-RPC batches are not supported.');
  if (!isObject(parsed) || parsed.jsonrpc !== '2.0') throw new JsonRpcRejection(-32600, 'Not a JSON-RPC 2.0 message.');
  const id = typeof parsed.id === 'string' || typeof parsed.id === 'number' ? parsed.id : null;
  if (typeof parsed.method !== 'string') throw new JsonRpcRejection(-32600, 'This server accepts only requests and notifications.', id);
  if (!ALLOWED_METHODS.has(parsed.method)) throw new JsonRpcRejection(-32601, 'Method not found.', id);
  if (parsed.params !== undefined && !isObject(parsed.params)) throw new JsonRpcRejection(-32602, 'params must be an object.', id);
  return parsed as JsonRpcMessage;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
