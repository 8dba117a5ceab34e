import { describe, expect, it } from 'vitest';
import { loggedSecretsOf } from '../../tests/support/logged-secrets.js';

/** The secrets the log calls of `code` are given. */
const loggedOf = (code: string) => loggedSecretsOf(code).flat();

describe('a token response (tokenResponseOf)', () => {
  it.each([
    ['fetch to a token URL', "export async function f() { const r = await fetch('https://idp/oauth2/token', { method: 'POST' }); const j = await r.json(); console.log(j); }", 'r.json().access_token'],
    ['fetch sending a grant_type', "export async function f(u: string) { const body = new URLSearchParams({ grant_type: 'client_credentials' }); const r = await fetch(u, { method: 'POST', body }); console.log(await r.json()); }", 'r.json().access_token'],
    ['axios post data', "import axios from 'axios';\nexport async function f(u: string) { const res = await axios.post(u, { grant_type: 'password' }); console.log(res.data); }", 'axios.post().data.access_token'],
    ['openid-client v6 grant', "import { refreshTokenGrant } from 'openid-client';\nexport async function f(c: any, rt: string) { const t = await refreshTokenGrant(c, rt); console.log(t); }", 'refreshTokenGrant().access_token'],
    ['openid-client v5 client method', "import { Issuer } from 'openid-client';\nexport async function f(client: any, rt: string) { console.log(await client.refresh(rt)); }", 'client.refresh().access_token'],
  ])('%s', (_name, code, label) => {
    expect(loggedOf(code)).toContain(label);
  });

  it.each([
    ['the error body of a failed request', "export async function f() { const r = await fetch('https://idp/token', { method: 'POST' }); if (!r.ok) { console.log(await r.json()); } }"],
    ['an introspection endpoint', "export async function f() { const r = await fetch('https://idp/token/introspect', { method: 'POST' }); console.log(await r.json()); }"],
    ['the expiry of a token response', "export async function f() { const r = await fetch('https://idp/token', { method: 'POST' }); const j = await r.json(); console.log(j.expires_in, j.scope); }"],
    ['a refresh of something else', "import { Issuer } from 'openid-client';\nexport async function f(cache: any) { console.log(await cache.refresh()); }"],
    ['a post without axios', "export async function f(api: any) { const res = await api.post('/oauth/token', {}); console.log(res.data); }"],
  ])('not %s', (_name, code) => {
    expect(loggedOf(code)).toEqual([]);
  });
});
