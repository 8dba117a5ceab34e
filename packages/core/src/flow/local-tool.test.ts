import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/config.js';
import { parseSource } from '../parse/parse-source.js';
import { ProjectModel } from '../project/project-model.js';
import { summarizeFile } from '../summary/summarize-file.js';
import { localToolFiles } from './local-tool.js';

const config = resolveConfig({});

function localFilesOf(files: Record<string, string>): string[] {
  const summaries = new Map(Object.entries(files).map(([path, text]) => [path, summarizeFile(parseSource(path, text), '', { path, config })]));
  return [...localToolFiles(new ProjectModel(summaries))].sort();
}

const STDIO = "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';";
const HTTP = "import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';";
const STORE = { 'src/auth/tokens.ts': "import { writeFile } from 'node:fs/promises'; export const save = (t: string) => writeFile('tokens.json', t);" };

describe('localToolFiles', () => {
  it('holds what only a stdio MCP server runs', () => {
    expect(localFilesOf({ ...STORE, 'src/index.ts': `${STDIO}\nimport { save } from './auth/tokens.js';` })).toEqual(['src/auth/tokens.ts', 'src/index.ts']);
  });

  it('follows the files a stdio server imports through others, and a plain http import (a loopback OAuth redirect)', () => {
    const files = { ...STORE, 'src/auth/login.ts': "import { createServer } from 'node:http'; import { save } from './tokens.js';", 'src/index.ts': `${STDIO}\nimport './auth/login.js';` };
    expect(localFilesOf(files)).toEqual(['src/auth/login.ts', 'src/auth/tokens.ts', 'src/index.ts']);
  });

  it("holds what only an Electron app's main process runs, unless it serves the network", () => {
    const main = "import { app, BrowserWindow } from 'electron';\nimport { save } from './auth/tokens.js';\napp.whenReady().then(() => new BrowserWindow());";
    expect(localFilesOf({ ...STORE, 'src/main.ts': main })).toEqual(['src/auth/tokens.ts', 'src/main.ts']);
    expect(localFilesOf({ ...STORE, 'src/main.ts': `${main}\nimport express from 'express';\nexpress().listen(4000);` })).toEqual([]);
  });

  it('follows modules loaded later by import() (a lazily loaded command of a CLI)', () => {
    const files = { ...STORE, 'bin/cli.js': "#!/usr/bin/env node\nif (process.argv[2] === 'login') { const { save } = await import('../src/auth/tokens.js'); await save('t'); }" };
    expect(localFilesOf(files)).toEqual(['bin/cli.js', 'src/auth/tokens.ts']);
  });

  it('is empty when the stdio entry loads an HTTP transport or a web framework later, by import()', () => {
    const lazyHttp = "if (process.env.MCP_TRANSPORT === 'http') { const { default: express } = await import('express'); express().listen(3000); }";
    expect(localFilesOf({ ...STORE, 'src/index.ts': `${STDIO}\nimport { save } from './auth/tokens.js';\n${lazyHttp}` })).toEqual([]);
  });

  it('is empty when the stdio entry also offers an HTTP transport, itself or through a module it imports', () => {
    expect(localFilesOf({ ...STORE, 'src/index.ts': `${STDIO}\n${HTTP}\nimport { save } from './auth/tokens.js';` })).toEqual([]);
    expect(localFilesOf({ ...STORE, 'src/http.ts': "import express from 'express';", 'src/index.ts': `${STDIO}\nimport './http.js';\nimport { save } from './auth/tokens.js';` })).toEqual([]);
  });

  it('leaves out what another entry (a server) also runs', () => {
    const files = { ...STORE, 'src/stdio.ts': `${STDIO}\nimport { save } from './auth/tokens.js';`, 'src/http.ts': `${HTTP}\nimport { save } from './auth/tokens.js';` };
    expect(localFilesOf(files)).toEqual(['src/stdio.ts']);
  });

  it('is empty without a stdio transport or a developer script', () => {
    expect(localFilesOf({ ...STORE, 'src/index.ts': "import { save } from './auth/tokens.js';" })).toEqual([]);
  });

  it('holds what only developer scripts run (a CLI entry with a shebang, scripts/)', () => {
    const files = { 'src/commands/init.ts': "import { writeFileSync } from 'node:fs'; export const init = () => writeFileSync('.env', 'K=1');", 'src/cli.ts': "#!/usr/bin/env node\nimport { init } from './commands/init.js';", 'scripts/setup.ts': "import { init } from '../src/commands/init.js';" };
    expect(localFilesOf(files)).toEqual(['scripts/setup.ts', 'src/cli.ts', 'src/commands/init.ts']);
  });

  it("leaves out what a script starting a server runs (express-generator's bin/www)", () => {
    const files = { ...STORE, 'src/app.ts': "import express from 'express'; import { save } from './auth/tokens.js';", 'bin/www.ts': "#!/usr/bin/env node\nimport http from 'node:http'; import app from '../src/app.js';" };
    expect(localFilesOf(files)).toEqual([]);
    expect(localFilesOf({ ...STORE, 'bin/serve.ts': "#!/usr/bin/env node\nimport http from 'node:http'; import { save } from '../src/auth/tokens.js';" })).toEqual([]);
  });
});
