import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';

/**
 * Refuses a declared oversized body at once (413), before any store is asked about the caller.
 * Bodies without Content-Length (chunked) are capped while being read by the JSON-RPC guard.
 */
export function createContentLengthGuard(options: { maxBytes: number }): MiddlewareHandler {
  return async function contentLengthGuard(c, next) {
    const declared = Number(c.req.header('content-length') ?? '0');
    if (!Number.isFinite(declared) || declared > options.maxBytes) throw tooLarge(options.maxBytes);
    await next();
  };
}

export function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body exceeds ${maxBytes} bytes.`);
}
