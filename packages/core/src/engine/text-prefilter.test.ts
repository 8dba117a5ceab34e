import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../tests/corpus.js';
import { resolveConfig, type ShiftguardConfigInput } from '../config/config.js';
import { ruleIds } from '../rules/index.js';
import { scanFiles } from '../scan-files.js';
import { rulesThatMayReport } from './text-prefilter.js';

const config = (input: ShiftguardConfigInput = {}) => resolveConfig(input, 'test', ruleIds);
const findingsOf = (text: string, input: ShiftguardConfigInput = {}) => scanFiles({ files: [{ path: 'src/a.ts', text }], config: input }).findings;

const corpus = loadCorpus();
/** Whether the file is analysed at all: some rule may report in it. */
const passesTextPrefilter = (text: string, cfg: ReturnType<typeof config>) => rulesThatMayReport(text, cfg).length > 0;

// The property the editor relies on: a file scanned alone gets the same verdict with the prefilter
// (and the analyses it leaves out) as a complete analysis, for every source file of the labelled
// corpus (with each case's config). An empty second file makes the analysis complete: a file
// scanned alone without a cache gets only the summary sections its rules read.
const EMPTY_FILE = { path: '__empty__.ts', text: '' };

describe('the prefilter over every file of the fixture corpus', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const input = c.config as ShiftguardConfigInput | undefined;
    for (const file of c.files) {
      const full = scanFiles({ files: [file, EMPTY_FILE], config: input });
      const prefiltered = scanFiles({ files: [file], config: input, isParsedByCaller: true });
      expect({ file: file.path, findings: prefiltered.findings, suppressed: prefiltered.suppressed }).toEqual({ file: file.path, findings: full.findings, suppressed: full.suppressed });
    }
  });

  // Guards the cases above: a prefilter that passes every file would satisfy them too.
  it('skips a share of the corpus files', () => {
    const files = corpus.flatMap((c) => c.files.map((f) => ({ text: f.text, config: config(c.config as ShiftguardConfigInput | undefined) })));
    const skipped = files.filter((f) => !passesTextPrefilter(f.text, f.config));
    expect(skipped.length).toBeGreaterThan(files.length / 20);
  });
});

