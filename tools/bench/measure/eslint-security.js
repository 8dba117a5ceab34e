// The comparison users would otherwise run: ESLint 9 with eslint-plugin-security's recommended
// rules and the typescript-eslint parser (syntax only, no type information), on the same files.
import { discoverFiles } from '@shiftguard/core';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import security from 'eslint-plugin-security';
import { reportResult } from './report-result.js';

const root = process.argv[2] ?? '.';
const files = discoverFiles({ root });
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  cache: false,
  overrideConfig: [
    { files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], languageOptions: { parser: tsParser, sourceType: 'module' } },
    security.configs.recommended,
  ],
});
const results = await eslint.lintFiles(files);
reportResult({
  files: results.length,
  messages: results.reduce((n, r) => n + r.messages.length, 0),
  fatal: results.reduce((n, r) => n + r.fatalErrorCount, 0),
});
