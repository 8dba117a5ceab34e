import { runRuleTable } from '../support/run-rule-table.js';

const write = (line: number, file?: string) => ({ messageId: 'secretWrittenToFile', line, ...(file !== undefined && { file }) });
const store = (line: number, file?: string) => ({ messageId: 'fileStoreInProduction', line, ...(file !== undefined && { file }) });

const fileTokenStore = `import { writeFileSync } from 'node:fs';
export class FileTokenStore {
  constructor(private readonly file = 'data/store.json') {}
  save(tokens: Record<string, string>) {
    writeFileSync(this.file, JSON.stringify(tokens));
  }
}
`;

runRuleTable('no-file-storage-in-production', {
  valid: [
    { name: 'outside a list that names production', code: `import fs from 'node:fs';\nfunction f(token: string) {\n  if (!['production', 'staging'].includes(process.env.NODE_ENV ?? '')) fs.writeFileSync('tokens.json', token);\n}` },
    { name: "Express app.get('env') guard", code: `import fs from 'node:fs';\nimport express from 'express';\nconst app = express();\nfunction f(token: string) {\n  if (app.get('env') === 'development') fs.writeFileSync('token.txt', token);\n}` },
    { name: 'number-typed token count', code: `import fs from 'node:fs';\nfunction f(tokens: number) { fs.writeFileSync('usage.json', JSON.stringify({ tokens })); }` },
    { name: 'test support outside the test globs', code: { 'src/__mocks__/store.ts': `import fs from 'node:fs';\nexport function save(token: string) { fs.writeFileSync('tokens.json', token); }`, 'e2e/auth.ts': `import fs from 'node:fs';\nexport function save(sessionToken: string) { fs.writeFileSync('state.json', sessionToken); }`, 'src/auth.mock.ts': `import fs from 'node:fs';\nexport function save(apiKey: string) { fs.writeFileSync('k.json', apiKey); }` } },
    { name: 'class field holding a plain path', code: `import fs from 'node:fs';\nexport class Stats {\n  private readonly file = './data/stats.json';\n  save(data: object) { fs.writeFileSync(this.file, JSON.stringify(data)); }\n}\nexport const stats = new Stats();` },
    { name: 'constructor parameter property defaulting to a plain file', code: `import fs from 'node:fs';\nexport class JsonStore {\n  constructor(private readonly file = 'data/stats.json') {}\n  save(data: object) { fs.writeFileSync(this.file, JSON.stringify(data)); }\n}\nexport const store = new JsonStore();` },
    { name: 'plain cache file', code: `import fs from 'node:fs';\nexport function saveStats(stats: object) { fs.writeFileSync('stats.json', JSON.stringify(stats)); }` },
    { name: 'guarded by NODE_ENV !== production', code: `import fs from 'node:fs';\nfunction f(token: string) {\n  if (process.env.NODE_ENV !== 'production') fs.writeFileSync('tokens.json', token);\n}` },
    { name: 'early return in production', code: `import { writeFile } from 'node:fs/promises';\nexport async function f(token: string) {\n  if (process.env.NODE_ENV === 'production') return;\n  await writeFile('tokens.json', token);\n}` },
    { name: 'const derived from NODE_ENV', code: `import fs from 'fs';\nconst isDev = process.env.NODE_ENV === 'development';\nfunction f(secret: string) { if (isDev) { fs.appendFileSync('.env.local', secret); } }` },
    { name: 'store refuses production', code: { 'src/store.ts': `import { writeFileSync } from 'node:fs';\nexport class FileTokenStore {\n  constructor() { if (process.env.NODE_ENV === 'production') throw new Error('FileTokenStore is for development only'); }\n  save(t: string) { writeFileSync('tokens.json', t); }\n}`, 'src/app.ts': `import { FileTokenStore } from './store.js';\nexport const store = new FileTokenStore();` } },
    { name: 'store chosen only outside production', code: { 'src/store.ts': fileTokenStore, 'src/app.ts': `import { FileTokenStore } from './store.js';\nimport { RedisTokenStore } from './redis.js';\nexport const store = process.env.NODE_ENV === 'production' ? new RedisTokenStore() : new FileTokenStore();` } },
    { name: 'session-file-store only in development', code: `import session from 'express-session';\nconst FileStore = require('session-file-store')(session);\nexport const store = process.env.NODE_ENV === 'development' ? new FileStore({}) : undefined;` },
    { name: 'helper called only under a guard', code: `import fs from 'node:fs';\nfunction dumpTokens(t: string) { fs.writeFileSync('tokens.json', t); }\nexport function boot(t: string) { if (process.env.NODE_ENV !== 'production') dumpTokens(t); }` },
    { name: 'sensitiveNames.remove applies to written data', config: { sensitiveNames: { remove: ['sessionId'] } }, code: `import fs from 'node:fs';\nexport function f(sessionId: string) { fs.appendFileSync('visits.log', sessionId); }` },
    { name: 'switch on NODE_ENV', code: `import fs from 'node:fs';\nexport function f(token: string) {\n  switch (process.env.NODE_ENV) {\n    case 'development':\n      fs.writeFileSync('tokens.json', token);\n      break;\n    default:\n      break;\n  }\n}` },
    { name: 'constructor refuses through a helper', code: `import fs from 'node:fs';\nfunction assertDevelopmentOnly() { if (process.env.NODE_ENV === 'production') throw new Error('dev only'); }\nexport class FileTokenStore {\n  constructor() { assertDevelopmentOnly(); }\n  save(t: string) { fs.writeFileSync('tokens.json', t); }\n}\nexport const store = new FileTokenStore();` },
    { name: 'generic file store used for plain data', code: `import fs from 'node:fs';\nclass JsonFileStore { set(k: string, v: unknown) { fs.writeFileSync(k + '.json', JSON.stringify(v)); } }\nexport const cache = new JsonFileStore();` },
    { name: 'file-local factory called only in development', code: { 'src/store.ts': fileTokenStore, 'src/app.ts': `import { FileTokenStore } from './store.js';\nfunction devStore() { return new FileTokenStore(); }\nexport const store = process.env.NODE_ENV === 'development' ? devStore() : undefined;` } },
    { name: 'setup file at the project root', code: { 'setup-env.mjs': `import { randomBytes } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\nwriteFileSync('.env', 'SESSION_SECRET=' + randomBytes(32).toString('hex'));` } },
    { name: 'developer script', code: { 'scripts/init-env.ts': `import { randomBytes } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\nconst jwtSecret = randomBytes(32).toString('hex');\nwriteFileSync('.env', \`JWT_SECRET=\${jwtSecret}\\n\`);` } },
  ],
  invalid: [
    { name: 'write methods destructured or aliased from fs', code: `import fs from 'node:fs';\nconst { writeFile } = fs.promises;\nconst append = fs.appendFileSync;\nconst { writeFileSync: put } = require('fs');\nexport async function save(accessToken: string) {\n  await writeFile('state.json', accessToken);\n  append('state.log', accessToken);\n  put('state.txt', accessToken);\n}`, errors: [write(6), write(7), write(8)] },
    { name: 'a list without production guards nothing', code: `import fs from 'node:fs';\nfunction f(token: string) {\n  if (!['staging', 'test'].includes(process.env.NODE_ENV ?? '')) fs.writeFileSync('tokens.json', token);\n}`, errors: [write(3)] },
    { name: 'class field holding a secret file path', code: `import fs from 'node:fs';\nexport class Persist {\n  private file: string;\n  constructor() { this.file = 'data/secrets.json'; }\n  save(data: object) { fs.writeFileSync(this.file, JSON.stringify(data)); }\n}\nexport const persist = new Persist();`, errors: [store(7)] },
    { name: 'path parameter defaulting to a secret file', code: `import fs from 'node:fs';\nfunction save(data: string, file = 'data/credentials.json') {\n  fs.writeFileSync(file, data);\n}\nexport function f(userId: string) { save(userId); }`, errors: [write(3)] },
    { name: 'promisified write methods', code: `const fs = require('fs');\nconst util = require('util');\nconst write = util.promisify(fs.writeFile);\nexport async function save(apiKey: string) {\n  await write('k.json', apiKey);\n}`, errors: [write(5)] },
    { name: 'constructor parameter property defaulting to a secret file', code: `import fs from 'node:fs';\nexport class JsonStore {\n  constructor(private readonly file = 'data/credentials.json') {}\n  save(data: object) { fs.writeFileSync(this.file, JSON.stringify(data)); }\n}\nexport const store = new JsonStore();`, errors: [store(6)] },
    { name: 'token written to tokens.json', code: `import fs from 'node:fs';\nexport function save(token: string) {\n  fs.writeFileSync('tokens.json', token);\n}`, errors: [write(3)] },
    { name: 'named fs/promises import', code: `import { appendFile } from 'fs/promises';\nexport async function save(user: { refreshToken: string }) {\n  await appendFile('log/users.txt', user.refreshToken);\n}`, errors: [write(3)] },
    { name: 'fs-extra outputJson to credentials path', code: `import fse from 'fs-extra';\nexport async function persist(data: object) {\n  await fse.outputJson('config/credentials.json', data);\n}`, errors: [write(3)] },
    { name: 'write stream of sessions', code: `import { createWriteStream } from 'node:fs';\nconst out = createWriteStream('data/sessions.log');\nexport function record(sessionId: string) { out.write(sessionId + '\\n'); }`, errors: [write(2)] },
    { name: 'FileTokenStore used unguarded', code: { 'src/store.ts': fileTokenStore, 'src/app.ts': `import { FileTokenStore } from './store.js';\nexport const store = new FileTokenStore();` }, errors: [store(2)] },
    { name: 'factory allows STORE=file in production', code: { 'src/store.ts': fileTokenStore, 'src/app.ts': `import { FileTokenStore } from './store.js';\nimport { RedisTokenStore } from './redis.js';\nexport function createStore() {\n  if (process.env.STORE === 'file') return new FileTokenStore();\n  return new RedisTokenStore();\n}` }, errors: [store(4)] },
    { name: 'wrapper writing a secret', code: `import fs from 'node:fs';\nfunction persist(file: string, data: string) { fs.writeFileSync(file, data); }\nexport function onLogin(accessToken: string) {\n  persist('cache/user.json', accessToken);\n}`, errors: [write(4)] },
    { name: 'store factory closure', code: `import fs from 'node:fs';\nexport function createFileSessionStore(dir: string) {\n  return { set(id: string, data: string) { fs.writeFileSync(dir + '/' + id, data); } };\n}\nexport const sessions = createFileSessionStore('/tmp');`, errors: [store(5)] },
    { name: 'switch case for production', code: `import fs from 'node:fs';\nexport function f(token: string) {\n  switch (process.env.NODE_ENV) {\n    case 'production':\n      fs.writeFileSync('tokens.json', token);\n  }\n}`, errors: [write(5)] },
    { name: 'generic file store made to hold tokens', code: `import fs from 'node:fs';\nclass JsonFileStore { set(k: string, v: unknown) { fs.writeFileSync(k + '.json', JSON.stringify(v)); } }\nexport const tokenStore = new JsonFileStore();\nexport function createSessionStore() {\n  return new JsonFileStore();\n}`, errors: [store(3), store(5)] },
    { name: 'object literal named as a token store', code: `import { writeFile } from 'node:fs/promises';\nexport const fileTokenStore = {\n  async save(userId: string, value: string) {\n    await writeFile(\`data/\${userId}.json\`, value);\n  },\n};`, errors: [write(4)] },
    { name: 'setup-named file inside the server sources', code: { 'src/setup.ts': `import { randomBytes } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\nwriteFileSync('.env', 'SESSION_SECRET=' + randomBytes(32).toString('hex'));` }, errors: [write(3, 'src/setup.ts')] },
    { name: 'session-file-store in production', code: `import session from 'express-session';\nconst FileStore = require('session-file-store')(session);\nexport const store = new FileStore({ path: './sessions' });`, errors: [store(3)] },
    { name: 'exported helper is reachable whatever its callers do', code: `import fs from 'node:fs';\nexport function dumpTokens(t: string) {\n  fs.writeFileSync('tokens.json', t);\n}\nif (process.env.NODE_ENV !== 'production') dumpTokens('x');`, errors: [write(3)] },
    { name: 'sensitiveNames.add applies to written data', config: { sensitiveNames: { add: ['otp'] } }, code: `import fs from 'node:fs';\nexport function f(otp: string) {\n  fs.appendFileSync('visits.log', otp);\n}`, errors: [write(3)] },
    { name: 'scaffolding in server code writes .env', code: `import { randomBytes } from 'node:crypto';\nimport { writeFileSync } from 'node:fs';\nexport function ensureEnv() {\n  writeFileSync('.env', 'SESSION_SECRET=' + randomBytes(32).toString('hex'));\n}`, errors: [write(4)] },
  ],
});
