import { describe, expect, it } from 'vitest';
import { isScriptFile } from './script-file.js';

describe('isScriptFile', () => {
  it.each([
    ['a shebang', 'src/cli.ts', '#!/usr/bin/env node\nmain();'],
    ['a scripts folder', 'scripts/init-env.ts', ''],
    ['a bin folder', 'bin/www', ''],
    ['a jest mocks folder', 'src/__mocks__/fs.ts', ''],
    ['a test-utils folder', 'test-utils/global-setup.ts', ''],
    ['a testing folder in the sources', 'src/testing/seed.ts', ''],
    ['a jasmine spec folder', 'spec/helpers/auth.js', ''],
    ['a jest setup file in the sources', 'src/jest.setup.ts', ''],
    ['a vitest setup file at the root', 'vitest.setup.ts', ''],
    ['a playwright config', 'playwright.config.ts', ''],
    ["CRA's setupTests", 'src/setupTests.ts', ''],
    ['a global setup', 'e2e-support/global-setup.ts', ''],
    ['a mock module', 'src/api.mock.ts', ''],
    ['a setup script at the root', 'setup-env.mjs', ''],
    ["Prisma's seed script", 'prisma/seed.ts', ''],
    ["a command-line program's folder in the sources", 'src/cli/utils/create-env/index.ts', ''],
    ["vite's config", 'vite.config.ts', ''],
    ["webpack's config of an environment", 'config/webpack.config.prod.js', ''],
    ['a gulpfile', 'gulpfile.js', ''],
  ])('%s', (_name, path, text) => {
    expect(isScriptFile(text, path)).toBe(true);
  });

  it.each([
    ['a server module', 'src/auth/token-store.ts'],
    ['a setup-named module in the sources', 'src/setup.ts'],
    ['a seed-named module in the sources, which the server may run as it starts', 'src/db/seed.ts'],
    ['a module named for tests it serves', 'src/routes/test-results.ts'],
    ['a specification-named module', 'src/openapi-spec.ts'],
    ['an API spec folder in the sources', 'src/spec/openapi.ts'],
    ['a folder that only starts like a test folder', 'src/testimonials/save.ts'],
    ['a folder that only ends like a CLI folder', 'src/mcp-cli/token-store.ts'],
    ['a folder named for clients', 'src/clients/token-store.ts'],
    ["Next.js's config, which `next start` loads in production", 'next.config.js'],
    ['an app config module', 'src/app.config.ts'],
  ])('not %s', (_name, path) => {
    expect(isScriptFile('', path)).toBe(false);
  });

  it('not a shebang file that serves the network', () => {
    expect(isScriptFile('#!/usr/bin/env node\nimport express from "express";', 'src/server.ts', () => true)).toBe(false);
  });

  it("not a CLI folder's file that serves the network (a `serve` command)", () => {
    expect(isScriptFile('import express from "express";', 'src/cli/commands/serve.ts', () => true)).toBe(false);
  });

  it.each([
    ['readline on process.stdin', "readline.createInterface({ input: process.stdin, output: process.stdout });"],
    ["stdin imported from node:process (readline/promises' examples)", "import { stdin as input, stdout as output } from 'node:process';"],
    ['stdin destructured from require', "const { stdin, stdout } = require('process');"],
    ['stdin destructured from the global', 'const { stdin } = process;'],
  ])('a program prompting at the terminal: %s', (_name, text) => {
    expect(isScriptFile(text, 'src/authorize.ts')).toBe(true);
  });

  it('not a module importing other members of node:process', () => {
    expect(isScriptFile("import { env, argv } from 'node:process';", 'src/authorize.ts')).toBe(false);
  });

  it('a file in a scripts folder, even when it serves the network', () => {
    expect(isScriptFile('#!/usr/bin/env node', 'scripts/dev-server.ts', () => true)).toBe(true);
  });
});