describe('passesTextPrefilter', () => {
  // Code a naive filter (secret words, `logger.`, `writeFile`, `admin` in a route call) would skip.
  it.each([
    { name: 'a destructured log method', code: `import { logger } from './logger';\nconst { info } = logger;\nexport function f(token: string) { info(token); }\n` },
    { name: 'a secret bound into a child logger', code: `import pino from 'pino';\nconst root = pino();\nexport function f(token: string) { return root.child({ token }); }\n` },
    { name: 'a log method picked by a computed key', code: `import pino from 'pino';\nconst root = pino();\nexport function f(lvl: 'warn', token: string) { root[lvl](token); }\n` },
    { name: 'a node debuglog function under another name', code: `import util from 'node:util';\nconst dbg = util.debuglog('auth');\nexport function f(token: string) { dbg(token); }\n` },
    { name: 'a log method spelled with an escape', code: `export function f(password: string) { console.\\u006cog(password); }\n` },
    { name: 'a configured dotted logger', code: `export function f(password: string) { audit.record(password); }\n`, config: { loggers: ['audit.record'] } },
    { name: 'a configured logger function', code: `export function f(password: string) { emitTrace(password); }\n`, config: { loggers: ['emitTrace'] } },
    { name: 'a whole request object', code: `export function f(incomingReq: unknown) { console.log(incomingReq); }\n` },
    { name: 'the session id of a Koa context', code: `export function f(ctx: any) { console.log(ctx.session.id); }\n` },
    { name: 'a connection string with a password', code: `const url = 'postgres:\\/\\/app:hunter2@db/main';\nconsole.info(url);\n` },
    { name: 'a token signed by jsonwebtoken', code: `import { sign } from 'jsonwebtoken';\nexport function f(sub: string) { console.log(sign({ sub }, 'k')); }\n` },
    { name: "a socket.io handshake", code: `export function f(socket: any) { console.log(socket.handshake); }\n` },
    { name: 'a NestJS @Req() parameter', code: `import { Req } from '@nestjs/common';\nexport class C { m(@Req() r: unknown) { console.log(r); } }\n` },
    { name: 'a header read from a Koa context', code: `export function f(ctx: any) { console.log(ctx.get('X-Api-Key')); }\n` },
    { name: 'a configured secret name', code: `export function f(user: { ssn: string }) { console.log(user.ssn); }\n`, config: { sensitiveNames: { add: ['ssn'] } } },
    { name: 'a reasonless suppression in a file with no sink', code: `// shiftguard-ignore-next-line no-secrets-in-logs\nexport const a = 1;\n` },
    { name: 'a file write through require', code: `const io = require('node:fs');\nexport function save(token: string) { io.writeFileSync('/var/t', token); }\n` },
    { name: 'a session file store', code: `import session from 'express-session';\nimport FileStore from 'session-file-store';\nconst Store = FileStore(session);\nexport const store = new Store({});\n` },
    { name: 'Nest routes declared by decorators only', code: `import { Controller, Get } from '@nestjs/common';\n@Controller('admin')\nexport class AdminController {\n  @Get('users')\n  list() { return []; }\n}\n` },
    { name: 'an admin path split over concatenated strings', code: `import express from 'express';\nconst app = express();\nconst AREA = '/ad';\napp.get(AREA + 'min/users', (req, res) => res.json([]));\n` },
    { name: 'an admin path split over a template', code: `import express from 'express';\nconst app = express();\napp.get(\`/su\${'do'}/users\`, (req, res) => res.json([]));\n` },
    { name: 'an admin path split at a segment start', code: `import express from 'express';\nconst app = express();\napp.get('/v1/' + ('_inte' + 'rnal'), (req, res) => res.json([]));\n` },
    { name: 'a route under a configured admin glob', code: `import express from 'express';\nconst app = express();\napp.get('/ops/users', (req, res) => res.json([]));\n`, config: { adminPaths: ['/ops/**'] } },
    { name: 'an admin path spelled with an escape that does nothing', code: `export const r = (app: any) => app.get('/a\\dmin', (q: any, s: any) => s.end());\n` },
    { name: 'a file module named with an escape that does nothing', code: `require('f\\s').writeFileSync('tokens.json', process.env.API_TOKEN);\n` },
    { name: 'a log method picked by a computed key, called optionally', code: `import pino from 'pino';\nconst root = pino();\nexport function f(lvl: 'warn', token: string) { root[lvl]?.(token); }\n` },
    { name: 'a child logger given type arguments', code: `import pino from 'pino';\nconst root = pino();\nexport function f(token: string) { return root.child<never>({ token }); }\n` },
    { name: 'an auth package named in a template literal', code: 'new (require(`passport-local`).Strategy)((u: string, p: string, done: unknown) => console.log(p));\n' },
    { name: "an MCP handler's extra", code: `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nnew McpServer({ name: 'x', version: '1' }).tool('t', async (extra) => { console.log(extra); return { content: [] }; });\n` },
    { name: 'a token endpoint known by its grant_type body', code: `export async function f(url: string, kind: string) {\n  const res = await fetch(url, { method: 'POST', body: new URLSearchParams({ grant_type: kind }) });\n  console.log(await res.json());\n}\n` },
    { name: 'a Supabase sign-up answer', code: `export async function f(sb: any, input: any) {\n  const r = await sb.auth.signUp(input);\n  console.log(r);\n}\n` },
  ])('analyses $name', ({ code, config: input }) => {
    expect(findingsOf(code, input)).not.toEqual([]);
    expect(passesTextPrefilter(code, config(input))).toBe(true);
  });

  // Code a naive filter would analyse for nothing: secret names with no sink, words that contain a
  // log method, an admin path that is never registered.
  it.each([
    { name: 'secrets with no sink', code: `const password = process.env.DB_PASSWORD;\nexport const db = { password, token: 'x' };\n` },
    { name: 'words containing log method names', code: `// logs and dialogs: see the changelog\nexport interface Catalog { information: string; errors: number }\n` },
    { name: 'an admin path constant', code: `export const ADMIN_PATH = '/admin';\nexport const ROUTES = { internal: '/internal' } as const;\n` },
    { name: 'a Logger type and an Error class', code: `export type Logger = { child(): Logger };\nexport class AccountError extends Error {}\n` },
    { name: 'routes with no admin path', code: `import express from 'express';\nconst app = express();\nconst AREA = '/users';\napp.get(AREA + '/:id', (req, res) => res.json([]));\napp.delete(\`\${AREA}/:id\`, (req, res) => res.json([]));\n` },
    { name: 'a Map read in a service', code: `const cache = new Map<string, string>();\nexport function find(id: string) { return cache.get('user:' + id); }\n` },
    { name: 'a regular expression with escapes', code: `export const DIGITS = /\\d+\\s*\\w/;\nexport const words = (s: string) => s.split(/\\s+/);\n` },
    { name: 'log calls with nothing secret to log', code: `import type { Logger } from './logger';\n// required: a query with a keyId\nexport function remove(log: Logger, keyId: string, query: { page: number }) { log.warn({ keyId, page: query.page }, 'deleted'); }\n` },
  ])('skips $name', ({ code }) => {
    expect(findingsOf(code)).toEqual([]);
    expect(passesTextPrefilter(code, config())).toBe(false);
  });

  it('names the rules that may report, so that a file runs only the analyses it needs', () => {
    const routesAndLogs = `import express from 'express';\nconst app = express();\napp.get('/users', (req, res) => { console.log(req.headers.authorization); res.json([]); });\n`;
    expect(rulesThatMayReport(routesAndLogs, config())).toEqual(['no-secrets-in-logs']);
    expect(rulesThatMayReport(routesAndLogs.replace('/users', '/admin/users'), config())).toEqual(['no-secrets-in-logs', 'no-unprotected-admin-route']);
    expect(rulesThatMayReport(`// shiftguard-ignore-next-line no-such-rule\nexport {};\n`, config({ rules: { 'no-secrets-in-logs': 'off' } }))).toEqual(ruleIds.filter((id) => id !== 'no-secrets-in-logs'));
  });

  it('has a trigger for every registered rule, and ignores rules turned off', () => {
    for (const id of ruleIds) {
      const only = config({ rules: Object.fromEntries(ruleIds.map((other) => [other, other === id ? 'error' : 'off'])) });
      expect(passesTextPrefilter('export type Id = string;\n', only), id).toBe(false);
    }
    expect(passesTextPrefilter('console.log(a);\n', config({ rules: { 'no-secrets-in-logs': 'off' } }))).toBe(false);
  });
});

