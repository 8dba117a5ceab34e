// The repository lints itself: typescript-eslint's recommended rules for every package, and (once the
// plugin exists) shiftguard's own recommended config, dogfooding the rules on our own code.
import js from '@eslint/js';
import globals from 'globals';
import shiftguard from 'eslint-plugin-shiftguard';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/tests/fixtures/**', 'examples/**', 'tools/bench/.generated/**', 'tools/**/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  shiftguard.configs.recommended,
);
