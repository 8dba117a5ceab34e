import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { extractFlowFacts } from './flow-facts.js';

/** Whether each write of `code` is given a request's whole session. */
function sessionDataOf(code: string): boolean[] {
  const sf = parseSource('src/a.ts', `import { writeFileSync } from 'node:fs';\n${code}`);
  return extractFlowFacts(sf, { path: 'src/a.ts', config: resolveConfig({}) }).writes.map((w) => w.sessionData === true);
}

describe('a request session written whole (writesRequestSession)', () => {
  it.each([
    ['express-session, stringified', "export const h = (req: any) => writeFileSync('s.json', JSON.stringify(req.session));"],
    ['Koa, through a const', "export const h = (ctx: any) => { const s = ctx.session; writeFileSync('s.json', JSON.stringify(s, null, 2)); };"],
    ['a request named for its framework', "export const h = (expressReq: any) => writeFileSync('s.json', expressReq.session);"],
  ])('%s', (_name, code) => {
    expect(sessionDataOf(code)).toEqual([true]);
  });

  it.each([
    ['a field of the session', "export const h = (req: any) => writeFileSync('s.json', JSON.stringify(req.session.views));"],
    ['a session of something else', "export const h = (game: any) => writeFileSync('s.json', JSON.stringify(game.session));"],
  ])('not %s', (_name, code) => {
    expect(sessionDataOf(code)).toEqual([false]);
  });
});
