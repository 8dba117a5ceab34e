import { pluginRule, ruleTester } from '../rule-tester.js';

const fs = `import { writeFileSync } from 'node:fs';\n`;

// The ESLint front door of the engine rule, on verdicts decided inside one file. The full behaviour
// table lives in packages/core/tests/rules.
ruleTester.run('no-file-storage-in-production', pluginRule('no-file-storage-in-production'), {
  valid: [
    { name: 'a write of non-secret data to a non-secret path', code: `${fs}export function save(summary: string) {\n  writeFileSync('report.txt', summary);\n}` },
    {
      name: 'the write only happens outside production',
      code: `${fs}export function save(accessToken: string) {\n  if (process.env.NODE_ENV !== 'production') writeFileSync('/tmp/out.txt', accessToken);\n}`,
    },
    {
      name: 'a token file store that refuses to run in production',
      code: `${fs}class FileTokenStore {\n  constructor() { if (process.env.NODE_ENV === 'production') throw new Error('use Redis'); }\n  save(t: string) { writeFileSync('store.json', t); }\n}\nexport const store = new FileTokenStore();`,
    },
    { name: 'options: pin is not a secret name by default', code: `${fs}export function save(pin: string) {\n  writeFileSync('/tmp/out.txt', pin);\n}` },
  ],
  invalid: [
    {
      name: 'a write to a path that names a secret store',
      code: `${fs}export function save(data: string) {\n  writeFileSync('tokens.json', data);\n}`,
      errors: [{ messageId: 'secretWrittenToFile', line: 3, column: 3 }],
    },
    {
      name: 'a secret value written to a file',
      code: `${fs}export function save(accessToken: string) {\n  writeFileSync('/tmp/out.txt', accessToken);\n}`,
      errors: [{ messageId: 'secretWrittenToFile', line: 3 }],
    },
    {
      name: 'a token file store chosen on a production path',
      code: `${fs}class FileTokenStore { save(t: string) { writeFileSync('store.json', t); } }\nexport const store = new FileTokenStore();`,
      errors: [{ messageId: 'fileStoreInProduction', line: 3 }],
    },
    {
      name: 'options: an added secret name',
      code: `${fs}export function save(pin: string) {\n  writeFileSync('/tmp/out.txt', pin);\n}`,
      options: [{ sensitiveNames: { add: ['pin'] } }],
      errors: [{ messageId: 'secretWrittenToFile', line: 3 }],
    },
  ],
});
