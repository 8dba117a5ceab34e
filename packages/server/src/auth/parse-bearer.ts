/**
 * RFC 6750 §2.1: `Bearer` (case-insensitive scheme, RFC 9110 §11.1) then one or more spaces then a
 * b64token. Anything else (tabs, a second token, a missing value, another scheme) is not a bearer
 * credential at all.
 */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export function parseBearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return BEARER.exec(header)?.[1];
}
