import { pluginRule, ruleTester } from '../rule-tester.js';

// The ESLint front door of the engine rule: single-file verdicts, message ids, lines, options and
// the wrap-in-redactor suggestion. The full behaviour table lives in packages/core/tests/rules.
ruleTester.run('no-secrets-in-logs', pluginRule('no-secrets-in-logs'), {
  valid: [
    { name: 'a word inside the message string is not a secret', code: `console.log('Password reset email sent');` },
    { name: 'the length of a secret', code: `export function f(password: string) { console.log(password.length); }` },
    { name: 'a name that only describes a secret', code: `export function f(tokenCount: number) { console.info('tokens', tokenCount); }` },
    { name: 'hashed before logging', code: `import { createHash } from 'node:crypto';\nexport function f(token: string) { console.log(createHash('sha256').update(token).digest('hex')); }` },
    {
      name: 'options: a configured sanitizer',
      code: `import { scrub } from '@corp/log';\nexport function f(token: string) { console.log(scrub(token)); }`,
      options: [{ sanitizers: ['scrub'] }],
    },
    {
      name: 'options: a name removed from the secret names',
      code: `export function f(sessionId: string) { console.log(sessionId); }`,
      options: [{ sensitiveNames: { remove: ['sessionId'] } }],
    },
    { name: 'test code is the CLI’s business too: ignored files are still linted when asked', code: `console.log('ok');`, filename: 'src/app.test.ts' },
  ],
  invalid: [
    {
      name: 'express: a body field named password',
      code: `export function login(req: { body: { password: string } }) {\n  console.log('login', req.body.password);\n}`,
      errors: [{ messageId: 'secretInLog', line: 2, column: 3 }],
    },
    {
      name: 'an authorization header through destructuring and a template literal',
      code: `export function h(req: { headers: Record<string, string> }) {\n  const { authorization } = req.headers;\n  const line = \`auth=\${authorization}\`;\n  console.warn(line);\n}`,
      errors: [{ messageId: 'secretInLog', line: 4 }],
    },
    {
      name: 'the whole process.env',
      code: `console.log(process.env);`,
      errors: [{ messageId: 'secretInLog', line: 1 }],
    },
    {
      name: 'options: a configured sanitizer whose project definition returns its input unchanged still leaks',
      code: `function scrub(s: string) { return s; }\nexport function f(token: string) {\n  console.log(scrub(token));\n}`,
      options: [{ sanitizers: ['scrub'] }],
      errors: [{ messageId: 'secretInLog', line: 3, suggestions: [] }],
    },
    {
      name: 'options: an added secret name',
      code: `export function f(pin: string) {\n  console.log(pin);\n}`,
      options: [{ sensitiveNames: { add: ['pin'] } }],
      errors: [{ messageId: 'secretInLog', line: 2 }],
    },
    {
      name: 'options: a configured logger',
      code: `import { journal } from '@corp/journal';\nexport function f(apiKey: string) {\n  journal.info(apiKey);\n}`,
      options: [{ loggers: ['journal'] }],
      errors: [{ messageId: 'secretInLog', line: 3 }],
    },
    {
      name: 'suggestion: wrap the secret in the redactor the file imports',
      code: `import { redact } from './redact.js';\nexport function f(token: string) {\n  console.log('token', token);\n}`,
      errors: [
        {
          messageId: 'secretInLog',
          line: 3,
          suggestions: [
            { messageId: 'wrapInRedactor', output: `import { redact } from './redact.js';\nexport function f(token: string) {\n  console.log('token', redact(token));\n}` },
          ],
        },
      ],
    },
    {
      name: 'suggestion: a shorthand property keeps its key',
      code: `import { maskSecret } from './mask.js';\nexport function f(user: string, token: string) {\n  console.log({ user, token });\n}`,
      errors: [
        {
          messageId: 'secretInLog',
          line: 3,
          suggestions: [
            { messageId: 'wrapInRedactor', output: `import { maskSecret } from './mask.js';\nexport function f(user: string, token: string) {\n  console.log({ user, token: maskSecret(token) });\n}` },
          ],
        },
      ],
    },
    {
      name: 'suggestion: a configured sanitizer in scope is the redactor',
      code: `import { scrubPii } from 'pii-tools';\nexport function f(req: { headers: Record<string, string> }) {\n  console.log('auth', req.headers.authorization);\n}`,
      options: [{ sanitizers: ['scrubPii'] }],
      errors: [
        {
          messageId: 'secretInLog',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInRedactor',
              output: `import { scrubPii } from 'pii-tools';\nexport function f(req: { headers: Record<string, string> }) {\n  console.log('auth', scrubPii(req.headers.authorization));\n}`,
            },
          ],
        },
      ],
    },
    {
      name: 'suggestion: the whole access and call chain on the secret is wrapped',
      code: `import { redact } from './redact.js';\nexport function f(token: string) {\n  console.log(token.slice(0, 20));\n}`,
      errors: [
        {
          messageId: 'secretInLog',
          line: 3,
          suggestions: [{ messageId: 'wrapInRedactor', output: `import { redact } from './redact.js';\nexport function f(token: string) {\n  console.log(redact(token.slice(0, 20)));\n}` }],
        },
      ],
    },
    {
      name: 'no suggestion when no redactor is in scope: the fix would not compile',
      code: `export function f(token: string) {\n  console.log(token);\n}`,
      errors: [{ messageId: 'secretInLog', line: 2, suggestions: [] }],
    },
  ],
});
