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

  it('is empty when the stdio entry also offers an HTTP transport, itself or through a module it imports', () => {
    expect(localFilesOf({ ...STORE, 'src/index.ts': `${STDIO}\n${HTTP}\nimport { save } from './auth/tokens.js';` })).toEqual([]);
    expect(localFilesOf({ ...STORE, 'src/http.ts': "import express from 'express';", 'src/index.ts': `${STDIO}\nimport './http.js';\nimport { save } from './auth/tokens.js';` })).toEqual([]);
  });

  it('leaves out what another entry (a server) also runs', () => {
    const files = { ...STORE, 'src/stdio.ts': `${STDIO}\nimport { save } from './auth/tokens.js';`, 'src/http.ts': `${HTTP}\nimport { save } from './auth/tokens.js';` };
    expect(localFilesOf(files)).toEqual(['src/stdio.ts']);
  });

  it('is empty without a stdio transport', () => {
    expect(localFilesOf({ ...STORE, 'src/index.ts': "import { save } from './auth/tokens.js';" })).toEqual([]);
  });
});
