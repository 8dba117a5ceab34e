import { describe, expect, it } from 'vitest';
import { loggedSecretsOf } from '../../tests/support/logged-secrets.js';

/** The secrets the log calls of `code` (a file using axios) are given. */
const loggedOf = (code: string) => loggedSecretsOf(`import axios from 'axios';\n${code}`).flat();

describe('the config of a failed axios request (axiosRequestsFailingInto)', () => {
  it.each([
    ['per-request headers, in a catch block', "export async function f(token: string) { try { await axios.get('/x', { headers: { Authorization: token } }); } catch (e) { console.log(e.config); } }"],
    ['an instance default, from the response', "const api = axios.create({ headers: { Authorization: process.env.API_TOKEN } });\nexport async function f() { try { await api.post('/x', {}); } catch (e) { console.log(e.response.config.headers); } }"],
    ['a .catch callback after then', "export function f(apiKey: string) { return axios.put('/x', {}, { headers: { 'x-api-key': apiKey } }).then((r) => r.data).catch((e) => console.log(e.config)); }"],
  ])('%s', (_name, code) => {
    expect(loggedOf(code)).not.toEqual([]);
  });

  it.each([
    ['the error whole', "export async function f(token: string) { try { await axios.get('/x', { headers: { Authorization: token } }); } catch (e) { console.log(e); } }"],
    ['a request without credentials', "export async function f() { try { await axios.get('/x', { timeout: 1 }); } catch (e) { console.log(e.config); } }"],
    ['the URL of the config', "export async function f(token: string) { try { await axios.get('/x', { headers: { Authorization: token } }); } catch (e) { console.log(e.config.url); } }"],
  ])('not %s', (_name, code) => {
    expect(loggedOf(code)).toEqual([]);
  });
});