describe('scanFiles with isParsedByCaller', () => {
  it('still analyses binary content, which the engine refuses and ESLint accepts', () => {
    const result = scanFiles({ files: [{ path: 'a.ts', text: 'export const s = "a\0b";\n' }], isParsedByCaller: true });
    expect(result.errors.map((e) => e.kind)).toEqual(['parse']);
  });

  it('prefilters a file only when it is scanned alone', () => {
    // `a.ts` has no sink of its own: the secret reaches a log call through the wrapper in `log.ts`.
    const files = [
      { path: 'a.ts', text: `import { logIt } from './log';\nexport function f(token: string) { logIt(token); }\n` },
      { path: 'log.ts', text: `export function logIt(value: string) { console.log(value); }\n` },
    ];
    const findings = scanFiles({ files, isParsedByCaller: true }).findings;
    expect(findings.map((f) => f.file)).toContain('a.ts');
  });

  it('still reports syntax errors when the caller has not parsed the text', () => {
    const text = 'export const = ;\n';
    expect(scanFiles({ files: [{ path: 'a.ts', text }] }).errors).toHaveLength(1);
  });

  // Text the caller's parser accepted and the engine's TypeScript rejects (the caller's tree is from
  // another TypeScript release, so the engine parses again): a file no rule can report in is not
  // parsed, so nothing is said and no finding is lost; any other file gets a parse error.
  it('reports text only its own TypeScript rejects in a file where a rule could report, and skips it elsewhere', () => {
    const rejected = 'export const = ;\n';
    expect(scanFiles({ files: [{ path: 'a.ts', text: rejected }], isParsedByCaller: true }).errors).toEqual([]);
    const withSink = `${rejected}console.log(process.env.API_KEY);\n`;
    expect(scanFiles({ files: [{ path: 'a.ts', text: withSink }], isParsedByCaller: true }).errors.map((e) => e.kind)).toEqual(['parse']);
  });
});
