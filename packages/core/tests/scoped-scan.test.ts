import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/config.js';
import { analyze } from '../src/engine/analyze.js';
import { ts } from '../src/parse/typescript.js';
import { memoryPathAliases } from '../src/project/path-aliases.js';
import { ruleIds } from '../src/rules/index.js';
import { scanProject } from '../src/scan-project.js';
import { findingKeys, loadCorpus } from './corpus.js';

// A scan scoped to some files (`--staged`, `--changed-since`) reads only the summaries those files
// can depend on. Whatever it leaves out must never change a verdict in the scoped files.
describe('a scan scoped to one file', () => {
  const multiFile = loadCorpus().filter((c) => c.files.length > 1);

  it.each(multiFile.map((c) => [c.name, c] as const))('%s: same findings in each file as the whole-project scan', (_name, c) => {
    const config = resolveConfig(c.config ?? {}, 'config', ruleIds);
    const inputs = c.files.map((f) => ({ path: f.path, read: () => f.text }));
    const aliases = memoryPathAliases(c.files.map((f) => f.path), c.configFiles, (path, text) => ts.parseConfigFileTextToJson(path, text).config);
    const whole = analyze(inputs, { config, aliases });
    for (const { path } of c.files) {
      const scoped = analyze(inputs, { config, aliases, reportOnly: new Set([path]) });
      expect(scoped.findings).toEqual(whole.findings.filter((f) => f.file === path));
    }
  });
});

describe('a scoped scan with a warm cache', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (path: string, text: string, hoursAgo = 1) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const at = new Date(Date.now() - hoursAgo * 3_600_000);
    utimesSync(file, at, at);
  };
  const scoped = () => findingKeys(scanProject({ root, cacheFile: 'cache.json', reportOnly: new Set(['src/routes/admin.ts']) }).findings);

  it('follows a mount and a guard in unscoped files, and sees an unscoped file change', () => {
    root = mkdtempSync(join(tmpdir(), 'shiftguard-scoped-'));
    write('src/routes/admin.ts', `import { Router } from 'express';\nexport const admin = Router();\nadmin.get('/users', (req, res) => res.json([]));\n`);
    write('src/auth.ts', `export function requireAuth(req, res, next) {\n  if (!req.headers.authorization) return res.status(401).end();\n  next();\n}\n`);
    write('src/unrelated.ts', `export const unrelated = 1;\n`);
    const app = (guard: string) => `import express from 'express';\nimport { requireAuth } from './auth.js';\nimport { admin } from './routes/admin.js';\nconst app = express();\napp.use('/admin', ${guard}admin);\napp.listen(3000);\n`;
    write('src/app.ts', app(''));
    expect(scoped()).toEqual(['no-unprotected-admin-route src/routes/admin.ts:3']);
    expect(scoped()).toEqual(['no-unprotected-admin-route src/routes/admin.ts:3']); // warm

    // The guard is added in a file outside the scope, whose cached summary is now stale.
    write('src/app.ts', app('requireAuth, '), 0);
    expect(scoped()).toEqual([]);
    expect(scoped()).toEqual([]); // warm again
  });

  it('follows a mount and a guard imported through tsconfig path aliases', () => {
    root = mkdtempSync(join(tmpdir(), 'shiftguard-scoped-'));
    write('tsconfig.json', `{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }\n`);
    write('src/routes/admin.ts', `import { Router } from 'express';\nexport const admin = Router();\nadmin.get('/users', (req, res) => res.json([]));\n`);
    write('src/auth.ts', `export function check(req, res, next) {\n  if (!req.headers.authorization) return res.status(401).end();\n  next();\n}\n`);
    const app = (guard: string) => `import express from 'express';\nimport { check } from '@/auth';\nimport { admin } from '@/routes/admin';\nconst app = express();\napp.use('/admin', ${guard}admin);\napp.listen(3000);\n`;
    write('src/app.ts', app(''));
    expect(scoped()).toEqual(['no-unprotected-admin-route src/routes/admin.ts:3']);
    write('src/app.ts', app('check, '), 0);
    expect(scoped()).toEqual([]);
    expect(scoped()).toEqual([]); // warm
  });
});
