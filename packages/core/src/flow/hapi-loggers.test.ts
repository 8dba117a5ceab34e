import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

const HAPI = "import Hapi from '@hapi/hapi';\n";

/** The log sinks the flow facts record for `code` (each call logs `token`). */
function sinksOf(code: string): string[] {
  const sf = parseSource('a.ts', code);
  return extractFlowFacts(sf, { path: 'a.ts', config: resolveConfig({}) }).logCalls.map((c) => c.sink);
}

describe('Hapi log methods (isHapiLogHolder)', () => {
  it.each([
    ['server.log on Hapi.server()', `${HAPI}const server = Hapi.server(); server.log(['a'], token);`, ['server.log']],
    ['server.log on new Hapi.Server()', `${HAPI}const s = new Hapi.Server({}); s.log(['a'], token);`, ['s.log']],
    ['a named server import', "import { server as make } from '@hapi/hapi';\nconst app = make(); app.log(['a'], token);", ['app.log']],
    ['a required Hapi', "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server(); server.log(['a'], token);", ['server.log']],
    ['request.log in a route handler method', `${HAPI}server.route({ path: '/', handler(request, h) { request.log(['a'], token); } });`, ['request.log']],
    ['req.log in an arrow handler', `${HAPI}server.route({ path: '/', handler: (req, h) => req.log(['a'], token) });`, ['req.log']],
    ['h.request.log', `${HAPI}server.route({ handler: (request, h) => { h.request.log(['a'], token); } });`, ['h.request.log']],
    ['request.log in server.ext', `${HAPI}server.ext('onRequest', (request, h) => { request.log(['a'], token); return h.continue; });`, ['request.log']],
    ['an extension object method', `${HAPI}server.ext({ type: 'onRequest', method(request, h) { request.log(['a'], token); } });`, ['request.log']],
    ['a handler written apart, typed with Hapi.Request', `${HAPI}async function login(request: Hapi.Request) { request.log(['a'], token); }`, ['request.log']],
    ['a handler typed with an imported ResponseToolkit', "import type { Request, ResponseToolkit } from '@hapi/hapi';\nfunction f(r: Request, h: ResponseToolkit) { h.request.log(['a'], token); }", ['h.request.log']],
    ['the server a plugin registers on', `${HAPI}export const plugin = { name: 'p', register: async (server, options) => { server.log(['a'], token); } };`, ['server.log']],
    ['a parameter typed Hapi.Server', `${HAPI}export function setup(options: object, srv: Hapi.Server) { srv.log(['a'], token); }`, ['srv.log']],
    ['hapi-pino request.logger', `${HAPI}server.route({ handler(request) { request.logger.info(token); } });`, ['request.logger.info']],
  ])('%s', (_name, code, sinks) => {
    expect(sinksOf(code)).toEqual(sinks);
  });

  it.each([
    ['request.log in a file without Hapi', "server.route({ handler(request, h) { request.log(['a'], token); } });"],
    ['a server not made by Hapi', `${HAPI}const server = makeServer(); server.log(['a'], token);`],
    ['the second handler parameter', `${HAPI}server.route({ handler(request, h) { h.log(['a'], token); } });`],
    ['a request that is not a handler parameter', `${HAPI}function f(request: Req) { request.log(['a'], token); }`],
    ['a parameter typed with another Request', `${HAPI}import type { Request } from 'express';\nfunction f(request: Request) { request.log(['a'], token); }`],
    ['the request type in the second position', `${HAPI}function f(a: unknown, request: Hapi.Request) { request.log(['a'], token); }`],
    ['the options a plugin is given', `${HAPI}export const plugin = { register(server, options) { options.log(['a'], token); } };`],
    ['another method of the request', `${HAPI}server.route({ handler(request) { request.setUrl(token); } });`],
  ])('%s', (_name, code) => {
    expect(sinksOf(code)).toEqual([]);
  });
});
